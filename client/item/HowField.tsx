import { useI18n } from '../i18n/I18nProvider';

interface Props {
  id: string;
  value: string;
  onChange: (value: string) => void;
}

/** Hur as plain multi-line text. Kept on its own so a rich-text editor can take its place. */
export function HowField({ id, value, onChange }: Props) {
  const { t } = useI18n();
  return (
    <div className="field">
      <label htmlFor={id}>{t.fields.how}</label>
      <textarea id={id} rows={5} value={value} aria-describedby={`${id}-hint`} onChange={(e) => onChange(e.target.value)} />
      <p className="field-hint" id={`${id}-hint`}>
        {t.dialog.howHint}
      </p>
    </div>
  );
}
