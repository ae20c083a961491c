import type { ServerName } from './servers';

// What one run measures. The full run does every cell twice; --quick does a single
// pass of the smaller set, in under two minutes.

export interface BenchConfig {
  quick: boolean;
  runs: number;
  servers: ServerName[];
  fanout: {
    clients: number[];
    awareness: boolean[];
    /** Share of the clients that write, once a second each. */
    writerShare: number;
    warmupMs: number;
    measureMs: number;
    drainMs: number;
  };
  storm: { clients: number; plans: ('small1000' | 'large1000')[] };
  throughput: { writers: number; inFlight: number; durationMs: number };
  firstPaint: boolean;
  exportSizes: number[];
}

export function benchConfig(args: string[]): BenchConfig {
  const quick = args.includes('--quick');
  const servers: ServerName[] = ['ours', 'A', 'B', 'Bsql'];
  if (quick) {
    return {
      quick,
      runs: 1,
      servers,
      fanout: { clients: [50, 200, 500], awareness: [false], writerShare: 0.1, warmupMs: 1000, measureMs: 3000, drainMs: 10_000 },
      storm: { clients: 100, plans: ['large1000'] },
      throughput: { writers: 8, inFlight: 16, durationMs: 2000 },
      firstPaint: false,
      exportSizes: [],
    };
  }
  return {
    quick,
    runs: 2,
    servers,
    fanout: { clients: [50, 200, 500], awareness: [false, true], writerShare: 0.1, warmupMs: 3000, measureMs: 20_000, drainMs: 30_000 },
    storm: { clients: 100, plans: ['small1000', 'large1000'] },
    throughput: { writers: 8, inFlight: 16, durationMs: 8000 },
    firstPaint: true,
    exportSizes: [40, 1000, 10_000],
  };
}
