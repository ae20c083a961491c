import { describe, expect, it } from 'vitest';
import { summarisePlanChanges, type PlanChange } from '../../shared/discussion/summarisePlanChanges';
import type { ItemFieldChange } from '../../shared/plan/itemChanges';

// A week of audit trail summed up for someone who comes by once a week: the net effect
// per item and field, with everyone who took part.

const row = (itemId: string, userId: string | null, at: number, change: ItemFieldChange): PlanChange => ({ itemId, userId, at, change });

describe('summing up a week of plan changes', () => {
  it('keeps the net change per field, from the value before the first change to the one after the last, with everyone who took part', () => {
    const summary = summarisePlanChanges([
      row('a', 'anna', 1000, { field: 'status', from: 'not_started', to: 'planned' }),
      row('a', 'bo', 2000, { field: 'status', from: 'planned', to: 'done' }),
      row('a', 'bo', 2500, { field: 'direction', from: 'Förebild', to: 'Pådrivare' }),
    ]);
    expect(summary.get('a')).toEqual([
      { change: { field: 'status', from: 'not_started', to: 'done' }, userIds: ['anna', 'bo'], at: 2000 },
      { change: { field: 'direction', from: 'Förebild', to: 'Pådrivare' }, userIds: ['bo'], at: 2500 },
    ]);
  });

  it('drops a field that ended where it began, and an item deleted and restored again', () => {
    const summary = summarisePlanChanges([
      row('b', 'anna', 3000, { field: 'priority', from: null, to: 3 }),
      row('b', 'anna', 4000, { field: 'priority', from: 3, to: null }),
      row('c', 'bo', 5000, { field: 'deleted' }),
      row('c', 'bo', 6000, { field: 'restored' }),
    ]);
    expect(summary.size).toBe(0);
  });

  it('reports a new item as added, without its first edits, and as deleted too when it went again', () => {
    const summary = summarisePlanChanges([
      row('n', 'anna', 1000, { field: 'created' }),
      row('n', 'anna', 1100, { field: 'activity', from: '', to: 'Ny aktivitet' }),
      row('n', 'bo', 1200, { field: 'deleted' }),
      row('d', null, 1300, { field: 'deleted' }),
    ]);
    expect(summary.get('n')).toEqual([
      { change: { field: 'created' }, userIds: ['anna'], at: 1000 },
      { change: { field: 'deleted' }, userIds: ['bo'], at: 1200 },
    ]);
    // A change made by nobody signed in is listed without a name.
    expect(summary.get('d')).toEqual([{ change: { field: 'deleted' }, userIds: [], at: 1300 }]);
  });
});
