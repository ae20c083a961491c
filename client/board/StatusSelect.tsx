import { STATUSES, type Status } from '../../shared/plan/types';
import { useI18n } from '../i18n/I18nProvider';

interface Props {
  value: Status;
  label: string;
  onChange: (status: Status) => void;
  className?: string;
  id?: string;
}

export function StatusSelect({ value, label, onChange, className, id }: Props) {
  const { t } = useI18n();
  return (
    <select id={id} className={className} aria-label={label} value={value} onChange={(e) => onChange(e.target.value as Status)}>
      {STATUSES.map((s) => (
        <option key={s} value={s}>
          {t.statuses[s]}
        </option>
      ))}
    </select>
  );
}
