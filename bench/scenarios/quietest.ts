import { machineBusySeconds } from '../procStats';

// The machine may be shared: other programs running during a measured window make the
// figures measure them too. Before each cell the runner waits (up to QUIET_WAIT_MS)
// for the machine to be quiet; a cell measured while other processes still used more
// than NOISE_LIMIT % of a core is measured again (up to `attempts` times in all), and
// the quietest attempt is kept and its noise reported with it.

export const NOISE_LIMIT = 25;
const QUIET_WAIT_MS = 30_000;
const SAMPLE_MS = 2000;

/** Waits until the whole machine used at most NOISE_LIMIT % of a core over SAMPLE_MS (the runner itself is idle meanwhile). */
export async function waitForQuiet(log: (line: string) => void): Promise<number> {
  const deadline = Date.now() + QUIET_WAIT_MS;
  let busy = Infinity;
  let said = false;
  while (Date.now() < deadline) {
    const b0 = machineBusySeconds();
    await new Promise((r) => setTimeout(r, SAMPLE_MS));
    busy = (100 * (machineBusySeconds() - b0)) / (SAMPLE_MS / 1000);
    if (busy <= NOISE_LIMIT) return busy;
    if (!said) log(`  other programs use ${busy.toFixed(0)} % of a core: waiting up to ${QUIET_WAIT_MS / 1000} s for a quiet machine`);
    said = true;
  }
  return busy;
}

export async function quietest<T>(attempts: number, run: () => Promise<T>, noise: (result: T) => number, log: (line: string) => void): Promise<T & { attempts: number }> {
  let best: T | null = null;
  let tries = 0;
  while (tries < attempts) {
    tries++;
    if (attempts > 1) await waitForQuiet(log);
    const result = await run();
    if (best === null || noise(result) < noise(best)) best = result;
    if (noise(result) <= NOISE_LIMIT) break;
    log(`  other processes used ${noise(result).toFixed(0)} % of a core during the window${tries < attempts ? ': measuring again' : ''}`);
  }
  return { ...best!, attempts: tries };
}
