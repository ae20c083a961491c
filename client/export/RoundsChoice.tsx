import { useId } from 'react';
import { ROUND_FILTERS, type ExportFormat, type RoundFilter } from '../../shared/export/types';
import { useExportTexts } from './exportTexts';

/** The formats that hold a "Remissvar" section. */
export const ROUND_FORMATS: ReadonlySet<ExportFormat> = new Set(['docx', 'pdf', 'md', 'json']);

/** "Remissvar" in the export dialog: no rounds, the closed ones, or all of them. */
export function RoundsChoice({ value, available, disabled, onChange }: { value: RoundFilter; available: boolean; disabled: boolean; onChange(value: RoundFilter): void }) {
  const t = useExportTexts();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={`${id}-rounds`}>{t.rounds}</label>
      <select id={`${id}-rounds`} value={value} disabled={disabled || !available} aria-describedby={available ? undefined : `${id}-norounds`} onChange={(e) => onChange(e.target.value as RoundFilter)}>
        {ROUND_FILTERS.map((r) => (
          <option key={r} value={r}>
            {t.roundOptions[r]}
          </option>
        ))}
      </select>
      {!available && (
        <span className="field-hint" id={`${id}-norounds`}>
          {t.roundsNotInFormat}
        </span>
      )}
    </div>
  );
}
