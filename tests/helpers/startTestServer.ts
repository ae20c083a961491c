import { createMemoryLogger } from '../../server/logger';
import type { SeedSource } from '../../server/seedFirstPlan';
import { startServer, type RunningServer, type StartOptions } from '../../server/startServer';
import type { ServerStore } from '../../server/store/openStore';
import { smallPlan } from './planFixture';
import { tempDir } from './tempDir';
import { testDatabaseUrl } from './testEngine';

export interface TestServer {
  server: RunningServer<ServerStore>;
  /** ws://127.0.0.1:port/ws — the y-websocket server URL (the room is the doc name). */
  wsUrl: string;
  dataDir: string;
  logger: ReturnType<typeof createMemoryLogger>;
  /** Stops the server and starts a new one on the same data folder (and a new port). */
  restart(): Promise<void>;
  /** Stops the server and removes its data folder. */
  dispose(): Promise<void>;
}

/** Everyone may write: sign-in has its own tests, these are about the sync itself. */
const anyoneWrites = () => ({ user: null, canWrite: true });

/**
 * The real server in this process: SQLite in a temp folder (or, with
 * TEST_ENGINE=postgres, a PostgreSQL database of its own), port 0, no client files,
 * seeded with a small hand-made plan as "plan/2025" unless told otherwise. Websocket
 * upgrades are granted to anyone unless `sync.authorize` says otherwise.
 */
export async function startTestServer(
  options: { seed?: SeedSource | null } & Pick<StartOptions, 'sync'> = {},
): Promise<TestServer> {
  const dir = tempDir('planbord-server-');
  const databaseUrl = await testDatabaseUrl();
  const logger = createMemoryLogger();
  const start = () =>
    startServer({
      port: 0,
      dataDir: dir.path,
      databaseUrl,
      clientDir: null,
      logger,
      seed: options.seed ?? smallPlan,
      sync: { authorize: anyoneWrites, ...options.sync },
    });
  const handle: TestServer = {
    server: await start(),
    wsUrl: '',
    dataDir: dir.path,
    logger,
    restart: async () => {
      await handle.server.close();
      handle.server = await start();
      handle.wsUrl = `ws://127.0.0.1:${handle.server.port}/ws`;
    },
    dispose: async () => {
      await handle.server.close();
      dir.remove();
    },
  };
  handle.wsUrl = `ws://127.0.0.1:${handle.server.port}/ws`;
  return handle;
}
