import type { ItemView } from '../../shared/plan/schema';
import { usePlaceTexts } from './placeTexts';

interface Props {
  id: string;
  /** The other cards of the column the item is to stand in, in order. */
  others: ItemView[];
  /** The place among them, from 0 (first) to others.length (last). */
  value: number;
  onChange: (index: number) => void;
  autoFocus: boolean;
}

/** Where in its column a card stands, for those who neither drag nor use the move keys. */
export function PlaceField({ id, others, value, onChange, autoFocus }: Props) {
  const t = usePlaceTexts();
  // Rows of one activity share their Vad: their Hur tells them apart.
  const name = (item: ItemView) => {
    const twin = others.some((o) => o !== item && o.activity === item.activity);
    return twin && item.how ? `${item.activity} – ${item.how.slice(0, 40)}` : item.activity || item.how.slice(0, 60);
  };
  const label = (index: number) => {
    if (others.length === 0) return t.only;
    if (index === 0) return t.first(name(others[0]));
    if (index === others.length) return t.last(name(others[index - 1]));
    return t.after(name(others[index - 1]));
  };
  return (
    <div className="field">
      <label htmlFor={id}>{t.label}</label>
      <select id={id} value={value} aria-describedby={`${id}-hint`} data-autofocus={autoFocus || undefined} onChange={(e) => onChange(Number(e.target.value))}>
        {Array.from({ length: others.length + 1 }, (_, index) => (
          <option key={index} value={index}>
            {label(index)}
          </option>
        ))}
      </select>
      <p className="field-hint" id={`${id}-hint`}>
        {t.hint}
      </p>
    </div>
  );
}
