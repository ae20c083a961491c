import type { BenchProcess } from '../BenchProcess';
import type { FanoutResult, FanoutSpec } from '../load/FanoutRun';
import type { BenchPlan } from '../servers';
import { startTwoProcesses } from '../twoProcessServers';
import { measuredFanoutWrite, type WindowFigures } from './measureWindow';

// The fan-out cell on two processes of ours behind one address (PostgreSQL and Redis):
// the same plan, clients and writers as the single-process cell, the clients (and so
// the writers) split between the processes in turn, so that most copies of a change
// cross from one process to the other through Redis.

export interface TwoProcessCell extends FanoutResult, WindowFigures {
  clients: number;
  auditedChanges: number;
}

export async function twoProcessCell(generator: BenchProcess, plan: BenchPlan, spec: FanoutSpec): Promise<TwoProcessCell> {
  const servers = await startTwoProcesses([plan]);
  try {
    const targets = servers.targets(plan.id);
    await generator.request({ op: 'seed', target: targets[0], planFile: plan.file, items: plan.items });
    await generator.request({ op: 'fanoutConnect', target: targets, planFile: plan.file, spec });
    const measured = await measuredFanoutWrite(generator, servers.procs);
    return { clients: spec.clients, auditedChanges: await servers.auditedChanges(), ...measured };
  } catch (err) {
    throw new Error(`${(err as Error).message}\nserver output:\n${servers.output()}`, { cause: err });
  } finally {
    await generator.request({ op: 'fanoutClose' }).catch(() => {});
    await generator.request({ op: 'release' }).catch(() => {});
    await servers.stop();
  }
}
