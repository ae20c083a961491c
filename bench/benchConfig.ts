import type { ServerName } from './servers';

// What one run measures. The full run does every cell twice; --quick does a single
// pass of the smaller set, in under two minutes.

export interface BenchConfig {
  quick: boolean;
  runs: number;
  /** Measurements of one cell at most, when other programs disturb it (see quietest). */
  attempts: number;
  servers: ServerName[];
  fanout: {
    clients: number[];
    awareness: boolean[];
    /** Share of the clients that write, once a second each. */
    writerShare: number;
    warmupMs: number;
    measureMs: number;
    drainMs: number;
    /** Measure idle connections (first joins, then leave and join again) before writing. */
    idleCycle: boolean;
  };
  storm: { clients: number; plans: ('small1000' | 'large1000')[] };
  throughput: { servers: ServerName[]; writers: number; inFlight: number; durationMs: number };
  firstPaint: boolean;
  exportSizes: number[];
  /** People who get a digest by mail at once. */
  mailDigestPeople: number;
}

export function benchConfig(args: string[]): BenchConfig {
  const quick = args.includes('--quick');
  const servers: ServerName[] = ['ours', 'A', 'B', 'Bsql'];
  if (quick) {
    return {
      quick,
      runs: 1,
      attempts: 1,
      servers,
      fanout: { clients: [50, 200, 500], awareness: [false], writerShare: 0.1, warmupMs: 500, measureMs: 2500, drainMs: 5000, idleCycle: false },
      storm: { clients: 100, plans: ['large1000'] },
      throughput: { servers: ['ours'], writers: 8, inFlight: 16, durationMs: 2000 },
      firstPaint: false,
      exportSizes: [],
      mailDigestPeople: 1000,
    };
  }
  return {
    quick,
    runs: 2,
    attempts: 2,
    servers,
    fanout: { clients: [50, 200, 500], awareness: [false, true], writerShare: 0.1, warmupMs: 3000, measureMs: 15_000, drainMs: 30_000, idleCycle: true },
    storm: { clients: 100, plans: ['small1000', 'large1000'] },
    throughput: { servers, writers: 8, inFlight: 16, durationMs: 8000 },
    firstPaint: true,
    exportSizes: [40, 1000, 10_000],
    mailDigestPeople: 1000,
  };
}
