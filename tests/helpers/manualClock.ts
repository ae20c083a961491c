import type { Clock } from '../../server/rounds/Clock';

export interface ManualClock extends Clock {
  /**
   * Moves the time on and runs every timer that falls due, in the order they fall due,
   * each to its end (what it does asynchronously too) before the next.
   */
  advance(ms: number): Promise<void>;
  /** Timers waiting. */
  pending(): number;
}

/** A clock that stands still until the test moves it: scheduling without waiting or races. */
export function manualClock(start: number): ManualClock {
  let time = start;
  let seq = 0;
  const timers = new Map<number, { due: number; fn: () => void | Promise<void> }>();
  const clock: ManualClock = {
    now: () => time,
    setTimer: (fn, ms) => {
      const id = seq++;
      timers.set(id, { due: time + Math.max(0, ms), fn });
      return () => void timers.delete(id);
    },
    advance: async (ms) => {
      const until = time + ms;
      for (;;) {
        const next = [...timers.entries()].filter(([, t]) => t.due <= until).sort((a, b) => a[1].due - b[1].due || a[0] - b[0])[0];
        if (!next) break;
        timers.delete(next[0]);
        time = Math.max(time, next[1].due);
        await next[1].fn();
      }
      time = until;
    },
    pending: () => timers.size,
  };
  return clock;
}
