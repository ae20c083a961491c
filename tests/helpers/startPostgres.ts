import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './runServer';

// A private PostgreSQL for tests: its own cluster in a temporary folder, on a free
// loopback port, stopped and removed afterwards. PostgreSQL refuses to run as root, so
// when the tests run as root the cluster belongs to the `postgres` user and every
// command runs through `runuser`; the folder (data, log, socket) is that user's.

/** The newest PostgreSQL Debian installed (its binaries are not on the PATH), or PG_BIN. */
function postgresBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  return join(root, versions[0] ?? '15', 'bin');
}

const BIN = postgresBin();

export interface TestPostgres {
  /** postgres://… of the maintenance database `postgres`. */
  readonly url: string;
  readonly port: number;
  /** A new empty database; returns its URL. */
  createDatabase(): Promise<string>;
  /** Stops the server at once (as a crash would), keeping its data, to take it away from a running Planbord. */
  pause(): Promise<void>;
  /** Starts it again on the same port, with the same data. */
  resume(): void;
  stop(): Promise<void>;
}

function asOwner(cmd: string, args: string[], owner: string | null): [string, string[]] {
  return owner ? ['runuser', ['-u', owner, '--', cmd, ...args]] : [cmd, args];
}

export function postgresAvailable(): boolean {
  return existsSync(join(BIN, 'initdb'));
}

let made = 0;

/** A new database on the server of `url` (empty, or a copy of `template`); returns its URL. */
export async function createDatabaseAt(url: string, template?: string): Promise<string> {
  const name = `planbord_${process.pid}_${Date.now().toString(36)}_${made++}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  } finally {
    await client.end();
  }
  return url.replace(/\/[^/]*$/, `/${name}`);
}

export async function startPostgres(): Promise<TestPostgres> {
  const owner = process.getuid?.() === 0 ? 'postgres' : null;
  const dir = mkdtempSync(join(tmpdir(), 'planbord-pg-'));
  if (owner) {
    const uid = Number(execFileSync('id', ['-u', owner]).toString().trim());
    const gid = Number(execFileSync('id', ['-g', owner]).toString().trim());
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  const data = join(dir, 'data');
  const port = await freePort();
  execFileSync(...asOwner(join(BIN, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C'], owner), {
    stdio: 'pipe',
  });
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const start = () =>
    execFileSync(...asOwner(join(BIN, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-o', options, '-w', 'start'], owner), { stdio: 'pipe' });
  const halt = () =>
    new Promise<void>((resolve) => {
      const child = spawn(...asOwner(join(BIN, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], owner), { stdio: 'ignore' });
      child.on('exit', () => resolve());
      child.on('error', () => resolve());
    });
  start();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    port,
    createDatabase: () => createDatabaseAt(url),
    pause: halt,
    resume: start,
    async stop() {
      await halt();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
