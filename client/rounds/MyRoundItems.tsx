import { CheckCircle2 } from 'lucide-react';
import { useContext } from 'react';
import type { RoundView } from '../../shared/rounds/RoundView';
import { DiscussionContext } from '../comments/DiscussionContext';
import { useRoundTexts } from './roundTexts';
import { useRoundAnswers } from './useRoundAnswers';

/**
 * What a round asks of the person, item by item: "Svara" into the item's thread where
 * they answer, or "Besvarad" once they have. Items deleted from the plan are left out:
 * nothing can be answered on them.
 */
export function MyRoundItems({ round, meId }: { round: RoundView; meId: string }) {
  const t = useRoundTexts();
  const discussion = useContext(DiscussionContext);
  const answers = useRoundAnswers(round);
  const items = round.items.filter((i) => !i.deleted);
  return (
    <ul className="round-my-items" aria-label={t.myProgress(items.filter((i) => answers.some((a) => a.itemId === i.id && a.personId === meId)).length, items.length)}>
      {items.map((item) => {
        const done = answers.some((a) => a.itemId === item.id && a.personId === meId);
        return (
          <li key={item.id} className={done ? 'round-item-done' : undefined}>
            <span className="round-item-name">{item.activity}</span>
            {done ? (
              <button type="button" className="button button-small button-quiet" aria-label={t.answeredOn(item.activity)} onClick={() => discussion?.openItem(item.id)}>
                <CheckCircle2 aria-hidden="true" size={16} /> {t.answered}
              </button>
            ) : (
              <button type="button" className="button button-small button-primary" aria-label={t.answerOn(item.activity)} onClick={() => discussion?.openItem(item.id)}>
                {t.answer}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
