import { createInterface } from 'node:readline';
import { authConfigFromEnv } from '../../server/auth/authConfig';
import { readConfig } from '../../server/config';
import { createConsoleLogger } from '../../server/logger';
import { startServer } from '../../server/startServer';
import { movableClock } from './movableClock';

// The server as `npm start` runs it, but on a clock the test can move: each line
// "advance <ms>" on standard input moves it forward and is answered on standard output
// with "clock advanced <ms>". Only browser tests start this file; the server's own
// entry (server/main.ts) has no such door.

const logger = createConsoleLogger();
const clock = movableClock();
const config = readConfig();
const server = await startServer({ port: config.port, host: config.host, dataDir: config.dataDir, logger, auth: authConfigFromEnv(), mail: config.mail, clock });
logger.info(`Planbord is running: open ${server.url}`);

createInterface({ input: process.stdin }).on('line', (line) => {
  const match = /^advance (\d+)$/.exec(line.trim());
  if (!match) return logger.warn('unknown clock command', { line });
  clock.advance(Number(match[1]));
  process.stdout.write(`clock advanced ${match[1]}\n`);
});

const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
