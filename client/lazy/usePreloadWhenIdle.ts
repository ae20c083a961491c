import { useEffect } from 'react';

/** Something that can fetch its code ahead of use, such as a lazyView. */
interface Preloadable {
  preload(): Promise<void>;
}

// Browsers without requestIdleCallback (Safari) wait this long after the frame instead.
const NO_IDLE_CALLBACK_DELAY_MS = 1000;
// A busy page still gets its views loaded, in time for the network to go away.
const IDLE_TIMEOUT_MS = 10_000;

/**
 * Fetches the views once `ready` has been painted and the browser is idle, so that they
 * open later without the network and the first paint does not wait for their code.
 * A page that is offline then waits for the network to come back.
 */
export function usePreloadWhenIdle(ready: boolean, views: readonly Preloadable[]) {
  useEffect(() => {
    if (!ready) return;
    let idle: number | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const preload = () => {
      if (!navigator.onLine) return window.addEventListener('online', preload, { once: true });
      views.forEach((view) => void view.preload());
    };
    // requestAnimationFrame runs just before the frame that shows `ready` is drawn;
    // idle time comes only after that frame.
    const frame = requestAnimationFrame(() => {
      if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(preload, { timeout: IDLE_TIMEOUT_MS });
      else timer = setTimeout(preload, NO_IDLE_CALLBACK_DELAY_MS);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (idle !== undefined) cancelIdleCallback(idle);
      clearTimeout(timer);
      window.removeEventListener('online', preload);
    };
  }, [ready, views]);
}
