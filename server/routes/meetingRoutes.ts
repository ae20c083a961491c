import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { currentUser, requireCapability, type AuthEnv } from '../auth/sessionMiddleware';
import { checkMeetingId, checkSnapshotId } from '../meetings/checkMeetingInput';
import { MeetingError } from '../meetings/MeetingError';
import type { MeetingService, SnapshotRef } from '../meetings/MeetingService';

// Meetings, snapshots and the history, mounted at /api. Who acts is always the
// session's person and the time the server's clock. Errors are typed (MeetingError,
// StoreError's PLAN_EXISTS, …) and answered by the app's one error handler.
//   GET  /plans/:planId/meetings                 { meetings, open: { meeting, changes } | null }   everyone signed in
//   POST /plans/:planId/meetings                 { title, date, kind, open? } -> 201 meeting       board, secretariat
//   POST /meetings/:id/open                      -> meeting; stores its 'before_meeting' snapshot  board, secretariat
//   POST /meetings/:id/close                     { note? } -> { meeting, snapshot }                board, secretariat
//   GET  /meetings/:id/changes                   { changes } since it opened                       everyone signed in
//   GET  /plans/:planId/snapshots                { snapshots }                                     everyone signed in
//   POST /plans/:planId/snapshots                { note?, meetingId? } -> 201 snapshot             board, secretariat
//                                                (of the open meeting; a meetingId must name it, null: none)
//   GET  /snapshots/:id                          { snapshot, plan } (the keyed plain form, without
//                                                its rounds: see roundRoutes)                     everyone signed in
//   GET  /snapshots/:id/state                    the encoded Yjs state, to open it read-only        everyone signed in
//   GET  /snapshots/:id/discussion               its discussion's encoded Yjs state, read-only      everyone signed in
//   GET  /snapshots/:id/compare/:other           PlanDiff; :other is a snapshot id or "current"    everyone signed in
//   POST /snapshots/:id/restore                  -> { before, restored }                           secretariat
//   POST /snapshots/:id/new-plan                 { title, year, id?, resetStatuses? } -> 201 plan  secretariat

const MAX_REQUEST_BYTES = 16 * 1024;

async function readJson(c: Context): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  if (!text.trim()) return {};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new MeetingError('INVALID_INPUT', 'Begäran ska vara ett JSON-objekt.');
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new MeetingError('INVALID_INPUT', 'Begäran ska vara ett JSON-objekt.');
  return json as Record<string, unknown>;
}

export function meetingRoutes(service: MeetingService) {
  const app = new Hono<AuthEnv>();
  // Mounted at /api beside other route groups: guards go on these routes only, never on '*'.
  const limit = bodyLimit({ maxSize: MAX_REQUEST_BYTES, onError: (c) => c.json({ error: { code: 'INVALID_INPUT', message: 'Begäran är för stor.' } }, 413) });
  const noStore = createMiddleware(async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  const read = [noStore, requireCapability('history.read')] as const;
  const run = [noStore, limit, requireCapability('meetings.run')] as const;
  const manage = [noStore, limit, requireCapability('snapshots.manage')] as const;

  const planId = async (c: Context) => (await service.plan(c.req.param('planId') ?? '')).id;
  const snapshotId = (c: Context, name = 'id') => checkSnapshotId(c.req.param(name));
  const meetingId = (c: Context) => checkMeetingId(c.req.param('id'));

  app.get('/plans/:planId/meetings', ...read, async (c) => {
    const id = await planId(c);
    return c.json({ meetings: await service.meetings(id), open: await service.openMeetingOf(id) });
  });

  app.post('/plans/:planId/meetings', ...run, async (c) => {
    const body = await readJson(c);
    const created = await service.createMeeting(currentUser(c), await planId(c), body, body.open !== true);
    return c.json(body.open === true ? await service.openMeeting(currentUser(c), created.id) : created, 201);
  });

  app.post('/meetings/:id/open', ...run, async (c) => c.json(await service.openMeeting(currentUser(c), meetingId(c))));

  app.post('/meetings/:id/close', ...run, async (c) => {
    const body = await readJson(c);
    return c.json(await service.closeMeeting(currentUser(c), meetingId(c), body.note));
  });

  app.get('/meetings/:id/changes', ...read, async (c) => c.json({ changes: await service.changes(meetingId(c)) }));

  app.get('/plans/:planId/snapshots', ...read, async (c) => c.json({ snapshots: await service.snapshots(await planId(c)) }));

  app.post('/plans/:planId/snapshots', ...run, async (c) => {
    const body = await readJson(c);
    return c.json(await service.takeSnapshot(currentUser(c), await planId(c), body), 201);
  });

  app.get('/snapshots/:id', ...read, async (c) => {
    const id = snapshotId(c);
    // Its rounds are served by /snapshots/:id/rounds, as each viewer may see them.
    const { rounds: _rounds, ...plan } = await service.snapshotPlan(id);
    return c.json({ snapshot: await service.snapshot(id), plan });
  });

  const encoded = (c: Context, state: Uint8Array) => c.body(new Uint8Array(state), 200, { 'Content-Type': 'application/octet-stream' });
  app.get('/snapshots/:id/state', ...read, async (c) => encoded(c, await service.snapshotState(snapshotId(c))));
  app.get('/snapshots/:id/discussion', ...read, async (c) => encoded(c, await service.snapshotDiscussion(snapshotId(c))));

  app.get('/snapshots/:id/compare/:other', ...read, async (c) => {
    const from = snapshotId(c);
    const other = c.req.param('other');
    const to: SnapshotRef = other === 'current' ? { current: (await service.snapshot(from)).planId } : checkSnapshotId(other);
    return c.json(await service.compare(from, to));
  });

  app.post('/snapshots/:id/restore', ...manage, async (c) => c.json(await service.restore(currentUser(c), snapshotId(c))));

  app.post('/snapshots/:id/new-plan', ...manage, async (c) => {
    const body = await readJson(c);
    return c.json(await service.startNewPlan(currentUser(c), snapshotId(c), body), 201);
  });

  return app;
}
