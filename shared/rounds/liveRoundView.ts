import type * as Y from 'yjs';
import { listThreads, type ThreadView } from '../discussion/schema';
import { planDirections, planItems } from '../plan/schema';
import { collectAnswers } from './collectAnswers';
import type { RoundItem, RoundView } from './RoundView';

/** An item of the plan as a round names it now: its Vad, its direction, whether it is deleted. */
function roundItemNow(plan: Y.Doc, id: string, fallback?: RoundItem): RoundItem {
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
 * Rounds as stored, brought up to date while they are open: their items as the plan
 * names them now and the answers written so far (the discussion is read once for all).
 * A closed round is returned as it is: its items and answers were fixed when it closed.
 */
export function liveRoundViews(stored: readonly RoundView[], plan: Y.Doc | null, discussion: Y.Doc | null): RoundView[] {
  let threads: ThreadView[] | undefined;
  return stored.map((round) => {
    if (round.closedAt !== null) return round;
    const items = plan ? round.items.map((item) => roundItemNow(plan, item.id, item)) : round.items;
    threads ??= discussion ? listThreads(discussion) : [];
    return { ...round, items, answers: collectAnswers(threads, { ...round, items }) };
  });
}
