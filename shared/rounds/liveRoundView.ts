import type * as Y from 'yjs';
import { planDirections, planItems } from '../plan/schema';
import { collectAnswers } from './collectAnswers';
import type { RoundItem, RoundView } from './RoundView';

/** An item of the plan as a round names it now: its Vad, its direction, whether it is deleted. */
export function roundItemNow(plan: Y.Doc, id: string, fallback?: RoundItem): RoundItem {
  const map = planItems(plan).get(id);
  if (!map) return fallback ? { ...fallback, deleted: true } : { id, activity: '', direction: '', deleted: true };
  const activity = map.get('activity');
  const direction = planDirections(plan).get(String(map.get('directionId')))?.get('title');
  return {
    id,
    activity: typeof activity === 'string' ? activity : '',
    direction: typeof direction === 'string' ? direction : (fallback?.direction ?? ''),
    deleted: map.get('deleted') === true,
  };
}

/**
 * A round as stored, brought up to date while it is open: its items as the plan names
 * them now and the answers written so far. A closed round is returned as it is: its
 * items and answers were fixed when it closed.
 */
export function liveRoundView(stored: RoundView, plan: Y.Doc | null, discussion: Y.Doc | null): RoundView {
  if (stored.closedAt !== null) return stored;
  const items = plan ? stored.items.map((item) => roundItemNow(plan, item.id, item)) : stored.items;
  return { ...stored, items, answers: discussion ? collectAnswers(discussion, { ...stored, items }) : [] };
}
