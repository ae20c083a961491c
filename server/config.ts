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
  /** DATABASE_URL: postgres://… to keep everything in PostgreSQL instead of the SQLite file in dataDir. */
  databaseUrl: string | null;
  /** REDIS_URL: redis://… to link the processes that share one PostgreSQL database (docs/deploy.md). */
  redisUrl: string | null;
  mail: MailConfig;
}

/** Sending mail (docs/mail.md). */
export interface MailConfig {
  /** SMTP_URL: smtp://user:password@host:port or smtps://…; null keeps mails in the outbox and the log. */
  smtpUrl: string | null;
  /** MAIL_FROM: the sender, e.g. "Planbord <planbord@example.se>"; null: Planbord <planbord@PUBLIC_ORIGIN's host>. */
  from: string | null;
  /** MAIL_MAX_PER_HOUR: mails a person gets in any 60 minutes before the rest wait for their digest. */
  maxPerHour: number;
  /** DIGEST_HOUR: the hour (server's time zone) daily and weekly (Monday) digests are made. */
  digestHour: number;
  /** MAIL_RETRY_SECONDS: the wait after the first failed attempt; it doubles after each, up to an hour. */
  retryBaseMs: number;
}

export const DEFAULT_MAIL_CONFIG: MailConfig = { smtpUrl: null, from: null, maxPerHour: 20, digestHour: 7, retryBaseMs: 30_000 };

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

function readWhole(name: string, value: string | undefined, min: number, max: number, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not "${value}"`);
  return n;
}

/** A URL of one of the schemes given, or null when the setting is empty. */
function readServiceUrl(name: string, value: string | undefined, schemes: string[], example: string): string | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name} must be a URL such as ${example}`);
  }
  if (!schemes.includes(url.protocol)) throw new ConfigError(`${name} must start with ${schemes.map((s) => `${s}//`).join(' or ')}, not ${url.protocol}//`);
  if (!url.hostname && !url.searchParams.has('host')) throw new ConfigError(`${name} names no host`);
  return value;
}

function readSmtpUrl(value: string | undefined): string | null {
  return readServiceUrl('SMTP_URL', value, ['smtp:', 'smtps:'], 'smtp://user:password@mail.example.se:587 or smtps://…:465');
}

function readMailFrom(value: string | undefined): string | null {
  if (!value) return null;
  // One line with one address in it: the sender goes into a header as it is.
  if (/[\r\n]/.test(value) || !/^[^<>@\s]+@[^<>@\s]+$|<[^<>@\s]+@[^<>@\s]+>$/.test(value.trim())) {
    throw new ConfigError(`MAIL_FROM must be an address such as planbord@example.se or "Planbord <planbord@example.se>", not "${value}"`);
  }
  return value.trim();
}

export function readMailConfig(env: NodeJS.ProcessEnv = process.env): MailConfig {
  return {
    smtpUrl: readSmtpUrl(env.SMTP_URL),
    from: readMailFrom(env.MAIL_FROM),
    maxPerHour: readWhole('MAIL_MAX_PER_HOUR', env.MAIL_MAX_PER_HOUR, 1, 1000, DEFAULT_MAIL_CONFIG.maxPerHour),
    digestHour: readWhole('DIGEST_HOUR', env.DIGEST_HOUR, 0, 23, DEFAULT_MAIL_CONFIG.digestHour),
    retryBaseMs: 1000 * readWhole('MAIL_RETRY_SECONDS', env.MAIL_RETRY_SECONDS, 1, 3600, DEFAULT_MAIL_CONFIG.retryBaseMs / 1000),
  };
}

export function readConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ServerConfig {
  const clientBuild = env.CLIENT_BUILD ?? 'auto';
  if (clientBuild !== 'auto' && clientBuild !== 'skip') {
    throw new ConfigError(`CLIENT_BUILD must be "auto" or "skip", not "${clientBuild}"`);
  }
  const databaseUrl = readServiceUrl('DATABASE_URL', env.DATABASE_URL, ['postgres:', 'postgresql:'], 'postgres://planbord:password@localhost:5432/planbord');
  const redisUrl = readServiceUrl('REDIS_URL', env.REDIS_URL, ['redis:', 'rediss:'], 'redis://localhost:6379');
  // Redis links processes that share one database; with SQLite each process has its own file.
  if (redisUrl && !databaseUrl) throw new ConfigError('REDIS_URL needs DATABASE_URL: the processes it links share one PostgreSQL database');
  return {
    port: readPort(env.PORT),
    // Only this machine by default: set HOST=0.0.0.0 to serve the network.
    host: env.HOST || '127.0.0.1',
    dataDir: resolve(cwd, env.DATA_DIR || 'data'),
    clientBuild,
    compactThreshold: readCompactThreshold(env.COMPACT_THRESHOLD),
    databaseUrl,
    redisUrl,
    mail: readMailConfig(env),
  };
}

/** The address a person should open, for the log line at start. */
export function publicUrl(host: string, port: number): string {
  const local = ['127.0.0.1', '0.0.0.0', '::', '::1', 'localhost'].includes(host);
  const name = local ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${name}:${port}`;
}
