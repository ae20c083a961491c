import { useId } from 'react';
import type { ItemView } from '../../shared/plan/schema';
import { CommentBadge } from '../comments/CommentBadge';
import { RoundMarker } from '../rounds/RoundMarker';
import { useI18n } from '../i18n/I18nProvider';
import { sv } from '../i18n/sv';
import { CardViewers } from '../viewers/CardViewers';
import type { RunPlace } from './activityRuns';
import type { CardActions } from './CardActions';
import { CardIcon } from './CardIcon';
import { startItemDrag } from './dragItem';
import { PriorityBadge, PrioritySelect } from './PrioritySelect';
import { RunTag } from './RunTag';
import { StatusSelect } from './StatusSelect';

interface Props {
  item: ItemView;
  /** Its place among the rows of a multi-row activity, or null. */
  place: RunPlace | null;
  /** False inside a group, whose header already shows the Vad. */
  showActivity: boolean;
  readOnly: boolean;
  lifted: boolean;
  actions: CardActions;
}

const fold = (s: string) => s.trim().toLocaleLowerCase('sv');

/** The document's own status text, shown when it says more than the column does. */
function noteWorthShowing(item: ItemView) {
  return item.statusNote.trim() !== '' && fold(item.statusNote) !== fold(sv.statuses[item.status]);
}

export function ItemCard({ item, place, showActivity, readOnly, lifted, actions }: Props) {
  const { t } = useI18n();
  const placeId = useId();
  const activity = item.activity || item.how.slice(0, 60);
  const label = showActivity || !item.how ? activity : `${activity}: ${item.how.slice(0, 60)}`;
  return (
    <article
      className={`card${lifted ? ' card-lifted' : ''}`}
      aria-label={label}
      aria-describedby={place ? placeId : undefined}
      data-run={place?.runId}
      data-item-id={item.id}
      draggable={!readOnly}
      onDragStart={(e) => {
        startItemDrag(e, item.id, activity);
        actions.dragStart(item);
      }}
      onDragEnd={() => actions.dragEnd()}
    >
      <CardViewers itemId={item.id} />
      <div className="card-head">
        {readOnly ? (
          <PriorityBadge value={item.priority} />
        ) : (
          <PrioritySelect variant="badge" value={item.priority} label={t.priorityFor(activity)} onChange={(p) => actions.setPriority(item, p)} />
        )}
        <CommentBadge itemId={item.id} activity={activity} />
        <RoundMarker itemId={item.id} activity={activity} />
        {readOnly && actions.showDetails && (
          <div className="card-tools">
            <button type="button" className="icon-button" aria-label={t.showDetails(activity)} title={t.showDetails(activity)} onClick={() => actions.showDetails?.(item)}>
              <CardIcon name="details" />
            </button>
          </div>
        )}
        {!readOnly && (
          <div className="card-tools">
            <button
              type="button"
              className="icon-button"
              data-move-button={item.id}
              aria-label={t.moveItem(activity)}
              aria-pressed={lifted}
              title={t.moveItem(activity)}
              onClick={() => actions.toggleMove(item)}
              onKeyDown={(e) => actions.moveKey(e, item)}
              onBlur={() => actions.cancelMove(item)}
            >
              <CardIcon name="move" />
            </button>
            <button type="button" className="icon-button" aria-label={t.editItem(activity)} title={t.editItem(activity)} onClick={() => actions.edit(item)}>
              <CardIcon name="edit" />
            </button>
            <button type="button" className="icon-button" aria-label={t.deleteItem(activity)} title={t.deleteItem(activity)} onClick={() => actions.remove(item)}>
              <CardIcon name="remove" />
            </button>
          </div>
        )}
      </div>
      {lifted && (
        <p className="move-hint" aria-hidden="true">
          {t.move.hint}
        </p>
      )}
      {place && (
        <RunTag id={placeId} activity={activity} place={place} showActivity={showActivity} onShowAll={actions.showRows && (() => actions.showRows?.(item))} />
      )}
      {showActivity ? <h3 className="card-title">{item.activity}</h3> : item.how && <p className="card-how card-how-lead">{item.how}</p>}
      {showActivity && item.how && <p className="card-how">{item.how}</p>}
      {item.who.length > 0 && (
        <ul className="chips" aria-label={t.fields.who}>
          {item.who.map((name) => (
            <li key={name} className="chip">
              {name}
            </li>
          ))}
        </ul>
      )}
      {item.when && (
        <p className="card-when">
          <CardIcon name="when" small />
          <span className="sr-only">{t.fields.when}: </span>
          {item.when}
        </p>
      )}
      {noteWorthShowing(item) && (
        <p className="card-note">
          <span className="sr-only">{t.fields.statusNote}: </span>
          {item.statusNote}
        </p>
      )}
      {readOnly ? (
        <p className="card-status">{t.statuses[item.status]}</p>
      ) : (
        <StatusSelect className="card-status" value={item.status} label={t.statusFor(activity)} onChange={(s) => actions.setStatus(item, s)} />
      )}
    </article>
  );
}
