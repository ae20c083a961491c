import type { BenchProcess } from '../BenchProcess';
import type { FanoutResult, FanoutSpec } from '../load/FanoutRun';
import { startBenchServer, type BenchPlan, type ServerName } from '../servers';
import type { Distribution } from '../stats';
import { MeasureWindow, type WindowFigures } from './measureWindow';
import { settledRss } from './settledRss';

// One cell of the fan-out table: a fresh server, the plan put in by one client, N
// clients joining in batches, then writers for warmup + measured window.

export interface FanoutCell extends FanoutResult, WindowFigures {
  server: ServerName;
  clients: number;
  awareness: boolean;
  joinMs: Distribution;
  rssBeforeBytes: number;
  rssConnectedBytes: number;
  rssPerConnectionBytes: number;
  rssAfterBytes: number;
}

export async function fanoutCell(generator: BenchProcess, name: ServerName, plan: BenchPlan, spec: FanoutSpec): Promise<FanoutCell> {
  const server = await startBenchServer(name, [plan]);
  try {
    const target = server.target(plan.id);
    await generator.request({ op: 'seed', target, planFile: plan.file, items: plan.items });
    const rssBeforeBytes = await settledRss(server.proc);
    const { joinMs } = await generator.request<{ joinMs: Distribution }>({ op: 'fanoutConnect', target, planFile: plan.file, spec });
    const rssConnectedBytes = await settledRss(server.proc, 1000);
    const window = new MeasureWindow(server.proc, generator);
    const off = generator.onMessage((m) => {
      if (m?.event !== 'phase') return;
      if (m.name === 'start') window.open();
      else window.close();
    });
    const result = await generator.request<FanoutResult>({ op: 'fanoutWrite' });
    off();
    const figures = await window.result();
    const rssAfterBytes = await settledRss(server.proc, 0);
    await generator.request({ op: 'fanoutClose' });
    await generator.request({ op: 'release' });
    return {
      server: name,
      clients: spec.clients,
      awareness: spec.awareness,
      joinMs,
      rssBeforeBytes,
      rssConnectedBytes,
      rssPerConnectionBytes: (rssConnectedBytes - rssBeforeBytes) / spec.clients,
      rssAfterBytes,
      ...result,
      ...figures,
    };
  } finally {
    await generator.request({ op: 'fanoutClose' }).catch(() => {});
    await generator.request({ op: 'release' }).catch(() => {});
    await server.stop();
  }
}
