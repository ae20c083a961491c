import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PeopleStore } from '../../server/store/PeopleStore';
import { RoundStore, type NewRound } from '../../server/store/RoundStore';
import { testStores, type TestStores } from '../helpers/testStores';

// Consultation rounds as stored (SQLite, or PostgreSQL with TEST_ENGINE=postgres): a
// round comes back as it was opened, what is due is found by the server's clock, a
// reminder and a closing happen once, and the summary is fixed when the round closes.

const DAY = 24 * 3600_000;
const OPENED = 1_741_000_000_000;
let store: TestStores;
let rounds: RoundStore;

beforeEach(async () => {
  store = await testStores();
  rounds = new RoundStore(store.sql);
  await store.plans.create({ id: '2025', title: 'Verksamhetsplan 2025', year: 2025 });
  const people = new PeopleStore(store.sql);
  for (const [id, name] of [['u-bo', 'bo Forum'], ['u-anna', 'Anna Forum']]) {
    await people.createUser({ id, email: `${id}@example.se`, name, organisation: 'Sotenäs kommun', role: 'tjanstepersonforum' }, OPENED);
  }
});

afterEach(() => store.close());

const round = (extra: Partial<NewRound> = {}): NewRound => ({
  id: 'r1',
  planId: '2025',
  question: 'Räcker resurserna?',
  directionId: null,
  audience: 'forum',
  deadline: OPENED + 7 * DAY,
  reminderDays: 2,
  remindAt: OPENED + 5 * DAY,
  openedBy: { id: 'u-kansli', name: 'Karin Kansli' },
  openedAt: OPENED,
  items: [
    { id: 'i2', activity: 'Andra punkten', direction: 'Klimat' },
    { id: 'i1', activity: 'Första punkten', direction: 'Klimat' },
  ],
  recipientIds: ['u-bo', 'u-anna'],
  ...extra,
});

describe('stored consultation rounds', () => {
  it('come back as opened: items in the order asked, the people by name, the events in order', async () => {
    await rounds.insert(round());
    await rounds.addEvent('r1', { id: 'u-kansli', name: 'Karin Kansli' }, OPENED, { kind: 'opened', items: 2, recipients: 2 });
    const stored = await rounds.get('r1');
    expect(stored).toMatchObject({ question: 'Räcker resurserna?', deadline: OPENED + 7 * DAY, remindAt: OPENED + 5 * DAY, remindedAt: null, closedAt: null, closedBy: null });
    expect(stored!.items.map((i) => [i.id, i.deleted])).toEqual([['i2', false], ['i1', false]]);
    expect(stored!.recipients).toEqual([
      { id: 'u-anna', name: 'Anna Forum', active: true },
      { id: 'u-bo', name: 'bo Forum', active: true },
    ]);
    expect(stored!.events).toEqual([{ at: OPENED, by: { id: 'u-kansli', name: 'Karin Kansli' }, detail: { kind: 'opened', items: 2, recipients: 2 } }]);
    expect((await rounds.forPlan('2025')).map((r) => r.id)).toEqual(['r1']);
    expect(await rounds.get('nope')).toBeUndefined();
  });

  it('say what is due by the clock given, remind once, and close once with the summary fixed', async () => {
    await rounds.insert(round());
    expect(await rounds.nextDue()).toBe(OPENED + 5 * DAY);
    expect(await rounds.due(OPENED + 5 * DAY - 1)).toEqual({ toClose: [], toRemind: [] });
    expect(await rounds.due(OPENED + 5 * DAY)).toEqual({ toClose: [], toRemind: ['r1'] });
    expect([await rounds.markReminded('r1', OPENED + 5 * DAY), await rounds.markReminded('r1', OPENED + 5 * DAY)]).toEqual([true, false]);
    expect(await rounds.nextDue()).toBe(OPENED + 7 * DAY);
    // A later deadline lets the reminder go out again.
    expect(await rounds.setDeadline('r1', OPENED + 9 * DAY, 2, OPENED + 7 * DAY, true)).toBe(true);
    expect(await rounds.get('r1')).toMatchObject({ deadline: OPENED + 9 * DAY, remindedAt: null });
    const answer = { itemId: 'i1', personId: 'u-bo', personName: 'bo Forum', commentId: 'c1', threadId: 't1', at: OPENED + DAY, text: 'Ja' };
    const items = [{ id: 'i2', activity: 'Andra punkten, ändrad', direction: 'Klimat', deleted: true }];
    expect(await rounds.close('r1', OPENED + 9 * DAY, null, items, [answer])).toBe(true);
    expect(await rounds.close('r1', OPENED + 10 * DAY, null, [], [])).toBe(false);
    expect(await rounds.setDeadline('r1', OPENED + 20 * DAY, null, null, false)).toBe(false);
    const closed = await rounds.get('r1');
    expect(closed).toMatchObject({ closedAt: OPENED + 9 * DAY, closedBy: null, answers: [answer] });
    expect(closed!.items[0]).toEqual({ id: 'i2', activity: 'Andra punkten, ändrad', direction: 'Klimat', deleted: true });
    expect([await rounds.nextDue(), await rounds.due(OPENED + 30 * DAY)]).toEqual([null, { toClose: [], toRemind: [] }]);
  });
});
