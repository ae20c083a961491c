import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listThreads } from '../../shared/discussion/schema';
import { deleteItem } from '../../shared/plan/itemOps';
import { collectAnswers } from '../../shared/rounds/collectAnswers';
import { roundProgress } from '../../shared/rounds/roundProgress';
import type { RoundView } from '../../shared/rounds/RoundView';
import { RoundScheduler } from '../../server/rounds/RoundScheduler';
import { connectClient } from '../helpers/syncClient';
import { waitFor } from '../helpers/waitFor';
import { DAY, HOUR, roundWorld, type Person, type RoundWorld } from './roundFixture';

// A round from opening to its summary on the real server: what counts as an answer,
// the reminder to those who have not answered, the closing at the deadline by a
// scheduler on the test's clock, restarts with something due, and the notices given
// inside the transaction of each event.

let w: RoundWorld;
let kansli: Person;
let anna: Person;
let bo: Person;
let cecilia: Person;

beforeEach(async () => {
  w = await roundWorld();
  kansli = await w.person('kansli', 'Karin Kansli');
  anna = await w.person('tjanstepersonforum', 'Anna Forum');
  bo = await w.person('tjanstepersonforum', 'Bo Forum');
  cecilia = await w.person('tjanstepersonforum', 'Cecilia Forum');
});

afterEach(() => w.close());

/** A round on A and D for the whole forum, deadline in 7 days, reminder 2 days before. */
const openRound = (extra: Record<string, unknown> = {}): Promise<RoundView> =>
  w.ok('POST', '/api/plans/2025/rounds', kansli, { question: 'Ska vi satsa mer här?', deadline: w.deadlineIn(7 * DAY), reminderDays: 2, itemIds: [w.items.A, w.items.D], recipients: 'forum', ...extra }, 201);
const view = (id: string, who: Person = kansli): Promise<RoundView> => w.ok('GET', `/api/rounds/${id}`, who);
const answerTexts = (round: RoundView) => round.answers.map((a) => `${a.personName}: ${a.text}`);

describe('what counts as an answer', () => {
  it('is a readable comment by a person asked, on an item of the round, written while it is open', async () => {
    const early = await w.comment(anna, w.items.A, 'Skrivet innan rundan');
    await w.clock.advance(HOUR);
    const round = await openRound();
    await w.clock.advance(HOUR);
    await w.comment(anna, w.items.A, 'Ja, mer resurser');
    await w.clock.advance(60_000);
    await w.reply(bo, early.threadId, 'Jag håller med, i svar på en äldre tråd');
    await w.comment(bo, w.items.B, 'Om en punkt utanför rundan');
    await w.comment(kansli, w.items.D, 'Kansliet är inte tillfrågat');
    const removed = await w.comment(cecilia, w.items.D, 'Ångrar mig');
    await w.http('DELETE', `/api/discussion/2025/comments/${removed.commentId}`, cecilia);
    expect(answerTexts(await view(round.id))).toEqual(['Anna Forum: Ja, mer resurser', 'Bo Forum: Jag håller med, i svar på en äldre tråd']);
    const progress = roundProgress(round, (await view(round.id)).answers);
    expect(progress.people.map((p) => [p.personId, p.answered.length, p.pending.length])).toEqual(
      expect.arrayContaining([[anna.id, 1, 1], [bo.id, 1, 1], [cecilia.id, 0, 2]]),
    );
  });

  it('reaches every open board over the websocket, where the same answers are read from the discussion', async () => {
    const round = await openRound();
    const client = await connectClient(`ws://127.0.0.1:${w.server.port}/ws`, 'discussion/2025', { headers: { cookie: kansli.cookie, origin: w.server.url } });
    try {
      await w.comment(anna, w.items.D, 'Svar som alla ser direkt');
      const seen = await waitFor(() => {
        const answers = collectAnswers(listThreads(client.doc), round);
        return answers.length === 1 ? answers : null;
      }, { what: 'the answer on the opener’s board' });
      expect(seen.map((a) => [a.personId, a.itemId, a.text])).toEqual([[anna.id, w.items.D, 'Svar som alla ser direkt']]);
      expect((await view(round.id)).answers).toEqual(seen);
    } finally {
      client.destroy();
    }
  });
});

describe('the reminder', () => {
  it('goes once, at its moment, only to the active people who have not answered every item', async () => {
    const round = await openRound();
    await w.comment(anna, w.items.A, 'Svar på A');
    await w.comment(anna, w.items.D, 'Svar på D');
    await w.comment(bo, w.items.A, 'Bara A');
    const dan = await w.person('tjanstepersonforum', 'Dan Forum');
    await w.server.auth.people.updateUser(cecilia.id, { active: false }, Date.now());
    expect(w.notices.map((n) => n.kind)).toEqual(['round_opened']);
    expect(w.notices[0].recipientIds).not.toContain(dan.id);
    await w.clock.advance(round.remindAt! - w.clock.now() - 1);
    expect(w.notices.map((n) => n.kind)).toEqual(['round_opened']);
    await w.clock.advance(1);
    expect(w.notices.map((n) => [n.kind, n.recipientIds])).toEqual([
      ['round_opened', expect.any(Array)],
      ['round_reminder', [bo.id]],
    ]);
    const reminded = await view(round.id);
    expect(reminded.remindedAt).toBe(round.remindAt);
    expect(reminded.events.at(-1)).toEqual({ at: round.remindAt, by: null, detail: { kind: 'reminded', recipients: [{ id: bo.id, name: 'Bo Forum' }] } });
    await w.clock.advance(HOUR);
    expect(w.notices.filter((n) => n.kind === 'round_reminder')).toHaveLength(1);
  });

  it('is recorded but tells nobody when everyone has answered', async () => {
    const round = await openRound({ recipients: [anna.id] });
    await w.comment(anna, w.items.A, 'A');
    await w.comment(anna, w.items.D, 'D');
    await w.clock.advance(round.remindAt! - w.clock.now());
    expect(w.notices.map((n) => n.kind)).toEqual(['round_opened']);
    expect((await view(round.id)).events.at(-1)!.detail).toEqual({ kind: 'reminded', recipients: [] });
  });

  it('goes again for a deadline moved later after it went, and never for one whose moment has passed', async () => {
    const round = await openRound();
    await w.clock.advance(round.remindAt! - w.clock.now());
    expect(w.notices.filter((n) => n.kind === 'round_reminder')).toHaveLength(1);
    const moved = await w.ok('PATCH', `/api/rounds/${round.id}`, kansli, { deadline: w.deadlineIn(7 * DAY) });
    expect([moved.remindedAt, moved.remindAt]).toEqual([null, moved.deadline - 2 * DAY]);
    await w.clock.advance(5 * DAY);
    expect(w.notices.filter((n) => n.kind === 'round_reminder')).toHaveLength(2);
    await w.clock.advance(2 * DAY);
    expect(w.notices.map((n) => n.kind)).toEqual(['round_opened', 'round_reminder', 'round_reminder', 'round_closed']);
  });
});

describe('closing at the deadline', () => {
  it('fixes the summary as it stood, takes no answer written later, and tells the people asked and the opener', async () => {
    const round = await openRound();
    await w.clock.advance(DAY);
    const first = await w.comment(anna, w.items.A, 'Före stängningen');
    await w.clock.advance(round.deadline - w.clock.now() - 1);
    expect((await view(round.id)).closedAt).toBeNull();
    await w.clock.advance(1);
    const closed = await view(round.id);
    expect([closed.closedAt, closed.closedBy]).toEqual([round.deadline, null]);
    expect(closed.events.at(-1)).toEqual({ at: round.deadline, by: null, detail: { kind: 'closed', early: false, answers: 1 } });
    expect(w.notices.at(-1)).toMatchObject({ kind: 'round_closed', roundId: round.id, items: [{ activity: 'A' }, { activity: 'D' }] });
    expect(w.notices.at(-1)!.recipientIds.sort()).toEqual([anna.id, bo.id, cecilia.id, kansli.id].sort());
    // After the close: a late answer, an edit and a deletion leave the summary as it was.
    await w.comment(bo, w.items.D, 'För sent');
    await w.http('PATCH', `/api/discussion/2025/comments/${first.commentId}`, anna, { body: 'Ändrat efteråt' });
    expect(answerTexts(await view(round.id))).toEqual(['Anna Forum: Före stängningen']);
    const summary = await view(round.id);
    expect(summary.answers[0]).toMatchObject({ itemId: w.items.A, personId: anna.id, at: round.openedAt + DAY, commentId: first.commentId, threadId: first.threadId });
  });

  it('follows a moved deadline: open past the old one, closed at the new one', async () => {
    const round = await openRound({ reminderDays: null });
    await w.ok('PATCH', `/api/rounds/${round.id}`, kansli, { deadline: w.deadlineIn(9 * DAY) });
    await w.clock.advance(8 * DAY);
    expect((await view(round.id)).closedAt).toBeNull();
    await w.clock.advance(DAY);
    expect((await view(round.id)).closedAt).toBe(round.openedAt + 9 * DAY);
  });

  it('waits for nobody on an item deleted from the plan, and keeps it in the summary marked as deleted', async () => {
    const round = await openRound({ recipients: [anna.id] });
    await w.comment(anna, w.items.A, 'Svar på A');
    w.server.sync.getDoc('plan/2025').changeAsServer((doc) => deleteItem(doc, w.items.D), kansli.id);
    const live = await view(round.id);
    expect(live.items.map((i) => [i.activity, i.deleted])).toEqual([['A', false], ['D', true]]);
    expect(roundProgress(live, live.answers).people).toEqual([{ personId: anna.id, answered: [w.items.A], pending: [], done: true }]);
    await w.clock.advance(round.remindAt! - w.clock.now());
    expect(w.notices.map((n) => n.kind)).toEqual(['round_opened']);
    await w.clock.advance(round.deadline - w.clock.now());
    const closed = await view(round.id);
    expect(closed.items.map((i) => [i.activity, i.deleted])).toEqual([['A', false], ['D', true]]);
    expect(w.notices.at(-1)!.items.map((i) => i.activity)).toEqual(['A', 'D']);
  });
});

describe('notices inside the transaction of their event', () => {
  it('leaves no round behind when the opening notice cannot be queued', async () => {
    w.failNotices = true;
    const res = await w.http('POST', '/api/plans/2025/rounds', kansli, { question: 'Q', deadline: w.deadlineIn(DAY * 3), itemIds: [w.items.A], recipients: 'forum' });
    expect(res.status).toBe(500);
    expect([await w.count('rounds'), await w.count('round_items'), await w.count('round_people'), await w.count('round_events')]).toEqual([0, 0, 0, 0]);
  });

  it('keeps a round open and unreminded while its notices fail, and does both once they can be queued', async () => {
    const round = await openRound();
    w.failNotices = true;
    await w.clock.advance(round.remindAt! - w.clock.now());
    expect((await view(round.id)).remindedAt).toBeNull();
    const closing = await w.http('POST', `/api/rounds/${round.id}/close`, kansli);
    expect(closing.status).toBe(500);
    const still = await view(round.id);
    expect([still.closedAt, still.events.map((e) => e.detail.kind), await w.count('round_answers')]).toEqual([null, ['opened'], 0]);
    expect(w.logger.entries.some((e) => e.level === 'error' && e.message.includes('could not be closed or reminded'))).toBe(true);
    w.failNotices = false;
    // The scheduler waits a minute after a failure rather than trying again at once.
    await w.clock.advance(RoundScheduler.RETRY_MS);
    expect(w.notices.map((n) => n.kind)).toEqual(['round_opened', 'round_reminder']);
    await w.clock.advance(round.deadline - w.clock.now());
    expect(w.notices.map((n) => n.kind)).toEqual(['round_opened', 'round_reminder', 'round_closed']);
  });
});

describe('the mails of a round', () => {
  it('are queued in the outbox by the server itself: the opening to everyone asked, the reminder only to those still to answer', async () => {
    const mailed = await roundWorld({ mailed: true });
    try {
      const k = await mailed.person('kansli', 'Karin Kansli');
      const a = await mailed.person('tjanstepersonforum', 'Anna Forum');
      const b = await mailed.person('tjanstepersonforum', 'Bo Forum');
      const round: RoundView = await mailed.ok('POST', '/api/plans/2025/rounds', k, { question: 'Q?', deadline: mailed.deadlineIn(7 * DAY), reminderDays: 2, itemIds: [mailed.items.A], recipients: 'forum' }, 201);
      const roundMails = async () => (await mailed.server.mail.outbox.store.list(100)).filter((m) => m.kind === 'round').map((m) => m.userId).sort();
      expect(await roundMails()).toEqual([a.id, b.id].sort());
      await mailed.comment(a, mailed.items.A, 'Svar');
      await mailed.clock.advance(round.remindAt! - mailed.clock.now());
      expect(await roundMails()).toEqual([a.id, b.id, b.id].sort());
    } finally {
      await mailed.close();
    }
  });
});

describe('restarts', () => {
  it('close a round whose deadline passed while the server was down, at start, once', async () => {
    const round = await openRound();
    await w.comment(anna, w.items.A, 'Svar före driftstoppet');
    await w.server.close();
    // Time passes while the server is down: both the reminder and the deadline.
    await w.clock.advance(8 * DAY);
    w.notices.length = 0;
    await w.restart();
    const closed = await view(round.id);
    expect([closed.closedAt, closed.closedBy, answerTexts(closed)]).toEqual([w.clock.now(), null, ['Anna Forum: Svar före driftstoppet']]);
    // A reminder after the deadline would be pointless: only the close is told.
    expect(w.notices.map((n) => n.kind)).toEqual(['round_closed']);
    await w.restart();
    await w.clock.advance(DAY);
    expect(w.notices.map((n) => n.kind)).toEqual(['round_closed']);
    expect((await view(round.id)).events.map((e) => e.detail.kind)).toEqual(['opened', 'closed']);
  });

  it('send a reminder that fell due while the server was down, at start, once, and close later as planned', async () => {
    const round = await openRound();
    await w.restart();
    await w.clock.advance(0);
    await w.server.close();
    await w.clock.advance(6 * DAY);
    await w.restart();
    expect(w.notices.map((n) => n.kind)).toEqual(['round_opened', 'round_reminder']);
    await w.restart();
    expect(w.notices.map((n) => n.kind)).toEqual(['round_opened', 'round_reminder']);
    await w.clock.advance(round.deadline - w.clock.now());
    expect(w.notices.map((n) => n.kind)).toEqual(['round_opened', 'round_reminder', 'round_closed']);
  });
});
