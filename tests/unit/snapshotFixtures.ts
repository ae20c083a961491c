import { keyBetween, keysAfter } from '../../shared/plan/orderKey';
import { byOrder } from '../../shared/plan/schema';
import { STATUSES, type Priority } from '../../shared/plan/types';
import { byCreated, type KeyedComment, type KeyedItem, type KeyedPlan, type KeyedThread } from '../../shared/snapshot/KeyedPlan';

// Seeded random keyed plans and random edits of them, for round-trip tests of the
// comparison and for measuring it on plans the size of a large association's.

export type Rng = () => number;

/** mulberry32: small, fast and the same on every machine for a given seed. */
export function seeded(seed: number): Rng {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['hållbar', 'upphandling', 'kommun', 'region', 'klimat', 'energi', 'möte', 'styrelse', 'kansli', 'nätverk', 'cirkulär', 'omställning', 'årsmöte', 'Agenda', '2030', 'och', 'i', 'för', 'med', 'på'];
const PARTIES = ['Styrelse', 'Kansli', 'Tjänstepersonforum', 'Medlemmar', 'Ordförande', 'Värdkommun', 'Blekinge Tekniska Högskola'];
const STATES: KeyedComment['state'][] = ['visible', 'edited', 'deleted', 'hidden'];

const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)];
const int = (rng: Rng, n: number) => Math.floor(rng() * n);

export function sentence(rng: Rng, max = 8): string {
  const n = int(rng, max + 1);
  const words = Array.from({ length: n }, () => pick(rng, WORDS));
  return words.join(pick(rng, [' ', ' ', ', ', '\n'])) + (n && rng() < 0.3 ? '.' : '');
}

/** Ids from the seed, so that a failing round trip can be replayed. */
function ids(rng: Rng, prefix: string) {
  let n = 0;
  return () => `${prefix}${(n++).toString(36)}${int(rng, 1e6).toString(36)}`;
}

function newItem(rng: Rng, id: string, order: string): KeyedItem {
  return {
    id,
    order,
    activity: sentence(rng, 5),
    how: sentence(rng, 30),
    who: [...new Set(Array.from({ length: int(rng, 3) }, () => pick(rng, PARTIES)))],
    when: sentence(rng, 3),
    status: pick(rng, STATUSES),
    statusNote: sentence(rng, 3),
    priority: pick<Priority>(rng, [1, 2, 3, null]),
  };
}

const newComment = (rng: Rng, id: string, createdAt: number): KeyedComment => ({
  id,
  authorId: `u${int(rng, 20)}`,
  authorName: pick(rng, ['Anna Berg', 'Erik Lind', 'Sara Ek']),
  createdAt,
  body: sentence(rng, 20),
  state: 'visible',
});

/** Sorts everything the way readKeyedPlan and applyPlanDiff do. */
export function canonical(plan: KeyedPlan): KeyedPlan {
  return {
    ...plan,
    directions: [...plan.directions].sort(byOrder).map((d) => ({ ...d, items: [...d.items].sort(byOrder) })),
    threads: [...plan.threads].sort(byCreated).map((t) => ({ ...t, comments: [...t.comments].sort(byCreated) })),
  };
}

export interface PlanSize {
  directions?: number;
  items: number;
  threads?: number;
  comments?: number;
}

export function randomPlan(rng: Rng, size: PlanSize): KeyedPlan {
  const itemId = ids(rng, 'i');
  const dirCount = size.directions ?? 3;
  const dirKeys = keysAfter(null, dirCount);
  const directions = dirKeys.map((order, d) => ({ id: `d${d}`, title: `Inriktning ${d + 1}`, order, items: [] as KeyedItem[] }));
  const perDirection = Math.ceil(size.items / dirCount);
  let left = size.items;
  for (const d of directions) {
    const n = Math.min(perDirection, left);
    left -= n;
    d.items = keysAfter(null, n).map((order) => newItem(rng, itemId(), order));
  }
  const all = directions.flatMap((d) => d.items);
  const threadCount = all.length ? (size.threads ?? Math.ceil((size.comments ?? 0) / 3)) : 0;
  const threads: KeyedThread[] = Array.from({ length: threadCount }, (_, t) => ({
    id: `t${t}`,
    itemId: pick(rng, all).id,
    createdAt: 1_700_000_000_000 + t * 1000,
    resolved: rng() < 0.2,
    comments: [],
  }));
  for (let c = 0; c < (threads.length ? (size.comments ?? 0) : 0); c++) {
    const thread = threads[c % threads.length];
    thread.comments.push(newComment(rng, `c${c}`, thread.createdAt + c));
  }
  return canonical({ title: 'Handlingsplan 2025', year: 2025, strategy: sentence(rng, 80), focus: sentence(rng, 20), directions, threads });
}

export { int, pick, newItem, newComment, ids, keyBetween, STATES, PARTIES };
