import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { onAuthError } from '../auth/authErrorResponse';
import { currentUser, requireCapability, type AuthEnv } from '../auth/sessionMiddleware';
import { DiscussionError } from '../../shared/discussion/DiscussionError';
import type { DiscussionService } from '../discussion/DiscussionService';
import type { WhatsNew } from '../discussion/WhatsNew';
import { StoreError } from '../store/StoreError';

// Comments, mounted at /api/discussion. The person is always the session's; the time
// always the server's. Answers `{ error: { code, message } }` on refusal:
//   GET    /people                                 { people: [{ id, name, organisation }] } for @mentions
//   POST   /:planId/items/:itemId/threads          { body } -> 201 { threadId, commentId }
//   POST   /:planId/threads/:threadId/comments     { body } -> 201 { commentId } (a reply)
//   PATCH  /:planId/comments/:commentId            { body }  edit one's own
//   DELETE /:planId/comments/:commentId            delete one's own
//   POST   /:planId/comments/:commentId/hide       the secretariat hides any
//   POST   /:planId/threads/:threadId/resolve      board, secretariat, the thread's author
//   POST   /:planId/threads/:threadId/reopen       (the same)
//   GET    /:planId/reads                          { reads: { itemId: readAt } }
//   POST   /:planId/items/:itemId/read             { readAt }
//   GET    /:planId/news                           "new since your last visit", item by item
//   POST   /:planId/news/seen                      { until? } -> { since }: seen up to a report's until (or now)
// `body` is Tiptap JSON (see shared/discussion/commentBody.ts) or plain text.

/** Far above any 20,000-character comment with formatting; stops huge requests early. */
const MAX_REQUEST_BYTES = 512 * 1024;

function onError(err: Error, c: Context): Response {
  if (err instanceof DiscussionError) return c.json({ error: { code: err.code, message: err.message } }, err.status);
  if (err instanceof StoreError && err.code === 'STORAGE_FAILURE') {
    return c.json({ error: { code: err.code, message: 'Kommentaren kunde inte sparas. Försök igen om en stund.' } }, 503);
  }
  return onAuthError(err, c);
}

/** The request's JSON object; an empty request is an empty object. */
async function readObject(c: Context, expected: string): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  let json: unknown = {};
  try {
    if (text.trim() !== '') json = JSON.parse(text);
  } catch {
    json = null;
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new DiscussionError('INVALID_INPUT', expected);
  return json as Record<string, unknown>;
}

async function readBody(c: Context): Promise<unknown> {
  const json = await readObject(c, 'Begäran ska vara ett JSON-objekt med kommentaren i fältet "body".');
  if (!('body' in json)) throw new DiscussionError('INVALID_INPUT', 'Begäran ska vara ett JSON-objekt med kommentaren i fältet "body".');
  return json.body;
}

/** The optional `{ until }` of marking news seen: a report's `until`; none means now. */
async function readSeenUntil(c: Context): Promise<number | undefined> {
  const { until } = await readObject(c, 'Begäran ska vara tom eller ett JSON-objekt med fältet "until".');
  if (until === undefined) return undefined;
  if (typeof until !== 'number' || !Number.isSafeInteger(until) || until < 0) {
    throw new DiscussionError('INVALID_INPUT', 'Fältet "until" ska vara en tidpunkt i millisekunder.');
  }
  return until;
}

export function commentRoutes(service: DiscussionService, news: WhatsNew) {
  const app = new Hono<AuthEnv>();
  app.onError(onError);
  app.use('*', requireCapability('plan.read'));
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_REQUEST_BYTES,
      onError: (c) => c.json({ error: { code: 'COMMENT_TOO_LONG', message: 'Kommentaren är för stor.' } }, 413),
    }),
  );
  app.use('*', async (c, next) => {
    c.header('Cache-Control', 'no-store');
    await next();
  });

  const user = (c: Context) => currentUser(c);
  // Every call of the service and the news checks that the plan exists.
  const plan = (c: Context) => c.req.param('planId') ?? '';

  app.get('/people', async (c) => c.json({ people: await service.mentionable() }));

  app.post('/:planId/items/:itemId/threads', async (c) => {
    const body = await readBody(c);
    return c.json(await service.startThread(user(c), plan(c), c.req.param('itemId'), body), 201);
  });

  app.post('/:planId/threads/:threadId/comments', async (c) => {
    const body = await readBody(c);
    return c.json(await service.reply(user(c), plan(c), c.req.param('threadId'), body), 201);
  });

  app.patch('/:planId/comments/:commentId', async (c) => {
    const body = await readBody(c);
    await service.edit(user(c), plan(c), c.req.param('commentId'), body);
    return c.json({ ok: true });
  });

  app.delete('/:planId/comments/:commentId', async (c) => {
    await service.remove(user(c), plan(c), c.req.param('commentId'));
    return c.json({ ok: true });
  });

  app.post('/:planId/comments/:commentId/hide', async (c) => {
    await service.hide(user(c), plan(c), c.req.param('commentId'));
    return c.json({ ok: true });
  });

  for (const [action, resolved] of [['resolve', true], ['reopen', false]] as const) {
    app.post(`/:planId/threads/:threadId/${action}`, async (c) => {
      await service.setResolved(user(c), plan(c), c.req.param('threadId'), resolved);
      return c.json({ ok: true });
    });
  }

  app.get('/:planId/reads', async (c) => c.json({ reads: await service.reads(user(c), plan(c)) }));

  app.post('/:planId/items/:itemId/read', async (c) => c.json({ readAt: await service.markRead(user(c), plan(c), c.req.param('itemId')) }));

  // Reading the news changes nothing; only marking it seen moves where it starts.
  app.get('/:planId/news', async (c) => c.json(await news.since(user(c), plan(c))));

  app.post('/:planId/news/seen', async (c) => c.json(await news.markSeen(user(c), plan(c), await readSeenUntil(c))));

  return app;
}
