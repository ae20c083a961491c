import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { listThreads } from '../../shared/discussion/schema';
import type { WhatsNewReport } from '../../shared/discussion/WhatsNewReport';
import { addItem, deleteItem, moveItem, setPriority, setStatus, updateItem } from '../../shared/plan/itemOps';
import { listDirections } from '../../shared/plan/schema';
import { commentServer, PLAN, type CommentServer, type Person } from './commentServer';
import { waitFor } from '../helpers/waitFor';

// "Nytt sedan ditt senaste besök" for the reader who comes by once a week: what others
// wrote and changed since the reader last marked the news seen, with their names.

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
let s: CommentServer;
let reader: Person;
let forum: Person;
let board: Person;

async function start(options: { compactThreshold?: number } = {}) {
  s = await commentServer(options);
  reader = await s.person('styrelse', 'Rut Läsare');
  forum = await s.person('tjanstepersonforum', 'Frida Forum');
  board = await s.person('styrelse', 'Sara Styrelse');
}
afterEach(() => s.close());

/** A change to the plan as a person's board would make it: stored with their id and the server's time. */
const changePlan = (who: Person, change: (doc: Y.Doc) => void) => s.sync.getDoc(`plan/${PLAN}`).changeAsServer(change, who.id);
const news = async (who: Person) => (await (await s.send('GET', `${PLAN}/news`, who)).json()) as WhatsNewReport;
const markSeen = async (who: Person, body?: unknown) => s.send('POST', `${PLAN}/news/seen`, who, body);
const comment = (who: Person, item: string, body: unknown) => s.send('POST', `${PLAN}/items/${s.items[item]}/threads`, who, { body });
/** Each item's changes as [change, names], by the item's activity. */
const changesOf = (report: WhatsNewReport) => Object.fromEntries(report.items.map((i) => [i.activity, i.changes.map((c) => [c.change, c.names])]));

describe('new since your last visit', () => {
  it('lists, item by item, what others wrote and changed after the reader last marked it seen, and nothing from before', async () => {
    await start();
    await comment(forum, 'A', 'Gammal kommentar');
    changePlan(board, (doc) => setPriority(doc, s.items.B, 2));
    s.clock.now += HOUR;
    const lastWeek = await news(reader);
    expect(lastWeek.items.map((i) => i.activity)).toEqual(['A', 'B']); // never marked: the last week
    expect((await (await markSeen(reader, { until: lastWeek.until })).json()).since).toBe(lastWeek.until);

    s.clock.now += 3 * DAY;
    await comment(forum, 'C', { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Vad tycker ' }, { type: 'mention', attrs: { id: reader.id, label: 'x' } }] }] });
    s.clock.now += 60_000;
    changePlan(board, (doc) => setStatus(doc, s.items.A, 'done'));
    changePlan(board, (doc) => setPriority(doc, s.items.A, 3));
    changePlan(reader, (doc) => setStatus(doc, s.items.B, 'paused')); // one's own change is not news
    await comment(reader, 'B', 'Mitt eget'); // nor one's own comment
    s.clock.now += 4 * DAY;

    const report = await news(reader);
    expect(report).toMatchObject({ since: lastWeek.until, until: s.clock.now });
    expect(report.items.map((i) => i.activity)).toEqual(['A', 'C']);
    const [a, c] = report.items;
    expect(changesOf(report).A).toEqual([
      [{ field: 'status', from: 'not_started', to: 'done' }, ['Sara Styrelse']],
      [{ field: 'priority', from: 1, to: 3 }, ['Sara Styrelse']],
    ]);
    expect(a.comments).toEqual([]); // "Gammal kommentar" was before the visit
    expect(c.comments).toEqual([expect.objectContaining({ authorName: 'Frida Forum', excerpt: 'Vad tycker @Rut Läsare', mentionsYou: true, reply: false })]);
  });

  it('names who changed what after a week of editing was compacted, and leaves out the reader’s own changes', async () => {
    await start({ compactThreshold: 3 });
    await markSeen(reader);
    s.clock.now += DAY;
    changePlan(board, (doc) => setPriority(doc, s.items.A, 2));
    changePlan(reader, (doc) => setStatus(doc, s.items.E, 'in_progress'));
    for (const [i, when] of ['Mars', 'April', 'Maj', 'Juni', 'Hösten'].entries()) {
      s.clock.now += 10 * 60_000 * (i + 1);
      changePlan(forum, (doc) => updateItem(doc, s.items.D, { when }));
    }
    const rowsBy = s.store.db.prepare('SELECT count(*) FROM doc_updates WHERE doc_name = ? AND user_id = ?').pluck();
    // Compaction runs on another thread after the changes are sent on.
    await waitFor(() => rowsBy.get(`plan/${PLAN}`, board.id) === 0, { what: 'compaction' }); // Sara's row was merged and lost her name

    s.clock.now += 6 * DAY;
    const report = await news(reader);
    expect(report.items.map((i) => i.activity)).toEqual(['A', 'D']);
    expect(changesOf(report)).toEqual({
      A: [[{ field: 'priority', from: 1, to: 2 }, ['Sara Styrelse']]],
      D: [[{ field: 'when', from: 'Löpande', to: 'Hösten' }, ['Frida Forum']]],
    });
  });

  it('shows new, moved and deleted items in plan order, deleted last, each change with who and when', async () => {
    await start();
    await markSeen(reader);
    s.clock.now += HOUR;
    const [, second] = listDirections(s.sync.getDoc(`plan/${PLAN}`).doc);
    let added = '';
    changePlan(board, (doc) => void (added = addItem(doc, { directionId: second.id, activity: 'Ny aktivitet' })));
    const movedAt = (s.clock.now += 60_000);
    changePlan(forum, (doc) => moveItem(doc, s.items.B, { directionId: second.id }));
    changePlan(board, (doc) => deleteItem(doc, s.items.C));
    s.clock.now += HOUR;

    const report = await news(reader);
    expect(report.items.map((i) => [i.activity, i.direction, i.deleted])).toEqual([
      ['Ny aktivitet', 'Pådrivare och opinionsbildare', false],
      ['B', 'Pådrivare och opinionsbildare', false], // moved to the end of its new direction
      ['C', 'Förebild och föregångare', true],
    ]);
    expect(report.items[0].itemId).toBe(added);
    expect(report.items[1].changes).toEqual([
      { change: { field: 'direction', from: 'Förebild och föregångare', to: 'Pådrivare och opinionsbildare' }, names: ['Frida Forum'], at: movedAt },
    ]);
    expect(changesOf(report)['Ny aktivitet']).toEqual([[{ field: 'created' }, ['Sara Styrelse']]]);
    expect(changesOf(report).C).toEqual([[{ field: 'deleted' }, ['Sara Styrelse']]]);
  });

  it('moves only when the reader marks it seen: up to the report read, never past now, never back', async () => {
    await start();
    await markSeen(reader);
    const marked = s.clock.now;
    s.clock.now += HOUR;
    await comment(forum, 'A', 'Första');
    s.clock.now += HOUR;
    // Reading the news or the discussion is no visit: what is new stays new.
    await s.send('GET', `${PLAN}/reads`, reader);
    await s.send('POST', `${PLAN}/items/${s.items.B}/read`, reader);
    const report = await news(reader);
    expect(report.since).toBe(marked);
    expect((await news(reader)).items.map((i) => i.comments.length)).toEqual([1]);

    // A comment arrives while the reader reads the report: marking that report seen keeps it new.
    s.clock.now += 60_000;
    await comment(forum, 'A', 'Medan du läste');
    s.clock.now += 60_000;
    expect((await (await markSeen(reader, { until: report.until })).json()).since).toBe(report.until);
    expect((await news(reader)).items[0].comments.map((c) => c.excerpt)).toEqual(['Medan du läste']);

    const now = s.clock.now;
    expect((await (await markSeen(reader, { until: now + DAY })).json()).since).toBe(now);
    expect((await (await markSeen(reader, { until: marked })).json()).since).toBe(now);
    expect((await news(reader)).items).toEqual([]);

    for (const bad of [{ until: 'igår' }, { until: -1 }, { until: 1.5 }, '{inte json', '[1]']) {
      const res = await markSeen(reader, bad);
      expect([res.status, (await res.json()).error.code]).toEqual([400, 'INVALID_INPUT']);
    }
    expect((await markSeen(forum, { until: now })).status).toBe(200); // each person's own
    expect((await news(reader)).since).toBe(now);
  });

  it('keeps the comments of a deleted item readable, closed to new threads and replies, and names it in the news', async () => {
    await start();
    await markSeen(reader);
    s.clock.now += 2 * HOUR;
    const { threadId } = await (await comment(forum, 'D', 'Om D')).json();
    changePlan(board, (doc) => deleteItem(doc, s.items.D));

    expect(listThreads(s.discussion(), s.items.D)[0].comments[0].authorName).toBe('Frida Forum');
    const reply = await s.send('POST', `${PLAN}/threads/${threadId}/comments`, forum, { body: 'Svar' });
    expect([reply.status, (await reply.json()).error.code]).toEqual([404, 'ITEM_NOT_FOUND']);
    const another = await comment(forum, 'D', 'Ny');
    expect(another.status).toBe(404);

    s.clock.now += 2 * HOUR;
    const [d] = (await news(reader)).items;
    expect(d).toMatchObject({ activity: 'D', deleted: true });
    expect(d.changes.map((x) => [x.change.field, x.names])).toEqual([['deleted', ['Sara Styrelse']]]);
    expect(d.comments).toHaveLength(1);
    // Its discussion can still be read, and marked read.
    expect((await s.send('POST', `${PLAN}/items/${s.items.D}/read`, reader)).status).toBe(200);
  });
});
