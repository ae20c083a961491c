import nodemailer from 'nodemailer';

// The one place that speaks SMTP: nodemailer with a small pool of connections, so a
// digest to a thousand people does not open a thousand connections.

export interface OutgoingMail {
  from: string;
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  /** Stable across attempts: a receiving server can tell a repeat. */
  messageId: string;
  headers: Record<string, string>;
}

export interface MailTransport {
  /** Resolves once the mail server has accepted the mail; rejects with its answer. */
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** Connections kept open to the mail server, and mails sent at once. */
export const SMTP_CONNECTIONS = 4;

export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: SMTP_CONNECTIONS,
    // A mail server that does not answer is an outage like any other: give up on the
    // attempt soon and try again later, rather than holding the mail for minutes.
    connectionTimeout: 20_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
    // A connection that closes mid-mail fails the attempt here instead of being retried
    // inside nodemailer: the outbox is the one place that retries, re-reads the person
    // first and shows each attempt on Utkorg.
    maxRequeues: 0,
  });
  return {
    send: async (mail) => {
      await transporter.sendMail({ ...mail, disableFileAccess: true, disableUrlAccess: true });
    },
    close: () => transporter.close(),
  };
}
