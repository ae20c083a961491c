import { authConfigFromEnv } from './auth/authConfig';
import { PROJECT_ROOT, readConfig } from './config';
import { buildClientIfStale } from './buildClient';
import { createConsoleLogger } from './logger';
import { startServer } from './startServer';
import { watchParent } from './watchParent';

// The process entry of `npm start`: build the client if needed, open the database
// (importing the first plan into an empty one), serve, and shut down cleanly on
// SIGTERM/SIGINT so that every stored change is checkpointed into the database file.
// `npm start` execs this process in place of npm's shell (package.json): Debian's sh
// (dash) neither execs a lone command itself nor passes signals on, so SIGTERM to npm
// reached only the shell and left the server running without a parent.

const logger = createConsoleLogger();
/** A second signal within this time is the same stop; later, it means "stop now". */
const REPEAT_IS_SAME_STOP_MS = 2000;

async function main(): Promise<void> {
  const config = readConfig();
  if (config.clientBuild === 'auto') await buildClientIfStale(PROJECT_ROOT, logger);
  const server = await startServer({
    port: config.port,
    host: config.host,
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl ?? undefined,
    redisUrl: config.redisUrl ?? undefined,
    logger,
    auth: authConfigFromEnv(),
    sync: config.compactThreshold === undefined ? {} : { compactThreshold: config.compactThreshold },
    mail: config.mail,
  });
  logger.info(`database: ${server.store.file}`);
  logger.info(`Planbord is running: open ${server.url}`);

  let stoppingSince: number | null = null;
  const stop = (reason: string) => {
    if (stoppingSince !== null) {
      // Ctrl+C reaches npm and the server alike, and npm passes it on: one stop, heard twice.
      if (Date.now() - stoppingSince < REPEAT_IS_SAME_STOP_MS) return;
      logger.warn(`${reason} again: exiting without waiting`);
      process.exit(1);
    }
    stoppingSince = Date.now();
    logger.info(`${reason}: shutting down`);
    server.close().then(
      () => {
        logger.info('stopped; every change is stored');
        process.exit(0);
      },
      (err) => {
        logger.error('shutdown failed', { err });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // Under `npm start` the server's parent is npm: when npm is gone, whoever ran it has
  // stopped the service. A server started directly (nohup, systemd) keeps running alone.
  if (process.env.npm_lifecycle_event === 'start') watchParent(() => stop('npm, which started the server, has exited'));
}

main().catch((err) => {
  logger.error(err instanceof Error ? err.message : String(err), { code: (err as { code?: unknown }).code });
  process.exit(1);
});
