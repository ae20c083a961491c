import type { ItemView } from '../../shared/plan/schema';
import type { Status } from '../../shared/plan/types';

export interface BoardFilter {
  text: string;
  who: string | null;
  priority: 'any' | 'none' | 1 | 2 | 3;
  status: Status | null;
  /** Only the rows of one activity: its Vad within its direction. */
  activity: ActivityFilter | null;
}

export interface ActivityFilter {
  directionId: string;
  name: string;
}

export const NO_FILTER: BoardFilter = { text: '', who: null, priority: 'any', status: null, activity: null };

/** The filter that shows every row of this item's activity and nothing else. */
export const rowsFilter = (item: ItemView): BoardFilter => ({ ...NO_FILTER, activity: { directionId: item.directionId, name: item.activity.trim() } });

export const isFiltering = (f: BoardFilter) => f.text.trim() !== '' || f.who !== null || f.priority !== 'any' || f.status !== null || f.activity !== null;

const fold = (s: string) => s.toLocaleLowerCase('sv').normalize('NFC');

/** Items that match every part of the filter; each search word must occur in some field. */
export function filterItems(items: ItemView[], filter: BoardFilter): ItemView[] {
  const words = fold(filter.text).split(/\s+/).filter(Boolean);
  return items.filter((item) => {
    if (filter.who !== null && !item.who.includes(filter.who)) return false;
    if (filter.status !== null && item.status !== filter.status) return false;
    if (filter.activity !== null && (item.directionId !== filter.activity.directionId || item.activity.trim() !== filter.activity.name)) return false;
    if (filter.priority === 'none' ? item.priority !== null : filter.priority !== 'any' && item.priority !== filter.priority) return false;
    if (words.length === 0) return true;
    const haystack = fold([item.activity, item.how, item.who.join(' '), item.when, item.statusNote].join('\n'));
    return words.every((w) => haystack.includes(w));
  });
}
