import type { ItemView } from '../../shared/plan/schema';
import { useI18n } from '../i18n/I18nProvider';
import { runPlace, type ActivityRuns } from '../../shared/plan/activityRuns';
import type { CardActions } from './CardActions';
import { ItemCard } from './ItemCard';

interface Props {
  items: ItemView[];
  runs: ActivityRuns;
  readOnly: boolean;
  actions: CardActions;
}

/** Several rows of one activity in one cell: one bordered group with the Vad shown once. */
export function ActivityGroup({ items, runs, readOnly, actions }: Props) {
  const { t } = useI18n();
  if (items.length === 1) {
    const [item] = items;
    return <ItemCard item={item} place={runPlace(runs, item.id)} showActivity readOnly={readOnly} actions={actions} />;
  }
  const activity = items[0].activity;
  return (
    <section className="activity-group" aria-label={t.groupLabel(activity, items.length)}>
      <h3 className="activity-group-title">{activity}</h3>
      {items.map((item) => (
        <ItemCard key={item.id} item={item} place={runPlace(runs, item.id)} showActivity={false} readOnly={readOnly} actions={actions} />
      ))}
    </section>
  );
}
