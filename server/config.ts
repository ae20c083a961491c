import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Where things are, and the settings an operator may change through the environment.

/** The project folder (the one holding package.json); nothing outside it is read at run time. */
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

export const PATHS = {
  clientSource: join(PROJECT_ROOT, 'client'),
  clientDist: join(PROJECT_ROOT, 'dist', 'client'),
  seedPlan: join(PROJECT_ROOT, 'seed', 'verksamhetsplan-2025.txt'),
};

export const VERSION: string = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')).version;

export interface ServerConfig {
  port: number;
  host: string;
  /** Absolute path of the data folder (the SQLite file lives in it). */
  dataDir: string;
  /** 'auto' builds the client when dist/client is missing or older than its sources. */
  clientBuild: 'auto' | 'skip';
  /** Stored rows of a document above which they are merged into one (COMPACT_THRESHOLD; default 500). */
  compactThreshold?: number;
}

export class ConfigError extends Error {
  readonly code = 'INVALID_CONFIG';

  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

function readPort(value: string | undefined): number {
  if (value === undefined || value === '') return 8787;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, not "${value}"`);
  }
  return port;
}

function readCompactThreshold(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new ConfigError(`COMPACT_THRESHOLD must be a whole number from 1 up, not "${value}"`);
  return n;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ServerConfig {
  const clientBuild = env.CLIENT_BUILD ?? 'auto';
  if (clientBuild !== 'auto' && clientBuild !== 'skip') {
    throw new ConfigError(`CLIENT_BUILD must be "auto" or "skip", not "${clientBuild}"`);
  }
  return {
    port: readPort(env.PORT),
    // Only this machine by default: set HOST=0.0.0.0 to serve the network.
    host: env.HOST || '127.0.0.1',
    dataDir: resolve(cwd, env.DATA_DIR || 'data'),
    clientBuild,
    compactThreshold: readCompactThreshold(env.COMPACT_THRESHOLD),
  };
}

/** The address a person should open, for the log line at start. */
export function publicUrl(host: string, port: number): string {
  const local = ['127.0.0.1', '0.0.0.0', '::', '::1', 'localhost'].includes(host);
  const name = local ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${name}:${port}`;
}
