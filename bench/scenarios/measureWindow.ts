import type { BenchProcess } from '../BenchProcess';
import type { FanoutResult } from '../load/FanoutRun';
import { cpuMeter, otherCpuMeter } from '../procStats';

// What the server and the generator cost while a scenario's measured window is open:
// CPU of each (from /proc, % of one core) and the server's event-loop delay (from the
// probe inside it). Several server processes serving one plan count together: their
// CPU added up, the event-loop delay of the slowest.

export interface WindowFigures {
  serverCpuPercent: number;
  generatorCpuPercent: number;
  /** CPU of everything else on the machine (this runner, other programs): noise. */
  otherCpuPercent: number;
  eventLoopDelayMs: { p50: number; p99: number; max: number };
}

export class MeasureWindow {
  private readonly servers: BenchProcess[];
  private stopServer: (() => number) | null = null;
  private stopGenerator: (() => number) | null = null;
  private stopOther: (() => number) | null = null;
  private figures: Promise<WindowFigures> | null = null;

  constructor(
    server: BenchProcess | BenchProcess[],
    private readonly generator: BenchProcess,
  ) {
    this.servers = Array.isArray(server) ? server : [server];
  }

  open(): void {
    for (const server of this.servers) void server.probe('reset');
    const meters = this.servers.map((server) => cpuMeter(server.pid));
    this.stopServer = () => meters.reduce((sum, stop) => sum + stop(), 0);
    this.stopGenerator = cpuMeter(this.generator.pid);
    this.stopOther = otherCpuMeter([...this.servers.map((server) => server.pid), this.generator.pid]);
  }

  close(): void {
    if (!this.stopServer || !this.stopGenerator || !this.stopOther) throw new Error('window closed before it was opened');
    const serverCpuPercent = this.stopServer();
    const generatorCpuPercent = this.stopGenerator();
    const otherCpuPercent = this.stopOther();
    this.figures = Promise.all(this.servers.map((server) => server.probe('delay'))).then((delays) => ({
      serverCpuPercent,
      generatorCpuPercent,
      otherCpuPercent,
      eventLoopDelayMs: {
        p50: Math.max(...delays.map((d) => d.p50)),
        p99: Math.max(...delays.map((d) => d.p99)),
        max: Math.max(...delays.map((d) => d.max)),
      },
    }));
  }

  result(): Promise<WindowFigures> {
    if (!this.figures) throw new Error('window never closed');
    return this.figures;
  }
}

/** The writers' run of a fan-out cell (clients connected), measured over its window. */
export async function measuredFanoutWrite(generator: BenchProcess, server: BenchProcess | BenchProcess[]): Promise<FanoutResult & WindowFigures> {
  const window = new MeasureWindow(server, generator);
  const off = generator.onMessage((m) => {
    if (m?.event !== 'phase') return;
    if (m.name === 'start') window.open();
    else window.close();
  });
  try {
    const result = await generator.request<FanoutResult>({ op: 'fanoutWrite' });
    return { ...result, ...(await window.result()) };
  } finally {
    off();
  }
}
