import { performance } from 'node:perf_hooks';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../shared/auth/csrfHeader';
import { digestSlot } from '../../shared/mail/digestSlot';
import { listItems } from '../../shared/plan/schema';
import { newId } from '../../shared/plan/newId';
import { hashPassword } from '../../server/auth/password';
import { createMemoryLogger } from '../../server/logger';
import { startServer } from '../../server/startServer';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A digest for many people, queued and delivered: Planbord's own server (the shipped
// 2025 plan) in this process, pinned to the server's core, mailing to the SMTP server
// that the benchmark runs in its own process (BENCH_SMTP_URL). Each person gets a daily
// digest; one board member writes 20 comments, then the clock moves past the digest
// hour and the scheduler makes every digest at once. Prints RESULT <json>.

export interface MailDigestTimes {
  people: number;
  comments: number;
  /** Making and queueing every digest (the scheduler's pass, one transaction per person). */
  queueMs: number;
  /** From the queued digests to the last one accepted by the SMTP server. */
  deliverMs: number;
  mailsPerSecond: number;
  /** Average size of one stored digest (text and HTML). */
  bytesPerMail: number;
  rssMb: number;
}

const PEOPLE = Number(process.env.BENCH_MAIL_PEOPLE ?? 1000);
const COMMENTS = 20;
const DAY = 24 * 60 * 60 * 1000;

async function main(): Promise<void> {
  const smtpUrl = process.env.BENCH_SMTP_URL;
  if (!smtpUrl) throw new Error('BENCH_SMTP_URL is not set');
  const dir = mkdtempSync(join(tmpdir(), 'planbord-bench-mail-'));
  const clock = { now: Date.now() };
  const server = await startServer({
    port: 0,
    dataDir: dir,
    clientDir: null,
    logger: createMemoryLogger(),
    mail: { smtpUrl, digestHour: 7 },
    mailClock: () => clock.now,
    mailPollMs: 50,
    digestPollMs: 24 * 60 * 60 * 1000,
  });
  try {
    const { people } = server.auth;
    const ids: string[] = [];
    await people.transaction(async (tx) => {
      const { preferences } = server.mail.outbox.on(tx.sql);
      for (let i = 0; i < PEOPLE; i++) {
        const id = newId();
        await tx.createUser({ id, email: `person${i}@bench.example`, name: `Person ${i}`, organisation: 'Bench kommun', role: 'tjanstepersonforum' }, clock.now);
        await preferences.setFrequency(id, 'daily');
        ids.push(id);
      }
    });
    // The first look starts everyone's digests.
    await server.mail.digests!.tick();

    const author = newId();
    await people.createUser({ id: author, email: 'writer@bench.example', name: 'Skribent', organisation: '', role: 'styrelse' }, clock.now);
    await people.setPasswordHash(author, await hashPassword('bench password 2025'), clock.now);
    const headers = { origin: server.url, [CSRF_HEADER]: CSRF_HEADER_VALUE, 'content-type': 'application/json' };
    const signIn = await fetch(`${server.url}/api/auth/sign-in`, { method: 'POST', headers, body: JSON.stringify({ email: 'writer@bench.example', password: 'bench password 2025' }) });
    const cookie = signIn.headers.getSetCookie().map((c) => c.split(';', 1)[0]).join('; ');
    const plan = (await server.store.plans.list())[0];
    const items = listItems(server.sync.getDoc(`plan/${plan.id}`).doc);
    for (let i = 0; i < COMMENTS; i++) {
      const res = await fetch(`${server.url}/api/discussion/${plan.id}/items/${items[i % items.length].id}/threads`, {
        method: 'POST',
        headers: { ...headers, cookie },
        body: JSON.stringify({ body: `Kommentar ${i}: vad tycker forumet om den här punkten?` }),
      });
      if (res.status !== 201) throw new Error(`comment refused: ${res.status} ${await res.text()}`);
    }

    clock.now = digestSlot(clock.now + DAY, 'daily', 7) + 60_000;
    const started = performance.now();
    const queued = await server.mail.digests!.tick();
    const queuedAt = performance.now();
    if (queued < PEOPLE) throw new Error(`only ${queued} of ${PEOPLE} digests were queued`);
    server.mail.sender.wake();
    for (;;) {
      const counts = await server.mail.outbox.store.counts();
      if ((counts.sent ?? 0) >= PEOPLE) break;
      if ((counts.failed ?? 0) > 0) throw new Error(`a digest failed: ${JSON.stringify(counts)}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    const deliveredAt = performance.now();
    const sizes = (await server.store.sql.get<{ size: number }>(
      `SELECT avg(length(text_body) + length(html_body)) AS size FROM mail_outbox WHERE kind = 'digest'`,
    ))!.size;
    const result: MailDigestTimes = {
      people: PEOPLE,
      comments: COMMENTS,
      queueMs: queuedAt - started,
      deliverMs: deliveredAt - queuedAt,
      mailsPerSecond: PEOPLE / ((deliveredAt - queuedAt) / 1000),
      bytesPerMail: Math.round(sizes),
      rssMb: process.memoryUsage().rss / 1024 / 1024,
    };
    console.log(`RESULT ${JSON.stringify(result)}`);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error((err as Error).stack ?? err);
    process.exit(1);
  },
);
