import { useLayoutEffect, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { cellOthers, naturalIndex, placeAmong } from '../../shared/plan/cellPlace';
import { moveItem, setPriority, setStatus } from '../../shared/plan/itemOps';
import { PlanError } from '../../shared/plan/PlanError';
import type { DirectionView, ItemView } from '../../shared/plan/schema';
import { STATUSES, type Status } from '../../shared/plan/types';
import { useI18n } from '../i18n/I18nProvider';
import { useReleasePrepaint } from '../boot/prepaint';
import { planUndo } from '../undo/PlanUndo';
import { activityRuns } from '../../shared/plan/activityRuns';
import { RunHighlight, RunHighlightStyle } from './runHighlight';
import type { CardActions } from './CardActions';
import { DragBridge } from './drag/DragBridge';
import { DragHost } from './drag/DragHost';
import type { Slot } from './drag/nextSlot';
import { Swimlane } from './Swimlane';

interface Props {
  doc: Y.Doc;
  directions: DirectionView[];
  /** Every live item, for grouping the rows of an activity. */
  items: ItemView[];
  /** The items that pass the filter: the ones shown. */
  visible: ItemView[];
  /** The status the filter keeps: on a narrow screen the board shows only its cells (board.css). */
  onlyStatus?: Status | null;
  readOnly: boolean;
  onAdd: (directionId: string) => void;
  /** Opens the item dialog; `at: 'place'` opens it on the card's place in its column. */
  onEdit: (item: ItemView, at?: 'place') => void;
  onRemove: (item: ItemView) => void;
  /** Absent on a board without filters (a snapshot). */
  onShowRows?: (item: ItemView) => void;
  /** For readers: opens a card's details read-only. */
  onShowDetails?: (item: ItemView) => void;
}

/** The swimlanes (directions) by status columns. */
export function Board({ doc, directions, items, visible, onlyStatus, readOnly, onAdd, onEdit, onRemove, onShowRows, onShowDetails }: Props) {
  const { t } = useI18n();
  const [announcement, setAnnouncement] = useState('');
  const runs = useMemo(() => activityRuns(items), [items]);
  const [highlight] = useState(() => new RunHighlight());
  const [drag] = useState(() => new DragBridge());
  useReleasePrepaint();

  // Operations on an item someone else just deleted throw ITEM_NOT_FOUND; say so instead.
  // Each runs as one step of this person's undo history.
  const attempt = (op: () => void) => {
    try {
      planUndo(doc).change(op);
      return true;
    } catch (err) {
      if (err instanceof PlanError) setAnnouncement(t.move.failed);
      else throw err;
      return false;
    }
  };

  /** Puts an item at a place among the cards shown in a cell; nothing when it is there already. */
  const moveTo = (id: string, { directionId, status, index }: Slot) => {
    const item = items.find((i) => i.id === id);
    if (!item) return false;
    const others = cellOthers(visible, directionId, status, id);
    const sameCell = item.directionId === directionId && item.status === status;
    if (sameCell && naturalIndex(others, item, directionId) === index) return true;
    return attempt(() =>
      moveItem(doc, id, { status, directionId: directionId === item.directionId ? undefined : directionId, ...placeAmong(others, index) }),
    );
  };
  useLayoutEffect(() => {
    drag.board = { directions, visible, move: moveTo };
    // A card moved with the keyboard is drawn anew in its new cell: its move button gets the focus back.
    drag.restoreFocus();
  });

  const actions: CardActions = {
    setStatus: (item, status) => attempt(() => setStatus(doc, item.id, status)),
    setPriority: (item, priority) => attempt(() => setPriority(doc, item.id, priority)),
    edit: onEdit,
    showDetails: onShowDetails,
    remove: onRemove,
    showRows: onShowRows,
  };

  const countIn = (status: Status) => visible.filter((i) => i.status === status).length;

  return (
    <section
      className="board"
      id="board"
      tabIndex={-1}
      aria-label={t.board}
      data-only-status={onlyStatus ?? undefined}
      ref={(element) => void (drag.root = element)}
      {...highlight.handlers}
      {...(readOnly ? {} : drag.handlers)}
      onFocus={(e) => {
        highlight.handlers.onFocus(e);
        if (!readOnly) drag.handlers.onFocus();
      }}
    >
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
          actions={actions}
          onAdd={onAdd}
        />
      ))}
      {!readOnly && <DragHost bridge={drag} />}
      <div className="sr-only" aria-live="assertive" aria-atomic="true">
        {announcement}
      </div>
    </section>
  );
}
