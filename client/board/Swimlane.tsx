import { Plus } from 'lucide-react';
import type { DirectionView, ItemView } from '../../shared/plan/schema';
import { STATUSES } from '../../shared/plan/types';
import { useI18n } from '../i18n/I18nProvider';
import type { ActivityRuns } from '../../shared/plan/activityRuns';
import { BoardCell } from './BoardCell';
import type { CardActions } from './CardActions';

interface Props {
  direction: DirectionView;
  items: ItemView[];
  runs: ActivityRuns;
  readOnly: boolean;
  actions: CardActions;
  onAdd: (directionId: string) => void;
}

/** One direction of the plan across the five status columns. */
export function Swimlane({ direction, items, runs, readOnly, actions, onAdd }: Props) {
  const { t } = useI18n();
  const headingId = `lane-${direction.id}`;
  return (
    <section className="lane" aria-labelledby={headingId}>
      <header className="lane-head">
        <h2 id={headingId} className="lane-title">
          {direction.title}
        </h2>
        <span className="lane-count">{t.itemCount(items.length)}</span>
        {!readOnly && (
          <button type="button" className="button button-quiet" aria-label={t.addItemIn(direction.title)} onClick={() => onAdd(direction.id)}>
            <Plus aria-hidden="true" size={16} />
            {t.addItem}
          </button>
        )}
      </header>
      <div className="lane-cells">
        {STATUSES.map((status) => (
          <BoardCell
            key={status}
            directionId={direction.id}
            directionTitle={direction.title}
            status={status}
            items={items.filter((i) => i.status === status)}
            runs={runs}
            readOnly={readOnly}
            actions={actions}
          />
        ))}
      </div>
    </section>
  );
}
