import type { BenchProcess } from '../BenchProcess';
import { rssBytes } from '../procStats';

/** RSS after the process has settled and run a full garbage collection. */
export async function settledRss(proc: BenchProcess, settleMs = 500): Promise<number> {
  await new Promise((r) => setTimeout(r, settleMs));
  await proc.probe('gc');
  await new Promise((r) => setTimeout(r, 100));
  return rssBytes(proc.pid);
}
