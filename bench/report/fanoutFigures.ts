import type { Figure, Row } from './compareTable';
import type { Results } from './Results';

// The figures of the fan-out scenarios, each read the same way from every server's cells.

type Cell = Results['fanout'][number];

const figure = (title: string, unit: string, value: (c: Cell) => number, better: 'lower' | 'higher' = 'lower'): Figure<Cell> => ({
  title,
  unit,
  better,
  value,
  server: (c) => c.server,
});

/**
 * Server CPU per change delivered in the measured window: every reader's copy of every
 * change, however many changes a frame carries.
 */
export const cpuPerChangeMicros = (c: Pick<Cell, 'received' | 'serverCpuPercent'>, measureMs: number) =>
  c.received ? (((c.serverCpuPercent / 100) * measureMs) / 1000 / c.received) * 1e6 : NaN;

export function fanoutFigures(measureMs: number): Figure<Cell>[] {
  return [
    figure('Fan-out latency p50', 'ms', (c) => c.latencyMs.p50),
    figure('Fan-out latency p95', 'ms', (c) => c.latencyMs.p95),
    figure('Fan-out latency p99', 'ms', (c) => c.latencyMs.p99),
    figure('Updates lost (must be 0)', 'copies', (c) => c.lost + c.closedClients),
    figure('Server CPU', '% of one core', (c) => c.serverCpuPercent),
    figure('Server CPU per delivered change (each reader\'s copy)', 'µs', (c) => cpuPerChangeMicros(c, measureMs)),
    figure('Server RSS with all clients connected (after GC)', 'MB', (c) => c.rssConnectedBytes / 1e6),
    figure('RSS per idle connection, first joins on a fresh server (after GC)', 'KB', (c) => c.rssPerConnectionBytes / 1000),
    figure('RSS per idle connection, steady state: all left and joined again (after GC)', 'KB', (c) => c.rssPerConnectionSteadyBytes / 1000),
    figure('JavaScript heap per idle connection (after GC)', 'KB', (c) => c.heapPerConnectionBytes / 1000),
    figure('Event-loop delay p99', 'ms', (c) => c.eventLoopDelayMs.p99),
    figure('Time for a joining client to hold the plan (batches of 25), p50', 'ms', (c) => c.joinMs.p50),
    figure('Load generator CPU (must stay well below 100)', '% of one core', (c) => c.generatorCpuPercent),
    figure('CPU of other processes on the machine (noise; should be near 0)', '% of one core', (c) => c.otherCpuPercent),
  ];
}

export function fanoutRows(results: Results): Row<Cell>[] {
  const { clients, awareness } = results.meta.config.fanout;
  return clients.flatMap((n) =>
    awareness.map((aw) => ({
      label: `${n} clients, awareness ${aw ? 'on' : 'off'}`,
      cells: results.fanout.filter((c) => c.clients === n && c.awareness === aw),
    })),
  );
}
