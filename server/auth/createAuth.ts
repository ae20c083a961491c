import { createConsoleLogger, type Logger } from '../logger';
import { PeopleStore } from '../store/PeopleStore';
import type { Sql } from '../store/sql/Sql';
import type { MailLink } from './signInLinks';
import { AccessEvents } from './AccessEvents';
import type { AuthConfig } from './authConfig';
import { createUpgradeAuthorizer, type AuthorizeUpgrade } from './authorizeUpgrade';
import { Sessions } from './sessions';

// Everything sign-in needs, built once per server from the database and the config.
// The app mounts its middleware and routes (installAuth), the sync server takes
// authorizeUpgrade and subscribes to events.

export interface Auth {
  config: AuthConfig;
  people: PeopleStore;
  sessions: Sessions;
  /** 'changed' (userId) when a person's access changes; the sync server listens. */
  events: AccessEvents;
  authorizeUpgrade: AuthorizeUpgrade;
  now: () => number;
  log: Logger;
  /** Mails a new sign-in link to its person (see LinkDeps); absent: links are only shown. */
  mailLink?: MailLink;
}

export interface AuthOptions {
  sql: Sql;
  config: AuthConfig;
  /** The clock for sessions, links and limits; tests pass their own. */
  now?: () => number;
  log?: Logger;
  mailLink?: Auth['mailLink'];
}

export function createAuth({ sql, config, now = Date.now, log = createConsoleLogger(), mailLink }: AuthOptions): Auth {
  const people = new PeopleStore(sql);
  const sessions = new Sessions(people, config, now);
  return {
    config,
    people,
    sessions,
    events: new AccessEvents(),
    authorizeUpgrade: createUpgradeAuthorizer(sessions, config),
    now,
    log,
    mailLink,
  };
}
