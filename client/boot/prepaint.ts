import { useLayoutEffect } from 'react';

// The server may send the page with the plan's board already drawn (#prepaint, see
// server/page): it shows while the app, hidden beside it (base.css), signs in,
// connects and builds its own board. The app removes it as soon as it has something
// of its own to show: its board, or any page that is not the board.

/** Long enough for the app's board on any plan; a page that never gets there shows its own state after it. */
const AT_THE_LATEST_MS = 15_000;

/** The card whose top is highest on screen, and where that is: the one being read. */
function cardInView(prepaint: HTMLElement): { id: string; top: number } | null {
  let found: { id: string; top: number } | null = null;
  for (const card of prepaint.querySelectorAll<HTMLElement>('[data-item-id]')) {
    const { top } = card.getBoundingClientRect();
    if (top >= 0 && top < innerHeight && (!found || top < found.top)) found = { id: card.dataset.itemId!, top };
  }
  return found;
}

export function releasePrepaint(): void {
  const prepaint = document.getElementById('prepaint');
  if (!prepaint) return;
  // Someone who scrolled while the app loaded keeps the card they were reading where it was.
  const anchor = window.scrollY > 0 ? cardInView(prepaint) : null;
  prepaint.remove();
  const same = anchor && document.querySelector(`#root [data-item-id="${CSS.escape(anchor.id)}"]`);
  if (anchor && same) window.scrollBy(0, same.getBoundingClientRect().top - anchor.top);
}

if (document.getElementById('prepaint')) setTimeout(releasePrepaint, AT_THE_LATEST_MS);

/** Removes the server's board before the frame that shows what the caller rendered, when `showing` says it is the page's content. */
export function useReleasePrepaint(showing = true): void {
  useLayoutEffect(() => {
    if (showing) releasePrepaint();
  }, [showing]);
}
