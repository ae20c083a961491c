import { round } from '../stats';
import { cpuPerChangeMicros } from './fanoutFigures';
import type { Results } from './Results';

// Ours on two processes (PostgreSQL and Redis) beside one process on SQLite: the table
// of both setups' fan-out figures, and the target that the second process costs the
// people at most half as much again in delay.

type Entry = NonNullable<Results['twoProcess']>[number];

/** The two-process p99 may be at most this many times the single process's. */
export const TWO_PROCESS_P99_LIMIT = 1.5;

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const p99Ratio = (entries: Entry[]) => mean(entries.map((e) => e.double.latencyMs.p99)) / mean(entries.map((e) => e.single.latencyMs.p99));
const byClients = (r: Results) => {
  const groups = new Map<number, Entry[]>();
  for (const e of r.twoProcess ?? []) groups.set(e.clients, [...(groups.get(e.clients) ?? []), e]);
  return groups;
};

export function twoProcessTargets(r: Results): { target: string; measured: string; met: boolean | null }[] {
  return [...byClients(r)].map(([clients, entries]) => {
    const ratio = p99Ratio(entries);
    const lost = entries.reduce((n, e) => n + e.double.lost + e.double.closedClients, 0);
    return {
      target: `fan-out p99 on two processes (PostgreSQL + Redis) ≤ ${TWO_PROCESS_P99_LIMIT} × one process on SQLite, ${clients} clients, same run, nothing lost`,
      measured:
        `two ${entries.map((e) => round(e.double.latencyMs.p99)).join(' / ')} ms, one ${entries.map((e) => round(e.single.latencyMs.p99)).join(' / ')} ms: ` +
        `${round(ratio)} ×; ${lost} lost`,
      met: Number.isFinite(ratio) ? ratio <= TWO_PROCESS_P99_LIMIT && lost === 0 : null,
    };
  });
}

export function twoProcessSection(r: Results): string {
  const entries = r.twoProcess ?? [];
  if (!entries.length) return '## Two processes on one PostgreSQL and one Redis (ours)\n\nnot measured in this run\n';
  const measureMs = r.meta.config.fanout.measureMs;
  const row = (setup: string, e: Entry, c: Entry['single'] | Entry['double']) =>
    `| ${e.clients} | ${setup} | ${e.run} | ${round(c.latencyMs.p50)} | ${round(c.latencyMs.p95)} | ${round(c.latencyMs.p99)} | ${round(c.latencyMs.max)} | ` +
    `${c.lost + c.closedClients} | ${round(c.serverCpuPercent)} | ${round(cpuPerChangeMicros(c, measureMs))} | ` +
    `${round(c.eventLoopDelayMs.p99)} | ${c.auditedChanges ?? 'n/a'} / ${c.sent} | ${round(c.otherCpuPercent)} |`;
  const ratios = [...byClients(r)].map(([clients, group]) => `- ${clients} clients: p99 two processes ÷ one process = ${round(p99Ratio(group))} (means of the runs; target ≤ ${TWO_PROCESS_P99_LIMIT})`);
  return `## Two processes on one PostgreSQL and one Redis (ours)

The fan-out cell without awareness, as above, on ours alone in two setups measured one
right after the other: one process on SQLite (the fan-out table's setup), then two
\`server/main.ts\` processes on one PostgreSQL database linked through Redis, as behind a
proxy. The clients take the processes in turn, writers too, so most copies of a change
reach their reader through the other process: stored in PostgreSQL, announced through
Redis, sent on by the other process. Both processes are pinned to core 0, as the single
server is; PostgreSQL and Redis (private instances, as the tests start them) are not
pinned, and their CPU is part of "other processes" in the two-process rows. Server CPU
there is both processes' together; event-loop delay is the slower process's.

| clients | setup | run | p50 ms | p95 ms | p99 ms | max ms | lost | server CPU % of one core | CPU per delivered change µs | event-loop delay p99 ms | audit lines / changes sent | other processes % |
|---|---|---|---|---|---|---|---|---|---|---|---|---|
${entries.flatMap((e) => [row('one process, SQLite', e, e.single), row('two processes, PostgreSQL + Redis', e, e.double)]).join('\n')}

${ratios.join('\n')}
`;
}
