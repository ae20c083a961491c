import { readFileSync } from 'node:fs';

// Summarises a V8 CPU profile (`node --cpu-prof`, or BENCH_CPU_PROF_DIR for the
// benchmark's servers): self time per function and per source file, heaviest first.
// Usage: node --import tsx bench/profileSummary.ts <file.cpuprofile> [top]

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error('usage: profileSummary.ts <file.cpuprofile> [top]');
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfMs = new Map<number, number>();
profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));

const shortUrl = (url: string) => url.replace(/^file:\/\/.*?\/(node_modules|server|shared|bench)\//, '$1/').replace(/^node:/, 'node:');
const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms);
const perFunction = new Map<string, number>();
const perFile = new Map<string, number>();
let total = 0;
for (const [id, ms] of selfMs) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  total += ms;
  add(perFunction, `${functionName || '(anonymous)'} ${shortUrl(url)}:${lineNumber + 1}`, ms);
  add(perFile, shortUrl(url) || '(native/idle)', ms);
}
const print = (title: string, map: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [key, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${ms.toFixed(1).padStart(9)} ms ${((100 * ms) / total).toFixed(1).padStart(5)} %  ${key}`);
  }
};
console.log(`${file}: ${(total / 1000).toFixed(2)} s sampled over ${((profile.endTime - profile.startTime) / 1e6).toFixed(2)} s`);
print('self time by function', perFunction);
print('self time by file', perFile);
