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
  /** Fan-out of ours on two processes (PostgreSQL and Redis) beside one on SQLite, by number of clients; awareness off. */
  twoProcess: { clients: number[] };
  storm: { clients: number; plans: ('small1000' | 'large1000')[] };
  throughput: { servers: ServerName[]; writers: number; inFlight: number; durationMs: number };
  firstPaint: boolean;
  exportSizes: number[];
  /** People who get a digest by mail at once. */
  mailDigestPeople: number;
  /** Word plans read and made into plans, by their number of actions. */
  importSizes: number[];
  /** Clients of the bare relay that shows the floor of CPU per delivered change. */
  floorClients: number[];
}

/** `--name=a,b`: the values given, or null when the flag is absent. */
function listFlag(args: string[], name: string): string[] | null {
  const arg = args.find((a) => a.startsWith(`--${name}=`));
  return arg ? arg.slice(name.length + 3).split(',').filter(Boolean) : null;
}

/**
 * Narrows a run to some cells, for profiling one of them on a shared machine:
 * `--servers=ours,A`, `--clients=50,500`, `--awareness=on`,
 * `--phases=fanout,twoprocess,storm,throughput,floor,paint,exports,mail,imports`.
 * A narrowed run writes RESULTS-partial.md, never the committed files.
 */
export function selectCells(config: BenchConfig, args: string[]): BenchConfig & { partial: boolean } {
  const servers = listFlag(args, 'servers') as ServerName[] | null;
  const clients = listFlag(args, 'clients')?.map(Number);
  const awareness = listFlag(args, 'awareness')?.map((a) => a === 'on');
  const phases = listFlag(args, 'phases');
  const has = (phase: string) => !phases || phases.includes(phase);
  const pick = <T>(all: T[], chosen: T[] | null | undefined) => (chosen ? all.filter((x) => chosen.includes(x)) : all);
  const partial = Boolean(servers || clients || awareness || phases);
  return {
    ...config,
    partial,
    servers: pick(config.servers, servers),
    fanout: { ...config.fanout, clients: has('fanout') ? (clients ?? config.fanout.clients) : [], awareness: awareness ?? config.fanout.awareness },
    twoProcess: { clients: has('twoprocess') && (!servers || servers.includes('ours')) ? (clients ?? config.twoProcess.clients) : [] },
    storm: { ...config.storm, plans: has('storm') ? config.storm.plans : [] },
    throughput: { ...config.throughput, servers: has('throughput') ? pick(config.throughput.servers, servers) : [] },
    firstPaint: config.firstPaint && has('paint'),
    exportSizes: has('exports') ? config.exportSizes : [],
    mailDigestPeople: has('mail') ? config.mailDigestPeople : 0,
    importSizes: has('imports') ? config.importSizes : [],
    floorClients: has('floor') ? (clients ?? config.floorClients).filter((n) => n >= 200) : [],
  };
}

export function benchConfig(args: string[]): BenchConfig & { partial: boolean } {
  return selectCells(fullOrQuick(args), args);
}

function fullOrQuick(args: string[]): BenchConfig {
  const quick = args.includes('--quick');
  const servers: ServerName[] = ['ours', 'A', 'B', 'Bsql'];
  if (quick) {
    return {
      quick,
      runs: 1,
      attempts: 1,
      servers,
      fanout: { clients: [50, 200, 500], awareness: [false], writerShare: 0.1, warmupMs: 500, measureMs: 2500, drainMs: 5000, idleCycle: false },
      twoProcess: { clients: [500] },
      storm: { clients: 100, plans: ['large1000'] },
      throughput: { servers, writers: 32, inFlight: 4, durationMs: 2000 },
      firstPaint: false,
      exportSizes: [],
      mailDigestPeople: 1000,
      importSizes: [1000],
      floorClients: [200, 500],
    };
  }
  return {
    quick,
    runs: 2,
    attempts: 2,
    servers,
    fanout: { clients: [50, 200, 500], awareness: [false, true], writerShare: 0.1, warmupMs: 3000, measureMs: 15_000, drainMs: 30_000, idleCycle: true },
    twoProcess: { clients: [500] },
    storm: { clients: 100, plans: ['small1000', 'large1000'] },
    throughput: { servers, writers: 32, inFlight: 4, durationMs: 8000 },
    firstPaint: true,
    exportSizes: [40, 1000, 10_000],
    mailDigestPeople: 1000,
    importSizes: [40, 1000, 5000],
    floorClients: [200, 500],
  };
}
