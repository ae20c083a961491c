import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { DIGEST_FREQUENCIES, isDigestFrequency, isMailLanguage, MAIL_KINDS, type MailKind } from '../../shared/mail/MailKind';
import { settingsLink } from '../../shared/mail/mailLinks';
import { unsubscribePage } from '../../shared/mail/unsubscribePage';
import { currentUser, requireCapability, type AuthEnv } from '../auth/sessionMiddleware';
import type { Mail } from '../mail/createMail';
import { MailError } from '../mail/MailError';
import { readUnsubscribeToken } from '../mail/unsubscribeToken';

// Mail, mounted at /api. Errors are typed (MailError) and answered by the app's handler.
//   GET  /mail/outbox                 { smtp, counts, mails }: the newest mails and their state     secretariat
//   GET  /mail/outbox/:id             one mail with its text                                         secretariat
//   POST /mail/outbox/:id/resend      a failed or kept mail waits to be sent again -> { mail }       secretariat
//   GET  /me/settings                 { language, digest, kinds }                                    everyone signed in
//   PUT  /me/settings                 { language?, digest?, kinds? } -> the same                     everyone signed in
//   GET  /mail/unsubscribe/:token     the confirmation page (HTML); changes nothing                  anyone with the link
//   POST /mail/unsubscribe/:token     switches that kind off for that person (RFC 8058 one-click)    anyone with the link
// The secretariat's capability people.manage guards the outbox: its mails go to people
// and carry their sign-in links.

const SWITCHABLE = MAIL_KINDS.filter((k): k is Exclude<MailKind, 'digest'> => k !== 'digest');
const OUTBOX_LIMIT = 300;

async function readObject(c: Context): Promise<Record<string, unknown>> {
  let json: unknown;
  try {
    json = JSON.parse((await c.req.text()) || '{}');
  } catch {
    json = null;
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new MailError('INVALID_INPUT', 'Begäran ska vara ett JSON-objekt.');
  return json as Record<string, unknown>;
}

function mailId(c: Context): number {
  const id = Number(c.req.param('id'));
  if (!Number.isSafeInteger(id) || id < 1) throw new MailError('MAIL_NOT_FOUND', 'Mejlet finns inte.');
  return id;
}

export function mailRoutes(mail: Mail, origin: () => string) {
  const { outbox } = mail;
  const { store, preferences } = outbox;
  const app = new Hono<AuthEnv>();
  const noStore = createMiddleware(async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  const limit = bodyLimit({ maxSize: 16 * 1024, onError: (c) => c.json({ error: { code: 'INVALID_INPUT', message: 'Begäran är för stor.' } }, 413) });
  const manage = [noStore, limit, requireCapability('people.manage')] as const;

  app.get('/mail/outbox', ...manage, async (c) =>
    c.json({ smtp: mail.config.smtpUrl !== null, counts: await store.counts(), mails: await store.list(OUTBOX_LIMIT) }),
  );

  app.get('/mail/outbox/:id', ...manage, async (c) => {
    const found = await store.get(mailId(c));
    if (!found) throw new MailError('MAIL_NOT_FOUND', 'Mejlet finns inte.');
    const { html: _html, ...rest } = found;
    return c.json({ mail: rest });
  });

  app.post('/mail/outbox/:id/resend', ...manage, async (c) => {
    const id = mailId(c);
    if (!(await store.get(id))) throw new MailError('MAIL_NOT_FOUND', 'Mejlet finns inte.');
    if (!(await store.resend(id, outbox.context.now()))) throw new MailError('NOT_RESENDABLE', 'Bara mejl som misslyckats eller hållits kvar kan skickas igen.');
    mail.sender.wake();
    return c.json({ mail: (await store.list(OUTBOX_LIMIT)).find((m) => m.id === id) ?? null });
  });

  const settingsOf = async (userId: string) => {
    const off = await preferences.optouts(userId);
    return {
      language: await preferences.chosenLanguage(userId),
      digest: (await preferences.digest(userId)).frequency,
      kinds: Object.fromEntries(SWITCHABLE.map((k) => [k, !off.has(k)])),
    };
  };

  app.get('/me/settings', noStore, async (c) => c.json(await settingsOf(currentUser(c).id)));

  app.put('/me/settings', noStore, limit, async (c) => {
    const me = currentUser(c);
    const body = await readObject(c);
    const { language, digest, kinds } = body;
    if (language !== undefined && !isMailLanguage(language)) throw new MailError('INVALID_INPUT', 'Språket ska vara "sv" eller "en".');
    if (digest !== undefined && !isDigestFrequency(digest)) throw new MailError('INVALID_INPUT', `Sammanfattningen ska vara ${DIGEST_FREQUENCIES.join(', ')}.`);
    if (kinds !== undefined && (typeof kinds !== 'object' || kinds === null || Array.isArray(kinds))) throw new MailError('INVALID_INPUT', 'Fältet "kinds" ska vara ett objekt.');
    const switches = Object.entries((kinds ?? {}) as Record<string, unknown>);
    for (const [kind, on] of switches) {
      if (!(SWITCHABLE as string[]).includes(kind) || typeof on !== 'boolean') throw new MailError('INVALID_INPUT', `Okänd e-posttyp eller värde: ${kind}.`);
    }
    const now = outbox.context.now();
    await outbox.sql.transaction(async (tx) => {
      const mine = outbox.on(tx).preferences;
      if (language !== undefined) await mine.setLanguage(me.id, language);
      if (digest !== undefined) await mine.setFrequency(me.id, digest);
      for (const [kind, on] of switches) await mine.setKind(me.id, kind as MailKind, on as boolean, now);
    });
    return c.json(await settingsOf(me.id));
  });

  /** The person and kind of a valid link, or null; a link for someone no longer in Planbord is not valid. */
  const unsubscribing = async (c: Context) => {
    const found = readUnsubscribeToken(await preferences.secret(), c.req.param('token') ?? '');
    const person = found && (await preferences.recipient(found.userId));
    return found && person ? { ...found, person } : null;
  };
  const answer = async (c: Context, state: 'confirm' | 'done') => {
    const found = await unsubscribing(c);
    c.header('Cache-Control', 'no-store');
    if (!found) return c.html(unsubscribePage({ state: 'invalid' }), 404);
    if (state === 'done') await preferences.setKind(found.userId, found.kind, false, outbox.context.now());
    const { language, email } = found.person;
    return c.html(unsubscribePage({ state, lang: language, kind: found.kind, email, settingsUrl: settingsLink(origin()) }));
  };
  app.get('/mail/unsubscribe/:token', (c) => answer(c, 'confirm'));
  app.post('/mail/unsubscribe/:token', limit, (c) => answer(c, 'done'));

  return app;
}
