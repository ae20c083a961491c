import { FilterX, Search, X } from 'lucide-react';
import { useMemo } from 'react';
import type { ItemView } from '../../shared/plan/schema';
import { PRIORITIES, STATUSES, type Status } from '../../shared/plan/types';
import { isFiltering, type BoardFilter } from '../board/filterItems';
import { useI18n } from '../i18n/I18nProvider';
import { PARTIES } from '../../shared/import/parties';

interface Props {
  items: ItemView[];
  shown: number;
  filter: BoardFilter;
  onChange: (filter: BoardFilter) => void;
  onClear: () => void;
}

/** Search text and filters by Vem, priority and status, with how many items they leave. */
export function FilterBar({ items, shown, filter, onChange, onClear }: Props) {
  const { t } = useI18n();
  const parties = useMemo(() => {
    const named = new Set(items.flatMap((i) => i.who));
    const known = PARTIES.filter((p) => named.has(p));
    const others = [...named].filter((n) => !(PARTIES as readonly string[]).includes(n)).sort((a, b) => a.localeCompare(b, 'sv'));
    return [...known, ...others];
  }, [items]);
  const set = (patch: Partial<BoardFilter>) => onChange({ ...filter, ...patch });

  return (
    <search className="filter-bar">
      <label className="search-box">
        <Search aria-hidden="true" size={16} />
        <input type="search" aria-label={t.filter.search} placeholder={t.filter.searchPlaceholder} value={filter.text} onChange={(e) => set({ text: e.target.value })} />
      </label>
      <select aria-label={t.filter.who} value={filter.who ?? ''} onChange={(e) => set({ who: e.target.value || null })}>
        <option value="">{t.filter.anyone}</option>
        {parties.map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </select>
      <select
        aria-label={t.filter.priority}
        value={String(filter.priority)}
        onChange={(e) => {
          const v = e.target.value;
          set({ priority: v === 'any' || v === 'none' ? v : (Number(v) as 1 | 2 | 3) });
        }}
      >
        <option value="any">{t.filter.anyPriority}</option>
        {PRIORITIES.map((p) => (
          <option key={p} value={p}>
            {t.priorityShort(p)}
          </option>
        ))}
        <option value="none">{t.filter.noPriority}</option>
      </select>
      <select className="filter-status" aria-label={t.filter.status} value={filter.status ?? ''} onChange={(e) => set({ status: (e.target.value || null) as Status | null })}>
        <option value="">{t.filter.anyStatus}</option>
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {t.statuses[s]}
          </option>
        ))}
      </select>
      {filter.activity && (
        <span className="filter-activity">
          {t.run.only(filter.activity.name)}
          <button type="button" className="icon-button" aria-label={t.run.stopOnly(filter.activity.name)} title={t.run.stopOnly(filter.activity.name)} onClick={() => set({ activity: null })}>
            <X aria-hidden="true" size={14} />
          </button>
        </span>
      )}
      {isFiltering(filter) && (
        <button type="button" className="button button-quiet" onClick={onClear}>
          <FilterX aria-hidden="true" size={16} />
          {t.filter.clear}
        </button>
      )}
      <p className="filter-count" role="status">
        {t.filter.showing(shown, items.length)}
      </p>
    </search>
  );
}
