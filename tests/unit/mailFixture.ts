import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../shared/auth/csrfHeader';
import type { Role } from '../../shared/auth/roles';
import { newId } from '../../shared/plan/newId';
import { hashPassword } from '../../server/auth/password';
import type { MailConfig } from '../../server/config';
import { createMemoryLogger } from '../../server/logger';
import { startServer, type RunningServer } from '../../server/startServer';
import type { MailSummary } from '../../server/store/OutboxStore';
import { smallPlan } from '../helpers/planFixture';
import { startSmtpSink, type ReceivedMail, type SmtpSink } from '../helpers/smtpSink';
import { tempDir } from '../helpers/tempDir';
import { waitFor as waitForCondition } from '../helpers/waitFor';

// The real server (startServer: SQLite in a temporary folder, port 0) sending to a real
// SMTP server on another free loopback port. Retries wait 50 ms instead of 30 s (and at
// most 200 ms instead of an hour, so a slow machine never waits out a long backoff), the
// outbox is read every 20 ms, so outages and recoveries take moments; a test can give
// the outbox and the digests a clock of its own.

export const PASSWORD = 'ett långt och hemligt lösenord';

/** Each mail test crosses two real servers and may wait out a retry; a machine busy with other work needs the room. */
export const SLOW = { timeout: 60_000 };

/**
 * Waits for a condition as tests/helpers/waitFor does, for up to 30 s: a mail passes
 * two servers and a retry or two, and on a machine busy with other work that can take
 * longer than the usual 10 s. It returns as soon as the condition holds.
 */
export const waitFor = <T>(check: () => T | Promise<T>, options: { timeoutMs?: number; what?: string } = {}) =>
  waitForCondition(check, { timeoutMs: 30_000, ...options });

export interface MailPerson {
  id: string;
  email: string;
  name: string;
  cookie: string;
}

export interface MailServer {
  server: RunningServer;
  sink: SmtpSink;
  logger: ReturnType<typeof createMemoryLogger>;
  person(role: Role, fields?: { name?: string; email?: string }): Promise<MailPerson>;
  send(method: string, path: string, who: MailPerson | null, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  outbox(): Promise<MailSummary[]>;
  /** Waits until the SMTP server has received mails matching `match`, at least `count`. */
  arrived(match: (m: ReceivedMail) => boolean, count?: number): Promise<ReceivedMail[]>;
  /** Stops the server and starts it again on the same data folder (and SMTP server). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function mailServer(options: { mail?: Partial<MailConfig>; clock?: () => number; digestPollMs?: number } = {}): Promise<MailServer> {
  const dir = tempDir('planbord-mail-');
  const sink = await startSmtpSink();
  const logger = createMemoryLogger();
  const start = (port = 0) =>
    startServer({
      port,
      dataDir: dir.path,
      clientDir: null,
      logger,
      seed: smallPlan,
      mail: { smtpUrl: sink.url, retryBaseMs: 50, ...options.mail },
      mailClock: options.clock,
      mailPollMs: 20,
      mailRetryMaxMs: 200,
      digestPollMs: options.digestPollMs ?? 3_600_000,
    });
  const handle: MailServer = {
    server: await start(),
    sink,
    logger,
    person: async (role, fields = {}) => {
      const id = newId();
      const email = fields.email ?? `${role}-${id}@example.se`;
      const name = fields.name ?? `Person ${id}`;
      const { people } = handle.server.auth;
      people.createUser({ id, email, name, organisation: '', role }, Date.now());
      people.setPasswordHash(id, await hashPassword(PASSWORD), Date.now());
      const res = await handle.send('POST', '/api/auth/sign-in', null, { email, password: PASSWORD });
      if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
      const cookie = res.headers.getSetCookie().map((c) => c.split(';', 1)[0]).join('; ');
      return { id, email, name, cookie };
    },
    send: (method, path, who, body, headers = {}) =>
      fetch(`${handle.server.url}${path}`, {
        method,
        headers: {
          origin: handle.server.url,
          [CSRF_HEADER]: CSRF_HEADER_VALUE,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(who ? { cookie: who.cookie } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    outbox: () => handle.server.mail.outbox.store.list(1000),
    arrived: (match, count = 1) =>
      waitFor(
        () => {
          const found = sink.received.filter(match);
          return found.length >= count ? found : null;
        },
        { what: `${count} mail(s) at the SMTP server` },
      ),
    restart: async () => {
      const port = handle.server.port;
      await handle.server.close();
      handle.server = await start(port);
    },
    close: async () => {
      await handle.server.close();
      await sink.close();
      dir.remove();
    },
  };
  return handle;
}

/** The text part of a received message (quoted-printable or plain), decoded enough to read links. */
export function textPart(mail: ReceivedMail): string {
  const qp = (s: string) =>
    Buffer.from(s.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  const part = /Content-Type: text\/plain[^]*?\r?\n\r?\n([^]*?)\r?\n--/i.exec(mail.raw);
  if (!part) return mail.raw;
  return /Content-Transfer-Encoding: quoted-printable/i.test(mail.raw.slice(0, mail.raw.indexOf(part[1]))) ? qp(part[1]) : part[1];
}

/** The seeded plan's id and its items' ids by activity (A–E). */
export async function planItemsOf(f: MailServer): Promise<{ planId: string; items: Record<string, string> }> {
  const { listItems } = await import('../../shared/plan/schema');
  const planId = (await f.server.store.plans.list())[0].id;
  const doc = f.server.sync.getDoc(`plan/${planId}`).doc;
  return { planId, items: Object.fromEntries(listItems(doc).map((i) => [i.activity, i.id])) };
}

/** A comment body mentioning people (Tiptap JSON as the editor sends it). */
export const mentioning = (text: string, ...people: MailPerson[]) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }, ...people.map((p) => ({ type: 'mention', attrs: { id: p.id, label: p.name } }))] }],
});
