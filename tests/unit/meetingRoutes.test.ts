import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorResponse } from '../../server/errorResponse';
import { installMeetings } from '../../server/meetings/installMeetings';
import { recordPlanChanges } from '../../server/audit/recordPlanChanges';
import { stagedAudit, type AuditWriter } from '../../server/store/ChangeStore';
import { SqliteAuditWriter } from '../../server/store/SqliteAuditWriter';
import { appendRows } from '../../server/store/appendRows';
import { DocStore, type UpdateLog } from '../../server/store/DocStore';
import { bindStores, type Stores } from '../../server/store/openStore';
import { PostgresDocStore } from '../../server/store/PostgresDocStore';
import type { Database } from '../../server/store/sql/Sql';
import { SqliteSql } from '../../server/store/sql/SqliteSql';
import { discussionDocName, planDocName } from '../../server/sync/docName';
import { addReply, setThreadResolved, startThread } from '../../shared/discussion/discussionOps';
import { listThreads } from '../../shared/discussion/schema';
import { commentBodyText } from '../../shared/discussion/commentBody';
import { sanitizeCommentBody } from '../../shared/discussion/sanitizeCommentBody';
import { SyncServer } from '../../server/sync/SyncServer';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../shared/auth/csrfHeader';
import type { Role } from '../../shared/auth/roles';
import { setStatus } from '../../shared/plan/itemOps';
import { listItems } from '../../shared/plan/schema';
import { writePlanDocument } from '../../shared/plan/writePlanDocument';
import { readKeyedPlan } from '../../shared/snapshot/readKeyedPlan';
import { smallPlan } from '../helpers/planFixture';
import { authFixture, ORIGIN, type AuthFixture } from './authFixture';

// The meeting routes behind real sign-in: each role against each capability, and the
// author and time of what is stored coming from the session and the server's clock.

/** The documents' rows and the audit trail's writer on the fixture's database, as the server has them on its engine. */
function documentsOn(f: AuthFixture, now: () => number): { docs: UpdateLog; audit: AuditWriter } {
  if (f.db) return { docs: new DocStore(f.sql as SqliteSql, now), audit: new SqliteAuditWriter(f.db) };
  const docs = new PostgresDocStore(f.sql as Database, now);
  return { docs, audit: stagedAudit(docs.staged) };
}

let f: AuthFixture;
let sync: SyncServer;
let cookies: Record<Role, string>;
let ids: Record<Role, string>;

beforeEach(async () => {
  f = await authFixture();
  const now = () => f.clock.now;
  const sql = f.sql;
  const { docs, audit } = documentsOn(f, now);
  const stores = bindStores(sql, now);
  const seed = new Y.Doc();
  writePlanDocument(seed, smallPlan());
  await stores.plans.create({ id: '2025', title: 'Verksamhetsplan 2025', year: 2025 });
  await sql.transaction((tx) => appendRows(tx, planDocName('2025'), [{ update: Y.encodeStateAsUpdate(seed), userId: null }], now()));
  sync = new SyncServer({ docs, logger: f.log, docExists: () => true, onDocLoaded: (doc) => recordPlanChanges(doc, '2025', audit, f.log, now), keepLoadedMs: Infinity });
  // As the server does on PostgreSQL, where documents are read asynchronously: loaded before use.
  await sync.loadDoc(planDocName('2025'));
  await sync.loadDoc(discussionDocName('2025'));
  const transaction = <T>(fn: (tx: Stores) => Promise<T>) => sql.transaction((tx) => fn(bindStores(tx, now)));
  installMeetings(f.app, { store: { ...stores, transaction, on: (tx) => bindStores(tx, now) }, sync, people: f.auth.people, now });
  f.app.onError(errorResponse(f.log));
  const people = {
    styrelse: await f.cookieFor('styrelse', { name: 'Kim Styrelse' }),
    tjanstepersonforum: await f.cookieFor('tjanstepersonforum', { name: 'Anna Forum' }),
    kansli: await f.cookieFor('kansli', { name: 'Karin Kansli' }),
  };
  cookies = { styrelse: people.styrelse.cookie, tjanstepersonforum: people.tjanstepersonforum.cookie, kansli: people.kansli.cookie };
  ids = { styrelse: people.styrelse.id, tjanstepersonforum: people.tjanstepersonforum.id, kansli: people.kansli.id };
});

afterEach(async () => {
  await sync.close(0);
  await f.close();
});

const post = (path: string, role: Role, body: unknown = {}) => f.send('POST', path, body, { cookie: cookies[role] });
const get = (path: string, role?: Role) => f.get(path, role && cookies[role]);
const meeting = { title: 'Strategimöte 1', date: '2025-03-12', kind: 'strategimote' };

describe('meeting routes', () => {
  it('answer 401 to someone not signed in', async () => {
    expect((await get('/api/plans/2025/meetings')).status).toBe(401);
    expect((await f.send('POST', '/api/plans/2025/snapshots', {})).status).toBe(401);
  });

  it('let the forum read the history but not run meetings, save snapshots or restore', async () => {
    const saved = await (await post('/api/plans/2025/snapshots', 'kansli')).json();
    expect((await get('/api/plans/2025/meetings', 'tjanstepersonforum')).status).toBe(200);
    expect((await get('/api/plans/2025/snapshots', 'tjanstepersonforum')).status).toBe(200);
    expect((await get(`/api/snapshots/${saved.id}/compare/current`, 'tjanstepersonforum')).status).toBe(200);
    for (const [path, body] of [
      ['/api/plans/2025/meetings', meeting],
      ['/api/plans/2025/snapshots', {}],
      [`/api/snapshots/${saved.id}/restore`, {}],
      [`/api/snapshots/${saved.id}/new-plan`, { title: 'Handlingsplan 2026', year: 2026 }],
    ] as const) {
      const res = await post(path, 'tjanstepersonforum', body);
      expect([path, res.status]).toEqual([path, 403]);
    }
    expect((await get('/api/plans/2025/snapshots', 'kansli')).status).toBe(200);
    expect((await (await get('/api/plans/2025/snapshots', 'kansli')).json()).snapshots).toHaveLength(1);
  });

  it('let the board run a meeting and save snapshots, but leave restoring to the secretariat', async () => {
    const created = await post('/api/plans/2025/meetings', 'styrelse', { ...meeting, open: true });
    expect(created.status).toBe(201);
    const { id, openedAt } = await created.json();
    expect(openedAt).toEqual(expect.any(Number));
    f.clock.advance(1000);
    await sync.getDoc(planDocName('2025')).changeAsServer((doc) => setStatus(doc, listItems(doc).find((i) => i.activity === 'B')!.id, 'done'), ids.styrelse);
    const { open } = await (await get('/api/plans/2025/meetings', 'tjanstepersonforum')).json();
    expect(open.meeting.id).toBe(id);
    expect(open.changes).toMatchObject([{ activity: 'B', change: { field: 'status', to: 'done' }, people: [{ name: 'Kim Styrelse' }] }]);
    const snap = await post('/api/plans/2025/snapshots', 'styrelse', { note: 'Före beslut' });
    expect(snap.status).toBe(201);
    const snapshot = await snap.json();
    expect(snapshot).toMatchObject({ meetingId: id, createdByName: 'Kim Styrelse', note: 'Före beslut' });
    expect((await post(`/api/snapshots/${snapshot.id}/restore`, 'styrelse')).status).toBe(403);
    expect((await post(`/api/snapshots/${snapshot.id}/new-plan`, 'styrelse', { title: 'Handlingsplan 2026', year: 2026 })).status).toBe(403);
    const closed = await post(`/api/meetings/${id}/close`, 'styrelse', { note: 'Klart' });
    expect(closed.status).toBe(200);
    expect((await closed.json()).snapshot).toMatchObject({ reason: 'closing', meetingId: id });
    expect((await post(`/api/snapshots/${snapshot.id}/restore`, 'kansli')).status).toBe(200);
    const plan = await post(`/api/snapshots/${snapshot.id}/new-plan`, 'kansli', { title: 'Handlingsplan 2026', year: 2026, resetStatuses: true });
    expect(plan.status).toBe(201);
    expect((await get('/api/plans/2026/snapshots', 'tjanstepersonforum')).status).toBe(200);
  });

  it('store the before-meeting snapshot as the person who opens the meeting, and file later snapshots under it', async () => {
    const { id } = await (await post('/api/plans/2025/meetings', 'kansli', meeting)).json();
    f.clock.advance(30_000);
    const opened = await post(`/api/meetings/${id}/open`, 'styrelse', { createdBy: 'someone' });
    expect(opened.status).toBe(200);
    const { snapshots } = await (await get('/api/plans/2025/snapshots', 'tjanstepersonforum')).json();
    expect(snapshots).toMatchObject([{ meetingId: id, reason: 'before_meeting', createdBy: ids.styrelse, createdByName: 'Kim Styrelse', createdAt: f.clock.now }]);
    const named = await post('/api/plans/2025/snapshots', 'kansli', { meetingId: id });
    expect(await named.json()).toMatchObject({ meetingId: id, reason: 'manual', createdByName: 'Karin Kansli' });
    await post(`/api/meetings/${id}/close`, 'styrelse');
    const late = await post('/api/plans/2025/snapshots', 'styrelse', { meetingId: id });
    expect([late.status, (await late.json()).error.code]).toEqual([409, 'MEETING_NOT_OPEN']);
    expect((await (await get('/api/plans/2025/snapshots', 'kansli')).json()).snapshots.map((s: { reason: string }) => s.reason)).toEqual(['closing', 'manual', 'before_meeting']);
  });

  it('take the author from the session and the time from the server, whatever the request says', async () => {
    f.clock.advance(60_000);
    const res = await post('/api/plans/2025/snapshots', 'styrelse', { createdBy: 'someone', createdByName: 'Falsk', createdAt: 1, reason: 'closing' });
    expect(await res.json()).toMatchObject({ createdByName: 'Kim Styrelse', createdAt: f.clock.now, reason: 'manual' });
  });

  it('serve a snapshot’s plain form and its state, to open it read-only', async () => {
    const { id } = await (await post('/api/plans/2025/snapshots', 'kansli')).json();
    await sync.getDoc(planDocName('2025')).changeAsServer((doc) => setStatus(doc, listItems(doc).find((i) => i.activity === 'A')!.id, 'done'), null);
    const res = await get(`/api/snapshots/${id}`, 'tjanstepersonforum');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.json();
    expect(body.snapshot.id).toBe(id);
    expect(body.plan.directions[0].items[0]).toMatchObject({ activity: 'A', status: 'not_started' });
    const state = await get(`/api/snapshots/${id}/state`, 'tjanstepersonforum');
    expect(state.headers.get('content-type')).toBe('application/octet-stream');
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(await state.arrayBuffer()));
    expect(readKeyedPlan(doc)).toEqual(body.plan);
    const diff = await (await get(`/api/snapshots/${id}/compare/current`, 'styrelse')).json();
    expect(diff.items.changed).toMatchObject([{ activity: 'A', status: { from: 'not_started', to: 'done' } }]);
  });

  it('serve a snapshot’s discussion as it was, to read its threads beside its board', async () => {
    const discussion = sync.getDoc(discussionDocName('2025'));
    const itemA = listItems(sync.getDoc(planDocName('2025')).doc).find((i) => i.activity === 'A')!.id;
    const asKim = { actor: { id: ids.styrelse, name: 'Kim Styrelse', role: 'styrelse' as const }, at: f.clock.now };
    let threadId = '';
    discussion.changeAsServer((doc) => ({ threadId } = startThread(doc, itemA, sanitizeCommentBody('Hur går det?'), asKim)), ids.styrelse);
    const { id } = await (await post('/api/plans/2025/snapshots', 'kansli')).json();
    // After the snapshot the discussion moves on: a reply, and the thread resolved.
    discussion.changeAsServer((doc) => {
      addReply(doc, threadId, sanitizeCommentBody('Bra!'), asKim);
      setThreadResolved(doc, threadId, true, asKim);
    }, ids.styrelse);
    const res = await get(`/api/snapshots/${id}/discussion`, 'tjanstepersonforum');
    expect([res.status, res.headers.get('content-type'), res.headers.get('cache-control')]).toEqual([200, 'application/octet-stream', 'no-store']);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(await res.arrayBuffer()));
    expect(listThreads(doc).map((t) => [t.itemId, t.resolved, t.comments.map((c) => [c.authorName, c.body && commentBodyText(c.body)])])).toEqual([[itemA, false, [['Kim Styrelse', 'Hur går det?']]]]);
    expect((await get(`/api/snapshots/${id}/discussion`)).status).toBe(401);
    expect((await get('/api/snapshots/77/discussion', 'kansli')).status).toBe(404);
    expect((await get('/api/snapshots/x/discussion', 'kansli')).status).toBe(400);
  });

  it('answer bad input with a clear error and store nothing', async () => {
    const cases: Array<[string, unknown, number, string]> = [
      ['/api/plans/2025/meetings', { ...meeting, date: '2025-13-01' }, 400, 'INVALID_INPUT'],
      ['/api/plans/2025/meetings', { ...meeting, kind: 'fika' }, 400, 'INVALID_INPUT'],
      ['/api/plans/2025/meetings', [1, 2], 400, 'INVALID_INPUT'],
      ['/api/plans/nej/meetings', meeting, 404, 'PLAN_NOT_FOUND'],
      ['/api/plans/2025/snapshots', { note: 'x'.repeat(2001) }, 400, 'INVALID_INPUT'],
      ['/api/snapshots/77/restore', {}, 404, 'SNAPSHOT_NOT_FOUND'],
      ['/api/snapshots/abc/restore', {}, 400, 'INVALID_INPUT'],
      ['/api/meetings/5/open', {}, 404, 'MEETING_NOT_FOUND'],
    ];
    for (const [path, body, status, code] of cases) {
      const res = await post(path, 'kansli', body);
      expect([path, res.status, (await res.json()).error.code]).toEqual([path, status, code]);
    }
    const broken = await f.send('POST', '/api/plans/2025/snapshots', undefined, { cookie: cookies.kansli, headers: { 'content-type': 'application/json' } });
    expect(broken.status).toBe(201);
    const notJson = await f.app.request('/api/plans/2025/meetings', {
      method: 'POST',
      headers: { origin: ORIGIN, [CSRF_HEADER]: CSRF_HEADER_VALUE, cookie: cookies.kansli, 'content-type': 'application/json' },
      body: '{"title":',
    });
    expect(notJson.status).toBe(400);
    expect((await (await get('/api/plans/2025/meetings', 'kansli')).json()).meetings).toEqual([]);
    expect((await (await get('/api/plans/2025/snapshots', 'kansli')).json()).snapshots).toHaveLength(1);
  });
});
