import type { ItemView } from '../../shared/plan/schema';
import type { Status } from '../../shared/plan/types';
import { useI18n } from '../i18n/I18nProvider';
import { ActivityGroup } from './ActivityGroup';
import { groupCell, type ActivityRuns } from '../../shared/plan/activityRuns';
import type { CardActions } from './CardActions';

interface Props {
  directionId: string;
  directionTitle: string;
  status: Status;
  items: ItemView[];
  runs: ActivityRuns;
  readOnly: boolean;
  actions: CardActions;
}

/** One status column within one direction, holding its cards; cards are dropped on it by its data-direction-id and data-status. */
export function BoardCell({ directionId, directionTitle, status, items, runs, readOnly, actions }: Props) {
  const { t } = useI18n();
  return (
    <div
      className={`board-cell status-${status}`}
      role="group"
      aria-label={t.cellLabel(t.statuses[status], directionTitle)}
      data-status={status}
      data-direction-id={directionId}
    >
      <span className="cell-status-label" aria-hidden="true">
        {t.statuses[status]}
      </span>
      {groupCell(items, runs.runOf).map((group) => (
        <ActivityGroup key={group[0].id} items={group} runs={runs} readOnly={readOnly} actions={actions} />
      ))}
    </div>
  );
}
