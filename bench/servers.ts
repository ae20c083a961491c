import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../server/config';
import { seedFirstPlan, shippedSeedPlan } from '../server/seedFirstPlan';
import { appendRows } from '../server/store/appendRows';
import { openStore, type ServerStore } from '../server/store/openStore';
import { planDocName } from '../server/sync/docName';
import { BenchProcess } from './BenchProcess';
import type { TargetSpec } from './load/generator';
import { signInForBench } from './signInForBench';
import { freePort } from '../tests/helpers/runServer';

// The measured servers, each started as its own process on core 0 with the same
// probe preloaded: ours (the real server/main.ts on a fresh data folder) and the peers.

export const SERVER_NAMES = ['ours', 'A', 'B', 'Bsql'] as const;
export type ServerName = (typeof SERVER_NAMES)[number];

export const SERVER_LABELS: Record<ServerName, string> = {
  ours: 'Planbord (stores every update before broadcasting it)',
  A: '@y/websocket-server 0.1.1 (setupWSConnection, no persistence)',
  B: '@hocuspocus/server 3.4.4 (no extensions)',
  Bsql: '@hocuspocus/server 3.4.4 + @hocuspocus/extension-sqlite 3.4.4 (whole document after a 2 s debounce, ≤ 10 s)',
};

/** A plan that a scenario needs on the server, as one Yjs update. */
export interface BenchPlan {
  id: string;
  items: number;
  state: Uint8Array;
  /** The same bytes in a file, for the generator process. */
  file: string;
}

export interface BenchServer {
  name: ServerName;
  proc: BenchProcess;
  port: number;
  /** http://localhost:<port>: what a browser opens (ours only). */
  origin: string;
  /** The session cookie, when the server asks for one. */
  cookie: string | null;
  target(planId: string): TargetSpec;
  dataDir: string;
  stop(): Promise<void>;
}

export const SERVER_CORE = 0;
/** The load generator's core: the other one. */
export const GENERATOR_CORE = 1;
// BENCH_CPU_PROF_DIR=<dir> writes a V8 CPU profile of every server into dir when it stops.
const PROFILE = process.env.BENCH_CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`] : [];
export const NODE_FLAGS = [...PROFILE, '--expose-gc', '--import', 'tsx', '--import', './bench/probe.ts'];

/** The V8 flags `npm start` gives our server (package.json), so that it runs here as it is deployed. */
export function startFlags(): string[] {
  const start = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const words = start.split(/\s+/);
  return words.filter((w, i) => w.startsWith('--') && w !== '--import' && words[i - 1] !== '--import');
}

/** Our database as an operator would have it, plus the benchmark's plans (imported like the first plan); closes it. */
export async function prepareOurData(store: ServerStore, plans: BenchPlan[]): Promise<void> {
  try {
    await seedFirstPlan(store, shippedSeedPlan);
    await store.transaction(async (tx) => {
      for (const plan of plans) {
        await tx.plans.create({ id: plan.id, title: `Benchmark ${plan.id}`, year: 2025 });
        await appendRows(tx.sql, planDocName(plan.id), [{ update: plan.state, userId: null }], Date.now());
      }
    });
  } finally {
    await store.close();
  }
}

/** What our clients carry: the page's Origin and the session cookie. */
export const ourHeaders = (origin: string, cookie: string | null): Record<string, string> => ({ Origin: origin, ...(cookie ? { Cookie: cookie } : {}) });

export async function startBenchServer(name: ServerName, plans: BenchPlan[], options: { buildClient?: boolean } = {}): Promise<BenchServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), `planbord-bench-${name}-`));
  const origin = `http://localhost:${port}`;
  let proc: BenchProcess;
  if (name === 'ours') {
    await prepareOurData(openStore(dataDir), plans);
    proc = new BenchProcess(SERVER_CORE, [...NODE_FLAGS, ...startFlags(), 'server/main.ts'], {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      PUBLIC_ORIGIN: origin,
      CLIENT_BUILD: options.buildClient ? 'auto' : 'skip',
    });
    await proc.waitForOutput(/Planbord is running/);
  } else {
    const script = name === 'A' ? 'bench/peers/yWebsocketServer.ts' : 'bench/peers/hocuspocusServer.ts';
    const env: Record<string, string> = { PORT: String(port) };
    if (name === 'Bsql') env.SQLITE_FILE = join(dataDir, 'hocuspocus.sqlite');
    proc = new BenchProcess(SERVER_CORE, [...NODE_FLAGS, script], env);
    await proc.waitForOutput(/listening \d+/);
  }
  const cookie = name === 'ours' ? await signInForBench(proc, port, origin) : null;
  const headers: Record<string, string> = name === 'ours' ? ourHeaders(origin, cookie) : {};
  return {
    name,
    proc,
    port,
    origin,
    cookie,
    dataDir,
    target: (planId) => ({
      // Ours and peer A name the document in the path; Hocuspocus inside each message.
      url: name === 'B' || name === 'Bsql' ? `ws://127.0.0.1:${port}/` : `ws://127.0.0.1:${port}/ws/plan/${planId}`,
      dialect: name === 'B' || name === 'Bsql' ? 'hocuspocus' : 'y-websocket',
      docName: planDocName(planId),
      headers,
    }),
    stop: async () => {
      await proc.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
