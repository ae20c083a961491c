import { useLayoutEffect, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { moveItem, setPriority, setStatus } from '../../shared/plan/itemOps';
import { PlanError } from '../../shared/plan/PlanError';
import type { DirectionView, ItemView } from '../../shared/plan/schema';
import { STATUSES, type Status } from '../../shared/plan/types';
import { useI18n } from '../i18n/I18nProvider';
import { planUndo } from '../undo/PlanUndo';
import { activityRuns } from './activityRuns';
import { RunHighlight, RunHighlightStyle } from './runHighlight';
import type { CardActions } from './CardActions';
import { Swimlane } from './Swimlane';
import { useKeyboardMove, type MoveTarget } from './useKeyboardMove';

interface Props {
  doc: Y.Doc;
  directions: DirectionView[];
  /** Every live item, for grouping the rows of an activity. */
  items: ItemView[];
  /** The items that pass the filter: the ones shown. */
  visible: ItemView[];
  readOnly: boolean;
  onAdd: (directionId: string) => void;
  onEdit: (item: ItemView) => void;
  onRemove: (item: ItemView) => void;
  /** Absent on a board without filters (a snapshot). */
  onShowRows?: (item: ItemView) => void;
  /** For readers: opens a card's details read-only. */
  onShowDetails?: (item: ItemView) => void;
}

/** The swimlanes (directions) by status columns. */
export function Board({ doc, directions, items, visible, readOnly, onAdd, onEdit, onRemove, onShowRows, onShowDetails }: Props) {
  const { t } = useI18n();
  const [announcement, setAnnouncement] = useState('');
  const [focusMoved, setFocusMoved] = useState<string | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const runs = useMemo(() => activityRuns(items), [items]);
  const [highlight] = useState(() => new RunHighlight());

  // A moved card re-mounts in its new cell; give its move button the focus back.
  useLayoutEffect(() => {
    if (!focusMoved) return;
    const button = document.querySelector<HTMLButtonElement>(`[data-move-button="${CSS.escape(focusMoved)}"]`);
    if (button) {
      button.focus();
      setFocusMoved(null);
    }
  });

  // Operations on an item someone else just deleted throw ITEM_NOT_FOUND; say so instead.
  // Each runs as one step of this person's undo history.
  const attempt = (op: () => void) => {
    try {
      planUndo(doc).change(op);
    } catch (err) {
      if (err instanceof PlanError) setAnnouncement(t.move.failed);
      else throw err;
    }
  };

  const moveTo = (id: string, directionId: string, status: Status) => {
    const item = items.find((i) => i.id === id);
    if (!item || (item.directionId === directionId && item.status === status)) return;
    attempt(() => moveItem(doc, id, { status, directionId: directionId === item.directionId ? undefined : directionId }));
  };

  const keyboardMove = useKeyboardMove({
    directions,
    announce: setAnnouncement,
    drop: (item: ItemView, target: MoveTarget) => {
      moveTo(item.id, target.directionId, target.status);
      setFocusMoved(item.id);
    },
  });

  const actions: CardActions = {
    setStatus: (item, status) => attempt(() => setStatus(doc, item.id, status)),
    setPriority: (item, priority) => attempt(() => setPriority(doc, item.id, priority)),
    edit: onEdit,
    showDetails: onShowDetails,
    remove: onRemove,
    toggleMove: keyboardMove.toggle,
    moveKey: keyboardMove.onKey,
    cancelMove: keyboardMove.cancel,
    // Deferred: Chromium ends a drag whose source is re-laid-out inside dragstart.
    dragStart: (item) => setTimeout(() => setDragging(item.id)),
    dragEnd: () => setDragging(null),
    showRows: onShowRows,
  };

  const countIn = (status: Status) => visible.filter((i) => i.status === status).length;

  return (
    <section className={`board${dragging ? ' board-dragging' : ''}`} id="board" tabIndex={-1} aria-label={t.board} {...highlight.handlers}>
      <RunHighlightStyle highlight={highlight} />
      <div className="board-columns" aria-hidden="true">
        {STATUSES.map((status) => (
          <div key={status} className={`board-column-head status-${status}`}>
            <span>{t.statuses[status]}</span>
            <span className="count">{countIn(status)}</span>
          </div>
        ))}
      </div>
      {directions.map((direction) => (
        <Swimlane
          key={direction.id}
          direction={direction}
          items={visible.filter((i) => i.directionId === direction.id)}
          runs={runs}
          readOnly={readOnly}
          liftedId={keyboardMove.liftedId}
          moveTarget={keyboardMove.target}
          actions={actions}
          onAdd={onAdd}
          onDropItem={moveTo}
        />
      ))}
      <div className="sr-only" aria-live="assertive" aria-atomic="true">
        {announcement}
      </div>
    </section>
  );
}
