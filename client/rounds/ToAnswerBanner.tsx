import { useContext, useId } from 'react';
import { DiscussionContext } from '../comments/DiscussionContext';
import { hashHref } from '../routing/hashRoute';
import { MyRoundItems } from './MyRoundItems';
import { askedOf, useRounds } from './RoundsContext';
import { formatMoment, useRoundTexts } from './roundTexts';
import { answersOf } from './useRoundAnswers';

/**
 * "Att besvara", above the board: every open round that still waits for an answer from
 * the person looking, with its question, its deadline and the items to answer on. It
 * is gone once they have answered on every item.
 */
export function ToAnswerBanner() {
  const t = useRoundTexts();
  const context = useRounds();
  const discussion = useContext(DiscussionContext);
  const headingId = useId();
  if (!context?.me || context.readOnly) return null;
  const me = context.me;
  const waiting = context.rounds
    .filter((r) => askedOf(r, me.id))
    .filter((r) => {
      const answers = answersOf(r, discussion);
      return r.items.some((i) => !i.deleted && !answers.some((a) => a.itemId === i.id && a.personId === me.id));
    })
    .sort((a, b) => a.deadline - b.deadline);
  if (waiting.length === 0) return null;
  return (
    <section className="rounds-todo" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.toAnswer}</h2>
      <ul className="rounds-todo-list">
        {waiting.map((round) => (
          <li key={round.id} className="rounds-todo-round">
            <p className="round-question">{round.question}</p>
            <p className="round-deadline">{t.answerBy(formatMoment(t, round.deadline), t.relative(round.deadline - Date.now(), t.locale))}</p>
            <MyRoundItems round={round} meId={me.id} />
            <a className="round-link" href={hashHref({ round: round.id })}>
              {t.showRound}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
