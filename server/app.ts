import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Auth } from './auth/createAuth';
import { installAuth } from './auth/installAuth';
import { installDiscussion, liveDiscussionDocs } from './discussion/installDiscussion';
import { commentMail } from './mail/commentMail';
import type { Mail } from './mail/createMail';
import { meetingMail } from './mail/meetingMail';
import { mailRoutes } from './routes/mailRoutes';
import { PlanImports } from './plans/PlanImports';
import { importRoutes, isImportPath } from './routes/importRoutes';
import { errorResponse } from './errorResponse';
import { installMeetings } from './meetings/installMeetings';
import { storeExportSources } from './export/storeExportSources';
import { exportRoutes } from './routes/exportRoutes';
import { historyRoutes } from './routes/historyRoutes';
import { roundRoutes } from './routes/roundRoutes';
import type { RoundService } from './rounds/RoundService';
import type { Logger } from './logger';
import { boardPage } from './page/boardPage';
import type { DrawnBoards } from './page/DrawnBoards';
import { serveClient } from './staticClient';
import type { ServerStore } from './store/openStore';
import type { SharedDoc } from './sync/SharedDoc';

export interface AppDeps {
  store: ServerStore;
  /** Waits until what the API reads at once is loaded (PostgreSQL: every plan's documents). */
  ready?: () => Promise<void>;
  /** Sign-in, sessions and people: guards every /api route but health and sign-in. */
  auth: Auth;
  logger: Logger;
  version: string;
  /** When the process started (ms since the epoch), for the uptime in /api/health. */
  startedAt: number;
  /** The built client (dist/client); null serves the API only. */
  clientDir: string | null;
  /** Live figures of the sync server, shown in /api/health. */
  syncStats?: () => { documents: number; connections: number };
  /** Whether Redis, which links the processes, answers now; absent without REDIS_URL. */
  redisReachable?: () => boolean;
  /** The sync server's live documents, which the server writes on people's behalf (comments). */
  sync?: { getDoc(name: string): SharedDoc; readyDoc?(name: string): SharedDoc | Promise<SharedDoc> };
  /** Consultation rounds: their routes, and the rounds every snapshot keeps. */
  rounds?: RoundService;
  now?: () => number;
  /** The outbox and its sender: events queue their mails, the secretariat reads Utkorg. */
  mail?: Mail;
  /** The boards drawn into the page, which the server may draw ahead (at start). */
  drawnBoards?: DrawnBoards;
}

const MAX_API_BODY_BYTES = 1024 * 1024;

export function createApp(deps: AppDeps): Hono {
  const now = deps.now ?? Date.now;
  const app = new Hono();
  app.onError(errorResponse(deps.logger));
  // No API request needs a body near this size; refusing earlier keeps a huge body out
  // of memory. Route groups set smaller limits of their own.
  const apiLimit = bodyLimit({
    maxSize: MAX_API_BODY_BYTES,
    onError: (c) => c.json({ error: { code: 'BODY_TOO_LARGE', message: 'Begäran är för stor.' } }, 413),
  });
  // A plan file may be larger; the import routes set their own limit.
  app.use('/api/*', (c, next) => (isImportPath(c.req.path) ? next() : apiLimit(c, next)));
  const ready = deps.ready;
  if (ready) {
    // The health check answers whatever the database does: it is what says so.
    app.use('/api/*', async (c, next) => {
      if (c.req.path !== '/api/health') await ready();
      await next();
    });
  }
  installAuth(app, deps.auth);

  app.get('/api/health', async (c) => {
    let database = true;
    try {
      await deps.store.sql.get('SELECT 1');
    } catch {
      database = false;
    }
    return c.json(
      {
        ok: database,
        version: deps.version,
        uptimeSeconds: Math.round((now() - deps.startedAt) / 1000),
        database: database ? 'ok' : 'unavailable',
        // Without Redis a process still serves its own people, so it stays in service (200).
        redis: deps.redisReachable ? (deps.redisReachable() ? 'ok' : 'unavailable') : null,
        sync: deps.syncStats?.() ?? null,
      },
      database ? 200 : 503,
    );
  });

  // Every open page asks now and then whether a plan was added; an unchanged list is
  // answered 304 without a body.
  app.get('/api/plans', async (c) => {
    const plans = (await deps.store.plans.list()).map(({ id, title, year }) => ({ id, title, year }));
    const tag = `"${createHash('sha1').update(JSON.stringify(plans)).digest('base64url')}"`;
    c.header('ETag', tag);
    c.header('Cache-Control', 'no-cache');
    if (c.req.header('If-None-Match') === tag) return c.body(null, 304);
    return c.json({ plans });
  });

  app.route('/api', historyRoutes({ changes: deps.store.changes, plans: deps.store.plans, nameOf: async (id) => (await deps.auth.people.getUser(id))?.name ?? null }));
  app.route('/api', exportRoutes(storeExportSources(deps.store, deps.store.meetings)));

  const mail = deps.mail;
  if (mail) app.route('/api', mailRoutes(mail, () => deps.auth.config.publicOrigin));
  const rounds = deps.rounds;
  if (deps.sync) {
    const docs = liveDiscussionDocs(deps.sync);
    const { news } = installDiscussion(app, {
      store: deps.store,
      sync: deps.sync,
      people: deps.auth.people,
      now,
      notify: mail && commentMail(mail.outbox, deps.store.docs.staged, docs),
    });
    mail?.useNews({ news, plans: deps.store.plans });
    installMeetings(app, {
      store: deps.store,
      sync: deps.sync,
      people: deps.auth.people,
      now,
      notify: mail && meetingMail(mail.outbox),
      rounds: rounds && ((planId) => rounds.viewsOf(planId)),
    });
    const imports = new PlanImports({ meetings: deps.store.meetings, plans: deps.store.plans, docs, storesOn: (tx) => deps.store.on(tx) });
    app.route('/api', importRoutes(imports));
  }
  if (rounds) app.route('/api', roundRoutes(rounds));

  // API routes go above this line: the client's files and page fallback answer the rest.
  const { clientDir, sync } = deps;
  if (clientDir && sync) {
    const readyDoc = (name: string) => sync.readyDoc?.(name) ?? sync.getDoc(name);
    const languageOf = async (userId: string) => (await mail?.outbox.preferences.chosenLanguage(userId)) ?? null;
    app.use('*', boardPage({ clientDir, sessions: deps.auth.sessions, config: deps.auth.config, plans: deps.store.plans, readyDoc, languageOf, logger: deps.logger, drawn: deps.drawnBoards }));
  }
  if (deps.clientDir) app.use('*', serveClient(deps.clientDir));
  app.notFound((c) => c.json({ error: { code: 'NOT_FOUND', message: `Not found: ${c.req.path}` } }, 404));
  return app;
}
