import * as Y from 'yjs';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../shared/auth/csrfHeader';
import type { Role } from '../../shared/auth/roles';
import { listDirections, listItems } from '../../shared/plan/schema';
import { newId } from '../../shared/plan/newId';
import type { RoundNotice } from '../../shared/rounds/RoundNotice';
import { stockholmDateTime } from '../../shared/rounds/stockholmTime';
import { sessionCookieName } from '../../server/auth/sessionCookie';
import { createMemoryLogger } from '../../server/logger';
import { startServer, type RunningServer } from '../../server/startServer';
import type { ServerStore } from '../../server/store/openStore';
import { manualClock, type ManualClock } from '../helpers/manualClock';
import { smallPlan } from '../helpers/planFixture';
import { tempDir } from '../helpers/tempDir';
import { testDatabaseUrl } from '../helpers/testEngine';

// The real server for consultation rounds: SQLite in a temporary folder (PostgreSQL
// with TEST_ENGINE=postgres), port 0, real sessions, the sync server's live documents,
// and a clock the test moves (rounds, comments and meetings run on it; sessions keep
// the real one, so days can pass without anyone being signed out). Every notice the
// rounds give is recorded, and a test can make the next ones fail.

export const DAY = 24 * 3600_000;
export const HOUR = 3600_000;
/** Monday 3 March 2025, 09:00 in Stockholm. */
export const START = Date.parse('2025-03-03T08:00:00Z');

export interface Person {
  id: string;
  name: string;
  role: Role;
  cookie: string;
}

export interface RoundWorld {
  server: RunningServer<ServerStore>;
  clock: ManualClock;
  notices: RoundNotice[];
  /** Set to make notify throw, as a mail outbox that cannot queue would. */
  failNotices: boolean;
  logger: ReturnType<typeof createMemoryLogger>;
  dataDir: string;
  /** The PostgreSQL database with TEST_ENGINE=postgres, where dataDir is unused. */
  databaseUrl: string | undefined;
  /** The small plan's item ids by activity (A–E) and direction ids by index. */
  items: Record<string, string>;
  directions: string[];
  person(role: Role, name?: string): Promise<Person>;
  http(method: string, path: string, who: Person | null, body?: unknown): Promise<Response>;
  /** The JSON of a request that must succeed with `status`. */
  ok<T = any>(method: string, path: string, who: Person | null, body?: unknown, status?: number): Promise<T>;
  /** A comment that starts a thread on the item, as the person's browser writes it. */
  comment(who: Person, itemId: string, text: string): Promise<{ threadId: string; commentId: string }>;
  reply(who: Person, threadId: string, text: string): Promise<{ commentId: string }>;
  /** A deadline `ms` from the clock's now, as the form writes it (Swedish time, whole minutes). */
  deadlineIn(ms: number): string;
  /** The rows of a table, for checking that a refusal wrote nothing. */
  count(table: string): Promise<number>;
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** `mailed`: the server's own notify, which queues the rounds' mails in its outbox, instead of the recorder. */
export async function roundWorld(options: { mailed?: boolean } = {}): Promise<RoundWorld> {
  const dir = tempDir('planbord-rounds-');
  const logger = createMemoryLogger();
  const clock = manualClock(START);
  const world = {} as RoundWorld;
  // With TEST_ENGINE=postgres, a PostgreSQL database of its own (and dataDir unused).
  const databaseUrl = await testDatabaseUrl();
  const start = () =>
    startServer({
      port: 0,
      dataDir: dir.path,
      databaseUrl,
      clientDir: null,
      logger,
      seed: smallPlan,
      clock,
      roundNotify: options.mailed
        ? undefined
        : (notice) => {
            if (world.failNotices) throw new Error('the outbox refused the notice');
            world.notices.push(notice);
          },
    });
  const server = await start();
  const plan = server.sync.getDoc('plan/2025').doc;
  const cookie = async (id: string) => `${sessionCookieName(world.server.url)}=${await world.server.auth.sessions.start(id)}`;

  Object.assign(world, {
    server,
    clock,
    notices: [],
    failNotices: false,
    logger,
    dataDir: dir.path,
    databaseUrl,
    items: Object.fromEntries(listItems(plan).map((i) => [i.activity, i.id])),
    directions: listDirections(plan).map((d) => d.id),
    person: async (role: Role, name = `${role} ${newId().slice(0, 4)}`) => {
      const id = newId();
      await world.server.auth.people.createUser({ id, email: `${id}@example.se`, name, organisation: 'Sotenäs kommun', role }, Date.now());
      return { id, name, role, cookie: await cookie(id) };
    },
    http: (method: string, path: string, who: Person | null, body?: unknown) =>
      fetch(`${world.server.url}${path}`, {
        method,
        headers: {
          origin: world.server.url,
          [CSRF_HEADER]: CSRF_HEADER_VALUE,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(who ? { cookie: who.cookie } : {}),
        },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      }),
    ok: async (method: string, path: string, who: Person | null, body?: unknown, status = 200) => {
      const res = await world.http(method, path, who, body);
      const text = await res.text();
      if (res.status !== status) throw new Error(`${method} ${path}: ${res.status} ${text}`);
      return JSON.parse(text);
    },
    comment: (who: Person, itemId: string, text: string) => world.ok('POST', `/api/discussion/2025/items/${itemId}/threads`, who, { body: text }, 201),
    reply: (who: Person, threadId: string, text: string) => world.ok('POST', `/api/discussion/2025/threads/${threadId}/comments`, who, { body: text }, 201),
    deadlineIn: (ms: number) => stockholmDateTime(clock.now() + ms),
    count: async (table: string) => (await world.server.store.sql.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))!.n,
    restart: async () => {
      await world.server.close();
      world.server = await start();
    },
    close: async () => {
      await world.server.close();
      dir.remove();
    },
  } satisfies Partial<RoundWorld>);
  return world;
}

/** A Y.Doc of what a client received, for checking what travels over the websocket. */
export const docOf = (state: Uint8Array) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
};
