import { useState } from 'react';
import type { ItemView } from '../../shared/plan/schema';
import type { Status } from '../../shared/plan/types';
import { useI18n } from '../i18n/I18nProvider';
import { ActivityGroup } from './ActivityGroup';
import { groupCell, type ActivityRuns } from './activityRuns';
import type { CardActions } from './CardActions';
import { draggedItemId, isItemDrag } from './dragItem';

interface Props {
  directionId: string;
  directionTitle: string;
  status: Status;
  items: ItemView[];
  runs: ActivityRuns;
  readOnly: boolean;
  liftedId: string | null;
  /** The cell a keyboard move is headed for. */
  isMoveTarget: boolean;
  actions: CardActions;
  onDropItem: (id: string, directionId: string, status: Status) => void;
}

/** One status column within one direction: a drop zone holding the cards. */
export function BoardCell(props: Props) {
  const { directionId, directionTitle, status, items, runs, readOnly, liftedId, isMoveTarget, actions, onDropItem } = props;
  const { t } = useI18n();
  const [dragOver, setDragOver] = useState(false);
  const className = ['board-cell', `status-${status}`, dragOver && 'drop-over', isMoveTarget && 'move-target'].filter(Boolean).join(' ');
  return (
    <div
      className={className}
      role="group"
      aria-label={t.cellLabel(t.statuses[status], directionTitle)}
      data-status={status}
      data-direction-id={directionId}
      onDragOver={(e) => {
        if (readOnly || !isItemDrag(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
        if (!dragOver) setDragOver(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragOver(false);
      }}
      onDrop={(e) => {
        setDragOver(false);
        const id = draggedItemId(e);
        if (readOnly || !id) return;
        e.preventDefault();
        onDropItem(id, directionId, status);
      }}
    >
      <span className="cell-status-label" aria-hidden="true">
        {t.statuses[status]}
      </span>
      {groupCell(items, runs.runOf).map((group) => (
        <ActivityGroup key={group[0].id} items={group} runs={runs} readOnly={readOnly} liftedId={liftedId} actions={actions} />
      ))}
    </div>
  );
}
