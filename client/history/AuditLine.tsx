import { describeChange, subjectOf } from '../meetings/ChangeLine';
import { useMeetingTexts } from '../meetings/meetingTexts';
import type { AuditEntry } from './historyApi';

/** One change of the audit trail: what, by whom, when (the date is shown unless it is today). */
export function AuditLine({ entry, activity }: { entry: AuditEntry; activity?: string }) {
  const t = useMeetingTexts();
  const at = new Date(entry.at);
  const today = at.toDateString() === new Date().toDateString();
  const time = at.toLocaleString(t.locale, today ? { hour: '2-digit', minute: '2-digit' } : { dateStyle: 'short', timeStyle: 'short' });
  return (
    <li className="audit-line" data-field={entry.change.field}>
      {activity !== undefined && <strong>{subjectOf(entry.change, activity, t)} </strong>}
      <span>{describeChange(entry.change, t)}</span>{' '}
      <span className="audit-by">
        {t.byName(entry.user?.name ?? '')}, <time dateTime={at.toISOString()}>{time}</time>
      </span>
    </li>
  );
}
