import { PLAN_TEXTS } from '../plan/planTextChanges';
import { diffDiscussion } from './diffDiscussion';
import { diffWords } from './diffWords';
import type { KeyedPlan } from './KeyedPlan';
import { TEXT_FIELDS, type DirectionChange, type ItemChange, type PlacedDirection, type PlacedItem, type PlanDiff, type WordChange } from './PlanDiff';

// Compares two keyed plans record by record: items, directions, threads and comments
// are matched by id, so renaming, moving or rewriting an item shows as a change of
// that item and never as one removed and another added. Linear in the size of the
// plans; the word-level comparison runs only on texts that differ.

const wordChange = <F extends string>(field: F, from: string, to: string): WordChange<F> => ({ field, from, to, segments: diffWords(from, to) });

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

function placedItems(plan: KeyedPlan): Map<string, PlacedItem> {
  const out = new Map<string, PlacedItem>();
  for (const d of plan.directions) for (const item of d.items) out.set(item.id, { ...item, direction: { id: d.id, title: d.title } });
  return out;
}

function diffItem(a: PlacedItem, b: PlacedItem): ItemChange | null {
  const change: ItemChange = { id: b.id, activity: b.activity, direction: b.direction, texts: [] };
  let changed = false;
  if (a.direction.id !== b.direction.id) (change.moved = { from: a.direction, to: b.direction }), (changed = true);
  if (a.order !== b.order) (change.order = { from: a.order, to: b.order }), (changed = true);
  if (a.status !== b.status) (change.status = { from: a.status, to: b.status }), (changed = true);
  if (a.priority !== b.priority) (change.priority = { from: a.priority, to: b.priority }), (changed = true);
  if (!sameList(a.who, b.who)) (change.who = { from: a.who, to: b.who }), (changed = true);
  for (const field of TEXT_FIELDS) {
    if (a[field] === b[field]) continue;
    change.texts.push(wordChange(field, a[field], b[field]));
    changed = true;
  }
  return changed ? change : null;
}

/** The strategy and focus texts; a side stored before they were kept has nothing to compare. */
function diffPlanTexts(a: KeyedPlan, b: KeyedPlan): PlanDiff['texts'] {
  return PLAN_TEXTS.flatMap((field) => {
    const from = a[field];
    const to = b[field];
    return typeof from !== 'string' || typeof to !== 'string' || from === to ? [] : [wordChange(field, from, to)];
  });
}

function diffDirections(a: KeyedPlan, b: KeyedPlan): PlanDiff['directions'] {
  const head = (d: KeyedPlan['directions'][number]): PlacedDirection => ({ id: d.id, title: d.title, order: d.order });
  const before = new Map(a.directions.map((d) => [d.id, d]));
  const after = new Set(b.directions.map((d) => d.id));
  const result: PlanDiff['directions'] = { added: [], removed: [], changed: [] };
  for (const d of b.directions) {
    const old = before.get(d.id);
    if (!old) {
      result.added.push(head(d));
      continue;
    }
    const change: DirectionChange = { id: d.id };
    if (old.title !== d.title) change.title = { from: old.title, to: d.title };
    if (old.order !== d.order) change.order = { from: old.order, to: d.order };
    if (change.title || change.order) result.changed.push(change);
  }
  for (const d of a.directions) if (!after.has(d.id)) result.removed.push(head(d));
  return result;
}

export function diffPlans(a: KeyedPlan, b: KeyedPlan): PlanDiff {
  const before = placedItems(a);
  const after = placedItems(b);
  const items: PlanDiff['items'] = { added: [], removed: [], changed: [] };
  for (const [id, item] of after) {
    const old = before.get(id);
    if (!old) items.added.push(item);
    else {
      const change = diffItem(old, item);
      if (change) items.changed.push(change);
    }
  }
  for (const [id, item] of before) if (!after.has(id)) items.removed.push(item);

  const activityOf = (itemId: string) => (after.get(itemId) ?? before.get(itemId))?.activity ?? '';
  const diff: PlanDiff = { texts: diffPlanTexts(a, b), directions: diffDirections(a, b), items, ...diffDiscussion(a.threads, b.threads, activityOf) };
  if (a.title !== b.title) diff.title = { from: a.title, to: b.title };
  if (a.year !== b.year) diff.year = { from: a.year, to: b.year };
  return diff;
}

