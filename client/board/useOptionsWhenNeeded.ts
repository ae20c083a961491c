import { useCallback, useEffect, useState } from 'react';

// A card's status and priority selects start with only their current option: a plan of
// 1,000 cards paints without 9,000 <option> elements. The rest are added when someone
// reaches the select (focus, a press) and, for everyone else, in idle time after the
// paint, a batch at a time so that no frame waits long.

const BATCH = 150;
const waiting = new Set<() => void>();
let scheduled = false;

const later: (run: () => void) => void =
  typeof requestIdleCallback === 'function' ? (run) => requestIdleCallback(run, { timeout: 2000 }) : (run) => setTimeout(run, 50);

function fillSome() {
  scheduled = false;
  let n = 0;
  for (const fill of waiting) {
    waiting.delete(fill);
    fill();
    if (++n === BATCH) break;
  }
  if (waiting.size > 0) schedule();
}

function schedule() {
  if (scheduled) return;
  scheduled = true;
  later(fillSome);
}

/** Whether the select shows every option yet, and what fills it at once (for onFocus and onPointerDown). */
export function useOptionsWhenNeeded(): [full: boolean, fill: () => void] {
  const [full, setFull] = useState(false);
  const fill = useCallback(() => setFull(true), []);
  useEffect(() => {
    if (full) return;
    waiting.add(fill);
    schedule();
    return () => void waiting.delete(fill);
  }, [full, fill]);
  return [full, fill];
}
