import type { Clock } from '../../server/rounds/Clock';

export interface MovableClock extends Clock {
  /** Moves the time forward; timers that fall due run at once, the others wait their remaining time. */
  advance(ms: number): void;
}

/** The system clock plus an offset a test moves forward: time flows as usual, and jumps when told. */
export function movableClock(): MovableClock {
  let offset = 0;
  const timers = new Set<{ due: number; fn: () => void; handle?: ReturnType<typeof setTimeout> }>();
  const now = () => Date.now() + offset;
  const arm = (timer: { due: number; fn: () => void; handle?: ReturnType<typeof setTimeout> }) => {
    clearTimeout(timer.handle);
    timer.handle = setTimeout(() => {
      timers.delete(timer);
      timer.fn();
    }, Math.max(0, timer.due - now()));
    timer.handle.unref();
  };
  return {
    now,
    setTimer: (fn, ms) => {
      const timer = { due: now() + ms, fn };
      timers.add(timer);
      arm(timer);
      return () => {
        clearTimeout((timer as { handle?: ReturnType<typeof setTimeout> }).handle);
        timers.delete(timer);
      };
    },
    advance: (ms) => {
      offset += ms;
      for (const timer of timers) arm(timer);
    },
  };
}
