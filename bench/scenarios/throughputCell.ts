import type { BenchProcess } from '../BenchProcess';
import type { ThroughputResult } from '../load/throughput';
import { cpuMeter, otherCpuMeter } from '../procStats';
import { startBenchServer, type BenchPlan, type ServerName } from '../servers';

// Sustained write throughput through the websocket. For ours every counted update
// was stored in SQLite before the observer received it; the peers store later or not
// at all, so theirs is a rate of applied-and-broadcast updates.

export interface ThroughputCell extends ThroughputResult {
  server: ServerName;
  writers: number;
  inFlight: number;
  serverCpuPercent: number;
  otherCpuPercent: number;
}

export async function throughputCell(
  generator: BenchProcess,
  name: ServerName,
  plan: BenchPlan,
  writers: number,
  inFlight: number,
  durationMs: number,
): Promise<ThroughputCell> {
  const server = await startBenchServer(name, [plan]);
  try {
    const target = server.target(plan.id);
    await generator.request({ op: 'seed', target, planFile: plan.file, items: plan.items });
    const cpu = cpuMeter(server.proc.pid);
    const otherCpu = otherCpuMeter([server.proc.pid, generator.pid]);
    const result = await generator.request<ThroughputResult>({ op: 'throughput', target, planFile: plan.file, writers, inFlight, durationMs });
    const serverCpuPercent = cpu();
    const otherCpuPercent = otherCpu();
    await generator.request({ op: 'release' });
    return { server: name, writers, inFlight, serverCpuPercent, otherCpuPercent, ...result };
  } catch (err) {
    throw new Error(`${(err as Error).message}\nserver output:\n${server.proc.output().slice(-1500)}`, { cause: err });
  } finally {
    await generator.request({ op: 'release' }).catch(() => {});
    await server.stop();
  }
}
