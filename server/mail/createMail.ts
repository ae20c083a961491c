import type { MailLink } from '../auth/signInLinks';
import type { MailConfig } from '../config';
import type { Logger } from '../logger';
import type { Sql } from '../store/sql/Sql';
import { DigestScheduler, type DigestSchedulerDeps } from './DigestScheduler';
import { linkMailer } from './linkMailer';
import { MailSender } from './MailSender';
import { Outbox } from './Outbox';
import { smtpTransport, type MailTransport } from './smtpTransport';

// Everything mail in one server: the outbox that events queue into, the sender that
// delivers it and the scheduler of digests. Built before sign-in (which mails links),
// given the news once the discussion exists, started once the server listens.

export interface MailOptions {
  sql: Sql;
  /** Other processes send from the same outbox (PostgreSQL). */
  shared?: boolean;
  config: MailConfig;
  publicOrigin: () => string;
  logger: Logger;
  /** The clock of queueing, retries and digests; tests move their own. */
  now?: () => number;
  /** How often the outbox is read for due mails (default 1 s) and digests are looked at (default 1 min). */
  pollMs?: number;
  digestPollMs?: number;
  /** The longest wait between attempts (default an hour). */
  retryMaxMs?: number;
}

export interface Mail {
  readonly config: MailConfig;
  readonly outbox: Outbox;
  readonly sender: MailSender;
  /** Null until the discussion gives it the news to tell. */
  digests: DigestScheduler | null;
  /** The hook by which sign-in mails new links (createAuth's mailLink). */
  mailLink: MailLink;
  useNews(deps: Pick<DigestSchedulerDeps, 'news' | 'plans'>): void;
  start(): void;
  close(): Promise<void>;
}

const hostOf = (origin: string) => {
  try {
    return new URL(origin).hostname || 'localhost';
  } catch {
    return 'localhost';
  }
};

export function createMail(options: MailOptions): Mail {
  const { sql, config, logger } = options;
  const now = options.now ?? Date.now;
  const outbox = new Outbox(sql, { publicOrigin: options.publicOrigin, now, maxPerHour: config.maxPerHour });
  const transport: MailTransport | null = config.smtpUrl ? smtpTransport(config.smtpUrl) : null;
  const sender = new MailSender({
    outbox: outbox.store,
    transport,
    from: () => config.from ?? `Planbord <planbord@${hostOf(options.publicOrigin())}>`,
    logger,
    now,
    retryBaseMs: config.retryBaseMs,
    retryMaxMs: options.retryMaxMs,
    pollMs: options.pollMs,
    shared: options.shared,
  });
  let digestTimer: NodeJS.Timeout | null = null;
  let unlisten = () => {};
  let looking: Promise<unknown> = Promise.resolve();
  const mail: Mail = {
    config,
    outbox,
    sender,
    digests: null,
    mailLink: linkMailer(outbox),
    useNews: (deps) => {
      mail.digests = new DigestScheduler({ outbox, hour: config.digestHour, now, logger, ...deps });
    },
    start: () => {
      unlisten = outbox.onQueued(() => sender.wake());
      sender.start();
      const lookAtDigests = () => {
        looking = looking.then(() =>
          mail.digests
            ?.tick()
            .then((queued) => queued && sender.wake())
            .catch((err) => logger.error('making digests failed', { err })),
        );
      };
      // The first look in a turn of its own: its transactions span awaits (each a moment),
      // and none should be open while the caller that started the server goes on.
      setImmediate(lookAtDigests);
      digestTimer = setInterval(lookAtDigests, options.digestPollMs ?? 60_000);
      digestTimer.unref?.();
      if (!transport) logger.info('no SMTP_URL is set: mails are kept in the outbox (Utkorg) and written to this log, not sent');
    },
    close: async () => {
      unlisten();
      if (digestTimer) clearInterval(digestTimer);
      await looking;
      await sender.stop();
    },
  };
  return mail;
}
