import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMemoryLogger } from '../../server/logger';
import { startServer } from '../../server/startServer';
import { smallPlan } from '../helpers/planFixture';
import { connectClient, type SyncClient } from '../helpers/syncClient';
import { tempDir } from '../helpers/tempDir';
import { waitFor } from '../helpers/waitFor';
import { syncFixture, type Person, type SyncFixture } from './authSyncFixture';
import { sqliteStore } from '../helpers/sqliteStore';
import type { ServerStore } from '../../server/store/openStore';

// Paths that try to climb out (documents, route parameters, file names, static files),
// forged session cookies and websocket handshakes from other sites, on the real server.
// Requests go out through node:http with the path exactly as written: fetch and ws
// would resolve "..". After each attack the server must answer, two people who had the
// plan open must still exchange changes, and the plan must be exactly as before.

let f: SyncFixture;
let kansli: Person;
let bystanders: Bystanders;
beforeEach(async () => {
  f = await syncFixture();
  kansli = await f.person('kansli');
  bystanders = await openBystanders();
});
afterEach(async () => {
  bystanders.close();
  await f.close();
});

/** Every stored row of every document, byte for byte. */
const storedRows = (server: { store: ServerStore }) =>
  JSON.stringify(sqliteStore(server.store).db.prepare('SELECT id, doc_name, hex("update") AS bytes, user_id FROM doc_updates ORDER BY id').all());

interface Bystanders {
  /** Checks the server is up, the plan (in memory and stored) unchanged, and a change still passes between the two. */
  unaffected(attack: string): Promise<void>;
  /** Takes the plan as it is now as the one to keep, after a change the test made itself. */
  rebase(): void;
  close(): void;
}

/** Two people on the plan before the attacks begin. */
async function openBystanders(): Promise<Bystanders> {
  const board = await f.person('styrelse');
  const [a, b]: SyncClient[] = [await connectClient(f.wsBase, 'plan/2025', { headers: board.headers }), await connectClient(f.wsBase, 'plan/2025', { headers: kansli.headers })];
  const planState = () => Buffer.from(Y.encodeStateAsUpdate(f.server.sync.getDoc('plan/2025').doc));
  let [state, rows, round] = [planState(), storedRows(f.server), 0];
  return {
    async unaffected(attack) {
      expect(planState().equals(state), `the plan after ${attack}`).toBe(true);
      expect(storedRows(f.server), `the stored rows after ${attack}`).toBe(rows);
      expect((await raw(f.server.port, '/api/health')).status, `health after ${attack}`).toBe(200);
      const mark = `Version efter försök ${round++}`;
      a.doc.getMap('meta').set('version', mark);
      await waitFor(() => b.doc.getMap('meta').get('version') === mark, { what: `a change after ${attack}` });
      [state, rows] = [planState(), storedRows(f.server)];
    },
    rebase: () => void ([state, rows] = [planState(), storedRows(f.server)]),
    close: () => [a, b].forEach((c) => c.destroy()),
  };
}

/** Status, headers and body of one request, the path sent byte for byte as given. */
function raw(port: number, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve({ status: res.statusCode ?? 0, headers: res.headers, body: '' });
    });
    req.on('error', reject);
    req.end();
  });
}

const upgrade = (path: string, headers: Record<string, string>) =>
  raw(f.server.port, path, { ...headers, connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==' });

describe('path traversal', () => {
  it('in a websocket document name finds no document', async () => {
    expect((await upgrade('/ws/plan/2025', kansli.headers)).status).toBe(101);
    const attempts = [
      '/ws/plan/../discussion/2025',
      '/ws/plan/2025/../../../etc/passwd',
      '/ws/plan/..%2F..%2Fetc%2Fpasswd',
      '/ws/plan%2F2025',
      '/ws/../ws/plan/2025',
      '/ws/plan/2025%00',
      '/ws/plan/..',
      '/ws/discussion/..%5C..%5Cplanbord.sqlite',
    ];
    for (const path of attempts) {
      expect((await upgrade(path, kansli.headers)).status, path).toBe(404);
      await bystanders.unaffected(path);
    }
  });

  it('in a plan, snapshot or discussion parameter is an unknown id, never a file', async () => {
    const attempts = [
      '/api/plans/..%2F..%2Fetc%2Fpasswd/export?format=txt',
      '/api/plans/%2e%2e/snapshots',
      '/api/plans/..%5C..%5Cplanbord.sqlite/meetings',
      '/api/snapshots/..%2F1',
      '/api/snapshots/1%2F..%2F2/state',
      '/api/discussion/..%2F2025/reads',
      '/api/plans/2025/items/..%2F..%2Fx/history',
    ];
    for (const path of attempts) {
      const res = await raw(f.server.port, path, kansli.headers);
      expect([400, 404], `${path}: ${res.body}`).toContain(res.status);
      expect(JSON.parse(res.body).error.code).toMatch(/^[A-Z_]+$/);
      await bystanders.unaffected(path);
    }
  });

  it('in the plan title gives an export a plain file name, without folders or extra headers', async () => {
    const board = await f.person('styrelse');
    const client = await connectClient(f.wsBase, 'plan/2025', { headers: board.headers });
    try {
      client.doc.getMap('meta').set('title', '../../etc/passwd\r\nSet-Cookie: planbord_session=stulen ..\\..\\Windows');
      await waitFor(() => String(f.server.sync.getDoc('plan/2025').doc.getMap('meta').get('title')).includes('Windows'));
    } finally {
      client.destroy();
    }
    bystanders.rebase();
    const res = await raw(f.server.port, '/api/plans/2025/export?format=md', kansli.headers);
    expect(res.status).toBe(200);
    await bystanders.unaffected('the export');
    const disposition = String(res.headers['content-disposition']);
    const name = /filename="([^"]*)"/.exec(disposition)![1];
    const utf8Name = decodeURIComponent(/filename\*=UTF-8''(.*)$/.exec(disposition)![1]);
    for (const fileName of [name, utf8Name]) {
      expect(fileName).not.toMatch(/[\\/\r\n]/);
      expect(fileName).toMatch(/\.md$/);
    }
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('in a static file path serves nothing from outside the built client', async () => {
    const dir = tempDir('planbord-static-');
    const clientDir = join(dir.path, 'client');
    mkdirSync(join(clientDir, 'assets'), { recursive: true });
    writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>Planbord</title>');
    writeFileSync(join(clientDir, 'assets', 'app-1.js'), 'console.log(1)');
    writeFileSync(join(dir.path, 'secret.txt'), 'the data folder is next door');
    const server = await startServer({ port: 0, dataDir: join(dir.path, 'data'), clientDir, logger: createMemoryLogger(), seed: smallPlan });
    const rows = storedRows(server);
    try {
      expect((await raw(server.port, '/assets/app-1.js')).body).toBe('console.log(1)');
      const attempts = [
        '/../secret.txt',
        '/assets/../../secret.txt',
        '/%2e%2e/secret.txt',
        '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
        '/..%5csecret.txt',
        '/assets/..%5c..%5csecret.txt',
        '/%252e%252e/secret.txt',
        '/assets/..%2f..%2fdata%2fplanbord.sqlite',
        '/..%2f..%2f..%2f..%2fetc%2fpasswd',
        '//etc/passwd',
      ];
      for (const path of attempts) {
        const res = await raw(server.port, path);
        expect([200, 400, 404], path).toContain(res.status);
        expect(res.body, path).not.toContain('next door');
        expect(res.body, path).not.toContain('SQLite format');
        expect(res.body, path).not.toMatch(/root:.*:0:0:/);
        expect((await raw(server.port, '/api/health')).status, path).toBe(200);
        expect(storedRows(server), path).toBe(rows);
      }
    } finally {
      await server.close();
      dir.remove();
    }
  });
});

describe('forged session cookies', () => {
  it('are refused over HTTP and on the websocket, however close to a real one', async () => {
    const board = await f.person('styrelse');
    const token = board.headers.cookie.split('=')[1];
    const hash = sqliteStore(f.server.store).db.prepare('SELECT id_hash FROM sessions WHERE user_id = ?').pluck().get(board.id) as string;
    const signedOut = await f.person('styrelse');
    expect((await f.http('POST', '/api/auth/sign-out', signedOut)).status).toBe(204);
    const forged = [
      // What a stolen copy of the database holds, in the shape of a cookie.
      `planbord_session=${Buffer.from(hash, 'hex').toString('base64url')}`,
      `planbord_session=${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`,
      signedOut.headers.cookie,
      `planbord_session=' OR '1'='1`,
      `planbord_session=${token}x`,
      `__Host-planbord_session=${'A'.repeat(43)}`,
    ];
    expect((await raw(f.server.port, '/api/me', { cookie: board.headers.cookie })).status).toBe(200);
    for (const cookie of forged) {
      expect((await raw(f.server.port, '/api/me', { cookie })).status, cookie).toBe(401);
      expect((await raw(f.server.port, '/api/plans', { cookie })).status, cookie).toBe(401);
      expect((await upgrade('/ws/plan/2025', { cookie, origin: f.origin })).status, cookie).toBe(401);
      await bystanders.unaffected(cookie);
    }
  });
});

describe('cross-site websocket hijacking', () => {
  it('is refused for every origin but our own, on the plan and on its discussion, with a valid session', async () => {
    const port = new URL(f.origin).port;
    const origins = [
      `${f.origin}.evil.example`,
      `${f.origin}/`,
      `https://localhost:${port}`,
      `http://localhost:${Number(port) + 1}`,
      `http://sub.localhost:${port}`,
      'file://',
    ];
    for (const doc of ['plan/2025', 'discussion/2025']) {
      expect((await upgrade(`/ws/${doc}`, kansli.headers)).status).toBe(101);
      for (const origin of origins) {
        expect((await upgrade(`/ws/${doc}`, { ...kansli.headers, origin })).status, `${doc} ${origin}`).toBe(403);
        await bystanders.unaffected(`${doc} from ${origin}`);
      }
    }
  });
});
