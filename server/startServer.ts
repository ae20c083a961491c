import { createAdaptorServer } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { recordPlanChanges } from './audit/recordPlanChanges';
import { DEFAULT_AUTH_CONFIG, type AuthConfig } from './auth/authConfig';
import { createAuth, type Auth } from './auth/createAuth';
import { countEditsAsActivity } from './auth/editActivity';
import { ensureFirstAdmin } from './auth/ensureFirstAdmin';
import { watchAccess } from './auth/watchAccess';
import { ConfigError, DEFAULT_MAIL_CONFIG, PATHS, VERSION, publicUrl, type MailConfig } from './config';
import { createMail, type Mail } from './mail/createMail';
import { queueRoundNotice } from './mail/queueRoundNotice';
import { createConsoleLogger, type Logger } from './logger';
import type { RoundNotice } from '../shared/rounds/RoundNotice';
import { systemClock, type Clock } from './rounds/Clock';
import { createRounds } from './rounds/createRounds';
import type { RoundService } from './rounds/RoundService';
import { seedFirstPlan, shippedSeedPlan, type SeedSource } from './seedFirstPlan';
import { ProcessLink } from './fanout/ProcessLink';
import { DrawnBoards } from './page/DrawnBoards';
import { RedisFanout } from './fanout/RedisFanout';
import { openInstallationStore, type PostgresStore, type ServerStore, type Store } from './store/openStore';
import { redactUrl } from './store/sql/openPostgres';
import { checkpointOnTimer } from './store/walCheckpoints';
import { discussionDocName, parseDocName, planDocName, type DocName } from './sync/docName';
import { SyncServer, type SyncServerOptions } from './sync/SyncServer';

export interface StartOptions {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  dataDir: string;
  /** DATABASE_URL: PostgreSQL instead of the SQLite file in dataDir, shared by every process on it. */
  databaseUrl?: string;
  /** REDIS_URL (with databaseUrl): passes changes, presence and access between the processes. */
  redisUrl?: string;
  /** The built client to serve; null serves the API only. Defaults to dist/client. */
  clientDir?: string | null;
  /** The plan imported into an empty database; null imports nothing. */
  seed?: SeedSource | null;
  logger?: Logger;
  /** Sign-in settings (authConfigFromEnv); publicOrigin defaults to the address listened on. */
  auth?: Partial<AuthConfig>;
  /** The clock of sessions, links and sign-in limits; tests move their own. */
  authClock?: () => number;
  /** Sync settings (authorize, compactThreshold, limits). */
  sync?: Partial<Omit<SyncServerOptions, 'docs' | 'logger'>>;
  /** The clock of rounds' deadlines and reminders, comments and meetings; tests move their own. */
  clock?: Clock;
  /** Told of each round opened, reminded and closed, inside the transaction that records it (a throw undoes it). Mailed by default. */
  roundNotify?: (notice: RoundNotice) => void;
  /** Mail settings (readMailConfig); without SMTP_URL mails are kept and logged. */
  mail?: Partial<MailConfig>;
  /** The clock of the outbox's retries and of digests, and how often they are looked at; tests move their own. */
  mailClock?: () => number;
  mailPollMs?: number;
  digestPollMs?: number;
  mailRetryMaxMs?: number;
}

export interface RunningServer<S extends ServerStore = Store> {
  port: number;
  /** http://host:port, for people and tests. */
  url: string;
  store: S;
  auth: Auth;
  sync: SyncServer;
  rounds: RoundService;
  http: Server;
  /** The outbox, its sender and the digests. */
  mail: Mail;
  /** Closes every websocket (1001), unloads documents, stops listening, closes the database. */
  close(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export function startServer(options: StartOptions & { databaseUrl?: undefined }): Promise<RunningServer<Store>>;
export function startServer(options: StartOptions): Promise<RunningServer<ServerStore>>;
export async function startServer(options: StartOptions): Promise<RunningServer<ServerStore>> {
  const startedAt = Date.now();
  const logger = options.logger ?? createConsoleLogger();
  const host = options.host ?? '127.0.0.1';
  if (options.redisUrl && !options.databaseUrl) throw new ConfigError('REDIS_URL needs DATABASE_URL: the processes it links share one PostgreSQL database');
  const store = await openInstallationStore(options.databaseUrl, options.dataDir);
  let fanout: RedisFanout | null = null;
  try {
    const seeded = options.seed === null ? null : await seedFirstPlan(store, options.seed ?? shippedSeedPlan);
    if (seeded) logger.info('imported the first plan', { id: seeded.id, title: seeded.title });
    if (options.redisUrl) {
      fanout = new RedisFanout(options.redisUrl, logger);
      await fanout.start().catch((err: Error) => {
        throw new Error(`cannot reach Redis at ${redactUrl(options.redisUrl!)}: ${err.message}`, { cause: err });
      });
    }
  } catch (err) {
    await fanout?.close();
    await store.close();
    throw err;
  }
  const stopCheckpoints = store.engine === 'sqlite' ? checkpointOnTimer((store as Store).db, logger) : async () => {};
  const link = fanout && store.engine === 'postgres' ? new ProcessLink(fanout, (store as PostgresStore).docs, logger) : null;
  const authConfig: AuthConfig = { ...DEFAULT_AUTH_CONFIG, publicOrigin: '', ...options.auth };
  const mail = createMail({
    sql: store.sql,
    // On PostgreSQL other processes may be sending from the same outbox.
    shared: store.engine === 'postgres',
    config: { ...DEFAULT_MAIL_CONFIG, ...options.mail },
    publicOrigin: () => authConfig.publicOrigin,
    logger,
    now: options.mailClock,
    pollMs: options.mailPollMs,
    digestPollMs: options.digestPollMs,
    retryMaxMs: options.mailRetryMaxMs,
  });
  const auth = createAuth({ sql: store.sql, config: authConfig, log: logger, now: options.authClock, mailLink: mail.mailLink });
  const sync = new SyncServer({
    docs: store.docs,
    logger,
    // A plan's document and its discussion document exist while the plan does.
    docExists: async (doc: DocName) => (await store.plans.get(doc.planId)) !== undefined,
    authorize: (req, doc) => auth.authorizeUpgrade(req, doc.name),
    onDocLoaded: (doc, stored) => {
      const name = parseDocName(doc.name);
      if (name?.kind === 'plan') recordPlanChanges(doc, name.planId, store.audit, logger);
      link?.loaded(doc, stored);
    },
    onDocUnloaded: (doc) => link?.unloaded(doc),
    ...(link ? { docHooks: (name: string) => link.hooks(name) } : {}),
    // PostgreSQL is read asynchronously, and the services read documents at once: every
    // plan's documents stay loaded, and new ones are loaded before a request can read them.
    ...(store.engine === 'postgres' ? { keepLoadedMs: Infinity } : {}),
    // Editing live is activity: it keeps the session that the edits come from.
    onEdit: countEditsAsActivity(auth),
    ...options.sync,
  });
  const clock = options.clock ?? systemClock;
  const rounds = createRounds({
    store,
    sync,
    people: auth.people,
    clock,
    logger,
    // Each round's mails are queued in the transaction of its event.
    notify: async (tx, notice) => {
      if (options.roundNotify) options.roundNotify(notice);
      else await queueRoundNotice(tx, notice, mail.outbox.context);
    },
  });
  const loadPlans = async () => {
    for (const plan of await store.plans.list()) {
      await sync.loadDoc(planDocName(plan.id));
      await sync.loadDoc(discussionDocName(plan.id));
    }
  };
  const unrelayAccess = fanout ? auth.events.relayThrough(fanout.accessRelay) : () => {};
  const drawnBoards = new DrawnBoards();
  const app = createApp({
    drawnBoards,
    ready: store.engine === 'postgres' ? loadPlans : undefined,
    store,
    auth,
    logger,
    version: VERSION,
    startedAt,
    clientDir: options.clientDir === undefined ? PATHS.clientDist : options.clientDir,
    syncStats: () => sync.stats(),
    ...(fanout ? { redisReachable: () => fanout.reachable } : {}),
    sync,
    rounds: rounds.service,
    now: clock.now,
    mail,
  });
  const http = createAdaptorServer({ fetch: app.fetch, hostname: host }) as Server;
  sync.attach(http);
  let port: number;
  try {
    port = await listen(http, options.port, host);
    if (store.engine === 'postgres') await loadPlans();
  } catch (err) {
    unrelayAccess();
    link?.close();
    await sync.close(0);
    await mail.close();
    await stopCheckpoints();
    await fanout?.close();
    await store.close();
    throw err;
  }
  authConfig.publicOrigin ||= publicUrl(host, port);
  await ensureFirstAdmin(auth, logger);
  mail.start();
  // Rounds whose deadline or reminder passed while the server was down are done now, once.
  await rounds.scheduler.start();
  // Read the plans into memory now, and draw their boards in Swedish (the page's
  // default), not when the first person opens one: for a large plan that is a noticeable
  // wait on the first page after a restart. One plan a turn, so requests are answered
  // in between.
  let warm = true;
  setImmediate(async () => {
    const plans = await store.plans.list().catch((err) => {
      logger.error('could not list the plans at start; each is read when someone opens it', { err });
      return [];
    });
    for (const plan of plans) {
      if (!warm) return;
      try {
        const { doc } = await sync.readyDoc(planDocName(plan.id));
        drawnBoards.get(doc, 'sv', plan.title);
      } catch (err) {
        logger.error('could not read a plan at start; it is read when someone opens it', { plan: plan.id, err });
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
  });
  const unwatchAccess = watchAccess(auth, sync);
  let closing: Promise<void> | null = null;
  const close = async () => {
    warm = false;
    rounds.scheduler.stop();
    unwatchAccess();
    // Stop accepting first: behind a proxy, the browsers told to go reconnect at once,
    // and a refused connection sends them to another process, where an answer from this
    // one while it waits for slow sockets to say goodbye would only refuse them.
    const stopped = new Promise<void>((resolve) => http.close(() => resolve()));
    await mail.close();
    await sync.close();
    http.closeAllConnections();
    await stopped;
    await stopCheckpoints();
    unrelayAccess();
    link?.close();
    await fanout?.close();
    await store.close();
  };
  return { port, url: publicUrl(host, port), store, auth, sync, rounds: rounds.service, http, mail, close: () => (closing ??= close()) };
}
