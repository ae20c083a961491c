import type { BenchProcess } from '../BenchProcess';
import type { StormResult } from '../load/joinStorm';
import { cpuMeter, otherCpuMeter } from '../procStats';
import { startBenchServer, type BenchPlan, type ServerName } from '../servers';
import { median } from '../stats';

// A meeting starts: the plan is loaded on the server (one client holds it open), then
// `count` clients join in the same instant. Before the storm, single joins on the
// quiet server give the time one person waits to hold the whole plan.

export interface StormCell extends StormResult {
  server: ServerName;
  planId: string;
  /** Median of single joins on a quiet server: connect until the plan is applied. */
  singleJoinMs: number;
  singleJoinItems: number;
  serverCpuSeconds: number;
  serverCpuPercent: number;
  generatorCpuPercent: number;
  otherCpuPercent: number;
}

export async function stormCell(generator: BenchProcess, name: ServerName, plan: BenchPlan, count: number): Promise<StormCell> {
  const server = await startBenchServer(name, [plan]);
  try {
    const target = server.target(plan.id);
    await generator.request({ op: 'seed', target, planFile: plan.file, items: plan.items });
    const singles: { ms: number; items: number }[] = [];
    for (let i = 0; i < 5; i++) singles.push(await generator.request({ op: 'fetch', target }));
    if (singles.some((s) => s.items !== plan.items)) throw new Error(`a joining client got ${singles.map((s) => s.items)} items, not ${plan.items}`);
    await new Promise((r) => setTimeout(r, 300));
    const t0 = performance.now();
    const cpu = cpuMeter(server.proc.pid);
    const generatorCpu = cpuMeter(generator.pid);
    const otherCpu = otherCpuMeter([server.proc.pid, generator.pid]);
    const storm = await generator.request<StormResult>({ op: 'storm', target, count });
    const serverCpuPercent = cpu();
    const generatorCpuPercent = generatorCpu();
    const otherCpuPercent = otherCpu();
    const serverCpuSeconds = (serverCpuPercent / 100) * ((performance.now() - t0) / 1000);
    await generator.request({ op: 'release' });
    return {
      server: name,
      planId: plan.id,
      singleJoinMs: median(singles.map((s) => s.ms)),
      singleJoinItems: singles[0].items,
      serverCpuSeconds,
      serverCpuPercent,
      generatorCpuPercent,
      otherCpuPercent,
      ...storm,
    };
  } catch (err) {
    throw new Error(`${(err as Error).message}\nserver output:\n${server.proc.output().slice(-1500)}`, { cause: err });
  } finally {
    await generator.request({ op: 'release' }).catch(() => {});
    await server.stop();
  }
}
