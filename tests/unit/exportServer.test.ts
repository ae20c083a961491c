import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { can, ROLES, type Role } from '../../shared/auth/roles';
import { readPlanDocument } from '../../shared/plan/readPlanDocument';
import { startThread, setThreadResolved } from '../../shared/discussion/discussionOps';
import { sanitizeCommentBody } from '../../shared/discussion/sanitizeCommentBody';
import { listDirections, listItems } from '../../shared/plan/schema';
import { setStatus } from '../../shared/plan/itemOps';
import type { AuthEnv } from '../../server/auth/sessionMiddleware';
import { exportCommand } from '../../server/cli/exportCommand';
import { storeExportSources } from '../../server/export/storeExportSources';
import { exportRoutes } from '../../server/routes/exportRoutes';
import { seedFirstPlan, shippedSeedPlan } from '../../server/seedFirstPlan';
import { MeetingStore } from '../../server/store/MeetingStore';
import { openStore, type Store } from '../../server/store/openStore';
import { writePlanDocument } from '../../shared/plan/writePlanDocument';
import { smallPlan } from '../helpers/planFixture';
import { authFixture } from './authFixture';
import { firstOutOfOrder, parseCsv, readDocx, readPdfText, squash, tableTextInOrder } from './exportReaders';

// Exports from a real database in a temporary folder: over HTTP as the app serves them,
// and from the command line.

let dir: string;
let store: Store;
let meetings: MeetingStore;
let snapshotId: number;

function loadPlan(): Y.Doc {
  const doc = new Y.Doc();
  store.docs.load('plan/2025').updates.forEach((u) => Y.applyUpdate(doc, u));
  return doc;
}

/** Applies a change to a stored document the way the sync server does: store the update. */
function change(name: string, doc: Y.Doc, fn: () => void) {
  const before = Y.encodeStateVector(doc);
  fn();
  store.docs.append(name, Y.encodeStateAsUpdate(doc, before));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'planbord-export-'));
  store = openStore(dir);
  meetings = new MeetingStore(store.sql, () => Date.parse('2025-03-12T15:00:00Z'));
  await seedFirstPlan(store, shippedSeedPlan);
  const plan = loadPlan();
  const firstDirection = listDirections(plan)[0].id;
  const [first, second] = listItems(plan).filter((i) => i.directionId === firstDirection);
  const discussion = new Y.Doc();
  const board = { id: 'u1', name: 'Åsa Öberg', role: 'styrelse' as Role };
  change('discussion/2025', discussion, () => {
    startThread(discussion, first.id, sanitizeCommentBody('Hur går det med agendan?'), { actor: board, at: Date.parse('2025-03-01T09:00:00Z') });
    const { threadId } = startThread(discussion, second.id, sanitizeCommentBody('Datum klart?'), { actor: board, at: Date.parse('2025-03-02T09:00:00Z') });
    setThreadResolved(discussion, threadId, true, { actor: board, at: Date.parse('2025-03-03T09:00:00Z') });
  });
  const meeting = await meetings.createMeeting({ planId: '2025', title: 'Strategimöte 1', date: '2025-03-12', kind: 'strategimote', createdBy: null });
  snapshotId = (await meetings.addSnapshot({
    planId: '2025', meetingId: meeting.id, reason: 'manual', restoresId: null, createdBy: null, createdByName: 'Kansli', note: '',
    planState: Y.encodeStateAsUpdate(plan), discussionState: Y.encodeStateAsUpdate(discussion), plainJson: '{}', itemCount: 37, commentCount: 2,
  } as Parameters<MeetingStore['addSnapshot']>[0])).id;
  // After the snapshot the plan moves on: the first item is done.
  change('plan/2025', plan, () => setStatus(plan, first.id, 'done'));
});

afterAll(async () => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function app(role: Role | null) {
  const root = new Hono<AuthEnv>();
  // The session middleware's contract: c.var.user is the signed-in person or null.
  root.use('*', async (c, next) => {
    c.set('user', role ? { id: 'u', name: 'N', email: 'n@example.org', organisation: '', role } : null);
    await next();
  });
  root.route('/api', exportRoutes(storeExportSources(store, meetings), () => new Date('2025-05-23T08:00:00Z')));
  return root;
}

describe('GET /api/plans/:planId/export', () => {
  it('sends the Word file as an attachment named after the plan', async () => {
    const res = await app('kansli').request('/api/plans/2025/export?format=docx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="Verksamhetsplan-2025.docx"; filename*=UTF-8''Verksamhetsplan-2025.docx`);
    const docx = await readDocx(new Uint8Array(await res.arrayBuffer()));
    expect(docx.tables.map((t) => t.length - 1)).toEqual([11, 12, 14]);
    expect(docx.tables[0][1][4].text.split('\n')[0]).toBe('Klart');
    expect(docx.xml['word/header1.xml'] ?? Object.values(docx.xml).join('')).toContain('23 maj 2025');
  });

  it('exports a snapshot as it was, with its open comments when asked', async () => {
    const res = await app('kansli').request(`/api/plans/2025/export?format=csv&snapshot=${snapshotId}&comments=open&directions=0`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('Verksamhetsplan-2025-2025-03-12.csv');
    const rows = parseCsv((await res.text()).replace(/^\uFEFF/, ''));
    expect(rows).toHaveLength(12);
    expect(rows[1][5]).toBe('Pågår');
    expect(rows[1].at(-1)).toBe('Åsa Öberg (2025-03-01 10:00): Hur går det med agendan?');
    expect(rows[2].at(-1)).toBe('');
  });

  it('refuses roles without the export capability, unknown plans, snapshots and options', async () => {
    expect((await app('tjanstepersonforum').request('/api/plans/2025/export?format=pdf')).status).toBe(403);
    expect((await app(null).request('/api/plans/2025/export?format=pdf')).status).toBe(401);
    const bad = async (query: string, status: number, code: string) => {
      const res = await app('kansli').request(`/api/plans/${query}`);
      expect([res.status, (await res.json()).error.code]).toEqual([status, code]);
    };
    await bad('2025/export?format=exe', 400, 'BAD_EXPORT_OPTION');
    await bad('2025/export?format=md&comments=some', 400, 'BAD_EXPORT_OPTION');
    await bad('2025/export?format=md&directions=7', 400, 'DIRECTION_NOT_FOUND');
    await bad('2030/export?format=md', 404, 'PLAN_NOT_FOUND');
    await bad('2025/export?format=md&snapshot=999', 404, 'SNAPSHOT_NOT_FOUND');
  });
});

describe('GET /api/plans/:planId/export behind real sign-in', () => {
  it('gives each role what the role table grants: the secretariat the PDF with every action in order, the board and the forum a refusal', async () => {
    const f = await authFixture();
    try {
      f.app.route('/api', exportRoutes(storeExportSources(store, meetings)));
      // The live plan as stored, its first action done since the snapshot.
      const expected = ['Verksamhetsstrategi', 'Handlingsplanför2025', ...tableTextInOrder(readPlanDocument(loadPlan()))].map(squash);
      for (const role of ROLES) {
        const { cookie } = await f.cookieFor(role);
        const res = await f.get('/api/plans/2025/export?format=pdf', cookie);
        if (!can(role, 'export')) {
          expect([role, res.status, (await res.json()).error.code]).toEqual([role, 403, 'FORBIDDEN']);
          continue;
        }
        expect([role, res.status, res.headers.get('content-type')]).toEqual([role, 200, 'application/pdf']);
        const text = squash(await readPdfText(new Uint8Array(await res.arrayBuffer())));
        expect(firstOutOfOrder(text, expected)).toBeNull();
      }
      // Export is the secretariat's, as docs/sign-in.md and the role table say.
      expect(ROLES.filter((role) => can(role, 'export'))).toEqual(['kansli']);
      expect((await f.get('/api/plans/2025/export?format=pdf')).status).toBe(401);
    } finally {
      f.close();
    }
  });
});

describe('planbord export', () => {
  const run = async (...args: string[]) => {
    const err: string[] = [];
    const out: string[] = [];
    const code = await exportCommand.run(args, { DATA_DIR: dir }, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, err: err.join('\n'), out };
  };

  it('writes the file from the database, of the plan or a snapshot', async () => {
    const file = join(dir, 'plan.json');
    expect((await run('--format', 'json', '--out', file)).code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).directions[0].items[0].status).toBe('done');
    expect((await run('--format', 'json', '--plan', '2025', '--snapshot', String(snapshotId), '--out', file)).code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).directions[0].items[0].status).toBe('in_progress');
    const docx = join(dir, 'plan.docx');
    expect((await run('--format', 'docx', '--out', docx, '--directions', '2')).code).toBe(0);
    expect((await readDocx(readFileSync(docx))).tables.map((t) => t.length - 1)).toEqual([14]);
  });

  it('says what is wrong, exits non-zero and writes nothing on bad input', async () => {
    expect(await run('--format', 'xls', '--out', join(dir, 'x'))).toMatchObject({ code: 2, err: expect.stringContaining('format must be one of') });
    expect(await run('--format', 'md')).toMatchObject({ code: 2, err: expect.stringContaining('--out is missing') });
    const never = join(dir, 'never.md');
    expect(await run('--format', 'md', '--plan', '1999', '--out', never)).toMatchObject({ code: 1, err: 'there is no plan 1999', out: [] });
    expect(await run('--format', 'md', '--snapshot', '999', '--out', never)).toMatchObject({ code: 1, err: 'there is no snapshot 999' });
    expect(await run('--format', 'md', '--plan', '2025', '--snapshot', '999', '--out', never)).toMatchObject({ code: 1, err: 'plan 2025 has no snapshot 999' });
    expect(existsSync(never)).toBe(false);
  });

  // Last in the file: it adds a second plan to the shared database.
  it('exports a snapshot from its own plan once a newer plan exists', async () => {
    const next = new Y.Doc();
    writePlanDocument(next, { ...smallPlan(), plan: { ...smallPlan().plan, title: 'Handlingsplan 2026', year: 2026 } });
    await store.plans.create({ id: '2026', title: 'Handlingsplan 2026', year: 2026 });
    store.docs.append('plan/2026', Y.encodeStateAsUpdate(next));
    const file = join(dir, 'snapshot.json');
    const result = await run('--format', 'json', '--snapshot', String(snapshotId), '--out', file);
    expect(result).toMatchObject({ code: 0, err: `Wrote ${file} (${readFileSync(file).byteLength} bytes) from plan 2025, snapshot ${snapshotId}.` });
    const plan = JSON.parse(readFileSync(file, 'utf8'));
    expect([plan.year, plan.directions[0].items[0].status]).toEqual([2025, 'in_progress']);
    // Without a snapshot the newest plan is still the one exported.
    expect((await run('--format', 'json', '--out', file)).code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).title).toBe('Handlingsplan 2026');
  });
});
