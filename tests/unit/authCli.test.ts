import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../shared/auth/csrfHeader';
import { userCommand } from '../../server/cli/userCommand';
import { createMemoryLogger } from '../../server/logger';
import { startServer, type RunningServer } from '../../server/startServer';
import type { ServerStore } from '../../server/store/openStore';
import { smallPlan } from '../helpers/planFixture';
import { tempDir } from '../helpers/tempDir';
import { testDatabaseUrl } from '../helpers/testEngine';

// On the SQLite file in DATA_DIR, and on PostgreSQL (DATABASE_URL) with TEST_ENGINE=postgres.

let dir: ReturnType<typeof tempDir>;
let server: RunningServer<ServerStore>;
let databaseUrl: string | undefined;
beforeEach(async () => {
  dir = tempDir('planbord-user-cli-');
  databaseUrl = await testDatabaseUrl();
  server = await startServer({ port: 0, dataDir: dir.path, databaseUrl, clientDir: null, logger: createMemoryLogger(), seed: smallPlan });
});
afterEach(async () => {
  await server.close();
  dir.remove();
});

const env = () => ({ ...process.env, DATA_DIR: dir.path, PUBLIC_ORIGIN: server.url, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await userCommand.run(args, env(), { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const accept = (url: string, password: string) =>
  fetch(`${server.url}/api/auth/link/accept`, {
    method: 'POST',
    headers: { origin: server.url, [CSRF_HEADER]: CSRF_HEADER_VALUE, 'content-type': 'application/json' },
    body: JSON.stringify({ token: new URL(url).hash.replace('#invitation=', ''), password }),
  });

describe('planbord user', () => {
  it('adds a person to a running installation and prints a link that signs them in there', async () => {
    const cli = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'server/cli.ts', 'user', 'add', '--email', 'Anna@Sotenas.se', '--name', 'Anna Berg', '--role', 'styrelse', '--organisation', 'Sotenäs kommun'],
      { env: env(), encoding: 'utf8', timeout: 60_000 },
    );
    expect(cli.status).toBe(0);
    const url = cli.stdout.trim();
    expect(url).toMatch(new RegExp(`^${server.url}/#invitation=[\\w-]{43}$`));
    expect(cli.stderr).toMatch(/Anna Berg <anna@sotenas.se> as styrelse/);
    const res = await accept(url, 'ett långt lösenord');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ name: 'Anna Berg', email: 'anna@sotenas.se', organisation: 'Sotenäs kommun', role: 'styrelse' });
  });

  it('makes a new link for someone who forgot their password, and lists people', async () => {
    await run('add', '--email', 'eva@orebro.se', '--name', 'Eva Lind', '--role', 'tjanstepersonforum');
    const invite = (await run('link', '--email', 'EVA@orebro.se')).out;
    expect((await accept(invite, 'första lösenordet')).status).toBe(200);
    const reset = await run('link', '--email', 'eva@orebro.se');
    expect(reset.err).toMatch(/password reset/);
    expect((await accept(reset.out, 'andra lösenordet')).status).toBe(200);
    const list = (await run('list')).out.split('\n');
    expect(list.some((l) => l.startsWith('eva@orebro.se\tEva Lind\t\ttjanstepersonforum\tactive'))).toBe(true);
  });

  it('refuses what it cannot do, with a message and a non-zero exit, and changes nothing', async () => {
    const before = await server.auth.people.countUsers();
    await run('add', '--email', 'a@b.se', '--name', 'A', '--role', 'styrelse');
    const cases: [string[], number, RegExp][] = [
      [['add', '--email', 'A@B.se', '--name', 'Dubblett', '--role', 'styrelse'], 1, /finns redan/],
      [['add', '--email', 'c@d.se', '--name', 'C', '--role', 'admin'], 1, /Okänd roll/],
      [['add', '--email', 'c@d.se', '--role', 'styrelse'], 1, /Namn saknas/],
      [['link', '--email', 'nobody@example.se'], 1, /No person/],
      [['remove', '--email', 'a@b.se'], 2, /usage/],
      [['add', '--mail', 'x'], 2, /usage/],
    ];
    for (const [args, code, message] of cases) {
      const result = await run(...args);
      expect([args.join(' '), result.code]).toEqual([args.join(' '), code]);
      expect(result.err).toMatch(message);
      expect(result.out).toBe('');
    }
    expect(await server.auth.people.countUsers()).toBe(before + 1);
  });
});
