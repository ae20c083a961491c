import { readFileSync } from 'node:fs';

// CPU time and resident memory of another process, read from /proc the way `ps` and
// `top` do, so that ours and the peers are measured from outside by the same code.

/** Linux reports CPU time in clock ticks of 1/100 s (USER_HZ) on every platform we run. */
const TICKS_PER_SECOND = 100;

/** User + system CPU seconds the process has used so far. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Field 2 (the command) may hold spaces; the fields after it start behind ") ".
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** Resident set size in bytes (VmRSS). */
export function rssBytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : NaN;
}

/** CPU use between `start()` and the returned function's call, in % of one core. */
export function cpuMeter(pid: number): () => number {
  const t0 = performance.now();
  const c0 = cpuSeconds(pid);
  return () => (100 * (cpuSeconds(pid) - c0)) / ((performance.now() - t0) / 1000);
}

/** CPU seconds the whole machine has been busy (all cores, everything but idle and I/O wait). */
export function machineBusySeconds(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0].trim().split(/\s+/).slice(1).map(Number);
  const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
  return (total - fields[3] - fields[4]) / TICKS_PER_SECOND;
}

/**
 * CPU used by every process other than `pids` between the call and the returned
 * function's call, in % of one core: other work on the machine that competes with
 * the measured processes (it should be near 0 for figures to be trusted).
 */
export function otherCpuMeter(pids: number[]): () => number {
  const t0 = performance.now();
  const busy0 = machineBusySeconds();
  const own0 = pids.reduce((n, pid) => n + cpuSeconds(pid), 0);
  return () => {
    const own = pids.reduce((n, pid) => n + cpuSeconds(pid), 0) - own0;
    // Clock ticks are counted separately for the machine and each process: clamp the rounding.
    return Math.max(0, (100 * (machineBusySeconds() - busy0 - own)) / ((performance.now() - t0) / 1000));
  };
}
