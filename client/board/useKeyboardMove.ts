import { useCallback, useRef, useState, type KeyboardEvent } from 'react';
import type { DirectionView, ItemView } from '../../shared/plan/schema';
import { STATUSES, type Status } from '../../shared/plan/types';
import { useI18n } from '../i18n/I18nProvider';

export interface MoveTarget {
  directionId: string;
  status: Status;
}

interface Moving {
  item: ItemView;
  target: MoveTarget;
}

interface Options {
  directions: DirectionView[];
  announce: (message: string) => void;
  drop: (item: ItemView, target: MoveTarget) => void;
}

const clamp = (n: number, max: number) => Math.max(0, Math.min(max, n));

/**
 * Moving a card with the keyboard alone: the card's move button picks it up, arrow keys
 * choose a column (left/right) or a direction (up/down), Enter or Space drops it there,
 * Escape or leaving the button puts it back. Every step is announced.
 */
export function useKeyboardMove({ directions, announce, drop }: Options) {
  const { t } = useI18n();
  const [moving, setMovingState] = useState<Moving | null>(null);
  // A ref as well as state: blur and click can arrive in one tick, before a re-render.
  const movingRef = useRef<Moving | null>(null);
  const setMoving = (next: Moving | null) => {
    movingRef.current = next;
    setMovingState(next);
  };
  const titleOf = useCallback((id: string) => directions.find((d) => d.id === id)?.title ?? '', [directions]);

  const toggle = (item: ItemView) => {
    const current = movingRef.current;
    if (current && current.item.id === item.id) {
      setMoving(null);
      drop(item, current.target);
      announce(t.move.dropped(item.activity, t.statuses[current.target.status], titleOf(current.target.directionId)));
      return;
    }
    const target = { directionId: item.directionId, status: item.status };
    setMoving({ item, target });
    announce(t.move.pickedUp(item.activity, t.statuses[item.status], titleOf(item.directionId)));
  };

  const cancel = (item: ItemView) => {
    if (movingRef.current?.item.id !== item.id) return;
    setMoving(null);
    announce(t.move.cancelled(item.activity));
  };

  const onKey = (e: KeyboardEvent, item: ItemView) => {
    const current = movingRef.current;
    if (!current || current.item.id !== item.id) return;
    const column = STATUSES.indexOf(current.target.status);
    const lane = Math.max(0, directions.findIndex((d) => d.id === current.target.directionId));
    let next: MoveTarget | null = null;
    if (e.key === 'ArrowLeft') next = { ...current.target, status: STATUSES[clamp(column - 1, STATUSES.length - 1)] };
    else if (e.key === 'ArrowRight') next = { ...current.target, status: STATUSES[clamp(column + 1, STATUSES.length - 1)] };
    else if (e.key === 'ArrowUp') next = { ...current.target, directionId: directions[clamp(lane - 1, directions.length - 1)].id };
    else if (e.key === 'ArrowDown') next = { ...current.target, directionId: directions[clamp(lane + 1, directions.length - 1)].id };
    else if (e.key === 'Escape') {
      e.preventDefault();
      cancel(item);
      return;
    } else return;
    e.preventDefault(); // arrows would scroll the page
    setMoving({ item, target: next });
    announce(t.move.over(t.statuses[next.status], titleOf(next.directionId)));
  };

  return { target: moving?.target ?? null, liftedId: moving?.item.id ?? null, toggle, cancel, onKey };
}
