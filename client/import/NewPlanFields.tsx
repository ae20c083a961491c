import { useId } from 'react';
import { useImportTexts } from './importTexts';

export type PlanFields = {
  year: string;
  title: string;
  version: string;
  meetingText: string;
};

/** What a new plan is asked for: its year, title, version and the text about the annual meeting. */
export function NewPlanFields({ value, onChange, disabled }: { value: PlanFields; onChange: (next: PlanFields) => void; disabled: boolean }) {
  const t = useImportTexts();
  const id = useId();
  const set = (key: keyof PlanFields) => (e: { target: { value: string } }) => onChange({ ...value, [key]: e.target.value });
  return (
    <fieldset className="import-fields" disabled={disabled}>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-year`}>{t.year}</label>
          <input id={`${id}-year`} type="number" min={2000} max={2200} required value={value.year} onChange={set('year')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-version`}>{t.version}</label>
          <input id={`${id}-version`} maxLength={200} value={value.version} onChange={set('version')} />
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-title`}>{t.documentTitle}</label>
        <input id={`${id}-title`} required maxLength={200} value={value.title} onChange={set('title')} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-meeting`}>{t.meetingText}</label>
        <textarea id={`${id}-meeting`} rows={3} maxLength={2000} aria-describedby={`${id}-meeting-hint`} value={value.meetingText} onChange={set('meetingText')} />
        <span className="field-hint" id={`${id}-meeting-hint`}>
          {t.meetingTextHint}
        </span>
      </div>
    </fieldset>
  );
}
