import { isPlanTextChange, type PlanFieldChange } from '../../shared/plan/planTextChanges';
import { diffWords } from '../../shared/snapshot/diffWords';
import type { MeetingChange } from '../../shared/snapshot/meetingRecords';
import { ChangedLines } from './ChangedLines';
import { useMeetingTexts, type MeetingTexts } from './meetingTexts';
import { WordDiff } from './WordDiff';

/** What a change is of: the strategy or focus text by name, otherwise the item's Vad. */
export const subjectOf = (change: PlanFieldChange, activity: string, t: MeetingTexts) =>
  isPlanTextChange(change) ? t.planTexts[change.field] : activity || '–';

/** What one change did, in words (with the changed words marked for text fields). */
export function describeChange(change: PlanFieldChange, t: MeetingTexts) {
  switch (change.field) {
    case 'strategy':
    case 'focus':
      return <ChangedLines segments={diffWords(change.from, change.to)} />;
    case 'created':
      return t.created;
    case 'deleted':
      return t.deleted;
    case 'restored':
      return t.restored;
    case 'status':
      return `${t.fields.status}: ${t.statuses[change.from]} → ${t.statuses[change.to]}`;
    case 'priority':
      return `${t.fields.priority}: ${t.priority(change.from)} → ${t.priority(change.to)}`;
    case 'who':
      return `${t.fields.who}: ${change.from.join(', ') || '–'} → ${change.to.join(', ') || '–'}`;
    case 'direction':
      return t.moved(change.from, change.to);
    default:
      return (
        <>
          {t.fields[change.field]}: <WordDiff segments={diffWords(change.from, change.to)} />
        </>
      );
  }
}

/** One line of the meeting's change list: the item, what changed, and who did it. */
export function ChangeLine({ change }: { change: MeetingChange }) {
  const t = useMeetingTexts();
  const time = new Date(change.at).toLocaleTimeString(t.locale, { hour: '2-digit', minute: '2-digit' });
  return (
    <li className="meeting-change" data-field={change.change.field}>
      <strong>{subjectOf(change.change, change.activity, t)}</strong> <span>{describeChange(change.change, t)}</span>{' '}
      <span className="meeting-change-by">
        {t.by(change.people.map((p) => p.name).filter(Boolean))}, <time dateTime={new Date(change.at).toISOString()}>{time}</time>
      </span>
    </li>
  );
}
