import { useMemo } from 'react';
import type { ItemView } from '../../shared/plan/schema';
import { STATUSES, type Status } from '../../shared/plan/types';
import { filterItems, type BoardFilter } from '../board/filterItems';
import { useI18n } from '../i18n/I18nProvider';

interface Props {
  items: ItemView[];
  filter: BoardFilter;
  onChange: (filter: BoardFilter) => void;
}

/**
 * On a narrow screen (filters.css): the board one status at a time, or all of them as
 * one list, with how many cards each holds under the other filters. It sets the same
 * status as the filter bar's status list, which it replaces there.
 */
export function StatusTabs({ items, filter, onChange }: Props) {
  const { t } = useI18n();
  const counts = useMemo(() => {
    const shown = filterItems(items, { ...filter, status: null });
    return { all: shown.length, of: (status: Status) => shown.filter((i) => i.status === status).length };
  }, [items, filter]);
  const tab = (status: Status | null, label: string, count: number) => (
    <button
      key={status ?? 'all'}
      type="button"
      className="button status-tab"
      aria-pressed={filter.status === status}
      onClick={() => onChange({ ...filter, status })}
    >
      {label} <span className="count">{count}</span>
    </button>
  );
  return (
    <div className="status-tabs" role="group" aria-label={t.filter.showStatus}>
      {tab(null, t.filter.allStatuses, counts.all)}
      {STATUSES.map((status) => tab(status, t.statuses[status], counts.of(status)))}
    </div>
  );
}
