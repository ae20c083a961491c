import { createElement, lazy, type ComponentType, type ReactElement } from 'react';

/** A view whose code is fetched on first use, or ahead of it with `preload`. */
export interface LazyView<P extends object> {
  (props: P): ReactElement;
  /** Fetches the view's code and styles now, so that its first use needs no network. Never fails. */
  preload(): Promise<void>;
}

// React keeps a failed lazy component's error for good: a view that could not load is
// given a fresh one when someone asks to try again.
const failedViews = new Set<() => void>();

// A failed load can leave the view's stylesheet behind as a <link> that never loaded,
// and Vite does not add a stylesheet it has seen once: the next attempt fetches it anew.
// Error events do not bubble, but they can be caught on their way down.
const failedStylesheets = new Set<HTMLLinkElement>();
document.addEventListener(
  'error',
  (event) => {
    if (event.target instanceof HTMLLinkElement && event.target.rel === 'stylesheet') failedStylesheets.add(event.target);
  },
  true,
);

function reviveStylesheets() {
  failedStylesheets.forEach((link) => link.replaceWith(link.cloneNode()));
  failedStylesheets.clear();
}

/** Like React.lazy, but it can be preloaded and tried again after its code failed to arrive. */
export function lazyView<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): LazyView<P> {
  const attempt = () => {
    reviveStylesheets();
    return load().catch((err: unknown) => {
      failedViews.add(renew);
      throw err;
    });
  };
  let Current = lazy(attempt);
  function renew() {
    Current = lazy(attempt);
  }
  const View = (props: P) => createElement(Current as ComponentType<P>, props);
  View.preload = () => attempt().then(
    () => undefined,
    () => undefined,
  );
  return View;
}

/** Lets every view that failed to load try again the next time it is shown. */
export function retryFailedViews() {
  failedViews.forEach((renew) => renew());
  failedViews.clear();
}
