import { openPostgresStore } from '../server/store/openStore';
import { connectPostgres } from '../server/store/sql/PostgresSql';
import { planDocName } from '../server/sync/docName';
import { freePort } from '../tests/helpers/runServer';
import { startPostgres } from '../tests/helpers/startPostgres';
import { startRedis } from '../tests/helpers/startRedis';
import { BenchProcess } from './BenchProcess';
import type { TargetSpec } from './load/generator';
import { NODE_FLAGS, SERVER_CORE, ourHeaders, prepareOurData, startFlags, type BenchPlan } from './servers';
import { signInForBench } from './signInForBench';

// Ours as a host runs it for many people: two `server/main.ts` processes on one
// PostgreSQL database, linked through Redis. PostgreSQL and Redis are private ones on
// free ports in temporary folders, started the way the tests start theirs. Both
// processes are pinned to the core the single server gets, so the two setups have the
// same CPU for the server; PostgreSQL and Redis are not pinned.

export interface TwoProcesses {
  procs: [BenchProcess, BenchProcess];
  /** The plan on each process, the first process first: clients split between them in turn. */
  targets(planId: string): TargetSpec[];
  /** The status and priority lines of the audit trail (every write makes one). */
  auditedChanges(): Promise<number>;
  output(): string;
  stop(): Promise<void>;
}

export async function startTwoProcesses(plans: BenchPlan[]): Promise<TwoProcesses> {
  const postgres = await startPostgres();
  const redis = await startRedis();
  const procs: BenchProcess[] = [];
  const stop = async () => {
    await Promise.all(procs.map((p) => p.stop()));
    await redis.stop();
    await postgres.stop();
  };
  try {
    const databaseUrl = await postgres.createDatabase();
    await prepareOurData(await openPostgresStore(databaseUrl), plans);
    const ports = [await freePort(), await freePort()];
    // One address for people, as behind a proxy: the same origin for both processes.
    const origin = `http://localhost:${ports[0]}`;
    const start = async (port: number) => {
      const env = { PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, REDIS_URL: redis.url, PUBLIC_ORIGIN: origin, CLIENT_BUILD: 'skip' };
      const proc = new BenchProcess(SERVER_CORE, [...NODE_FLAGS, ...startFlags(), 'server/main.ts'], env);
      procs.push(proc);
      await proc.waitForOutput(/Planbord is running/);
      return proc;
    };
    const first = await start(ports[0]);
    const cookie = await signInForBench(first, ports[0], origin);
    await start(ports[1]);
    return {
      procs: procs as [BenchProcess, BenchProcess],
      targets: (planId) =>
        ports.map((port) => ({ url: `ws://127.0.0.1:${port}/ws/plan/${planId}`, dialect: 'y-websocket', docName: planDocName(planId), headers: ourHeaders(origin, cookie) })),
      auditedChanges: async () => {
        const db = connectPostgres(databaseUrl, 1);
        try {
          const row = await db.get<{ n: string }>("SELECT count(*) AS n FROM plan_changes WHERE field IN ('status', 'priority')");
          return Number(row!.n);
        } finally {
          await db.close();
        }
      },
      output: () => procs.map((p, i) => `process ${i + 1}:\n${p.output().slice(-1500)}`).join('\n'),
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
