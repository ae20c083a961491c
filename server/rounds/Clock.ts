/**
 * The time of rounds' deadlines and reminders, and the way to wait for one. The server
 * runs on the system clock; tests hand in a clock they move themselves.
 */
export interface Clock {
  now(): number;
  /** Calls fn once, `ms` from now by this clock; returns a function that cancels it. */
  setTimer(fn: () => void | Promise<void>, ms: number): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer: (fn, ms) => {
    const timer = setTimeout(fn, ms);
    // A waiting reminder never keeps a process alive that has nothing else to do.
    timer.unref();
    return () => clearTimeout(timer);
  },
};
