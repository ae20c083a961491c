import { Rows3 } from 'lucide-react';
import { useI18n } from '../i18n/I18nProvider';
import type { RunPlace } from '../../shared/plan/activityRuns';

interface Props {
  /** Labels the card's description (aria-describedby). */
  id: string;
  activity: string;
  place: RunPlace;
  /** False inside a group, whose header already shows the Vad; screen readers still hear it. */
  showActivity: boolean;
  onShowAll?: () => void;
}

/**
 * "Medlemsvård · rad 2 av 3" on every row of a multi-row activity, so a row that its
 * status put in another column than its siblings still says where it belongs, and a
 * control that narrows the board to that activity's rows.
 */
export function RunTag({ id, activity, place, showActivity, onShowAll }: Props) {
  const { t } = useI18n();
  return (
    <div className="run-tag">
      <span id={id}>
        <span className={showActivity ? undefined : 'sr-only'}>{activity} · </span>
        {t.run.place(place.row, place.of)}
      </span>
      {onShowAll && (
        <button type="button" className="run-show" aria-label={t.run.showAllOf(activity)} onClick={onShowAll}>
          <Rows3 aria-hidden="true" size={13} />
          {t.run.showAll}
        </button>
      )}
    </div>
  );
}
