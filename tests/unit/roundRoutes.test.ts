import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { can } from '../../shared/auth/roles';
import { appendRows } from '../../server/store/appendRows';
import { deleteItem } from '../../shared/plan/itemOps';
import { listItems } from '../../shared/plan/schema';
import { writePlanDocument } from '../../shared/plan/writePlanDocument';
import { smallPlan } from '../helpers/planFixture';
import { DAY, roundWorld, type Person, type RoundWorld } from './roundFixture';

// Opening, moving and closing rounds over HTTP on the real server: who may, and every
// kind of bad input refused with a clear error and nothing written or told.

let w: RoundWorld;
let kansli: Person;
let board: Person;
let anna: Person;
let bo: Person;

beforeEach(async () => {
  w = await roundWorld();
  kansli = await w.person('kansli', 'Karin Kansli');
  board = await w.person('styrelse', 'Kim Styrelse');
  anna = await w.person('tjanstepersonforum', 'Anna Forum');
  bo = await w.person('tjanstepersonforum', 'Bo Forum');
});

afterEach(() => w.close());

const valid = () => ({ question: 'Hur prioriterar ni det här?', deadline: w.deadlineIn(7 * DAY), reminderDays: 2, itemIds: [w.items.D, w.items.A], recipients: 'forum' });
const open = (who: Person, body: unknown = valid()) => w.http('POST', '/api/plans/2025/rounds', who, body);
const written = async () => ({ rounds: await w.count('rounds'), items: await w.count('round_items'), people: await w.count('round_people'), events: await w.count('round_events'), notices: w.notices.length });

describe('who may run consultation rounds', () => {
  it('gives the board and the secretariat the capability, never the forum', () => {
    expect([can('styrelse', 'rounds.run'), can('kansli', 'rounds.run'), can('tjanstepersonforum', 'rounds.run')]).toEqual([true, true, false]);
  });

  it('lets the secretariat and the board open a round, and the forum and strangers nothing', async () => {
    expect((await open(kansli)).status).toBe(201);
    expect((await open(board)).status).toBe(201);
    const before = await written();
    const refused = await open(anna);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe('FORBIDDEN');
    expect((await open(null as unknown as Person)).status).toBe(401);
    expect(await written()).toEqual(before);
  });

  it('refuses a forum member who tries to move, close or list the candidates of a round, and changes nothing', async () => {
    const round = await w.ok('POST', '/api/plans/2025/rounds', kansli, valid(), 201);
    const before = await written();
    for (const [method, path, body] of [
      ['PATCH', `/api/rounds/${round.id}`, { deadline: w.deadlineIn(9 * DAY) }],
      ['POST', `/api/rounds/${round.id}/close`, undefined],
      ['GET', '/api/rounds/people', undefined],
    ] as const) {
      const res = await w.http(method, path, anna, body);
      expect([method, path, res.status]).toEqual([method, path, 403]);
    }
    const after = await w.ok('GET', `/api/rounds/${round.id}`, kansli);
    expect([after.deadline, after.closedAt, await written()]).toEqual([round.deadline, null, before]);
  });

  it('shows a forum member their own place and answers while the round is open, the whole summary once closed, never the audit trail', async () => {
    const round = await w.ok('POST', '/api/plans/2025/rounds', kansli, valid(), 201);
    await w.comment(anna, w.items.A, 'Annas svar');
    await w.comment(bo, w.items.A, 'Bos svar');
    const mine = await w.ok('GET', `/api/rounds/${round.id}`, anna);
    expect(mine.recipients).toEqual([{ id: anna.id, name: 'Anna Forum', active: true }]);
    expect(mine.answers.map((a: { text: string }) => a.text)).toEqual(['Annas svar']);
    expect(mine.events).toEqual([]);
    const outsider = await w.person('tjanstepersonforum', 'Ulla Utanför');
    await w.ok('POST', `/api/rounds/${round.id}/close`, board);
    const summary = await w.ok('GET', `/api/rounds/${round.id}`, outsider);
    expect([summary.recipients, summary.answers.length, summary.events]).toEqual([[], 2, []]);
    const all = await w.ok('GET', `/api/rounds/${round.id}`, board);
    expect(all.recipients.map((p: { name: string }) => p.name)).toEqual(['Anna Forum', 'Bo Forum']);
    expect(all.events.map((e: { detail: { kind: string } }) => e.detail.kind)).toEqual(['opened', 'closed']);
    const listed = await w.ok('GET', '/api/plans/2025/rounds', anna);
    expect(listed.rounds.map((r: { id: string; recipients: unknown[] }) => [r.id, r.recipients.length])).toEqual([[round.id, 1]]);
  });
});

describe('opening a round', () => {
  it('asks the active forum about the chosen items in board order, and tells them in the same transaction', async () => {
    const gone = await w.person('tjanstepersonforum', 'Gunnel Gått');
    await w.server.auth.people.updateUser(gone.id, { active: false }, Date.now());
    const res = await open(kansli);
    expect(res.status).toBe(201);
    const round = await res.json();
    expect(round.items.map((i: { activity: string }) => i.activity)).toEqual(['A', 'D']);
    expect(round.recipients.map((p: { name: string }) => p.name)).toEqual(['Anna Forum', 'Bo Forum']);
    expect([round.openedBy, round.openedAt, round.closedAt, round.audience]).toEqual([{ id: kansli.id, name: 'Karin Kansli' }, w.clock.now(), null, 'forum']);
    expect(w.notices).toEqual([
      {
        kind: 'round_opened',
        roundId: round.id,
        planId: '2025',
        question: 'Hur prioriterar ni det här?',
        deadline: round.deadline,
        items: [{ id: w.items.A, activity: 'A' }, { id: w.items.D, activity: 'D' }],
        recipientIds: expect.arrayContaining([anna.id, bo.id]),
      },
    ]);
    expect(w.notices[0].recipientIds).toHaveLength(2);
  });

  it('asks about a whole direction, or chosen people of any role', async () => {
    const round = await w.ok('POST', '/api/plans/2025/rounds', board, { ...valid(), itemIds: undefined, directionId: w.directions[1], recipients: [bo.id, kansli.id, bo.id] }, 201);
    expect([round.directionId, round.audience]).toEqual([w.directions[1], 'people']);
    expect(round.items.map((i: { activity: string }) => i.activity)).toEqual(['D', 'E']);
    expect(round.recipients.map((p: { name: string }) => p.name)).toEqual(['Bo Forum', 'Karin Kansli']);
    expect(w.notices[0].recipientIds.sort()).toEqual([bo.id, kansli.id].sort());
  });

  it('keeps the deadline in Swedish time and the reminder the same time of day days before', async () => {
    const round = await w.ok('POST', '/api/plans/2025/rounds', kansli, { ...valid(), deadline: '2025-03-12T17:00', reminderDays: 3 }, 201);
    expect(round.deadline).toBe(Date.parse('2025-03-12T16:00:00Z'));
    expect(round.remindAt).toBe(Date.parse('2025-03-09T16:00:00Z'));
    const none = await w.ok('POST', '/api/plans/2025/rounds', kansli, { ...valid(), reminderDays: null }, 201);
    expect([none.reminderDays, none.remindAt]).toEqual([null, null]);
  });

  describe('refuses bad input with a clear error, writing and telling nothing', () => {
    const cases: Array<[string, (v: ReturnType<typeof valid>) => unknown, number, string]> = [
      ['a body that is not JSON', () => '{"question":', 400, 'INVALID_INPUT'],
      ['a JSON array', () => [1, 2], 400, 'INVALID_INPUT'],
      ['no question', (v) => ({ ...v, question: undefined }), 400, 'INVALID_INPUT'],
      ['a blank question', (v) => ({ ...v, question: '   ' }), 400, 'INVALID_INPUT'],
      ['a question that is a number', (v) => ({ ...v, question: 42 }), 400, 'INVALID_INPUT'],
      ['a question of 2,001 characters', (v) => ({ ...v, question: 'x'.repeat(2001) }), 400, 'INVALID_INPUT'],
      ['no deadline', (v) => ({ ...v, deadline: undefined }), 400, 'INVALID_INPUT'],
      ['a deadline in milliseconds', (v) => ({ ...v, deadline: Date.now() + DAY }), 400, 'INVALID_INPUT'],
      ['a deadline on 30 February', (v) => ({ ...v, deadline: '2025-02-30T17:00' }), 400, 'INVALID_INPUT'],
      ['a deadline in the past', (v) => ({ ...v, deadline: '2025-03-02T17:00' }), 400, 'DEADLINE_PASSED'],
      ['a deadline right now', (v) => ({ ...v, deadline: w.deadlineIn(0) }), 400, 'DEADLINE_PASSED'],
      ['a deadline two years ahead', (v) => ({ ...v, deadline: '2027-03-02T17:00' }), 400, 'INVALID_INPUT'],
      ['reminder days of zero', (v) => ({ ...v, reminderDays: 0 }), 400, 'INVALID_INPUT'],
      ['reminder days as text', (v) => ({ ...v, reminderDays: '2' }), 400, 'INVALID_INPUT'],
      ['reminder days of one and a half', (v) => ({ ...v, reminderDays: 1.5 }), 400, 'INVALID_INPUT'],
      ['a reminder that would already have gone out', (v) => ({ ...v, deadline: w.deadlineIn(DAY), reminderDays: 2 }), 400, 'DEADLINE_PASSED'],
      ['both items and a direction', (v) => ({ ...v, directionId: w.directions[0] }), 400, 'INVALID_INPUT'],
      ['neither items nor a direction', (v) => ({ ...v, itemIds: undefined }), 400, 'INVALID_INPUT'],
      ['an empty list of items', (v) => ({ ...v, itemIds: [] }), 400, 'INVALID_INPUT'],
      ['items as one string', (v) => ({ ...v, itemIds: w.items.A }), 400, 'INVALID_INPUT'],
      ['an item id that is a number', (v) => ({ ...v, itemIds: [w.items.A, 7] }), 400, 'INVALID_INPUT'],
      ['an unknown item', (v) => ({ ...v, itemIds: [w.items.A, 'nosuchitem00'] }), 400, 'UNKNOWN_ITEM'],
      ['an unknown direction', (v) => ({ ...v, itemIds: undefined, directionId: 'nosuchdirection' }), 400, 'UNKNOWN_DIRECTION'],
      ['recipients "everyone"', (v) => ({ ...v, recipients: 'everyone' }), 400, 'INVALID_INPUT'],
      ['no recipients', (v) => ({ ...v, recipients: [] }), 400, 'INVALID_INPUT'],
      ['an unknown person', (v) => ({ ...v, recipients: [anna.id, 'nosuchperson'] }), 400, 'UNKNOWN_PERSON'],
      ['a person id that is an object', (v) => ({ ...v, recipients: [{ id: anna.id }] }), 400, 'INVALID_INPUT'],
    ];
    for (const [what, body, status, code] of cases) {
      it(what, async () => {
        const before = await written();
        const res = await open(kansli, body(valid()));
        const answer = await res.json();
        expect([res.status, answer.error.code]).toEqual([status, code]);
        expect(answer.error.message.length).toBeGreaterThan(10);
        expect(await written()).toEqual(before);
      });
    }
  });

  it('refuses a deactivated person, a deleted item, an item of another plan and an unknown plan', async () => {
    await w.server.auth.people.updateUser(bo.id, { active: false }, Date.now());
    w.server.sync.getDoc('plan/2025').changeAsServer((doc) => deleteItem(doc, w.items.E), kansli.id);
    const other = new Y.Doc();
    writePlanDocument(other, { ...smallPlan(), plan: { ...smallPlan().plan, title: 'Plan 2026', year: 2026 } });
    await w.server.store.transaction(async (tx) => {
      await tx.plans.create({ id: '2026', title: 'Plan 2026', year: 2026 });
      await appendRows(tx.sql, 'plan/2026', [{ update: Y.encodeStateAsUpdate(other), userId: null }], Date.now());
    });
    const otherItem = listItems(other)[0].id;
    const before = await written();
    for (const [body, path, status, code] of [
      [{ ...valid(), recipients: [bo.id] }, '/api/plans/2025/rounds', 400, 'UNKNOWN_PERSON'],
      [{ ...valid(), itemIds: [w.items.E] }, '/api/plans/2025/rounds', 400, 'UNKNOWN_ITEM'],
      [{ ...valid(), itemIds: [otherItem] }, '/api/plans/2025/rounds', 400, 'UNKNOWN_ITEM'],
      [valid(), '/api/plans/1999/rounds', 404, 'PLAN_NOT_FOUND'],
      [valid(), '/api/plans/..%2Fetc/rounds', 404, 'PLAN_NOT_FOUND'],
    ] as const) {
      const res = await w.http('POST', path, kansli, body);
      expect([path, res.status, (await res.json()).error.code]).toEqual([path, status, code]);
    }
    expect(await written()).toEqual(before);
  });

  it('refuses to ask the whole forum when it has nobody active in it', async () => {
    for (const p of [anna, bo]) await w.server.auth.people.updateUser(p.id, { active: false }, Date.now());
    const res = await open(kansli);
    expect([res.status, (await res.json()).error.code]).toEqual([400, 'NO_RECIPIENTS']);
    expect(await w.count('rounds')).toBe(0);
  });

  it('answers 404 for an unknown round and 400 for an id no round can have', async () => {
    expect((await w.http('GET', '/api/rounds/nosuchround1', kansli)).status).toBe(404);
    const bad = await w.http('PATCH', `/api/rounds/${encodeURIComponent('a b')}`, kansli, { deadline: w.deadlineIn(DAY) });
    expect([bad.status, (await bad.json()).error.code]).toEqual([400, 'INVALID_INPUT']);
  });
});

describe('moving and closing a round', () => {
  it('moves the deadline, records who did it from what to what, and refuses a deadline in the past', async () => {
    const round = await w.ok('POST', '/api/plans/2025/rounds', kansli, valid(), 201);
    await w.clock.advance(3600_000);
    const moved = await w.ok('PATCH', `/api/rounds/${round.id}`, board, { deadline: w.deadlineIn(10 * DAY) });
    expect(moved.deadline).toBe(w.clock.now() + 10 * DAY);
    expect(moved.events.at(-1)).toEqual({ at: w.clock.now(), by: { id: board.id, name: 'Kim Styrelse' }, detail: { kind: 'changed', deadline: { from: round.deadline, to: moved.deadline } } });
    const before = await written();
    for (const [body, code] of [
      [{ deadline: '2025-03-01T10:00' }, 'DEADLINE_PASSED'],
      [{ deadline: 'tomorrow' }, 'INVALID_INPUT'],
      [{ reminderDays: -1 }, 'INVALID_INPUT'],
      [{}, 'INVALID_INPUT'],
      [{ deadline: w.deadlineIn(DAY), reminderDays: 2 }, 'DEADLINE_PASSED'],
    ] as const) {
      const res = await w.http('PATCH', `/api/rounds/${round.id}`, kansli, body);
      expect([JSON.stringify(body), res.status, (await res.json()).error.code]).toEqual([JSON.stringify(body), 400, code]);
    }
    expect(await written()).toEqual(before);
    expect((await w.ok('GET', `/api/rounds/${round.id}`, kansli)).deadline).toBe(moved.deadline);
  });

  it('closes early for the board with who did it, tells the people asked, and refuses to close twice', async () => {
    const round = await w.ok('POST', '/api/plans/2025/rounds', kansli, valid(), 201);
    await w.clock.advance(DAY);
    const closed = await w.ok('POST', `/api/rounds/${round.id}/close`, board);
    expect([closed.closedAt, closed.closedBy]).toEqual([w.clock.now(), { id: board.id, name: 'Kim Styrelse' }]);
    expect(closed.events.at(-1).detail).toEqual({ kind: 'closed', early: true, answers: 0 });
    const told = w.notices.at(-1)!;
    expect([told.kind, told.recipientIds.sort()]).toEqual(['round_closed', [anna.id, bo.id, kansli.id].sort()]);
    const before = await written();
    for (const [method, path, body] of [
      ['POST', `/api/rounds/${round.id}/close`, undefined],
      ['PATCH', `/api/rounds/${round.id}`, { deadline: w.deadlineIn(9 * DAY) }],
    ] as const) {
      const res = await w.http(method, path, kansli, body);
      expect([res.status, (await res.json()).error.code]).toEqual([409, 'ROUND_CLOSED']);
    }
    expect(await written()).toEqual(before);
  });
});
