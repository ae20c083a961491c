import { STATUSES, type Priority } from '../../shared/plan/types';
import type { KeyedPlan } from '../../shared/snapshot/KeyedPlan';
import { canonical, ids, int, keyBetween, newComment, newItem, PARTIES, pick, randomPlan, seeded, sentence, STATES, type PlanSize, type Rng } from './snapshotFixtures';

// Random edits of a keyed plan, of every kind a snapshot comparison must report:
// what a board does to its plan between two meetings, and what the forum writes.

function editWords(rng: Rng, text: string): string {
  const words = text.split(' ');
  const at = int(rng, words.length + 1);
  const roll = rng();
  if (roll < 0.4) words.splice(at, 0, sentence(rng, 2));
  else if (roll < 0.7) words.splice(at, 1);
  else words.splice(at, 1, sentence(rng, 1));
  return words.join(' ');
}

export function mutatePlan(rng: Rng, source: KeyedPlan, steps: number): KeyedPlan {
  const plan: KeyedPlan = structuredClone(source);
  const newId = ids(rng, 'n');
  const items = () => plan.directions.flatMap((d) => d.items.map((item) => ({ item, direction: d })));
  const comments = () => plan.threads.flatMap((t) => t.comments);
  let clock = 1_800_000_000_000;
  for (let s = 0; s < steps; s++) {
    const all = items();
    const roll = int(rng, 17);
    const target = all.length ? pick(rng, all) : null;
    if (roll === 0 || !target) {
      const d = pick(rng, plan.directions);
      const last = [...d.items].sort((a, b) => (a.order < b.order ? -1 : 1)).pop();
      d.items.push(newItem(rng, newId(), keyBetween(last?.order ?? null, null)));
    } else if (roll === 1) target.direction.items = target.direction.items.filter((i) => i !== target.item);
    else if (roll === 2) {
      const to = pick(rng, plan.directions);
      if (to === target.direction) continue;
      target.direction.items = target.direction.items.filter((i) => i !== target.item);
      to.items.push(target.item);
    } else if (roll === 3) target.item.order = keyBetween(null, target.item.order);
    else if (roll === 4) target.item.status = pick(rng, STATUSES);
    else if (roll === 5) target.item.priority = pick<Priority>(rng, [1, 2, 3, null]);
    else if (roll === 6) target.item.who = rng() < 0.5 ? target.item.who.slice(1) : [...new Set([...target.item.who, pick(rng, PARTIES)])];
    else if (roll === 7) {
      const field = pick(rng, ['activity', 'how', 'when', 'statusNote'] as const);
      target.item[field] = editWords(rng, target.item[field]);
    } else if (roll === 8) pick(rng, plan.directions).title = sentence(rng, 3);
    else if (roll === 9) plan.threads.push({ id: newId(), itemId: target.item.id, createdAt: clock++, resolved: false, comments: [newComment(rng, newId(), clock++)] });
    else if (roll === 10 && plan.threads.length) {
      const thread = pick(rng, plan.threads);
      thread.comments.push(newComment(rng, newId(), clock++));
    } else if (roll === 11 && plan.threads.length) pick(rng, plan.threads).resolved = rng() < 0.5;
    else if (roll === 12 && comments().length) {
      const comment = pick(rng, comments());
      comment.body = editWords(rng, comment.body);
      comment.state = pick(rng, STATES);
    } else if (roll === 13 && plan.threads.length) plan.threads.splice(int(rng, plan.threads.length), 1);
    else if (roll === 14) plan.title = sentence(rng, 3);
    else if (roll === 15 && plan.directions.length > 1 && rng() < 0.2) plan.directions.splice(int(rng, plan.directions.length), 1);
    else if (roll === 16) {
      const field = pick(rng, ['strategy', 'focus'] as const);
      plan[field] = editWords(rng, plan[field] ?? '');
    }
  }
  return canonical(plan);
}

/**
 * Two snapshots of one plan, the second `edits` random edits after the first: what a
 * benchmark of the comparison measures (diffPlans(a, b)), the same for every run of a seed.
 */
export function planPair(seed: number, size: PlanSize, edits: number): { a: KeyedPlan; b: KeyedPlan } {
  const rng = seeded(seed);
  const a = randomPlan(rng, size);
  return { a, b: mutatePlan(rng, a, edits) };
}
