import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../shared/auth/csrfHeader';
import type { Role } from '../../shared/auth/roles';
import { newId } from '../../shared/plan/newId';
import type { AuthConfig } from '../../server/auth/authConfig';
import { sessionCookieName } from '../../server/auth/sessionCookie';
import { createMemoryLogger } from '../../server/logger';
import { startServer, type RunningServer } from '../../server/startServer';
import type { ServerStore } from '../../server/store/openStore';
import { kindOf, queryAwarenessMsg, syncStep1 } from '../helpers/rawSocket';
import { smallPlan } from '../helpers/planFixture';
import { storedDoc } from '../helpers/storedDoc';
import { tempDir } from '../helpers/tempDir';
import { testDatabaseUrl } from '../helpers/testEngine';
import { waitFor } from '../helpers/waitFor';

// The real server (SQLite in a temp folder, or PostgreSQL with TEST_ENGINE=postgres; port 0, the real sign-in) and people with
// real sessions, for websocket tests of who may do what.

export interface Person {
  id: string;
  name: string;
  role: Role;
  /** What the app's own page sends with a handshake or a request: cookie and Origin. */
  headers: { cookie: string; origin: string };
}

export interface RawClient {
  ws: WebSocket;
  received: Uint8Array[];
  closed: Promise<{ code: number; reason: string }>;
  send(bytes: Uint8Array): void;
  /** Resolves once the server has handled everything sent before (answers a queryAwareness). */
  barrier(): Promise<void>;
}

export interface SyncFixture {
  server: RunningServer<ServerStore>;
  origin: string;
  wsBase: string;
  person(role: Role, name?: string): Promise<Person>;
  /** Another session of the same person (a second browser). */
  secondSession(person: Person): Promise<Person>;
  raw(headers: Record<string, string>, docName?: string): Promise<RawClient>;
  upgradeStatus(headers: Record<string, string>, docName?: string): Promise<number>;
  http(method: string, path: string, who: Person, body?: unknown): Promise<Response>;
  /** The meta map of the plan as storage holds it. */
  storedMeta(): Promise<Y.Map<unknown>>;
  /** What the server logged so far. */
  logger: ReturnType<typeof createMemoryLogger>;
  close(): Promise<void>;
}

export interface SyncFixtureOptions {
  /** The clock of sessions; a test moves it to let sessions expire. */
  clock?: () => number;
  auth?: Partial<AuthConfig>;
}

export async function syncFixture(options: SyncFixtureOptions = {}): Promise<SyncFixture> {
  const dir = tempDir('planbord-auth-sync-');
  const logger = createMemoryLogger();
  const databaseUrl = await testDatabaseUrl();
  const server = await startServer({ port: 0, dataDir: dir.path, databaseUrl, clientDir: null, logger, seed: smallPlan, authClock: options.clock, auth: options.auth });
  const origin = server.url;
  const wsBase = `ws://127.0.0.1:${server.port}/ws`;
  const cookieName = sessionCookieName(origin);
  const sockets: WebSocket[] = [];

  const person = async (role: Role, name = `${role} ${newId().slice(0, 4)}`): Promise<Person> => {
    const id = newId();
    await server.auth.people.createUser({ id, email: `${id}@example.se`, name, organisation: 'Sotenäs kommun', role }, Date.now());
    return { id, name, role, headers: { cookie: `${cookieName}=${await server.auth.sessions.start(id)}`, origin } };
  };

  const raw: SyncFixture['raw'] = (headers, docName = 'plan/2025') => {
    const ws = new WebSocket(`${wsBase}/${docName}`, { headers });
    sockets.push(ws);
    const received: Uint8Array[] = [];
    ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
    const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    const barrier = async () => {
      const before = received.length;
      ws.send(queryAwarenessMsg());
      await waitFor(() => received.slice(before).some((m) => kindOf(m)[0] === 1), { what: 'the awareness answer' });
    };
    return new Promise((resolve, reject) => {
      ws.once('open', () => {
        ws.send(syncStep1(new Uint8Array([0])));
        resolve({ ws, received, closed, send: (bytes) => ws.send(bytes), barrier });
      });
      ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
      ws.once('error', reject);
    });
  };

  const upgradeStatus: SyncFixture['upgradeStatus'] = (headers, docName = 'plan/2025') =>
    new Promise((resolve, reject) => {
      const ws = new WebSocket(`${wsBase}/${docName}`, { headers });
      ws.once('unexpected-response', (_req, res) => {
        resolve(res.statusCode ?? 0);
        ws.terminate();
      });
      ws.once('open', () => {
        ws.close();
        reject(new Error('upgrade was accepted'));
      });
      ws.once('error', () => {});
    });

  const http: SyncFixture['http'] = (method, path, who, body) =>
    fetch(`${origin}${path}`, {
      method,
      headers: { ...who.headers, [CSRF_HEADER]: CSRF_HEADER_VALUE, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  return {
    server,
    origin,
    wsBase,
    person,
    secondSession: async (p) => ({ ...p, headers: { cookie: `${cookieName}=${await server.auth.sessions.start(p.id)}`, origin } }),
    raw,
    upgradeStatus,
    http,
    storedMeta: async () => (await storedDoc(server.store)).getMap('meta'),
    logger,
    close: async () => {
      sockets.forEach((ws) => ws.terminate());
      await server.close();
      dir.remove();
    },
  };
}
