import type { BenchProcess } from '../BenchProcess';
import { cpuMeter, otherCpuMeter } from '../procStats';

// What the server and the generator cost while a scenario's measured window is open:
// CPU of each (from /proc, % of one core) and the server's event-loop delay (from the
// probe inside it).

export interface WindowFigures {
  serverCpuPercent: number;
  generatorCpuPercent: number;
  /** CPU of everything else on the machine (this runner, other programs): noise. */
  otherCpuPercent: number;
  eventLoopDelayMs: { p50: number; p99: number; max: number };
}

export class MeasureWindow {
  private stopServer: (() => number) | null = null;
  private stopGenerator: (() => number) | null = null;
  private stopOther: (() => number) | null = null;
  private figures: Promise<WindowFigures> | null = null;

  constructor(
    private readonly server: BenchProcess,
    private readonly generator: BenchProcess,
  ) {}

  open(): void {
    void this.server.probe('reset');
    this.stopServer = cpuMeter(this.server.pid);
    this.stopGenerator = cpuMeter(this.generator.pid);
    this.stopOther = otherCpuMeter([this.server.pid, this.generator.pid]);
  }

  close(): void {
    if (!this.stopServer || !this.stopGenerator || !this.stopOther) throw new Error('window closed before it was opened');
    const serverCpuPercent = this.stopServer();
    const generatorCpuPercent = this.stopGenerator();
    const otherCpuPercent = this.stopOther();
    this.figures = this.server.probe('delay').then((d) => ({
      serverCpuPercent,
      generatorCpuPercent,
      otherCpuPercent,
      eventLoopDelayMs: { p50: d.p50, p99: d.p99, max: d.max },
    }));
  }

  result(): Promise<WindowFigures> {
    if (!this.figures) throw new Error('window never closed');
    return this.figures;
  }
}
