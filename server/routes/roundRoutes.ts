import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { readJson } from '../auth/readJson';
import { currentUser, requireCapability, type AuthEnv } from '../auth/sessionMiddleware';
import { checkSnapshotId } from '../meetings/checkMeetingInput';
import type { RoundService } from '../rounds/RoundService';

// Consultation rounds, mounted at /api. Who acts is always the session's person and the
// time the server's clock. Errors are typed (RoundError) and answered by the app's one
// error handler as { error: { code, message } }.
//   GET   /plans/:planId/rounds      { rounds } newest first, as the viewer may see them     everyone signed in
//   POST  /plans/:planId/rounds      { question, deadline: "YYYY-MM-DDTHH:MM" (Swedish time),
//                                      reminderDays: 1–60 | null, itemIds: [..] | directionId,
//                                      recipients: "forum" | [personId, ..] } -> 201 round       board, secretariat
//   GET   /rounds/people             { people: [{ id, name, organisation, role }] } (active)    board, secretariat
//   GET   /rounds/:id                round                                                      everyone signed in
//   PATCH /rounds/:id                { deadline?, reminderDays? } -> round                      board, secretariat
//   POST  /rounds/:id/close          -> round, closed now with its summary                      board, secretariat
//   GET   /snapshots/:id/rounds      { rounds } as the snapshot kept them (null: not kept)      everyone signed in

/** Hundreds of item and people ids and a long question fit well within this. */
const MAX_REQUEST_BYTES = 64 * 1024;

export function roundRoutes(service: RoundService) {
  const app = new Hono<AuthEnv>();
  // Mounted at /api beside other route groups: guards go on these routes only, never on '*'.
  const limit = bodyLimit({ maxSize: MAX_REQUEST_BYTES, onError: (c) => c.json({ error: { code: 'INVALID_INPUT', message: 'Begäran är för stor.' } }, 413) });
  const noStore = createMiddleware(async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  const read = [noStore, requireCapability('plan.read')] as const;
  const run = [noStore, limit, requireCapability('rounds.run')] as const;

  app.get('/plans/:planId/rounds', ...read, async (c) => c.json({ rounds: await service.list(currentUser(c), c.req.param('planId')) }));

  app.post('/plans/:planId/rounds', ...run, async (c) => {
    const body = await readJson(c);
    return c.json(await service.open(currentUser(c), c.req.param('planId'), body), 201);
  });

  app.get('/rounds/people', noStore, requireCapability('rounds.run'), async (c) => c.json({ people: await service.candidates() }));

  app.get('/rounds/:id', ...read, async (c) => c.json(await service.get(currentUser(c), c.req.param('id'))));

  app.patch('/rounds/:id', ...run, async (c) => {
    const body = await readJson(c);
    return c.json(await service.update(currentUser(c), c.req.param('id'), body));
  });

  app.post('/rounds/:id/close', ...run, async (c) => c.json(await service.close(currentUser(c), c.req.param('id'))));

  app.get('/snapshots/:id/rounds', noStore, requireCapability('history.read'), async (c) =>
    c.json({ rounds: await service.snapshotRounds(currentUser(c), checkSnapshotId(c.req.param('id'))) }),
  );

  return app;
}
