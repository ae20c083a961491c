import { STATUSES, type Status } from '../../shared/plan/types';
import { useI18n } from '../i18n/I18nProvider';
import { useOptionsWhenNeeded } from './useOptionsWhenNeeded';

interface Props {
  value: Status;
  label: string;
  onChange: (status: Status) => void;
  className?: string;
  id?: string;
}

export function StatusSelect({ value, label, onChange, className, id }: Props) {
  const { t } = useI18n();
  const [full, fill] = useOptionsWhenNeeded();
  return (
    <select
      id={id}
      className={className}
      aria-label={label}
      value={value}
      onFocus={fill}
      onPointerDown={fill}
      onChange={(e) => onChange(e.target.value as Status)}
    >
      {(full ? STATUSES : [value]).map((s) => (
        <option key={s} value={s}>
          {t.statuses[s]}
        </option>
      ))}
    </select>
  );
}
