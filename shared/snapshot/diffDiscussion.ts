import type { KeyedComment, KeyedThread } from './KeyedPlan';
import type { CommentChange, PlacedComment, PlanDiff, ThreadRef } from './PlanDiff';

// The discussion half of a plan comparison: threads opened, resolved or reopened,
// comments added, and comments edited, deleted or hidden since the older snapshot.

type Placed = { comment: KeyedComment; thread: KeyedThread };

function commentsById(threads: KeyedThread[]): Map<string, Placed> {
  const out = new Map<string, Placed>();
  for (const thread of threads) for (const comment of thread.comments) out.set(comment.id, { comment, thread });
  return out;
}

export function diffDiscussion(
  a: KeyedThread[],
  b: KeyedThread[],
  activityOf: (itemId: string) => string,
): Pick<PlanDiff, 'threads' | 'comments'> {
  const ref = (t: KeyedThread): ThreadRef => ({ id: t.id, itemId: t.itemId, activity: activityOf(t.itemId), createdAt: t.createdAt });
  const place = ({ comment, thread }: Placed): PlacedComment => ({
    ...comment,
    threadId: thread.id,
    itemId: thread.itemId,
    activity: activityOf(thread.itemId),
  });
  const threads: PlanDiff['threads'] = { added: [], removed: [], resolved: [], reopened: [] };
  const beforeThreads = new Map(a.map((t) => [t.id, t]));
  const afterThreads = new Set(b.map((t) => t.id));
  for (const t of b) {
    const old = beforeThreads.get(t.id);
    // A thread that is new and already resolved counts as both: it is a fact of each.
    if (!old) threads.added.push(ref(t));
    if (t.resolved && !old?.resolved) threads.resolved.push(ref(t));
    if (!t.resolved && old?.resolved) threads.reopened.push(ref(t));
  }
  for (const t of a) if (!afterThreads.has(t.id)) threads.removed.push(ref(t));

  const comments: PlanDiff['comments'] = { added: [], removed: [], changed: [] };
  const before = commentsById(a);
  const after = commentsById(b);
  for (const [id, placed] of after) {
    const old = before.get(id)?.comment;
    if (!old) {
      comments.added.push(place(placed));
      continue;
    }
    const change: CommentChange = { id, threadId: placed.thread.id };
    if (old.body !== placed.comment.body) change.body = { from: old.body, to: placed.comment.body };
    if (old.state !== placed.comment.state) change.state = { from: old.state, to: placed.comment.state };
    if (change.body || change.state) comments.changed.push(change);
  }
  for (const [id, placed] of before) if (!after.has(id)) comments.removed.push(place(placed));
  return { threads, comments };
}
