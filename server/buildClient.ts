import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from './logger';

/** Newest modification time of any file under path (0 if there is none). */
function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestChange(join(path, entry)));
  }
  return newest;
}

export type ClientBuildResult = 'up-to-date' | 'built' | 'no-client';

/**
 * Builds the client with Vite when dist/client is missing or older than anything it is
 * built from (client/, shared/, vite.config.ts), so `npm start` on a fresh clone or
 * after a pull serves the current client without a separate build step.
 */
export async function buildClientIfStale(projectRoot: string, logger: Logger): Promise<ClientBuildResult> {
  const source = join(projectRoot, 'client');
  if (!existsSync(join(source, 'index.html'))) {
    logger.warn('client/index.html not found: serving the API only');
    return 'no-client';
  }
  const builtIndex = join(projectRoot, 'dist', 'client', 'index.html');
  const builtAt = existsSync(builtIndex) ? statSync(builtIndex).mtimeMs : 0;
  const inputs = [source, join(projectRoot, 'shared'), join(projectRoot, 'vite.config.ts')];
  if (builtAt > 0 && builtAt >= Math.max(...inputs.map(newestChange))) return 'up-to-date';
  logger.info('building the web client');
  const started = Date.now();
  const { build } = await import('vite');
  await build({ root: source, configFile: join(projectRoot, 'vite.config.ts'), logLevel: 'warn' });
  logger.info('web client built', { ms: Date.now() - started });
  return 'built';
}
