import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { toDocx } from '../../server/export/toDocx';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../shared/auth/csrfHeader';
import { DEFAULT_EXPORT_OPTIONS } from '../../shared/export/types';
import type { ImportPreview } from '../../shared/import/importPreview';
import { parsePlanDocument } from '../../shared/import/parsePlanDocument';
import { readPlainPlan } from '../../shared/plan/readPlainPlan';
import { listItems } from '../../shared/plan/schema';
import { random } from '../helpers/awkwardPlans';
import { storedDoc } from '../helpers/storedDoc';
import { connectClient } from '../helpers/syncClient';
import { waitFor } from '../helpers/waitFor';
import { syncFixture, type Person, type SyncFixture } from './authSyncFixture';

const seedBytes = readFileSync(new URL('../../seed/verksamhetsplan-2025.txt', import.meta.url));
const seed = parsePlanDocument(seedBytes);
const seedLine = (start: string) => seedBytes.toString('utf8').split('\n').findIndex((l) => l.startsWith(start)) + 1;
let f: SyncFixture;
let kansli: Person;
let docx: Uint8Array;

beforeAll(async () => {
  f = await syncFixture();
  kansli = await f.person('kansli', 'Karin Kansli');
  docx = await toDocx({ document: seed }, DEFAULT_EXPORT_OPTIONS, { date: new Date() });
});
afterAll(() => f.close());

function upload(path: string, who: Person, bytes: Uint8Array, fields: Record<string, string> = {}, name = 'plan.docx') {
  const form = new FormData();
  form.set('file', new Blob([bytes as Uint8Array<ArrayBuffer>]), name);
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return fetch(`${f.origin}${path}`, { method: 'POST', headers: { ...who.headers, [CSRF_HEADER]: CSRF_HEADER_VALUE }, body: form });
}

const plans = async () => ((await (await f.http('GET', '/api/plans', kansli)).json()) as { plans: Array<{ id: string }> }).plans.map((p) => p.id);
const planState = async () => Y.encodeStateVector(await storedDoc(f.server.store)).join(',');

describe('importing a plan over HTTP', () => {
  it('is for the secretariat only: the board and the forum are refused', async () => {
    for (const role of ['styrelse', 'tjanstepersonforum'] as const) {
      const who = await f.person(role);
      for (const path of ['/api/imports/preview', '/api/imports/plans', '/api/plans/2025/import']) expect((await upload(path, who, docx)).status, `${role} ${path}`).toBe(403);
    }
    expect(await plans()).toEqual(['2025']);
  });

  it('previews a file without writing anything: directions, statuses beside their text, unknown parties, warnings with where', async () => {
    const before = await planState();
    const res = await upload('/api/imports/preview', kansli, seedBytes, {}, 'plan.txt');
    expect(res.status).toBe(200);
    const { preview } = (await res.json()) as { preview: ImportPreview };
    expect(preview).toMatchObject({ format: 'text', title: 'Verksamhetsplan 2025', year: 2025, version: 'Version 2', itemCount: 37 });
    expect(preview.directions.map((d) => d.items.length)).toEqual([11, 12, 14]);
    expect(preview.directions[0].items[0]).toEqual({ activity: 'SEKOMS Framtidsagenda', status: 'in_progress', statusNote: 'pågår', priority: 1, who: ['Styrelse', 'Kansli', 'Tjänstepersonforum', 'Medlemmar'], where: { line: seedLine('SEKOMS Framtidsagenda\t') } });
    expect(preview.unknownParties.map((p) => p.name)).toEqual(['Blekinge Tekniska Högskola', 'Miljöbarometern']);
    expect(preview.warnings).toContainEqual({ code: 'HEADER_SPELLING', where: { line: seedLine('Vad\tHur\tVem\tNär/Resur s') }, params: { written: 'När/Resur s', read: 'När/Resurs' } });
    expect(await plans()).toEqual(['2025']);
    expect(await planState()).toBe(before);
  });

  it('makes a new plan of a Word file, with the year, title, version and annual-meeting text asked for; the year then has its plan', async () => {
    const list = await f.http('GET', '/api/plans', kansli);
    const tag = list.headers.get('etag')!;
    const unchanged = await fetch(`${f.origin}/api/plans`, { headers: { ...kansli.headers, 'if-none-match': tag } });
    expect(unchanged.status).toBe(304);
    const res = await upload('/api/imports/plans', kansli, docx, { year: '2026', title: 'Verksamhetsplan 2026', version: 'Version 1', meetingText: 'Antas vid årsmötet 20 maj 2026' });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { plan: object }).plan).toMatchObject({ id: '2026', title: 'Verksamhetsplan 2026', year: 2026 });
    const changed = await fetch(`${f.origin}/api/plans`, { headers: { ...kansli.headers, 'if-none-match': tag } });
    expect(changed.status).toBe(200);
    expect(await plans()).toEqual(['2026', '2025']);
    const client = await connectClient(f.wsBase, 'plan/2026', { headers: kansli.headers });
    expect(readPlainPlan(client.doc)).toEqual({ ...seed.plan, title: 'Verksamhetsplan 2026', year: 2026 });
    expect(client.doc.getMap('meta').get('version')).toBe('Version 1');
    client.destroy();
    const again = await upload('/api/imports/plans', kansli, docx, { year: '2026' });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: 'YEAR_HAS_PLAN', message: expect.stringMatching(/Det finns redan en plan för 2026/) } });
  });

  it('replaces the current plan as one change the people on it see at once, after a snapshot', async () => {
    const board = await f.person('styrelse');
    const client = await connectClient(f.wsBase, 'plan/2025', { headers: board.headers });
    expect(listItems(client.doc)).toHaveLength(5);
    const res = await upload('/api/plans/2025/import', kansli, docx);
    expect(res.status).toBe(200);
    const { before } = (await res.json()) as { before: { reason: string; note: string; createdByName: string } };
    expect(before).toMatchObject({ reason: 'before_import', note: 'Före import av plan.docx', createdByName: 'Karin Kansli' });
    await waitFor(() => listItems(client.doc).length === 37, { what: 'the imported plan on the board' });
    expect(readPlainPlan(client.doc)).toEqual(seed.plan);
    client.destroy();
  });

  it('refuses what it cannot read with a Swedish message and writes nothing', { timeout: 120_000 }, async () => {
    const before = await planState();
    const cases: Array<[Uint8Array, string, RegExp]> = [
      [docx.subarray(0, docx.length >> 1), 'BROKEN_ZIP', /skadad eller avkortad/],
      [new TextEncoder().encode('Bara en rad utan årtal\n'), 'MISSING_TITLE', /^Rad \d: Planens titel med årtal saknas/],
      [Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(1024)]), 'OLD_WORD_FORMAT', /gamla format \(\.doc\)/],
      [new Uint8Array(10 * 1024 * 1024 + 70 * 1024), 'TOO_LARGE', /för stor/],
    ];
    for (const [bytes, code, says] of cases) {
      for (const path of ['/api/imports/preview', '/api/imports/plans', '/api/plans/2025/import']) {
        const res = await upload(path, kansli, bytes, { year: '2030' });
        expect(res.status, `${code} ${path}`).toBe(422);
        const { error } = (await res.json()) as { error: { code: string; importCode: string; message: string } };
        expect(error).toMatchObject({ code: 'IMPORT_REFUSED', importCode: code });
        expect(error.message).toMatch(says);
      }
    }
    expect(await plans()).toEqual(['2026', '2025']);
    expect(await planState()).toBe(before);
  });

  it('keeps answering through 120 truncated and mutated Word files, and a refused one changes no plan', { timeout: 120_000 }, async () => {
    const r = random(14);
    for (let n = 0; n < 120; n++) {
      const bytes = n % 2 ? docx.slice(0, r.int(docx.length)) : docx.slice();
      if (n % 2 === 0) for (let k = 0; k < 1 + r.int(30); k++) bytes[r.int(bytes.length)] = r.int(256);
      const before = await planState();
      const res = await upload(n % 3 ? '/api/plans/2025/import' : '/api/imports/preview', kansli, bytes);
      expect([200, 422]).toContain(res.status);
      await res.arrayBuffer();
      if (res.status === 422) expect(await planState()).toBe(before);
    }
    expect((await fetch(`${f.origin}/api/health`)).status).toBe(200);
    expect(await plans()).toEqual(['2026', '2025']);
  });
});
