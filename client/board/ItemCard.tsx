import { useId } from 'react';
import { cardActivity, cardLabel, noteWorthShowing } from '../../shared/plan/cardText';
import type { ItemView } from '../../shared/plan/schema';
import { CommentBadge } from '../comments/CommentBadge';
import { RoundMarker } from '../rounds/RoundMarker';
import { useI18n } from '../i18n/I18nProvider';
import { CardViewers } from '../viewers/CardViewers';
import type { RunPlace } from '../../shared/plan/activityRuns';
import type { CardActions } from './CardActions';
import { CardIcon } from './CardIcon';
import { DRAG_HELP_ID } from './drag/DragBridge';
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
  actions: CardActions;
}

export function ItemCard({ item, place, showActivity, readOnly, actions }: Props) {
  const { t } = useI18n();
  const placeId = useId();
  const activity = cardActivity(item);
  const label = cardLabel(item, showActivity);
  return (
    // Dragged with the mouse, a finger or the move button's keys: the board listens for the presses (drag/DragBridge).
    <article className={readOnly ? 'card' : 'card card-movable'} aria-label={label} aria-describedby={place ? placeId : undefined} data-run={place?.runId} data-item-id={item.id}>
      <div className="card-head">
        {readOnly ? (
          <PriorityBadge value={item.priority} />
        ) : (
          <PrioritySelect variant="badge" value={item.priority} label={t.priorityFor(activity)} onChange={(p) => actions.setPriority(item, p)} />
        )}
        <CommentBadge itemId={item.id} activity={activity} />
        <RoundMarker itemId={item.id} activity={activity} />
        <CardViewers itemId={item.id} />
        {readOnly && actions.showDetails && (
          <div className="card-tools">
            <button type="button" className="icon-button" aria-label={t.showDetails(activity)} title={t.showDetails(activity)} onClick={() => actions.showDetails?.(item)}>
              <CardIcon name="details" />
            </button>
          </div>
        )}
        {!readOnly && (
          <div className="card-tools">
            {/* Space or Enter lifts the card; a click (or a tap without dragging) opens the dialog at the card's place. */}
            <button
              type="button"
              className="icon-button move-handle"
              data-move-button={item.id}
              aria-label={t.moveItem(activity)}
              aria-describedby={DRAG_HELP_ID}
              title={t.moveItem(activity)}
              onClick={() => actions.edit(item, 'place')}
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
