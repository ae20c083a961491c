import { fork, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import { runServer } from '../tests/helpers/runServer';
import { signInFirstAdmin } from '../tests/helpers/signInFirstAdmin';
import { connectClient } from '../tests/helpers/syncClient';
import type { LoadClientSettings } from './loadClients';
import { planDigest } from './planDigest';
import { describeMemory, residentMiB, type Sample } from './processMemory';

// 200 people editing one plan for ten minutes, against the real server process on
// 127.0.0.1: each changes a card (status, priority, a text) every four to sixteen
// seconds, twenty changes a second in all, each sent on to 199 others, and moves its
// cursor with each change. The browsers are played by two processes
// (soak/loadClients.ts). Afterwards: no connection dropped, nothing logged as an error,
// every client holds the server's plan; and the server's memory after the warm-up,
// sampled every five seconds. Not part of `npm test`; a run's figures are in
// RELIABILITY.md.
//
//   node --import tsx soak/load200.ts [--clients 200] [--minutes 10] [--warmup 2] [--processes 2] [--out FILE.json]

const { values } = parseArgs({
  options: {
    clients: { type: 'string' },
    minutes: { type: 'string' },
    warmup: { type: 'string' },
    processes: { type: 'string' },
    out: { type: 'string' },
  },
});
const CLIENTS = Math.min(1000, Number(values.clients ?? 200));
const MINUTES = Math.min(120, Number(values.minutes ?? 10));
const WARMUP = Number(values.warmup ?? 2);
const PROCESSES = Math.max(1, Math.min(8, Number(values.processes ?? 2)));
const log = (line: string) => console.error(`${new Date().toISOString().slice(11, 19)} ${line}`);

const server = await runServer({ CLIENT_BUILD: 'skip' });
const headers = await signInFirstAdmin(server.url, server.output());
const wsUrl = `ws://127.0.0.1:${server.port}/ws`;
/** The size of the plan as one update: how much there is to hold, whatever the memory. */
const planBytes = async () => {
  const client = await connectClient(wsUrl, 'plan/2025', { headers });
  const bytes = Y.encodeStateAsUpdate(client.doc).length;
  client.destroy();
  return bytes;
};
const planBytesAtStart = await planBytes();

type Stats = { edits: number; drops: number; rssMiB: number; lagP99Ms: number };
const latest = new Map<ChildProcess, Stats>();
const worstLag: number[] = [];
const share = Math.ceil(CLIENTS / PROCESSES);
const children = await Promise.all(
  Array.from({ length: PROCESSES }, (_, i) => {
    const settings: LoadClientSettings = {
      wsUrl,
      headers,
      clients: Math.min(share, CLIENTS - i * share),
      first: i * share,
      seed: 200 + i,
      minIntervalMs: 4000,
      maxIntervalMs: 16000,
    };
    const child = fork('soak/loadClients.ts', [JSON.stringify(settings)], { execArgv: ['--import', 'tsx'] });
    child.on('message', (m: { type: string } & Stats) => {
      if (m.type === 'stats') {
        latest.set(child, m);
        worstLag.push(m.lagP99Ms);
      }
    });
    return new Promise<ChildProcess>((resolve) => child.on('message', (m: { type: string }) => m.type === 'ready' && resolve(child)));
  }),
);
log(`${CLIENTS} clients in ${PROCESSES} processes connected to ${server.url}; editing for ${MINUTES} minutes`);

const start = Date.now();
const samples: Sample[] = [];
const connections: number[] = [];
const sampler = setInterval(async () => {
  const rss = residentMiB(server.pid());
  if (rss !== null) samples.push({ minute: (Date.now() - start) / 60_000, rssMiB: rss });
  try {
    connections.push((await (await fetch(`${server.url}/api/health`)).json()).sync.connections);
  } catch {
    connections.push(-1);
  }
  if (samples.length % 12 === 0) {
    const s = [...latest.values()];
    log(
      `minute ${samples.at(-1)?.minute.toFixed(1)}: server ${rss?.toFixed(1)} MiB, ${connections.at(-1)} connections, ` +
        `${s.reduce((n, x) => n + x.edits, 0)} edits; clients ${s.map((x) => x.rssMiB.toFixed(0)).join('+')} MiB, lag p99 ${s.map((x) => x.lagP99Ms.toFixed(0)).join('/')} ms`,
    );
  }
}, 5000);

await new Promise((r) => setTimeout(r, MINUTES * 60_000));
clearInterval(sampler);
children.forEach((c) => c.send({ type: 'stop' }));
const edits = [...latest.values()].reduce((n, x) => n + x.edits, 0);

// Everyone ends with the server's plan: that of a client joining now, which is what storage holds.
await new Promise((r) => setTimeout(r, 5000));
const fresh = await connectClient(wsUrl, 'plan/2025', { headers });
const target = planDigest(fresh.doc);
const verified = await Promise.all(
  children.map(
    (c) =>
      new Promise<{ matching: number; total: number; drops: number }>((resolve) => {
        c.on('message', (m: { type: string; matching: number; total: number; drops: number }) => m.type === 'verified' && resolve(m));
        c.send({ type: 'verify', digest: target });
      }),
  ),
);
const logLines = server.output().split('\n');
const result = {
  clients: CLIENTS,
  minutes: MINUTES,
  warmupMinutes: WARMUP,
  edits,
  editsPerSecond: Math.round(edits / (MINUTES * 60)),
  droppedConnections: verified.reduce((n, v) => n + v.drops, 0),
  fewestConnections: Math.min(...connections),
  clientsHoldingTheServersPlan: verified.reduce((n, v) => n + v.matching, 0),
  serverErrorsAndWarnings: logLines.filter((l) => / (error|warn) /.test(l)),
  planBytes: { atStart: planBytesAtStart, atEnd: Y.encodeStateAsUpdate(fresh.doc).length },
  memory: describeMemory(samples, WARMUP),
  clientProcessesWorstLagP99Ms: Math.max(...worstLag),
  samples,
};
const { samples: _all, ...summary } = result;
console.log(JSON.stringify(summary, null, 2));
if (values.out) writeFileSync(values.out, JSON.stringify(result, null, 2));
fresh.destroy();
await server.dispose();
const ok = result.droppedConnections === 0 && result.clientsHoldingTheServersPlan === CLIENTS && result.serverErrorsAndWarnings.length === 0;
process.exit(ok ? 0 : 1);
