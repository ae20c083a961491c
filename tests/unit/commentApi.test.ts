import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commentBodyText } from '../../shared/discussion/commentBody';
import { listThreads } from '../../shared/discussion/schema';
import { DiscussionStore } from '../../server/store/DiscussionStore';
import { SyncServer } from '../../server/sync/SyncServer';
import { createMemoryLogger } from '../../server/logger';
import { commentServer, PLAN, type CommentServer, type Person } from './commentServer';

const doc = (...paragraphs: unknown[]) => ({ type: 'doc', content: paragraphs.map((content) => ({ type: 'paragraph', content })) });
const text = (t: string, marks?: unknown[]) => (marks ? { type: 'text', text: t, marks } : { type: 'text', text: t });

let s: CommentServer;
let forum: Person;
let board: Person;

beforeEach(async () => {
  s = await commentServer();
  forum = await s.person('tjanstepersonforum', 'Frida Forum');
  board = await s.person('styrelse', 'Sara Styrelse');
});
afterEach(() => s.close());

const stored = () => s.store.docs.count(`discussion/${PLAN}`);
const state = () => Buffer.from(Y.encodeStateAsUpdate(s.discussion())).toString('base64');
const start = (who: Person, body: unknown, item = s.items.A) => s.send('POST', `${PLAN}/items/${item}/threads`, who, { body });

describe('the comment API', () => {
  it('writes a comment with the author from the session and the time from the server, whatever the request claims', async () => {
    const res = await s.send('POST', `${PLAN}/items/${s.items.A}/threads`, forum, {
      body: doc([text('Hur går det med '), text('detta', [{ type: 'bold' }]), text('?')]),
      authorId: board.id,
      authorName: 'Ordföranden',
      createdAt: 0,
    });
    expect(res.status).toBe(201);
    const { threadId, commentId } = await res.json();
    const [thread] = listThreads(s.discussion(), s.items.A);
    expect(thread.id).toBe(threadId);
    expect(thread.comments[0]).toMatchObject({ id: commentId, authorId: forum.id, authorName: 'Frida Forum', createdAt: s.clock.now, parentId: null });
    expect(commentBodyText(thread.comments[0].body!)).toBe('Hur går det med detta?');
    expect(stored()).toBe(1);
  });

  it('replies hang under the opening comment, one level deep', async () => {
    const { threadId, commentId } = await (await start(forum, 'Fråga')).json();
    s.clock.now += 60_000;
    const res = await s.send('POST', `${PLAN}/threads/${threadId}/comments`, board, { body: 'Svar' });
    expect(res.status).toBe(201);
    const [thread] = listThreads(s.discussion());
    expect(thread.comments.map((c) => [c.authorName, c.parentId, commentBodyText(c.body!)])).toEqual([
      ['Frida Forum', null, 'Fråga'],
      ['Sara Styrelse', commentId, 'Svar'],
    ]);
  });

  it('refuses bad input with a clear error and stores nothing of it', async () => {
    const { threadId } = await (await start(forum, 'Första')).json();
    const before = state();
    const rowsBefore = stored();
    const cases: Array<[Promise<Response>, number, string]> = [
      [start(forum, ''), 400, 'EMPTY_COMMENT'],
      [start(forum, doc([text('   ')])), 400, 'EMPTY_COMMENT'],
      [start(forum, 'x'.repeat(20_001)), 400, 'COMMENT_TOO_LONG'],
      [start(forum, 'hej', 'nosuchitem'), 404, 'ITEM_NOT_FOUND'],
      [start(forum, 'hej', '<script>'), 400, 'INVALID_INPUT'],
      [s.send('POST', `${PLAN}/threads/nosuchthread/comments`, forum, { body: 'hej' }), 404, 'THREAD_NOT_FOUND'],
      [s.send('POST', `1999/items/${s.items.A}/threads`, forum, { body: 'hej' }), 404, 'PLAN_NOT_FOUND'],
      [start(forum, 42), 400, 'INVALID_BODY'],
      [start(forum, { type: 'doc', content: [{ type: 'image', attrs: { src: 'x' } }] }), 400, 'INVALID_BODY'],
      [s.send('POST', `${PLAN}/items/${s.items.A}/threads`, forum, { text: 'no body field' }), 400, 'INVALID_INPUT'],
      [s.send('POST', `${PLAN}/items/${s.items.A}/threads`, forum, '{not json'), 400, 'INVALID_INPUT'],
      [s.send('POST', `${PLAN}/items/${s.items.A}/threads`, forum, '[1,2]'), 400, 'INVALID_INPUT'],
      [s.send('PATCH', `${PLAN}/comments/nosuchcomment`, forum, { body: 'hej' }), 404, 'COMMENT_NOT_FOUND'],
      [s.send('POST', `${PLAN}/threads/${threadId}/comments`, forum, { body: 'x'.repeat(600_000) }), 413, 'COMMENT_TOO_LONG'],
    ];
    for (const [response, status, code] of cases) {
      const res = await response;
      expect({ status: res.status, code: (await res.json()).error?.code }).toEqual({ status, code });
    }
    expect(state()).toBe(before);
    expect(stored()).toBe(rowsBefore);
  });

  it('accepts exactly 20,000 characters', async () => {
    expect((await start(forum, doc([text('a'.repeat(10_000))], [text('b'.repeat(10_000))]))).status).toBe(201);
  });

  it('keeps markup meant to run script inert, and refuses script links', async () => {
    const html = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    expect((await start(forum, html)).status).toBe(201);
    expect((await start(forum, doc([text(html)]))).status).toBe(201);
    const bodies = listThreads(s.discussion()).map((t) => t.comments[0].body);
    // Stored as one text node: the characters, never elements.
    for (const body of bodies) expect(body).toEqual({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: html }] }] });

    for (const href of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', 'data:text/html;base64,PHNjcmlwdD4=']) {
      const res = await start(forum, doc([text('klicka', [{ type: 'link', attrs: { href } }])]));
      expect([res.status, (await res.json()).error.code]).toEqual([400, 'UNSAFE_LINK']);
    }
    // A mention shows the person's real name, not what the request calls them.
    const res = await start(forum, doc([{ type: 'mention', attrs: { id: board.id, label: '<img src=x onerror=alert(1)>' } }]));
    expect(res.status).toBe(201);
    const { threadId } = await res.json();
    const mention = listThreads(s.discussion()).find((t) => t.id === threadId)!.comments[0];
    expect(commentBodyText(mention.body!)).toBe('@Sara Styrelse');
    expect(mention.mentions).toEqual([board.id]);
  });

  it('needs a signed-in person and the app’s own requests', async () => {
    expect((await start(null as unknown as Person, 'hej')).status).toBe(401);
    const res = await s.send('POST', `${PLAN}/items/${s.items.A}/threads`, forum, { body: 'hej' }, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(stored()).toBe(0);
  });

  it('keeps comments and read state in SQLite across a restart', async () => {
    const { threadId } = await (await start(forum, 'Sparas detta?')).json();
    await s.send('POST', `${PLAN}/threads/${threadId}/comments`, board, { body: 'Ja.' });
    s.clock.now += 1000;
    const read = await (await s.send('POST', `${PLAN}/items/${s.items.A}/read`, forum)).json();
    expect(read.readAt).toBe(s.clock.now);
    await s.sync.close(0);
    // A fresh registry on the same database: the document is loaded from its rows.
    const again = new SyncServer({ docs: s.store.docs, logger: createMemoryLogger(), docExists: () => true });
    const reloaded = again.getDoc(`discussion/${PLAN}`).doc;
    expect(listThreads(reloaded)[0].comments.map((c) => commentBodyText(c.body!))).toEqual(['Sparas detta?', 'Ja.']);
    expect(await new DiscussionStore(s.store.sql).readsOf(forum.id, PLAN)).toEqual({ [s.items.A]: s.clock.now });
    await again.close(0);
  });

  it('tells each person what is unread on each item', async () => {
    await start(forum, 'Ett');
    s.clock.now += 1000;
    await s.send('POST', `${PLAN}/items/${s.items.A}/read`, board);
    const reads = await (await s.send('GET', `${PLAN}/reads`, board)).json();
    expect(reads.reads).toEqual({ [s.items.A]: s.clock.now });
    const forumReads = await (await s.send('GET', `${PLAN}/reads`, forum)).json();
    expect(forumReads.reads).toEqual({});
    expect((await s.send('POST', `${PLAN}/items/nosuchitem/read`, board)).status).toBe(404);
  });

  it('lists the people one can mention, without deactivated ones', async () => {
    const gone = await s.person('styrelse', 'Avslutad Person');
    await s.auth.people.updateUser(gone.id, { active: false }, s.clock.now);
    const res = await s.send('GET', 'people', forum);
    const names = (await res.json()).people.map((p: { name: string }) => p.name);
    expect(names).toEqual(['Frida Forum', 'Sara Styrelse']);
  });
});
