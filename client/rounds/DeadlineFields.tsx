import { useId } from 'react';
import { useRoundTexts } from './roundTexts';

/** A deadline as the form holds it: a Swedish date and time, and the reminder. */
export interface Deadline {
  date: string;
  time: string;
  remind: boolean;
  days: number;
}

/** The deadline's date and time (Swedish time whatever the browser's zone) and the reminder, for opening or changing a round. */
export function DeadlineFields({ value, onChange, disabled }: { value: Deadline; onChange(next: Deadline): void; disabled?: boolean }) {
  const t = useRoundTexts();
  const id = useId();
  const set = (patch: Partial<Deadline>) => onChange({ ...value, ...patch });
  return (
    <fieldset className="field round-deadline-fields" disabled={disabled}>
      <legend>{t.deadline}</legend>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-date`}>{t.date}</label>
          <input id={`${id}-date`} type="date" required value={value.date} onChange={(e) => set({ date: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-time`}>{t.time}</label>
          <input id={`${id}-time`} type="time" required value={value.time} onChange={(e) => set({ time: e.target.value })} />
        </div>
      </div>
      <div className="field-row">
        <label className="round-choice">
          <input type="checkbox" checked={value.remind} onChange={(e) => set({ remind: e.target.checked })} /> {t.remind}
        </label>
        <div className="field">
          <label htmlFor={`${id}-days`}>{t.daysBefore}</label>
          <input id={`${id}-days`} type="number" min={1} max={60} step={1} disabled={!value.remind} value={value.days} onChange={(e) => set({ days: Math.max(1, Math.round(Number(e.target.value)) || 1) })} />
        </div>
      </div>
    </fieldset>
  );
}
