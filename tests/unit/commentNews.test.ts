import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { listThreads } from '../../shared/discussion/schema';
import type { WhatsNewReport } from '../../shared/discussion/WhatsNewReport';
import { deleteItem, setPriority, setStatus } from '../../shared/plan/itemOps';
import { commentServer, PLAN, type CommentServer, type Person } from './commentServer';

const HOUR = 60 * 60 * 1000;
let s: CommentServer;
let reader: Person;
let forum: Person;
let board: Person;

beforeEach(async () => {
  s = await commentServer();
  reader = s.person('styrelse', 'Rut Läsare');
  forum = s.person('tjanstepersonforum', 'Frida Forum');
  board = s.person('styrelse', 'Sara Styrelse');
});
afterEach(() => s.close());

/** A change to the plan as a person's board would make it: stored with their id and the server's time. */
const changePlan = (who: Person, change: (doc: Y.Doc) => void) => s.sync.getDoc(`plan/${PLAN}`).changeAsServer(change, who.id);
const news = async (who: Person) => (await (await s.send('GET', `${PLAN}/news`, who)).json()) as WhatsNewReport;

describe('new since your last visit', () => {
  it('lists, item by item, what others wrote and changed after the previous visit ended', async () => {
    await s.send('GET', `${PLAN}/reads`, reader); // the reader's visit
    const visitEnded = s.clock.now;
    s.clock.now += 3 * 24 * HOUR;
    await s.send('POST', `${PLAN}/items/${s.items.C}/threads`, forum, {
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Vad tycker ' }, { type: 'mention', attrs: { id: reader.id, label: 'x' } }] }] },
    });
    s.clock.now += 60_000;
    changePlan(board, (doc) => setStatus(doc, s.items.A, 'done'));
    changePlan(board, (doc) => setPriority(doc, s.items.A, 3));
    changePlan(reader, (doc) => setStatus(doc, s.items.B, 'paused')); // one's own change is not news
    await s.send('POST', `${PLAN}/items/${s.items.B}/threads`, reader, { body: 'Mitt eget' }); // nor one's own comment
    s.clock.now += 4 * 24 * HOUR;

    const report = await news(reader);
    expect(report.since).toBe(visitEnded);
    expect(report.items.map((i) => i.activity)).toEqual(['A', 'C']);
    const [a, c] = report.items;
    expect(a.changes.map((x) => [x.change, x.names])).toEqual([
      [{ field: 'status', from: 'not_started', to: 'done' }, ['Sara Styrelse']],
      [{ field: 'priority', from: 1, to: 3 }, ['Sara Styrelse']],
    ]);
    expect(c.comments).toEqual([expect.objectContaining({ authorName: 'Frida Forum', excerpt: 'Vad tycker @Rut Läsare', mentionsYou: true, reply: false })]);
  });

  it('still lists the plan changes after their stored updates were compacted, without names', async () => {
    await s.send('GET', `${PLAN}/reads`, reader);
    s.clock.now += 2 * 24 * HOUR;
    changePlan(board, (doc) => setStatus(doc, s.items.E, 'in_progress'));
    changePlan(forum, (doc) => setPriority(doc, s.items.E, 2));
    expect(s.store.docs.compact(`plan/${PLAN}`).rowsBefore).toBeGreaterThan(1);
    s.clock.now += 2 * 24 * HOUR;
    const [e] = (await news(reader)).items;
    expect(e.activity).toBe('E');
    expect(e.changes.map((x) => [x.change, x.names])).toEqual([
      [{ field: 'status', from: 'not_started', to: 'in_progress' }, []],
      [{ field: 'priority', from: null, to: 2 }, []],
    ]);
  });

  it('stays put during a visit, and starts afresh when the person marks everything seen', async () => {
    await s.send('GET', `${PLAN}/reads`, reader);
    s.clock.now += 2 * HOUR;
    await s.send('POST', `${PLAN}/items/${s.items.A}/threads`, forum, { body: 'Hej' });
    s.clock.now += 2 * HOUR;
    expect((await news(reader)).items).toHaveLength(1);
    s.clock.now += 10 * 60_000;
    expect((await news(reader)).items).toHaveLength(1); // the same visit: still listed
    const seen = await (await s.send('POST', `${PLAN}/news/seen`, reader)).json();
    expect(seen.since).toBe(s.clock.now);
    expect((await news(reader)).items).toEqual([]);
  });

  it('keeps the comments of a deleted item readable, closed to new threads and replies, and names it in the news', async () => {
    await s.send('GET', `${PLAN}/reads`, reader);
    s.clock.now += 2 * HOUR;
    const { threadId } = await (await s.send('POST', `${PLAN}/items/${s.items.D}/threads`, forum, { body: 'Om D' })).json();
    changePlan(board, (doc) => deleteItem(doc, s.items.D));

    expect(listThreads(s.discussion(), s.items.D)[0].comments[0].authorName).toBe('Frida Forum');
    const reply = await s.send('POST', `${PLAN}/threads/${threadId}/comments`, forum, { body: 'Svar' });
    expect([reply.status, (await reply.json()).error.code]).toEqual([404, 'ITEM_NOT_FOUND']);
    const another = await s.send('POST', `${PLAN}/items/${s.items.D}/threads`, forum, { body: 'Ny' });
    expect(another.status).toBe(404);

    s.clock.now += 2 * HOUR;
    const [d] = (await news(reader)).items;
    expect(d).toMatchObject({ activity: 'D', deleted: true });
    expect(d.changes.map((x) => x.change.field)).toEqual(['deleted']);
    expect(d.comments).toHaveLength(1);
    // Its discussion can still be read, and marked read.
    expect((await s.send('POST', `${PLAN}/items/${s.items.D}/read`, reader)).status).toBe(200);
  });
});
