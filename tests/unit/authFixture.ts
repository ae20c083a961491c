import type { Database } from 'better-sqlite3';
import { Hono } from 'hono';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../shared/auth/csrfHeader';
import { CAPABILITIES, type Role } from '../../shared/auth/roles';
import { newId } from '../../shared/plan/newId';
import { DEFAULT_AUTH_CONFIG, type AuthConfig } from '../../server/auth/authConfig';
import { createAuth, type Auth } from '../../server/auth/createAuth';
import { installAuth } from '../../server/auth/installAuth';
import { hashPassword } from '../../server/auth/password';
import { requireCapability } from '../../server/auth/sessionMiddleware';
import { createMemoryLogger } from '../../server/logger';
import type { Sql } from '../../server/store/sql/Sql';
import { testStores } from '../helpers/testStores';

// A real SQLite file in a temporary folder, the auth module on it with a clock the
// test moves, and an app with sign-in installed plus one probe route per capability
// (GET/POST /api/probe/<capability>) guarded exactly as real routes are.

export const ORIGIN = 'http://localhost:8787';
export const PASSWORD = 'rätt häftstift 42';
export const START = Date.parse('2025-03-03T08:00:00Z');

export interface AuthFixture {
  auth: Auth;
  sql: Sql;
  /** The SQLite connection when the tests run on SQLite. */
  db: Database | null;
  app: Hono;
  log: ReturnType<typeof createMemoryLogger>;
  clock: { now: number; advance(ms: number): void };
  /** A person with a password, signed in or not. */
  addUser(role: Role, fields?: { email?: string; name?: string; password?: string | null; organisation?: string }): Promise<{ id: string; email: string }>;
  signIn(email: string, password?: string, address?: string): Promise<Response>;
  /** Adds a person and signs them in; returns their cookie header. */
  cookieFor(role: Role, fields?: { email?: string; name?: string }): Promise<{ id: string; email: string; cookie: string }>;
  get(path: string, cookie?: string): Promise<Response>;
  send(method: string, path: string, body?: unknown, options?: { cookie?: string; headers?: Record<string, string>; address?: string }): Promise<Response>;
  close(): Promise<void>;
}

export async function authFixture(config: Partial<AuthConfig> = {}): Promise<AuthFixture> {
  const stores = await testStores();
  const clock = { now: START, advance: (ms: number) => void (clock.now += ms) };
  const log = createMemoryLogger();
  const auth = createAuth({ sql: stores.sql, config: { ...DEFAULT_AUTH_CONFIG, publicOrigin: ORIGIN, ...config }, now: () => clock.now, log });
  const app = new Hono();
  installAuth(app, auth);
  app.get('/api/health', (c) => c.json({ ok: true }));
  for (const capability of CAPABILITIES) {
    app.on(['GET', 'POST'], `/api/probe/${capability}`, requireCapability(capability), (c) => c.json({ done: capability }));
  }

  // The socket address that @hono/node-server hands to routes, for per-address limits.
  const env = (address = '192.0.2.1') => ({ incoming: { socket: { remoteAddress: address, remotePort: 1, remoteFamily: 'IPv4' } } });

  const send: AuthFixture['send'] = async (method, path, body, options = {}) =>
    app.request(
      path,
      {
        method,
        headers: {
          origin: ORIGIN,
          [CSRF_HEADER]: CSRF_HEADER_VALUE,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(options.cookie ? { cookie: options.cookie } : {}),
          ...options.headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      },
      env(options.address),
    );

  const addUser: AuthFixture['addUser'] = async (role, fields = {}) => {
    const id = newId();
    const email = fields.email ?? `${role}-${id}@example.se`;
    await auth.people.createUser({ id, email, name: fields.name ?? `Person ${id}`, organisation: fields.organisation ?? 'Övertorneå kommun', role }, clock.now);
    if (fields.password !== null) await auth.people.setPasswordHash(id, await hashPassword(fields.password ?? PASSWORD), clock.now);
    return { id, email };
  };

  const signIn: AuthFixture['signIn'] = (email, password = PASSWORD, address) =>
    send('POST', '/api/auth/sign-in', { email, password }, { address });

  return {
    auth,
    sql: stores.sql,
    db: stores.sqlite,
    app,
    log,
    clock,
    addUser,
    signIn,
    cookieFor: async (role, fields) => {
      const user = await addUser(role, fields);
      const res = await signIn(user.email);
      if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
      return { ...user, cookie: cookieOf(res) };
    },
    get: async (path, cookie) => app.request(path, { headers: cookie ? { cookie } : {} }, env()),
    send,
    close: () => stores.close(),
  };
}

/** The name=value pair of the cookie a response sets, for the next request. */
export function cookieOf(res: Response): string {
  const header = res.headers.get('set-cookie');
  if (!header) throw new Error('response set no cookie');
  return header.split(';', 1)[0];
}
