import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../shared/auth/csrfHeader';
import { updateItem } from '../../shared/plan/itemOps';
import * as Y from 'yjs';
import { parsePlanDocument } from '../../shared/import/parsePlanDocument';
import { blocksToPlainText, readPlainText, writePlainText } from '../../shared/plan/richText';
import { listDirections, listItems, planDirections, planFocus, planStrategy } from '../../shared/plan/schema';
import { connectClient, type SyncClient } from '../helpers/syncClient';
import { storedRows } from '../helpers/storedDoc';
import { waitFor } from '../helpers/waitFor';
import { syncFixture, type Person, type SyncFixture } from './authSyncFixture';
import { sqliteStore } from '../helpers/sqliteStore';

// Hostile HTTP bodies against every route that reads one, and SQL metacharacters in
// every text field, on the real server with real sign-in.

let f: SyncFixture;
let kansli: Person;
let board: Person;
const clients: SyncClient[] = [];
beforeEach(async () => {
  f = await syncFixture();
  kansli = await f.person('kansli', 'Karin Kansli');
  board = await f.person('styrelse', 'Bo Styrelse');
});
afterEach(async () => {
  clients.splice(0).forEach((c) => c.destroy());
  await f.close();
});

async function json(res: Response | Promise<Response>, status = 201) {
  const r = await res;
  const body = await r.json();
  expect(r.status, JSON.stringify(body)).toBe(status);
  return body;
}

/** Everything stored but the sessions' last-seen times, which reading may refresh. */
function fingerprint(): string {
  const db = sqliteStore(f.server.store).db;
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  return JSON.stringify(
    tables.map((t) => [t, t === 'sessions' ? db.prepare('SELECT count(*) FROM sessions').pluck().get() : db.prepare(`SELECT * FROM "${t}"`).all()]),
  );
}

/**
 * Sends a raw body with node:http in pieces, as a browser uploads it, and stops once the
 * answer has come: a server that refuses an oversized body answers before reading it all.
 */
function send(method: string, path: string, who: Person | null, body: string, options: { contentType?: string; chunked?: boolean } = {}) {
  return new Promise<{ status: number; answer: { error?: unknown } }>((resolve, reject) => {
    const url = new URL(path, f.origin.replace('localhost', '127.0.0.1'));
    const bytes = Buffer.from(body);
    const headers: Record<string, string> = {
      origin: f.origin,
      [CSRF_HEADER]: CSRF_HEADER_VALUE,
      'content-type': options.contentType ?? 'application/json',
      ...(who ? { cookie: who.headers.cookie } : {}),
      // Without a Content-Length the body is chunked: the limit must count what arrives.
      ...(options.chunked ? {} : { 'content-length': String(bytes.length) }),
    };
    let answered = false;
    const req = request(url, { method, headers, agent: false }, (res) => {
      answered = true;
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, answer: JSON.parse(text) });
        req.destroy();
      });
    });
    req.on('error', (err) => answered || reject(new Error(`${method} ${path}: ${err.message}`)));
    const write = (offset: number): void => {
      if (answered || offset >= bytes.length) return void req.end();
      req.write(bytes.subarray(offset, offset + 64 * 1024), () => write(offset + 64 * 1024));
    };
    write(0);
  });
}

const twoMegabytes = () => JSON.stringify({ title: 'x'.repeat(2 * 1024 * 1024), body: 'x', email: 'x', note: 'x' });

const BAD_BODIES: [name: string, status: number, body: () => string, options?: { contentType?: string; chunked?: boolean }][] = [
  ['JSON cut short', 400, () => '{"title": "Styrelsemöte", "body": '],
  ['a JSON array', 400, () => '[{"title": "Styrelsemöte"}]'],
  ['a JSON string', 400, () => '"Styrelsemöte"'],
  ['JSON null', 400, () => 'null'],
  ['a form post', 400, () => 'title=Styrelsem%C3%B6te&body=hej', { contentType: 'application/x-www-form-urlencoded' }],
  ['two megabytes', 413, twoMegabytes],
  ['two megabytes without a length', 413, twoMegabytes, { chunked: true }],
];

describe('HTTP bodies of the wrong type or size', () => {
  it('are refused by every route that reads a body, with a clear error, and nothing is stored', async () => {
    const items = listItems(f.server.sync.getDoc('plan/2025').doc);
    const { threadId, commentId } = await json(f.http('POST', `/api/discussion/2025/items/${items[0].id}/threads`, board, { body: 'Första' }));
    const meeting = await json(f.http('POST', '/api/plans/2025/meetings', board, { title: 'Styrelsemöte', date: '2025-05-01', kind: 'styrelsemote', open: true }));
    const snapshot = await json(f.http('POST', '/api/plans/2025/snapshots', board, { note: 'Före' }));
    const routes: [method: string, path: string, who: Person | null][] = [
      ['POST', '/api/auth/sign-in', null],
      ['POST', '/api/auth/link', null],
      ['POST', '/api/auth/link/accept', null],
      ['POST', '/api/users', kansli],
      ['PATCH', `/api/users/${board.id}`, kansli],
      ['POST', `/api/discussion/2025/items/${items[1].id}/threads`, board],
      ['POST', `/api/discussion/2025/threads/${threadId}/comments`, board],
      ['PATCH', `/api/discussion/2025/comments/${commentId}`, board],
      ['POST', '/api/plans/2025/meetings', board],
      ['POST', `/api/meetings/${meeting.id}/close`, board],
      ['POST', '/api/plans/2025/snapshots', board],
      ['POST', `/api/snapshots/${snapshot.id}/new-plan`, kansli],
    ];
    const before = fingerprint();
    for (const [method, path, who] of routes) {
      for (const [name, status, body, options] of BAD_BODIES) {
        const { status: got, answer } = await send(method, path, who, body(), options);
        expect(got, `${name} to ${method} ${path}: ${JSON.stringify(answer)}`).toBe(status);
        expect(answer.error).toEqual({ code: expect.stringMatching(/^[A-Z_]+$/), message: expect.stringMatching(/\S/) });
      }
    }
    expect(fingerprint()).toBe(before);
    expect((await f.http('GET', '/api/plans', board)).status).toBe(200);
  }, 60_000);
});

const SQL = [
  "Robert'); DROP TABLE users;--",
  '" OR ""="',
  "' OR '1'='1' --",
  '1; DELETE FROM doc_updates',
  "%_\\' ESCAPE '\\",
  "'||(SELECT password_hash FROM users LIMIT 1)||'",
];

describe('SQL metacharacters', () => {
  it('in every text field are stored and returned exactly as written, and touch nothing else', async () => {
    // People: name, email and organisation.
    const people = () => sqliteStore(f.server.store).db.prepare('SELECT count(*) FROM users').pluck().get();
    const peopleBefore = people() as number;
    const [name, organisation] = [SQL[0], SQL[1]];
    const email = "o'hara.drop+table@example.se";
    const invited = await json(f.http('POST', '/api/users', kansli, { email, name, organisation, role: 'styrelse' }));
    expect(invited.user).toMatchObject({ name, email, organisation });
    await json(f.http('PATCH', `/api/users/${board.id}`, kansli, { name: SQL[2], organisation: SQL[3] }), 200);
    const users = (await json(f.http('GET', '/api/users', kansli), 200)).users;
    expect(users.find((u: { id: string }) => u.id === board.id)).toMatchObject({ name: SQL[2], organisation: SQL[3] });
    expect(users).toHaveLength(peopleBefore + 1);

    // The plan's own fields (Vad, Hur, Vem, När, status note), its title, a direction's
    // title and the strategy and focus texts, through the websocket.
    const client = await connectClient(f.wsBase, 'plan/2025', { headers: board.headers });
    clients.push(client);
    const item = listItems(client.doc)[0];
    const direction = listDirections(client.doc)[0];
    const [strategy, focus] = [`${SQL[0]}\n${SQL[5]}`, `${SQL[3]}\n${SQL[2]}`];
    updateItem(client.doc, item.id, { activity: SQL[0], how: SQL[1], who: [SQL[2], 'Kansli'], when: SQL[3], statusNote: SQL[4] });
    client.doc.getMap('meta').set('title', SQL[5]);
    client.doc.transact(() => {
      planDirections(client.doc).get(direction.id)!.set('title', SQL[4]);
      writePlainText(planStrategy(client.doc), strategy);
      writePlainText(planFocus(client.doc), focus);
    });
    await waitFor(() => readPlainText(planFocus(f.server.sync.getDoc('plan/2025').doc)) === focus);

    // Meetings and snapshots: title, notes; comments: the body.
    const meeting = await json(f.http('POST', '/api/plans/2025/meetings', board, { title: SQL[1], date: '2025-05-01', kind: 'styrelsemote', open: true }));
    expect(meeting.title).toBe(SQL[1]);
    const { commentId } = await json(f.http('POST', `/api/discussion/2025/items/${item.id}/threads`, board, { body: SQL[0] }));
    await json(f.http('PATCH', `/api/discussion/2025/comments/${commentId}`, board, { body: SQL[5] }), 200);
    const closed = await json(f.http('POST', `/api/meetings/${meeting.id}/close`, board, { note: SQL[2] }), 200);
    expect(closed.snapshot.note).toBe(SQL[2]);
    const saved = await json(f.http('GET', `/api/snapshots/${closed.snapshot.id}`, board), 200);
    const stored = saved.plan.directions.flatMap((d: { items: unknown[] }) => d.items).find((i: { id: string }) => i.id === item.id);
    expect(stored).toMatchObject({ activity: SQL[0], how: SQL[1], who: [SQL[2], 'Kansli'], when: SQL[3], statusNote: SQL[4] });
    expect(saved.plan.title).toBe(SQL[5]);
    expect(saved.plan.directions.map((d: { title: string }) => d.title)).toContain(SQL[4]);
    expect(saved.plan.threads[0].comments[0].body).toBe(SQL[5]);
    const state = await f.http('GET', `/api/snapshots/${closed.snapshot.id}/state`, board);
    const snapshotDoc = new Y.Doc();
    Y.applyUpdate(snapshotDoc, new Uint8Array(await state.arrayBuffer()));
    expect([readPlainText(planStrategy(snapshotDoc)), readPlainText(planFocus(snapshotDoc))]).toEqual([strategy, focus]);
    // The export, read back as the importer reads it.
    const exported = await f.http('GET', '/api/plans/2025/export?format=txt', kansli);
    expect(exported.status).toBe(200);
    const read = parsePlanDocument(await exported.text());
    expect([blocksToPlainText(read.strategy), blocksToPlainText(read.focus)]).toEqual([strategy, focus]);
    expect(read.plan.directions.map((d) => d.title)).toContain(SQL[4]);
    expect(read.plan.directions.flatMap((d) => d.items).find((i) => i.activity === SQL[0])).toMatchObject({ how: SQL[1], when: SQL[3] });
    const listed = (await json(f.http('GET', '/api/plans/2025/meetings', board), 200)).meetings;
    expect(listed.map((m: { title: string }) => m.title)).toEqual([SQL[1]]);

    // A new plan named with them, and the audit trail of the item's fields.
    const next = await json(f.http('POST', `/api/snapshots/${closed.snapshot.id}/new-plan`, kansli, { title: SQL[3], year: 2026 }));
    expect(next.title).toBe(SQL[3]);
    const history = await json(f.http('GET', `/api/plans/2025/items/${item.id}/history`, board), 200);
    expect(JSON.stringify(history)).toContain(JSON.stringify(SQL[3]).slice(1, -1));

    // Signing in with them finds nobody; every table is still there.
    const signIn = await f.http('POST', '/api/auth/sign-in', board, { email: SQL[2], password: SQL[0] });
    expect([400, 401]).toContain(signIn.status);
    expect(people()).toBe(peopleBefore + 1);
    expect(await storedRows(f.server.store)).toBeGreaterThan(0);
  }, 60_000);
});
