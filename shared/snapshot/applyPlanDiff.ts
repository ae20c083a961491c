import { PLAN_TEXTS } from '../plan/planTextChanges';
import { byOrder } from '../plan/schema';
import { byCreated, type KeyedComment, type KeyedItem, type KeyedPlan, type KeyedThread } from './KeyedPlan';
import type { PlanDiff } from './PlanDiff';

// Applies a diff to the plan it was made from: applyPlanDiff(a, diffPlans(a, b))
// equals b. Works on copies of the records and sorts the result the way readers do
// (order key, then id; threads and comments by time, then id), so the outcome does
// not depend on the order of the entries in the diff. Thread and comment authorship
// and times never change once written, so the diff does not carry them as changes.

type Placed = KeyedItem & { directionId: string };

function applyItems(plan: KeyedPlan, diff: PlanDiff): Map<string, Placed> {
  const items = new Map<string, Placed>();
  for (const d of plan.directions) for (const item of d.items) items.set(item.id, { ...item, directionId: d.id });
  for (const removed of diff.items.removed) items.delete(removed.id);
  for (const { direction, ...item } of diff.items.added) items.set(item.id, { ...item, directionId: direction.id });
  for (const change of diff.items.changed) {
    const item = items.get(change.id);
    if (!item) continue;
    if (change.moved) item.directionId = change.moved.to.id;
    if (change.order) item.order = change.order.to;
    if (change.status) item.status = change.status.to;
    if (change.priority) item.priority = change.priority.to;
    if (change.who) item.who = [...change.who.to];
    for (const text of change.texts) item[text.field] = text.to;
  }
  return items;
}

function applyDirections(plan: KeyedPlan, diff: PlanDiff, items: Map<string, Placed>): KeyedPlan['directions'] {
  const directions = new Map(plan.directions.map((d) => [d.id, { id: d.id, title: d.title, order: d.order }]));
  for (const removed of diff.directions.removed) directions.delete(removed.id);
  for (const { id, title, order } of diff.directions.added) directions.set(id, { id, title, order });
  for (const change of diff.directions.changed) {
    const d = directions.get(change.id);
    if (!d) continue;
    if (change.title) d.title = change.title.to;
    if (change.order) d.order = change.order.to;
  }
  const byDirection = new Map<string, KeyedItem[]>();
  for (const { directionId, ...item } of items.values()) {
    const list = byDirection.get(directionId) ?? [];
    list.push(item);
    byDirection.set(directionId, list);
  }
  return [...directions.values()].sort(byOrder).map((d) => ({ ...d, items: (byDirection.get(d.id) ?? []).sort(byOrder) }));
}

function applyThreads(plan: KeyedPlan, diff: PlanDiff): KeyedThread[] {
  const threads = new Map(plan.threads.map((t) => [t.id, { ...t, comments: new Map(t.comments.map((c) => [c.id, { ...c }])) }]));
  for (const removed of diff.threads.removed) threads.delete(removed.id);
  for (const { id, itemId, createdAt } of diff.threads.added) threads.set(id, { id, itemId, createdAt, resolved: false, comments: new Map() });
  const resolve = (id: string, resolved: boolean) => {
    const thread = threads.get(id);
    if (thread) thread.resolved = resolved;
  };
  for (const t of diff.threads.resolved) resolve(t.id, true);
  for (const t of diff.threads.reopened) resolve(t.id, false);
  for (const removed of diff.comments.removed) threads.get(removed.threadId)?.comments.delete(removed.id);
  for (const { threadId, itemId: _item, activity: _activity, ...comment } of diff.comments.added) {
    threads.get(threadId)?.comments.set(comment.id, comment);
  }
  for (const change of diff.comments.changed) {
    const comment: KeyedComment | undefined = threads.get(change.threadId)?.comments.get(change.id);
    if (!comment) continue;
    if (change.body) comment.body = change.body.to;
    if (change.state) comment.state = change.state.to;
  }
  return [...threads.values()].sort(byCreated).map((t) => ({ ...t, comments: [...t.comments.values()].sort(byCreated) }));
}

export function applyPlanDiff(plan: KeyedPlan, diff: PlanDiff): KeyedPlan {
  const out: KeyedPlan = {
    title: diff.title ? diff.title.to : plan.title,
    year: diff.year ? diff.year.to : plan.year,
    directions: applyDirections(plan, diff, applyItems(plan, diff)),
    threads: applyThreads(plan, diff),
  };
  // A text the plan does not have stays absent: the diff carries none for it.
  for (const field of PLAN_TEXTS) {
    const text = diff.texts.find((t) => t.field === field)?.to ?? plan[field];
    if (text !== undefined) out[field] = text;
  }
  return out;
}
