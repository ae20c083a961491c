import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../shared/auth/csrfHeader';
import { setStatus } from '../../shared/plan/itemOps';
import { listItems } from '../../shared/plan/schema';
import { runServer, type RunningServer } from '../helpers/runServer';
import { signInFirstAdmin } from '../helpers/signInFirstAdmin';
import { startPostgres, type TestPostgres } from '../helpers/startPostgres';
import { connectClient, type SyncClient } from '../helpers/syncClient';
import { TEST_ENGINE } from '../helpers/testEngine';
import { waitFor } from '../helpers/waitFor';

// PostgreSQL goes away in the middle of a meeting (the test's own server, stopped at
// once as a crash would) and comes back: the change made meanwhile is refused with a clear
// message, not lost and not shown to anyone as if stored; the server keeps running and
// answers with a clear error; once the database is back everything resumes by itself
// and the refused change arrives.

const run = TEST_ENGINE === 'postgres' ? describe : describe.skip;

run('PostgreSQL away during a meeting', () => {
  let postgres: TestPostgres;
  let server: RunningServer;
  let headers: { cookie: string; origin: string };
  const clients: SyncClient[] = [];
  const connect = async () => {
    const c = await connectClient(`ws://127.0.0.1:${server.port}/ws`, 'plan/2025', { headers });
    clients.push(c);
    return c;
  };
  const status = (c: SyncClient, activity: string) => listItems(c.doc).find((i) => i.activity === activity)?.status;
  const api = (method: string, path: string, body?: unknown) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: { ...headers, [CSRF_HEADER]: CSRF_HEADER_VALUE, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    postgres = await startPostgres();
    server = await runServer({ CLIENT_BUILD: 'skip', DATABASE_URL: await postgres.createDatabase() });
    await waitFor(() => server.output().includes('#invitation='), { what: 'the first sign-in link', timeoutMs: 30_000 });
    headers = await signInFirstAdmin(server.url, server.output());
  }, 120_000);

  afterAll(async () => {
    clients.forEach((c) => c.destroy());
    await server?.dispose();
    await postgres?.stop();
  });

  it('refuses the change made while it is away, keeps running, and stores the change once it is back', async () => {
    const opened = await api('POST', '/api/plans/2025/meetings', { title: 'Strategimöte 2', date: '2025-09-10', kind: 'strategimote', open: true });
    expect(opened.status).toBe(201);
    const meeting = (await opened.json()) as { id: string };
    const [editor, viewer] = [await connect(), await connect()];
    const item = listItems(editor.doc)[0];
    setStatus(editor.doc, item.id, 'in_progress');
    await waitFor(() => status(viewer, item.activity) === 'in_progress', { what: 'an edit before' });
    const closes: Array<{ code: number; reason: string }> = [];
    editor.provider.on('connection-close', (event) => event && closes.push({ code: event.code, reason: event.reason }));

    await postgres.pause();
    setStatus(editor.doc, item.id, 'done');
    await waitFor(() => closes.length > 0, { what: 'the editor to be told' });
    expect(closes[0]).toEqual({ code: 4503, reason: 'storage unavailable, change not saved' });
    // Nobody got the change that was not stored.
    expect(status(viewer, item.activity)).toBe('in_progress');
    // The server is up and says what is wrong.
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ ok: false, database: 'unavailable' });
    const plans = await api('GET', '/api/plans');
    expect(plans.status).toBe(503);
    expect((await plans.json()).error.code).toBe('STORAGE_FAILURE');
    expect((await api('POST', '/api/plans/2025/snapshots', { note: 'Under avbrottet' })).status).toBe(503);
    expect(server.output()).toMatch(/could not store a change/);

    postgres.resume();
    // Both browsers come back by themselves, and the editor's change with them.
    await waitFor(() => status(viewer, item.activity) === 'done', { what: 'the refused change after the database is back', timeoutMs: 30_000 });
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    setStatus(viewer.doc, listItems(viewer.doc)[1].id, 'paused');
    await waitFor(() => status(editor, listItems(viewer.doc)[1].activity) === 'paused', { what: 'an edit afterwards' });
    // And it was stored: a browser that joins now reads both from the database, and the
    // meeting lists it among its changes and keeps it in its closing snapshot.
    const late = await connect();
    expect(status(late, item.activity)).toBe('done');
    const { open } = await (await api('GET', '/api/plans/2025/meetings')).json();
    expect(open.meeting.id).toBe(meeting.id);
    expect(open.changes).toEqual(expect.arrayContaining([expect.objectContaining({ activity: item.activity, change: expect.objectContaining({ field: 'status', to: 'done' }) })]));
    expect((await api('POST', `/api/meetings/${meeting.id}/close`, { note: 'Klart' })).status).toBe(200);
  }, 120_000);
});
