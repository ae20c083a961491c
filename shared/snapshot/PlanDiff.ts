import type { PlanTextField } from '../plan/planTextChanges';
import type { Priority, Status } from '../plan/types';
import type { WordSegment } from './diffWords';
import type { KeyedComment, KeyedItem } from './KeyedPlan';

// What changed between two keyed plans. Like a record diff, every entry carries both
// the old and the new value: the history view shows "from → to", and applying the diff
// needs only the new one. Lists are in plan order of the newer plan (removed entries
// in the order of the older one), so a reader can show them as they come.

export interface Change<T> {
  from: T;
  to: T;
}

export const TEXT_FIELDS = ['activity', 'how', 'when', 'statusNote'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export interface WordChange<F extends string> extends Change<string> {
  field: F;
  /** Word-level highlighting of the change, from diffWords. */
  segments: WordSegment[];
}

export type TextChange = WordChange<TextField>;
/** A change of the plan's strategy or focus text. */
export type PlanTextDiff = WordChange<PlanTextField>;

export interface DirectionRef {
  id: string;
  title: string;
}

export interface PlacedItem extends KeyedItem {
  direction: DirectionRef;
}

export interface ItemChange {
  id: string;
  /** Vad as it reads in the newer plan, to name the item. */
  activity: string;
  direction: DirectionRef;
  /** Moved to another direction. */
  moved?: Change<DirectionRef>;
  /** A new place in the order; not shown by itself, kept so the diff can be applied. */
  order?: Change<string>;
  status?: Change<Status>;
  priority?: Change<Priority>;
  who?: Change<string[]>;
  texts: TextChange[];
}

export interface DirectionChange {
  id: string;
  title?: Change<string>;
  order?: Change<string>;
}

export interface PlacedDirection extends DirectionRef {
  order: string;
}

export interface ThreadRef {
  id: string;
  itemId: string;
  /** Vad of the item the thread is on, when the item is in the plan. */
  activity: string;
  createdAt: number;
}

export interface PlacedComment extends KeyedComment {
  threadId: string;
  itemId: string;
  activity: string;
}

export interface CommentChange {
  id: string;
  threadId: string;
  body?: Change<string>;
  state?: Change<KeyedComment['state']>;
}

export interface PlanDiff {
  title?: Change<string>;
  year?: Change<number>;
  /** The strategy and focus texts that changed, when both plans have them. */
  texts: PlanTextDiff[];
  directions: { added: PlacedDirection[]; removed: PlacedDirection[]; changed: DirectionChange[] };
  items: { added: PlacedItem[]; removed: PlacedItem[]; changed: ItemChange[] };
  threads: { added: ThreadRef[]; removed: ThreadRef[]; resolved: ThreadRef[]; reopened: ThreadRef[] };
  comments: { added: PlacedComment[]; removed: PlacedComment[]; changed: CommentChange[] };
}

/** True when the two plans were equal. */
export function isEmptyDiff(diff: PlanDiff): boolean {
  const lists = [diff.directions, diff.items, diff.threads, diff.comments].flatMap((group) => Object.values(group));
  return diff.title === undefined && diff.year === undefined && diff.texts.length === 0 && lists.every((list) => list.length === 0);
}
