import type { ServerName } from '../servers';
import { round } from '../stats';
import { compare, type Comparison, type Figure } from './compareTable';
import { cpuPerChangeMicros, fanoutRows } from './fanoutFigures';
import type { Results } from './Results';
import { twoProcessTargets } from './twoProcessSection';

// The speed targets, checked against this run: each says what it asks, what this run
// measured (every run of ours and of the best peer, separated by /) and whether it is met
// (on the runs' means, as the tables' ratios are).

export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean | null;
}

type Fan = Results['fanout'][number];
const figure = <C extends { server: ServerName }>(value: (c: C) => number, better: 'lower' | 'higher' = 'lower'): Figure<C> => ({
  title: '',
  unit: '',
  better,
  value,
  server: (c) => c.server,
});

/** "ours a / b unit, best peer (X) c / d unit": every run's value. */
function runs<C extends { server: ServerName }>(value: (c: C) => number, cells: C[], c: Comparison, unit: string): string {
  const of = (s: ServerName | null) => cells.filter((cell) => cell.server === s).map((cell) => round(value(cell))).join(' / ');
  return `ours ${of('ours') || 'n/a'} ${unit}, best peer (${c.bestPeer ?? '—'}) ${of(c.bestPeer) || 'n/a'} ${unit}`;
}
const known = (c: Comparison, met: boolean) => (Number.isFinite(c.ratio) ? met : null);

export function targets(results: Results): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const measureMs = results.meta.config.fanout.measureMs;
  for (const row of fanoutRows(results)) {
    for (const p of ['p50', 'p99'] as const) {
      const value = (c: Fan) => c.latencyMs[p];
      const c = compare(figure<Fan>(value), row.cells);
      checks.push({ target: `fan-out ${p} ≤ best peer's, ${row.label}`, measured: runs(value, row.cells, c, 'ms'), met: known(c, c.ratio <= 1) });
    }
    if (row.cells.every((c) => c.clients < 200)) continue;
    const perChange = (c: Fan) => cpuPerChangeMicros(c, measureMs);
    const c = compare(figure<Fan>(perChange), row.cells);
    const floor = results.floor?.find((f) => f.clients === row.cells[0].clients);
    const belowFloor = floor && c.bestPeer ? `; a bare relay: ${round(floor.perCopyMicros)} µs, so 0.6 × best peer is ${round((0.6 * c.best) / floor.perCopyMicros)} × that floor` : '';
    checks.push({
      target: `server CPU per delivered change ≤ 0.6 × best peer's, ${row.label}`,
      measured: `${runs(perChange, row.cells, c, 'µs')}: ${round(c.ratio)} ×${belowFloor}`,
      met: known(c, c.ratio <= 0.6),
    });
  }
  checks.push(...twoProcessTargets(results));
  const ours = results.fanout.filter((c) => c.server === 'ours');
  const lost = ours.reduce((n, c) => n + c.lost + c.closedClients, 0);
  checks.push({ target: 'zero lost updates (ours, every cell)', measured: `${lost} lost in ${ours.length} cells`, met: ours.length ? lost === 0 : null });
  // Every write changes a status or a priority (the first may find it already so).
  const writers = (c: Fan) => Math.max(1, Math.round(c.clients * results.meta.config.fanout.writerShare));
  const unaudited = ours.reduce((n, c) => n + Math.max(0, c.sent - writers(c) - (c.auditedChanges ?? 0)), 0);
  checks.push({
    target: 'every change of ours stored with its audit lines (status and priority lines ≥ changes sent)',
    measured: `${ours.reduce((n, c) => n + (c.auditedChanges ?? 0), 0)} lines for ${ours.reduce((n, c) => n + c.sent, 0)} changes; ${unaudited} missing`,
    met: ours.length ? unaudited === 0 : null,
  });

  const perSecond = figure<Results['throughput'][number]>((c) => c.updatesPerSecond, 'higher');
  const tp = compare(perSecond, results.throughput);
  checks.push({
    target: 'stored updates per second ≥ the best peer\'s pass-on rate and ≥ 10,000, each stored before it is sent on',
    measured: runs(perSecond.value, results.throughput, tp, '/s'),
    met: known(tp, tp.ours >= tp.best && tp.ours >= 10_000),
  });

  const storm = results.storm.filter((c) => c.plan === 'large1000');
  const stormSeconds = figure<(typeof storm)[number]>((c) => c.allMs / 1000);
  const all = compare(stormSeconds, storm);
  checks.push({
    target: 'join storm, 1.9 MB plan: all 100 hold it ≥ 5 × faster than the best peer',
    measured: `${runs(stormSeconds.value, storm, all, 's')}: ${round(1 / all.ratio)} × faster`,
    met: known(all, all.ratio <= 0.2),
  });

  // The target is 10 KB per idle connection, in both states. The peers' figures stand
  // beside ours; in the steady state they are differences of a process that may have shrunk
  // meanwhile (a peer measured −4.41 KB per connection), not a cost to stay under.
  const largest = Math.max(...results.meta.config.fanout.clients);
  const idle = results.fanout.filter((c) => c.clients === largest && !c.awareness);
  for (const [how, kb] of [
    ['first joins on a fresh server', (c: Fan) => c.rssPerConnectionBytes / 1000],
    ['steady state', (c: Fan) => c.rssPerConnectionSteadyBytes / 1000],
  ] as const) {
    const rss = compare(figure<Fan>(kb), idle);
    checks.push({
      target: `RSS per idle connection ≤ 10 KB (${largest} clients, ${how})`,
      measured: runs(kb, idle, rss, 'KB'),
      met: known(rss, rss.ours <= 10),
    });
  }

  const paint = results.firstPaint.cells;
  const js = Math.max(...paint.map((c) => c.jsGzipBytes));
  checks.push({ target: 'first-paint JavaScript ≤ 110 kB gzip', measured: paint.length ? `${round(js / 1000)} kB` : 'not measured', met: paint.length ? js <= 110_000 : null });
  for (const [label, cells, limit] of [
    ['1,000-item plan painted in under 0.5 s', paint.filter((c) => c.items >= 1000), 500],
    ['the 2025 plan painted in under 0.3 s', paint.filter((c) => c.items < 1000), 300],
  ] as const) {
    const slowest = Math.max(...cells.map((c) => c.paintedMs));
    checks.push({ target: label, measured: cells.length ? `${cells.map((c) => round(c.paintedMs)).join(' / ')} ms` : 'not measured', met: cells.length ? slowest < limit : null });
  }
  const word = results.imports?.sizes.find((s) => s.items === 1000);
  checks.push({ target: '1,000-item Word plan read and made into a plan within 1 s', measured: word ? `${round(word.totalMs)} ms` : 'not measured', met: word ? word.totalMs <= 1000 : null });
  return checks;
}
