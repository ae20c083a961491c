import { round } from '../stats';
import { compare, type Figure } from './compareTable';
import { cpuPerFrameMicros, fanoutRows } from './fanoutFigures';
import type { Results } from './Results';

// The targets of BENCH-BASELINE.md and the requirements, checked against this run.

export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean | null;
}

type Fan = Results['fanout'][number];
const lower = <C extends { server: Fan['server'] }>(value: (c: C) => number): Figure<C> => ({
  title: '',
  unit: '',
  better: 'lower',
  value,
  server: (c) => c.server,
});

export function targets(results: Results): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const measureMs = results.meta.config.fanout.measureMs;
  for (const row of fanoutRows(results)) {
    const p99 = compare(lower<Fan>((c) => c.latencyMs.p99), row.cells);
    checks.push({
      target: `p99 fan-out ≤ best peer's, ${row.label}`,
      measured: `ours ${round(p99.ours)} ms, best peer (${p99.bestPeer}) ${round(p99.best)} ms`,
      met: Number.isFinite(p99.ratio) ? p99.ratio <= 1 : null,
    });
    // Per frame only where every frame is a document update (awareness adds frames of its own).
    if (row.cells.some((c) => c.awareness)) continue;
    const perFrame = compare(lower<Fan>((c) => cpuPerFrameMicros(c, measureMs)), row.cells);
    checks.push({
      target: `server CPU per frame ≤ 0.6 × best peer's, ${row.label}`,
      measured: `ours ${round(perFrame.ours)} µs, best peer (${perFrame.bestPeer}) ${round(perFrame.best)} µs: ${round(perFrame.ratio)} ×`,
      met: Number.isFinite(perFrame.ratio) ? perFrame.ratio <= 0.6 : null,
    });
  }
  const ours = results.fanout.filter((c) => c.server === 'ours');
  const lost = ours.reduce((n, c) => n + c.lost + c.closedClients, 0);
  checks.push({ target: 'zero lost updates (ours, every cell)', measured: `${lost} lost in ${ours.length} cells`, met: ours.length ? lost === 0 : null });

  const largest = Math.max(...results.meta.config.fanout.clients);
  const idle = results.fanout.filter((c) => c.clients === largest && !c.awareness);
  for (const [how, value] of [
    ['first joins on a fresh server', (c: Fan) => c.rssPerConnectionBytes / 1000],
    ['steady state', (c: Fan) => c.rssPerConnectionSteadyBytes / 1000],
  ] as const) {
    const rss = compare(lower<Fan>(value), idle);
    checks.push({
      target: `RSS per idle connection ≤ best peer's and ≤ 10 KB (${largest} clients, ${how})`,
      measured: `ours ${round(rss.ours)} KB, best peer (${rss.bestPeer}) ${round(rss.best)} KB`,
      met: Number.isFinite(rss.ratio) ? rss.ours <= rss.best && rss.ours <= 10 : null,
    });
  }

  const storm = results.storm.filter((c) => c.plan === 'large1000');
  const all = compare(lower<(typeof storm)[number]>((c) => c.allMs / 1000), storm);
  checks.push({
    target: 'join storm, 1.9 MB plan: all 100 hold it within 0.4 s (≥ 4× the best peer)',
    measured: `ours ${round(all.ours)} s, best peer (${all.bestPeer}) ${round(all.best)} s: ${round(1 / all.ratio)} × faster`,
    met: Number.isFinite(all.ratio) ? all.ours <= 0.4 && all.ratio <= 0.25 : null,
  });

  const paint = results.firstPaint.cells;
  const js = Math.max(...paint.map((c) => c.jsGzipBytes));
  checks.push({ target: 'first-paint JavaScript ≤ 200 kB gzip', measured: paint.length ? `${round(js / 1000)} kB` : 'not measured', met: paint.length ? js <= 200_000 : null });
  const big = paint.filter((c) => c.items >= 1000);
  const slowest = Math.max(...big.map((c) => c.paintedMs));
  checks.push({ target: '1,000-item plan painted within 1 s', measured: big.length ? `${round(slowest)} ms (slowest run)` : 'not measured', met: big.length ? slowest <= 1000 : null });
  const word = results.imports?.sizes.find((s) => s.items === 1000);
  checks.push({ target: '1,000-item Word plan read and made into a plan within 1 s', measured: word ? `${round(word.totalMs)} ms` : 'not measured', met: word ? word.totalMs <= 1000 : null });
  return checks;
}
