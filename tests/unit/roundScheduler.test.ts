import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../server/logger';
import { RoundScheduler } from '../../server/rounds/RoundScheduler';
import type { DueRun } from '../../server/rounds/RoundService';
import { manualClock } from '../helpers/manualClock';

// The scheduler on its own, with a service that only says what is due: how long it
// waits, and that it never spins. (The rounds it closes and reminds are tested on the
// real server in roundLifecycle.test.ts.)

const DAY = 24 * 3600_000;

function world(nextDue: () => number | null, runDue: () => DueRun = () => ({ closed: [], reminded: [], failed: [] })) {
  const clock = manualClock(0);
  const waits: number[] = [];
  const recording = { ...clock, setTimer: (fn: () => void, ms: number) => (waits.push(ms), clock.setTimer(fn, ms)) };
  let runs = 0;
  const scheduler = new RoundScheduler({ nextDue, runDue: () => (runs++, runDue()) }, recording, createMemoryLogger());
  return { clock, waits, scheduler, runs: () => runs };
}

describe('the round scheduler', async () => {
  it('waits no longer than ten minutes at a time for a deadline a month away, which setTimeout alone could not wait for', async () => {
    const w = world(() => 30 * DAY);
    await w.scheduler.start();
    expect(w.waits).toEqual([RoundScheduler.MAX_WAIT_MS]);
    await w.clock.advance(DAY);
    expect(w.runs()).toBe(1 + DAY / RoundScheduler.MAX_WAIT_MS);
    expect(Math.max(...w.waits)).toBe(RoundScheduler.MAX_WAIT_MS);
  });

  it('sets no timer while no round is open, and waits a minute after a failure instead of trying again at once', async () => {
    const idle = world(() => null);
    await idle.scheduler.start();
    expect([idle.runs(), idle.clock.pending()]).toEqual([1, 0]);

    const failing = world(() => 0, () => ({ closed: [], reminded: [], failed: [{ roundId: 'r', err: new Error('disk full') }] }));
    await failing.scheduler.start();
    expect(failing.waits).toEqual([RoundScheduler.RETRY_MS]);
    await failing.clock.advance(RoundScheduler.RETRY_MS - 1);
    expect(failing.runs()).toBe(1);
    await failing.clock.advance(1);
    expect(failing.runs()).toBe(2);
  });

  it('stops for good: no timer is left behind', async () => {
    const w = world(() => DAY);
    await w.scheduler.start();
    w.scheduler.stop();
    await w.scheduler.reschedule();
    expect(w.clock.pending()).toBe(0);
  });
});
