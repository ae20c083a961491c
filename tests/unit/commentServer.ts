import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../shared/auth/csrfHeader';
import type { Role } from '../../shared/auth/roles';
import { listItems } from '../../shared/plan/schema';
import { newId } from '../../shared/plan/newId';
import { writePlanDocument } from '../../shared/plan/writePlanDocument';
import { DEFAULT_AUTH_CONFIG } from '../../server/auth/authConfig';
import { createAuth, type Auth } from '../../server/auth/createAuth';
import { installAuth } from '../../server/auth/installAuth';
import { sessionCookieName } from '../../server/auth/sessionCookie';
import { recordPlanChanges } from '../../server/audit/recordPlanChanges';
import { installDiscussion } from '../../server/discussion/installDiscussion';
import { createMemoryLogger } from '../../server/logger';
import { openStore, type Store } from '../../server/store/openStore';
import { parseDocName } from '../../server/sync/docName';
import { SyncServer } from '../../server/sync/SyncServer';
import { smallPlan } from '../helpers/planFixture';

// The comment API on real parts: a SQLite file in a temporary folder with the small
// plan in it, sign-in with real sessions, the sync server's live documents with the
// audit trail kept as the server keeps it, and an HTTP server on a free port for the
// websocket tests. The clock is the test's.

export const PLAN = '2025';

export interface Person {
  id: string;
  name: string;
  role: Role;
  cookie: string;
}

export interface CommentServer {
  store: Store;
  auth: Auth;
  sync: SyncServer;
  app: Hono;
  clock: { now: number };
  origin: string;
  /** The small plan's item ids by activity (A–E). */
  items: Record<string, string>;
  person(role: Role, name?: string): Promise<Person>;
  send(method: string, path: string, person: Person | null, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  /** The discussion document as the server holds it. */
  discussion(): Y.Doc;
  close(): Promise<void>;
}

/** compactThreshold: rows a document may have before they are merged (the server's default otherwise). */
export async function commentServer(options: { compactThreshold?: number } = {}): Promise<CommentServer> {
  const dir = mkdtempSync(join(tmpdir(), 'planbord-comments-'));
  const clock = { now: Date.parse('2025-03-03T08:00:00Z') };
  const now = () => clock.now;
  const store = openStore(dir, now);
  const plan = new Y.Doc();
  writePlanDocument(plan, smallPlan());
  store.plans.create({ id: PLAN, title: 'Verksamhetsplan 2025', year: 2025 });
  store.docs.append(`plan/${PLAN}`, Y.encodeStateAsUpdate(plan));
  const items = Object.fromEntries(listItems(plan).map((i) => [i.activity, i.id]));

  const http = createAdaptorServer({ fetch: (req: Request) => app.fetch(req), hostname: '127.0.0.1' }) as Server;
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const origin = `http://localhost:${(http.address() as AddressInfo).port}`;

  const auth = createAuth({ sql: store.sql, config: { ...DEFAULT_AUTH_CONFIG, publicOrigin: origin }, now, log: createMemoryLogger() });
  const sync = new SyncServer({
    docs: store.docs,
    logger: createMemoryLogger(),
    docExists: (doc) => store.plans.get(doc.planId) !== undefined,
    authorize: (req, doc) => auth.authorizeUpgrade(req, doc.name),
    onDocLoaded: (doc) => {
      const name = parseDocName(doc.name);
      if (name?.kind === 'plan') recordPlanChanges(doc, name.planId, store.changes, createMemoryLogger(), now);
    },
    ...(options.compactThreshold === undefined ? {} : { compactThreshold: options.compactThreshold }),
  });
  sync.attach(http);
  const app = new Hono();
  installAuth(app, auth);
  installDiscussion(app, { store, sync, people: auth.people, now });

  const person = async (role: Role, name = `${role} ${newId().slice(0, 4)}`): Promise<Person> => {
    const id = newId();
    await auth.people.createUser({ id, email: `${id}@example.se`, name, organisation: 'Övertorneå kommun', role }, clock.now);
    return { id, name, role, cookie: `${sessionCookieName(origin)}=${await auth.sessions.start(id)}` };
  };

  // Tests move the clock by days; a person then signs in again, as they would.
  const freshCookie = async (who: Person) => {
    if (!(await auth.sessions.resolve(who.cookie.split('=')[1], false))) who.cookie = `${sessionCookieName(origin)}=${await auth.sessions.start(who.id)}`;
    return who.cookie;
  };

  const send: CommentServer['send'] = async (method, path, who, body, headers = {}) =>
    app.request(`/api/discussion/${path}`, {
      method,
      headers: {
        origin,
        [CSRF_HEADER]: CSRF_HEADER_VALUE,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(who ? { cookie: await freshCookie(who) } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });

  return {
    store,
    auth,
    sync,
    app,
    clock,
    origin,
    items,
    person,
    send,
    discussion: () => sync.getDoc(`discussion/${PLAN}`).doc,
    close: async () => {
      await sync.close(0);
      await new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      });
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
