import { useContext } from 'react';
import type { RoundAnswer, RoundView } from '../../shared/rounds/RoundView';
import { DiscussionContext } from '../comments/DiscussionContext';
import { formatMoment, useRoundTexts } from './roundTexts';

/**
 * The answers per item, who gave them and when: the summary of a closed round (as it
 * stood at the close), or the answers so far of an open one. The board opens it in its
 * strategy meeting; each item leads into its thread.
 */
export function RoundSummary({ round, answers }: { round: RoundView; answers: RoundAnswer[] }) {
  const t = useRoundTexts();
  const discussion = useContext(DiscussionContext);
  const title = round.closedAt === null ? t.answersSoFar : t.summary;
  return (
    <section className="round-section round-summary" aria-label={title}>
      <h3>{title}</h3>
      {round.items.map((item) => {
        const mine = answers.filter((a) => a.itemId === item.id);
        return (
          <article key={item.id} className="round-summary-item" aria-label={item.activity}>
            <h4>
              <span className="round-summary-direction">{item.direction}:</span> {item.activity}
              {item.deleted && <span className="round-deleted"> ({t.deletedItem})</span>}
            </h4>
            {mine.length === 0 ? (
              <p className="round-none">{t.noAnswers}</p>
            ) : (
              <ul className="round-answers">
                {mine.map((a) => (
                  <li key={a.commentId}>
                    <p className="round-answer-by">
                      <strong>{a.personName}</strong> <time dateTime={new Date(a.at).toISOString()}>{formatMoment(t, a.at)}</time>
                    </p>
                    <p className="round-answer-text">{a.text}</p>
                  </li>
                ))}
              </ul>
            )}
            {discussion && (
              <button type="button" className="button button-small button-quiet" onClick={() => discussion.openItem(item.id)}>
                {t.openThread(item.activity)}
              </button>
            )}
          </article>
        );
      })}
    </section>
  );
}
