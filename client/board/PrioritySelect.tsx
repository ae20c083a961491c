import { PRIORITIES, type Priority } from '../../shared/plan/types';
import { useI18n } from '../i18n/I18nProvider';
import { useOptionsWhenNeeded } from './useOptionsWhenNeeded';

interface Props {
  value: Priority;
  label: string;
  onChange: (priority: Priority) => void;
  /** On a card the select is the priority badge itself; in the dialog it reads in full. */
  variant: 'badge' | 'field';
  id?: string;
}

export function PrioritySelect({ value, label, onChange, variant, id }: Props) {
  const { t } = useI18n();
  const [full, fill] = useOptionsWhenNeeded();
  return (
    <select
      id={id}
      className={variant === 'badge' ? `priority-badge priority-${value ?? 'none'}` : undefined}
      aria-label={label}
      value={value ?? ''}
      onFocus={fill}
      onPointerDown={fill}
      onChange={(e) => onChange(e.target.value === '' ? null : (Number(e.target.value) as Priority))}
    >
      {PRIORITIES.filter((p) => full || p === value).map((p) => (
        <option key={p} value={p}>
          {t.priorityShort(p)}
        </option>
      ))}
      {(full || value === null) && <option value="">{variant === 'badge' ? t.noPriorityShort : t.noPriority}</option>}
    </select>
  );
}

/** The badge as plain text, for readers who cannot change the plan. */
export function PriorityBadge({ value }: { value: Priority }) {
  const { t } = useI18n();
  if (value === null) return null;
  return (
    <span className={`priority-badge priority-${value}`} title={t.fields.priority}>
      {t.priorityShort(value)}
    </span>
  );
}
