import { CheckCircle2, MessageCircleQuestionMark } from 'lucide-react';
import { useContext } from 'react';
import { can } from '../../shared/auth/roles';
import { roundProgress } from '../../shared/rounds/roundProgress';
import { DiscussionContext } from '../comments/DiscussionContext';
import { askedOf, openRoundsOf, useRounds } from './RoundsContext';
import { formatMoment, useRoundTexts } from './roundTexts';
import { answersOf } from './useRoundAnswers';

/**
 * On a card that an open consultation round asks about: for a person asked, "Att
 * besvara" until they have answered on it (a button into the thread, where they
 * answer), then "Besvarad"; for everyone else, "Remiss" with how many have answered,
 * a button to the round. Shows nothing without rounds around the board.
 */
export function RoundMarker({ itemId, activity }: { itemId: string; activity: string }) {
  const t = useRoundTexts();
  const context = useRounds();
  const discussion = useContext(DiscussionContext);
  if (!context || !discussion) return null;
  const rounds = openRoundsOf(context.rounds, itemId);
  if (rounds.length === 0) return null;
  const me = context.me;
  // A snapshot shows what was asked, not what anyone should do now.
  const mine = context.readOnly ? [] : rounds.filter((r) => askedOf(r, me?.id));
  const answeredBy = (roundId: string) => answersOf(rounds.find((r) => r.id === roundId)!, discussion).some((a) => a.itemId === itemId && a.personId === me?.id);
  const todo = mine.find((r) => !answeredBy(r.id));
  if (todo) {
    return (
      <button type="button" className="round-marker round-marker-todo" data-round-id={todo.id} aria-label={t.markerTodoLabel(activity, todo.question, formatMoment(t, todo.deadline))} title={todo.question} onClick={() => discussion.openItem(itemId)}>
        <MessageCircleQuestionMark aria-hidden="true" size={14} />
        {t.markerTodo}
      </button>
    );
  }
  if (mine.length > 0) {
    return (
      <button type="button" className="round-marker round-marker-done" data-round-id={mine[0].id} aria-label={t.markerAnsweredLabel(activity, mine[0].question)} title={mine[0].question} onClick={() => discussion.openItem(itemId)}>
        <CheckCircle2 aria-hidden="true" size={14} />
        {t.markerAnswered}
      </button>
    );
  }
  const round = rounds[0];
  const counts = me && can(me.role, 'rounds.run') ? roundProgress(round, answersOf(round, discussion)).items.find((i) => i.itemId === itemId) : undefined;
  const progress = counts ? t.progress(counts.answeredBy.length, counts.answeredBy.length + counts.pending.length) : '';
  return (
    <button type="button" className="round-marker" data-round-id={round.id} aria-label={t.markerOpenLabel(activity, round.question, formatMoment(t, round.deadline), progress)} title={round.question} onClick={() => context.openRound(round.id)}>
      <MessageCircleQuestionMark aria-hidden="true" size={14} />
      {t.markerOpen}
      {counts && <span aria-hidden="true"> {`${counts.answeredBy.length}/${counts.answeredBy.length + counts.pending.length}`}</span>}
    </button>
  );
}
