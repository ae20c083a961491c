import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readKeyedPlan } from '../../shared/snapshot/readKeyedPlan';
import { MeetingStore } from '../../server/store/MeetingStore';
import { DAY, roundWorld, type Person, type RoundWorld } from './roundFixture';

// A snapshot keeps the plan's rounds as they were; each viewer reads them as they may
// see rounds, and snapshots stored before rounds were kept still open.

let w: RoundWorld;
let kansli: Person;
let anna: Person;
let bo: Person;

beforeEach(async () => {
  w = await roundWorld();
  kansli = await w.person('kansli', 'Karin Kansli');
  anna = await w.person('tjanstepersonforum', 'Anna Forum');
  bo = await w.person('tjanstepersonforum', 'Bo Forum');
});

afterEach(() => w.close());

describe('rounds in snapshots', () => {
  it('keeps an open round with its answers so far, unchanged by what happens to the round later', async () => {
    const round = await w.ok('POST', '/api/plans/2025/rounds', kansli, { question: 'Vad saknas?', deadline: w.deadlineIn(5 * DAY), itemIds: [w.items.B], recipients: 'forum' }, 201);
    await w.comment(anna, w.items.B, 'Mer samverkan');
    const snapshot = await w.ok('POST', '/api/plans/2025/snapshots', kansli, { note: 'Före mötet' }, 201);
    await w.clock.advance(6 * DAY);
    expect((await w.ok('GET', `/api/rounds/${round.id}`, kansli)).closedAt).not.toBeNull();

    const kept = await w.ok('GET', `/api/snapshots/${snapshot.id}/rounds`, kansli);
    expect(kept.rounds).toHaveLength(1);
    expect(kept.rounds[0]).toMatchObject({ id: round.id, question: 'Vad saknas?', closedAt: null, answers: [{ personName: 'Anna Forum', text: 'Mer samverkan' }] });
    expect(kept.rounds[0].recipients.map((p: { name: string }) => p.name)).toEqual(['Anna Forum', 'Bo Forum']);
    const forForum = await w.ok('GET', `/api/snapshots/${snapshot.id}/rounds`, bo);
    expect([forForum.rounds[0].recipients, forForum.rounds[0].events]).toEqual([[{ id: bo.id, name: 'Bo Forum', active: true }], []]);
    // The plain form served for comparisons carries no rounds: they go through the filter above.
    expect((await w.ok('GET', `/api/snapshots/${snapshot.id}`, bo)).plan).not.toHaveProperty('rounds');
  });

  it('keeps the closed round with its summary in the snapshot taken when a meeting opens', async () => {
    const round = await w.ok('POST', '/api/plans/2025/rounds', kansli, { question: 'Prioritering?', deadline: w.deadlineIn(DAY), itemIds: [w.items.C], recipients: [anna.id] }, 201);
    await w.comment(anna, w.items.C, 'Högst prioritet');
    await w.clock.advance(DAY);
    const meeting = await w.ok('POST', '/api/plans/2025/meetings', kansli, { title: 'Strategimöte 1', date: '2025-03-05', kind: 'strategimote', open: true }, 201);
    const before = (await w.ok('GET', '/api/plans/2025/snapshots', kansli)).snapshots.find((s: { meetingId: number }) => s.meetingId === meeting.id);
    const kept = await w.ok('GET', `/api/snapshots/${before.id}/rounds`, kansli);
    expect(kept.rounds.map((r: { id: string; closedAt: number | null; answers: unknown[] }) => [r.id, r.closedAt !== null, r.answers.length])).toEqual([[round.id, true, 1]]);
  });

  it('opens a snapshot stored before rounds were kept, saying it kept none', async () => {
    const doc = w.server.sync.getDoc('plan/2025').doc;
    const old = await new MeetingStore(w.server.store.sql).addSnapshot({
      planId: '2025',
      meetingId: null,
      reason: 'manual',
      restoresId: null,
      createdBy: kansli.id,
      createdByName: 'Karin Kansli',
      note: 'gammal',
      planState: Y.encodeStateAsUpdate(doc),
      discussionState: null,
      plainJson: JSON.stringify(readKeyedPlan(doc)),
      itemCount: 5,
      commentCount: 0,
    });
    expect(await w.ok('GET', `/api/snapshots/${old.id}/rounds`, kansli)).toEqual({ rounds: null });
    expect((await w.http('GET', `/api/snapshots/${old.id}/state`, anna)).status).toBe(200);
    expect((await w.ok('GET', `/api/snapshots/${old.id}`, anna)).plan.directions).toHaveLength(2);
    const missing = await w.http('GET', '/api/snapshots/999/rounds', kansli);
    expect([missing.status, (await missing.json()).error.code]).toEqual([404, 'SNAPSHOT_NOT_FOUND']);
  });
});
