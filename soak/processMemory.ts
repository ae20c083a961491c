import { readFileSync } from 'node:fs';

// The resident memory of another process, from Linux's /proc, and how a series of
// samples of it moves: what "memory stays flat" means in numbers.

/** Resident set size in MiB (VmRSS), or null when the process is gone or /proc is not there. */
export function residentMiB(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

export interface Sample {
  /** Minutes since the start of the run. */
  minute: number;
  rssMiB: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : NaN;
};

/** Least-squares slope of the samples, in MiB per minute. */
export function slopeMiBPerMinute(samples: Sample[]): number {
  const n = samples.length;
  if (n < 2) return 0;
  const mx = samples.reduce((s, p) => s + p.minute, 0) / n;
  const my = samples.reduce((s, p) => s + p.rssMiB, 0) / n;
  const num = samples.reduce((s, p) => s + (p.minute - mx) * (p.rssMiB - my), 0);
  const den = samples.reduce((s, p) => s + (p.minute - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

/** The figures of the samples taken after the warm-up. */
export function describeMemory(samples: Sample[], warmupMinutes: number) {
  const after = samples.filter((s) => s.minute >= warmupMinutes);
  const last = after.length ? after[after.length - 1].minute : warmupMinutes;
  const firstMinute = after.filter((s) => s.minute < warmupMinutes + 1).map((s) => s.rssMiB);
  const lastMinute = after.filter((s) => s.minute >= last - 1).map((s) => s.rssMiB);
  return {
    samples: after.length,
    minMiB: Math.min(...after.map((s) => s.rssMiB)),
    maxMiB: Math.max(...after.map((s) => s.rssMiB)),
    firstMinuteMedianMiB: median(firstMinute),
    lastMinuteMedianMiB: median(lastMinute),
    slopeMiBPerMinute: slopeMiBPerMinute(after),
  };
}
