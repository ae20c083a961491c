import { machineBusySeconds } from '../procStats';

// The machine may be shared: other programs running during a measured window make the
// figures measure them too. Before each cell the runner waits (up to QUIET_WAIT_MS,
// and at most WAIT_BUDGET_MS over the whole run) for the machine to be quiet; a cell
// measured in a quiet moment that other processes still disturbed by more than
// NOISE_LIMIT % of a core is measured again (up to `attempts` times in all). The
// quietest attempt is kept and its noise reported with it. A machine that stays busy
// is not waited for without end: the run goes on and the noise shows in the report.

export const NOISE_LIMIT = 25;
const QUIET_WAIT_MS = 20_000;
const WAIT_BUDGET_MS = 5 * 60_000;
const SAMPLE_MS = 2000;
let waited = 0;

/** Waits until the whole machine used at most NOISE_LIMIT % of a core over SAMPLE_MS (the runner itself is idle meanwhile); true if it was quiet. */
export async function waitForQuiet(log: (line: string) => void): Promise<boolean> {
  const deadline = Date.now() + Math.min(QUIET_WAIT_MS, WAIT_BUDGET_MS - waited);
  let busy = Infinity;
  let said = false;
  while (Date.now() < deadline) {
    const b0 = machineBusySeconds();
    await new Promise((r) => setTimeout(r, SAMPLE_MS));
    waited += SAMPLE_MS;
    busy = (100 * (machineBusySeconds() - b0)) / (SAMPLE_MS / 1000);
    if (busy <= NOISE_LIMIT) return true;
    if (!said) log(`  other programs use ${busy.toFixed(0)} % of a core: waiting for a quiet machine`);
    said = true;
  }
  return false;
}

export async function quietest<T>(attempts: number, run: () => Promise<T>, noise: (result: T) => number, log: (line: string) => void): Promise<T & { attempts: number }> {
  let best: T | null = null;
  let tries = 0;
  while (tries < attempts) {
    tries++;
    const quiet = attempts > 1 ? await waitForQuiet(log) : true;
    const result = await run();
    if (best === null || noise(result) < noise(best)) best = result;
    if (noise(result) <= NOISE_LIMIT || !quiet) break;
    log(`  other processes used ${noise(result).toFixed(0)} % of a core during the window${tries < attempts ? ': measuring again' : ''}`);
  }
  return { ...best!, attempts: tries };
}
