import { SMTPServer } from 'smtp-server';
import { freePort } from './runServer';

// A real SMTP server over TCP on a free loopback port (smtp-server, no TLS, no sign-in
// needed), keeping every message it accepts as the raw bytes that crossed the wire. A
// test can stop it (connections are then refused), start it again on the same port,
// and make it answer every message with a refusal of its choice.

export interface ReceivedMail {
  from: string;
  to: string[];
  /** The message as received: headers, blank line, body. */
  raw: string;
  /** Header names lower-cased, folded lines joined. */
  headers: Map<string, string[]>;
  messageId: string;
  /** The Subject header, its encoded words decoded. */
  subject: string;
}

/** Decodes RFC 2047 encoded words (=?UTF-8?Q?…?= and =?UTF-8?B?…?=); adjacent words join without the space between them. */
export function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_, charset: string, enc: string, text: string) => {
      const bytes =
        enc.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64')
          : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1');
      return new TextDecoder(charset).decode(bytes);
    });
}

export interface SmtpSink {
  port: number;
  /** smtp://127.0.0.1:port, for SMTP_URL. */
  url: string;
  received: ReceivedMail[];
  /** From now on every message is answered with this SMTP reply (e.g. 451 or 550); null accepts again. */
  refuse(reply: { code: number; message: string } | null): void;
  /** The next message's connection is cut once its data has arrived, before any answer; `before` runs first. */
  dropNext(before?: () => void | Promise<void>): void;
  /** Stops listening and drops open connections: the next connection is refused. */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export function parseHeaders(raw: string): Map<string, string[]> {
  const head = raw.split(/\r?\n\r?\n/, 1)[0];
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const headers = new Map<string, string[]>();
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    headers.set(name, [...(headers.get(name) ?? []), line.slice(colon + 1).trim()]);
  }
  return headers;
}

export async function startSmtpSink(port?: number): Promise<SmtpSink> {
  const chosen = port ?? (await freePort());
  let refusal: { code: number; message: string } | null = null;
  let drop: (() => void | Promise<void>) | null = null;
  let server: SMTPServer | null = null;
  const received: ReceivedMail[] = [];

  const make = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      closeTimeout: 100,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          if (drop) {
            const before = drop;
            drop = null;
            // As a mail server that crashes or loses its network mid-message: no answer, the socket just ends.
            void Promise.resolve(before()).then(() => {
              for (const connection of server?.connections ?? []) (connection as unknown as { _socket: { destroy(): void } })._socket.destroy();
            });
            return;
          }
          if (refusal) {
            const err = Object.assign(new Error(refusal.message), { responseCode: refusal.code });
            return callback(err);
          }
          const raw = Buffer.concat(chunks).toString('utf8');
          const headers = parseHeaders(raw);
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
            headers,
            messageId: headers.get('message-id')?.[0] ?? '',
            subject: decodeWords(headers.get('subject')?.[0] ?? ''),
          });
          callback();
        });
      },
    });

  const sink: SmtpSink = {
    port: chosen,
    url: `smtp://127.0.0.1:${chosen}`,
    received,
    refuse: (reply) => void (refusal = reply),
    dropNext: (before = () => {}) => void (drop = before),
    start: () =>
      new Promise((resolve, reject) => {
        server = make();
        server.once('error', reject);
        server.listen(chosen, '127.0.0.1', () => resolve());
      }),
    stop: () =>
      new Promise((resolve) => {
        if (!server) return resolve();
        const s = server;
        server = null;
        s.close(() => resolve());
      }),
    close: () => sink.stop(),
  };
  await sink.start();
  return sink;
}
