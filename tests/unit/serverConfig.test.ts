import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../server/cli/runCli';
import { ConfigError, readConfig } from '../../server/config';
import { createMemoryLogger } from '../../server/logger';
import { startServer } from '../../server/startServer';
import { tempDir } from '../helpers/tempDir';
import { TEST_ENGINE, testDatabaseUrl } from '../helpers/testEngine';

describe('where the server keeps its data', () => {
  it('is the SQLite file in DATA_DIR unless DATABASE_URL names PostgreSQL; REDIS_URL links processes on it', () => {
    expect(readConfig({}, '/srv')).toMatchObject({ dataDir: '/srv/data', databaseUrl: null, redisUrl: null });
    const env = { DATABASE_URL: 'postgres://planbord:hemligt@db.sekom.se:5432/planbord', REDIS_URL: 'redis://cache.sekom.se:6379' };
    expect(readConfig(env, '/srv')).toMatchObject({ databaseUrl: env.DATABASE_URL, redisUrl: env.REDIS_URL });
    expect(readConfig({ DATABASE_URL: 'postgresql:///planbord?host=/var/run/postgresql' }).databaseUrl).toBe('postgresql:///planbord?host=/var/run/postgresql');
  });

  it('refuses a setting it cannot use, with a message naming it, before anything starts', () => {
    const bad: Array<[Record<string, string>, RegExp]> = [
      [{ DATABASE_URL: 'db.sekom.se/planbord' }, /DATABASE_URL must be a URL such as postgres:\/\//],
      [{ DATABASE_URL: 'mysql://db.sekom.se/planbord' }, /DATABASE_URL must start with postgres:\/\/ or postgresql:\/\/, not mysql:\/\//],
      [{ DATABASE_URL: 'postgres://planbord@db.sekom.se/planbord', REDIS_URL: 'http://cache.sekom.se' }, /REDIS_URL must start with redis:\/\/ or rediss:\/\//],
      [{ REDIS_URL: 'redis://cache.sekom.se:6379' }, /REDIS_URL needs DATABASE_URL/],
    ];
    for (const [env, message] of bad) {
      expect(() => readConfig(env)).toThrow(ConfigError);
      expect(() => readConfig(env)).toThrow(message);
    }
  });
});

describe('a server started on a PostgreSQL database it cannot reach', () => {
  it('stops at start with a message naming the database without its password', async () => {
    const dir = tempDir('planbord-unreachable-');
    try {
      const start = startServer({ port: 0, dataDir: dir.path, clientDir: null, logger: createMemoryLogger(), databaseUrl: 'postgres://planbord:hemligt@127.0.0.1:1/planbord' });
      await expect(start).rejects.toThrow(/cannot use the PostgreSQL database postgres:\/\/planbord:\*\*\*@127\.0\.0\.1:1\/planbord/);
      await expect(start).rejects.not.toThrow(/hemligt/);
      if (TEST_ENGINE !== 'postgres') return;
      // With the database there, Redis that does not answer stops the start too.
      const databaseUrl = (await testDatabaseUrl())!;
      const withoutRedis = startServer({ port: 0, dataDir: dir.path, clientDir: null, logger: createMemoryLogger(), databaseUrl, redisUrl: 'redis://:hemligt@127.0.0.1:1' });
      await expect(withoutRedis).rejects.toThrow(/cannot reach Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:1/);
    } finally {
      dir.remove();
    }
  });
});

describe('the command line beside a PostgreSQL installation', () => {
  it('refuses to copy the SQLite file in DATA_DIR, which is not where the data is, and to replace a plan unheard', async () => {
    const dir = tempDir('planbord-cli-pg-');
    try {
      const err: string[] = [];
      const io = { out: () => {}, err: (line: string) => err.push(line) };
      const env = { DATA_DIR: dir.path, DATABASE_URL: 'postgres://planbord@db.sekom.se/planbord' };
      expect(await runCli(['backup', '--out', join(dir.path, 'copy.sqlite')], env, io)).toBe(2);
      expect(err.splice(0)).toEqual([expect.stringMatching(/DATABASE_URL says this installation is in PostgreSQL/)]);
      // A plan replaced here must reach the running processes, which only Redis can tell.
      expect(await runCli(['plan', 'replace', '2025', '--from', 'seed/verksamhetsplan-2025.txt'], env, io)).toBe(2);
      expect(err.splice(0)).toEqual([expect.stringMatching(/REDIS_URL/)]);
      expect(readdirSync(dir.path)).toEqual([]);
      // Reading a plan file touches no database: it works beside PostgreSQL too.
      const out: string[] = [];
      expect(await runCli(['import', 'seed/verksamhetsplan-2025.txt', '--json'], env, { out: (line) => out.push(line), err: () => {} })).toBe(0);
      expect(JSON.parse(out.join('\n')).title).toBe('Verksamhetsplan 2025');
    } finally {
      dir.remove();
    }
  });
});
