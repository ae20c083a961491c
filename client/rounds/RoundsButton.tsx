import { MessageCircleQuestionMark } from 'lucide-react';
import { useContext } from 'react';
import { DiscussionContext } from '../comments/DiscussionContext';
import { askedOf, useRounds } from './RoundsContext';
import { ROUNDS_HASH } from './roundsRoute';
import { useRoundTexts } from './roundTexts';
import { answersOf } from './useRoundAnswers';

/** In the header: the way to the plan's consultation rounds, with how many items still wait for the person's answer. */
export function RoundsButton() {
  const t = useRoundTexts();
  const context = useRounds();
  const discussion = useContext(DiscussionContext);
  if (!context) return null;
  const me = context.me;
  const todo = me
    ? context.rounds
        .filter((r) => askedOf(r, me.id))
        .reduce((n, r) => {
          const answers = answersOf(r, discussion);
          return n + r.items.filter((i) => !i.deleted && !answers.some((a) => a.itemId === i.id && a.personId === me.id)).length;
        }, 0)
    : 0;
  return (
    <a className="button rounds-button" href={ROUNDS_HASH} aria-label={t.roundsLabel(todo)}>
      <MessageCircleQuestionMark aria-hidden="true" size={16} />
      {t.rounds}
      {todo > 0 && (
        <span className="rounds-button-count" aria-hidden="true">
          {todo}
        </span>
      )}
    </a>
  );
}
