import { useSyncExternalStore, type FocusEvent, type MouseEvent } from 'react';

const runAt = (target: EventTarget | null) =>
  target instanceof Element ? (target.closest('[data-run]')?.getAttribute('data-run') ?? null) : null;

/**
 * Which activity's rows are lit because one of them is under the pointer or holds the
 * focus. Kept outside React state: a hover then re-renders one style element, not the
 * board's thousand cards.
 */
export class RunHighlight {
  private runId: string | null = null;
  private readonly listeners = new Set<() => void>();

  readonly get = () => this.runId;

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  private set(runId: string | null) {
    if (runId === this.runId) return;
    this.runId = runId;
    for (const listener of this.listeners) listener();
  }

  /** Handlers for the board, delegated: one set for all cards. */
  readonly handlers = {
    onMouseOver: (e: MouseEvent) => this.set(runAt(e.target)),
    onMouseLeave: () => this.set(null),
    onFocus: (e: FocusEvent) => this.set(runAt(e.target)),
    // Focus moving to another card's control lights that card's rows without a flicker.
    onBlur: (e: FocusEvent) => this.set(runAt(e.relatedTarget)),
  };
}

/** Outlines every card of the lit activity, wherever its status put it. */
export function RunHighlightStyle({ highlight }: { highlight: RunHighlight }) {
  const runId = useSyncExternalStore(highlight.subscribe, highlight.get);
  if (!runId) return null;
  const card = `.card[data-run="${CSS.escape(runId)}"]`;
  return <style>{`${card} { outline: 2px solid var(--accent); outline-offset: 2px; } ${card} .run-tag > span { background: var(--accent-soft); }`}</style>;
}
