import { parseArgs } from 'node:util';
import { ROLES } from '../../shared/auth/roles';
import { authConfigFromEnv, originFromEnv } from '../auth/authConfig';
import { AuthError } from '../auth/AuthError';
import { createAuth } from '../auth/createAuth';
import { inviteUser } from '../auth/managePeople';
import { sendSignInLink } from '../auth/signInLinks';
import { readConfig } from '../config';
import { createMemoryLogger } from '../logger';
import { linkMailer } from '../mail/linkMailer';
import { Outbox } from '../mail/Outbox';
import { openDatabase } from '../store/openDatabase';
import { openPostgres } from '../store/sql/openPostgres';
import type { Database } from '../store/sql/Sql';
import { SqliteSql } from '../store/sql/SqliteSql';
import type { Command, CommandIo } from './Command';

// `planbord user …`: people from the command line, for a new or a running
// installation. It opens the installation's database directly (DATA_DIR's SQLite file,
// whose WAL mode lets it write next to a running server, or DATABASE_URL's PostgreSQL)
// and prints links on stdout, messages on stderr.
// Links are also queued as mails to their people; the running server's sender, which
// polls the outbox, delivers them (or keeps them on Utkorg when no SMTP_URL is set).
//   user add --email E --name N --role R [--organisation O]   prints an invitation link
//   user link --email E                                       prints a new sign-in link
//   user list

const USAGE = `usage:
  planbord user add --email E --name N --role ${ROLES.join('|')} [--organisation O]
  planbord user link --email E
  planbord user list`;

const mailedNote = (mailed: boolean) =>
  mailed
    ? 'A mail with the link is queued for them: the running server sends it (without SMTP_URL it keeps it on Utkorg).'
    : 'They have switched such mails off: send them the link yourself.';

export const userCommand: Command = {
  name: 'user',
  summary: 'add a person and print their invitation link, make a new sign-in link, or list people',
  usage: USAGE,
  run,
};

async function run(args: string[], env: NodeJS.ProcessEnv, io: CommandIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, organisation: { type: 'string' } },
    });
  } catch (err) {
    io.err(`planbord user: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const [action, ...rest] = parsed.positionals;
  if (!['add', 'link', 'list'].includes(action) || rest.length > 0) {
    io.err(USAGE);
    return 2;
  }
  const { values } = parsed;
  const config = readConfig(env);
  const db: Database = config.databaseUrl ? await openPostgres(config.databaseUrl) : new SqliteSql(openDatabase(config.dataDir));
  try {
    const publicOrigin = originFromEnv(env);
    const outbox = new Outbox(db, { publicOrigin: () => publicOrigin, now: Date.now, maxPerHour: config.mail.maxPerHour });
    const auth = createAuth({ sql: db, config: { ...authConfigFromEnv(env), publicOrigin }, log: createMemoryLogger(), mailLink: linkMailer(outbox) });
    if (action === 'list') {
      for (const u of await auth.people.listUsers()) {
        io.out([u.email, u.name, u.organisation, u.role, u.active ? 'active' : 'deactivated', u.hasPassword ? '' : 'invited'].join('\t'));
      }
      return 0;
    }
    if (action === 'add') {
      const { user, link, mailed } = await inviteUser(auth, values, null);
      io.err(`Added ${user.name} <${user.email}> as ${user.role}. ${mailedNote(mailed)} The link (valid 7 days, works once):`);
      io.out(link.url);
      return 0;
    }
    const found = values.email ? await auth.people.findForSignIn(values.email) : null;
    if (!found) {
      io.err(`No person with the email ${values.email ?? '(missing --email)'}.`);
      return 1;
    }
    const { link, mailed } = await sendSignInLink(auth, found.user.id, null);
    io.err(`A new ${link.purpose === 'invite' ? 'invitation' : 'password reset'} link for ${found.user.email} (valid 7 days, works once; older links no longer work). ${mailedNote(mailed)}`);
    io.out(link.url);
    return 0;
  } catch (err) {
    if (err instanceof AuthError) {
      io.err(`planbord user: ${err.message}`);
      return 1;
    }
    throw err;
  } finally {
    await db.close();
  }
}
