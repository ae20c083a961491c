import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { BenchProcess } from '../BenchProcess';
import type { FanoutResult, FanoutSpec } from '../load/FanoutRun';
import { startBenchServer, type BenchPlan, type ServerName } from '../servers';
import type { Distribution } from '../stats';
import { measuredFanoutWrite, type WindowFigures } from './measureWindow';
import { settledMemory } from './settledMemory';

// One cell of the fan-out table: a fresh server, the plan put in by one client, N idle
// clients joining in batches (memory), leaving and joining again, then writers for
// warmup + measured window.

export interface FanoutCell extends FanoutResult, WindowFigures {
  server: ServerName;
  clients: number;
  awareness: boolean;
  joinMs: Distribution;
  rssBeforeBytes: number;
  rssConnectedBytes: number;
  rssPerConnectionBytes: number;
  /** Of that, the V8 heap's share (JavaScript objects) per connection. */
  heapPerConnectionBytes: number;
  /** The V8 heap the process holds (used or not) per connection: heap grown by the join burst. */
  heapTotalPerConnectionBytes: number;
  rssAfterBytes: number;
  /** RSS once every idle client had left again, and per connection when they came back. */
  rssAfterLeavingBytes: number;
  rssPerConnectionSteadyBytes: number;
  /** Ours: status and priority lines the audit trail holds after the run (null for the peers, which keep none). */
  auditedChanges: number | null;
}

/** The status and priority changes in our audit trail: every write makes one, stored with the update. */
function auditedChanges(dataDir: string): number {
  const db = new Database(join(dataDir, 'planbord.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare("SELECT count(*) AS n FROM plan_changes WHERE field IN ('status', 'priority')").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

export async function fanoutCell(generator: BenchProcess, name: ServerName, plan: BenchPlan, spec: FanoutSpec, idleCycle = true): Promise<FanoutCell> {
  const server = await startBenchServer(name, [plan]);
  try {
    const target = server.target(plan.id);
    await generator.request({ op: 'seed', target, planFile: plan.file, items: plan.items });
    // Idle connections, twice: first on the fresh server (the baseline's method: its
    // figure includes what the allocator keeps from the join burst), then again once
    // all have left and come back (what one more connection costs in steady state).
    const before = await settledMemory(server.proc);
    let connected = before;
    let left = before;
    if (idleCycle) {
      await generator.request({ op: 'idleConnect', target, clients: spec.clients });
      connected = await settledMemory(server.proc, 1000);
      await generator.request({ op: 'idleClose' });
      left = await settledMemory(server.proc, 1000);
    }
    const { joinMs } = await generator.request<{ joinMs: Distribution }>({ op: 'fanoutConnect', target, planFile: plan.file, spec });
    const again = await settledMemory(server.proc, 1000);
    if (!idleCycle) connected = again;
    const measured = await measuredFanoutWrite(generator, server.proc);
    const rssAfterBytes = (await settledMemory(server.proc, 0)).rss;
    const audited = name === 'ours' ? auditedChanges(server.dataDir) : null;
    await generator.request({ op: 'fanoutClose' });
    await generator.request({ op: 'release' });
    return {
      server: name,
      clients: spec.clients,
      awareness: spec.awareness,
      joinMs,
      rssBeforeBytes: before.rss,
      rssConnectedBytes: connected.rss,
      rssPerConnectionBytes: (connected.rss - before.rss) / spec.clients,
      heapPerConnectionBytes: (connected.heapUsed - before.heapUsed) / spec.clients,
      heapTotalPerConnectionBytes: (connected.heapTotal - before.heapTotal) / spec.clients,
      rssAfterLeavingBytes: left.rss,
      rssPerConnectionSteadyBytes: idleCycle ? (again.rss - left.rss) / spec.clients : NaN,
      rssAfterBytes,
      auditedChanges: audited,
      ...measured,
    };
  } catch (err) {
    throw new Error(`${(err as Error).message}\nserver output:\n${server.proc.output().slice(-1500)}`, { cause: err });
  } finally {
    await generator.request({ op: 'idleClose' }).catch(() => {});
    await generator.request({ op: 'fanoutClose' }).catch(() => {});
    await generator.request({ op: 'release' }).catch(() => {});
    await server.stop();
  }
}
