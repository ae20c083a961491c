import { can } from '../../shared/auth/roles';
import type { RoundView } from '../../shared/rounds/RoundView';
import { hashHref } from '../routing/hashRoute';
import { askedOf, openRoundsOf, useRounds } from './RoundsContext';
import { formatMoment, useRoundTexts } from './roundTexts';
import { useRoundAnswers } from './useRoundAnswers';

function Question({ round, itemId }: { round: RoundView; itemId: string }) {
  const t = useRoundTexts();
  const context = useRounds()!;
  const answers = useRoundAnswers(round);
  const me = context.me;
  const asked = !context.readOnly && askedOf(round, me?.id);
  const answered = asked && answers.some((a) => a.itemId === itemId && a.personId === me?.id);
  return (
    <aside className={`round-question-note${asked && !answered ? ' round-question-todo' : ''}`} aria-label={asked ? t.questionToYou : t.questionOnItem}>
      <p className="round-question-kind">{asked ? t.questionToYou : t.questionOnItem}</p>
      <p className="round-question">{round.question}</p>
      <p className="round-deadline">{t.answerBy(formatMoment(t, round.deadline), t.relative(round.deadline - Date.now(), t.locale))}</p>
      {asked && <p className="round-answer-hint">{answered ? t.youAnswered : t.answerHint}</p>}
      {!context.readOnly && me && can(me.role, 'rounds.run') && (
        <a className="round-link" href={hashHref({ round: round.id })}>
          {t.showRound}
        </a>
      )}
    </aside>
  );
}

/**
 * At the top of a card's thread: the question of every open round that asks about the
 * item, and for a person asked whether their comment here has answered it yet.
 */
export function RoundQuestion({ itemId }: { itemId: string }) {
  const context = useRounds();
  if (!context) return null;
  return (
    <>
      {openRoundsOf(context.rounds, itemId).map((round) => (
        <Question key={round.id} round={round} itemId={itemId} />
      ))}
    </>
  );
}
