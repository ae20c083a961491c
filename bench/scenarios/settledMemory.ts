import type { BenchProcess } from '../BenchProcess';
import { rssBytes } from '../procStats';

export interface SettledMemory {
  rss: number;
  /** V8 heap in use and memory outside it (buffers), as the process itself sees them. */
  heapUsed: number;
  /** The V8 heap the process holds (used or not), part of its RSS. */
  heapTotal: number;
  external: number;
}

/** Memory after the process has settled and run a full garbage collection. */
export async function settledMemory(proc: BenchProcess, settleMs = 500): Promise<SettledMemory> {
  await new Promise((r) => setTimeout(r, settleMs));
  const { heapUsed, heapTotal, external } = await proc.probe<{ heapUsed: number; heapTotal: number; external: number }>('gc');
  await new Promise((r) => setTimeout(r, 100));
  return { rss: rssBytes(proc.pid), heapUsed, heapTotal, external };
}
