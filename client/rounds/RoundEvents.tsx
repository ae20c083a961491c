import type { RoundEvent } from '../../shared/rounds/RoundView';
import { formatMoment, useRoundTexts, type RoundTexts } from './roundTexts';

function describe(t: RoundTexts, e: RoundEvent): string {
  const by = e.by?.name ?? t.server;
  const d = e.detail;
  switch (d.kind) {
    case 'opened':
      return t.event.opened(by, d.items, d.recipients);
    case 'changed':
      return [
        d.deadline && t.event.deadline(by, formatMoment(t, d.deadline.from), formatMoment(t, d.deadline.to)),
        d.reminderDays && t.event.reminderDays(by, t.reminderDays(d.reminderDays.from), t.reminderDays(d.reminderDays.to)),
      ]
        .filter(Boolean)
        .join('. ');
    case 'reminded':
      return t.event.reminded(d.recipients.map((p) => p.name));
    case 'closed':
      return d.early ? t.event.closedEarly(by, d.answers) : t.event.closedAtDeadline(d.answers);
  }
}

/** The round's audit trail: opened, changed, reminded, closed; by whom and when (server time). */
export function RoundEvents({ events }: { events: RoundEvent[] }) {
  const t = useRoundTexts();
  if (events.length === 0) return null;
  return (
    <section className="round-section" aria-label={t.events}>
      <h3>{t.events}</h3>
      <ol className="round-events">
        {events.map((e, i) => (
          <li key={i}>
            <time dateTime={new Date(e.at).toISOString()}>{formatMoment(t, e.at)}</time> {describe(t, e)}
          </li>
        ))}
      </ol>
    </section>
  );
}
