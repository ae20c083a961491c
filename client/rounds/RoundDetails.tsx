import { can } from '../../shared/auth/roles';
import type { RoundView } from '../../shared/rounds/RoundView';
import { MyRoundItems } from './MyRoundItems';
import { RoundActions } from './RoundActions';
import { RoundEvents } from './RoundEvents';
import { RoundProgressTables } from './RoundProgressTables';
import { askedOf, useRounds } from './RoundsContext';
import { RoundSummary } from './RoundSummary';
import { formatMoment, useRoundTexts } from './roundTexts';
import { useRoundAnswers } from './useRoundAnswers';

/**
 * Everything about one round: its question and facts, what it asks of the person
 * looking, who has answered (for the board and the secretariat), the answers per item
 * (the summary once it has closed) and its audit trail. On the live board the board
 * and the secretariat can move its deadline or close it.
 */
export function RoundDetails({ round }: { round: RoundView }) {
  const t = useRoundTexts();
  const context = useRounds();
  const answers = useRoundAnswers(round);
  const me = context?.me ?? null;
  const runs = me !== null && can(me.role, 'rounds.run');
  const scope = round.directionId ? round.items[0]?.direction : null;
  return (
    <div className="round-details">
      <blockquote className="round-question-block">{round.question}</blockquote>
      <dl className="round-facts">
        <dt>{t.deadline}</dt>
        <dd>{formatMoment(t, round.deadline)}</dd>
        <dt>{t.reminder}</dt>
        <dd>
          {t.reminderDays(round.reminderDays)}
          {round.remindedAt !== null && `, ${t.reminderSent(formatMoment(t, round.remindedAt))}`}
          {round.remindedAt === null && round.reminderDays !== null && round.closedAt !== null && `, ${t.reminderNotSent}`}
        </dd>
        <dt>{t.openedBy}</dt>
        <dd>{t.openedByLine(round.openedBy.name, formatMoment(t, round.openedAt))}</dd>
        <dt>{t.asked}</dt>
        <dd>{runs ? `${t.audience[round.audience]} (${round.recipients.length})` : t.audience[round.audience]}</dd>
        <dt>{t.items}</dt>
        <dd>{scope ? t.scope(scope) : round.items.map((i) => i.activity).join(', ')}</dd>
        {round.closedAt !== null && (
          <>
            <dt>{t.state.closed}</dt>
            <dd>{t.closedLine(formatMoment(t, round.closedAt), round.closedBy?.name ?? null)}</dd>
          </>
        )}
      </dl>
      {!context?.readOnly && runs && round.closedAt === null && <RoundActions round={round} />}
      {!context?.readOnly && me && askedOf(round, me.id) && (
        <section className="round-section" aria-label={t.yourAnswers}>
          <h3>{t.yourAnswers}</h3>
          <MyRoundItems round={round} meId={me.id} />
        </section>
      )}
      {runs && <RoundProgressTables round={round} answers={answers} />}
      <RoundSummary round={round} answers={answers} />
      <RoundEvents events={round.events} />
    </div>
  );
}
