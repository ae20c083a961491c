import { authConfigFromEnv } from './auth/authConfig';
import { PROJECT_ROOT, readConfig } from './config';
import { buildClientIfStale } from './buildClient';
import { createConsoleLogger } from './logger';
import { startServer } from './startServer';

// The process entry of `npm start`: build the client if needed, open the database
// (importing the first plan into an empty one), serve, and shut down cleanly on
// SIGTERM/SIGINT so that every stored change is checkpointed into the database file.

const logger = createConsoleLogger();

async function main(): Promise<void> {
  const config = readConfig();
  if (config.clientBuild === 'auto') await buildClientIfStale(PROJECT_ROOT, logger);
  const server = await startServer({
    port: config.port,
    host: config.host,
    dataDir: config.dataDir,
    logger,
    auth: authConfigFromEnv(),
    sync: config.compactThreshold === undefined ? {} : { compactThreshold: config.compactThreshold },
    mail: config.mail,
  });
  logger.info(`database: ${server.store.file}`);
  logger.info(`Planbord is running: open ${server.url}`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    stopping = true;
    logger.info(`${signal}: shutting down`);
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
}

main().catch((err) => {
  logger.error(err instanceof Error ? err.message : String(err), { code: (err as { code?: unknown }).code });
  process.exit(1);
});
