import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { DEFAULT_AUTH_CONFIG } from '../../server/auth/authConfig';
import { createAuth, type Auth } from '../../server/auth/createAuth';
import { sessionCookieName } from '../../server/auth/sessionCookie';
import { createMemoryLogger } from '../../server/logger';
import { StoreError } from '../../server/store/StoreError';
import { openStore, type Store } from '../../server/store/openStore';
import { tempDir } from '../helpers/tempDir';

let dir: ReturnType<typeof tempDir>;
let store: Store;
let clientDir: string;
let auth: Auth;
/** The session cookie of a signed-in board member: every API path but health needs one. */
let signedIn: { cookie: string };

beforeEach(async () => {
  dir = tempDir();
  store = openStore(join(dir.path, 'data'));
  clientDir = join(dir.path, 'client');
  mkdirSync(join(clientDir, 'assets'), { recursive: true });
  writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>Planbord</title>');
  writeFileSync(join(clientDir, 'assets', 'index-abc123.js'), 'console.log(1)');
  auth = createAuth({ sql: store.sql, config: { ...DEFAULT_AUTH_CONFIG, publicOrigin: 'http://localhost:8787' }, log: createMemoryLogger() });
  await auth.people.createUser({ id: 'u1', email: 'board@example.se', name: 'Board Member', organisation: '', role: 'styrelse' }, Date.now());
  signedIn = { cookie: `${sessionCookieName('http://localhost:8787')}=${await auth.sessions.start('u1')}` };
});
afterEach(() => {
  store.close();
  dir.remove();
});

const app = (extra: Partial<Parameters<typeof createApp>[0]> = {}) =>
  createApp({ store, auth, logger: createMemoryLogger(), version: '1.2.3', startedAt: 1_000, now: () => 61_000, clientDir, ...extra });

describe('HTTP app', () => {
  it('answers /api/health with 200 and the version, uptime and sync figures', async () => {
    const res = await app({ syncStats: () => ({ documents: 2, connections: 5 }) }).request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      ok: true,
      version: '1.2.3',
      uptimeSeconds: 60,
      database: 'ok',
      redis: null,
      sync: { documents: 2, connections: 5 },
    });
  });

  it('answers /api/health with 503 when the database is gone', async () => {
    const a = app();
    store.close();
    const res = await a.request('/api/health');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ ok: false, database: 'unavailable' });
  });

  it('lists the plans to a signed-in person', async () => {
    store.plans.create({ id: '2025', title: 'Verksamhetsplan 2025', year: 2025 });
    expect((await app().request('/api/plans')).status).toBe(401);
    const res = await app().request('/api/plans', { headers: signedIn });
    expect(await res.json()).toEqual({ plans: [{ id: '2025', title: 'Verksamhetsplan 2025', year: 2025 }] });
  });

  it('serves hashed assets for ever and the page with revalidation, falling back to it for app routes', async () => {
    const a = app();
    const asset = await a.request('/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    for (const path of ['/', '/plan/2025', '/people']) {
      const page = await a.request(path);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<title>Planbord</title>');
      expect(page.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('answers missing files, API paths and traversal attempts with 404, never with the page', async () => {
    writeFileSync(join(dir.path, 'secret.txt'), 'not for the web');
    const a = app();
    const attempts = ['/..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt'];
    for (const path of ['/assets/missing-1.js', '/api/nothing', ...attempts]) {
      const res = await a.request(path, { headers: signedIn });
      expect(res.status, path).toBe(404);
      const body = await res.text();
      expect(body).not.toContain('<title>');
      expect(body).not.toContain('not for the web');
    }
  });

  it('says so when the client has not been built', async () => {
    const res = await app({ clientDir: join(dir.path, 'nowhere') }).request('/');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ error: { code: 'CLIENT_NOT_BUILT' } });
  });

  it('turns typed errors into JSON with their status, and anything else into a bare 500', async () => {
    const logger = createMemoryLogger();
    const a = app({ logger });
    a.get('/api/typed', () => {
      throw new StoreError('PLAN_EXISTS', 'a plan with id 2025 already exists');
    });
    a.get('/api/bug', () => {
      throw new Error('secret internals');
    });
    const typed = await a.request('/api/typed', { headers: signedIn });
    expect(typed.status).toBe(409);
    expect(await typed.json()).toEqual({ error: { code: 'PLAN_EXISTS', message: 'a plan with id 2025 already exists' } });
    const bug = await a.request('/api/bug', { headers: signedIn });
    expect(bug.status).toBe(500);
    expect(await bug.text()).not.toContain('secret');
    expect(logger.entries.some((e) => e.level === 'error')).toBe(true);
  });
});
