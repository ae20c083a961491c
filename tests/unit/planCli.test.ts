import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDocx } from '../../server/export/toDocx';
import { DEFAULT_EXPORT_OPTIONS } from '../../shared/export/types';
import { parsePlanDocument } from '../../shared/import/parsePlanDocument';
import { readPlainPlan } from '../../shared/plan/readPlainPlan';
import { listItems } from '../../shared/plan/schema';
import { updateItem } from '../../shared/plan/itemOps';
import { planbord, root } from '../helpers/planbordCli';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { connectClient, type SyncClient } from '../helpers/syncClient';
import { tempDir } from '../helpers/tempDir';
import { waitFor } from '../helpers/waitFor';

const seedText = join(root, 'seed', 'verksamhetsplan-2025.txt');
const seed = parsePlanDocument(readFileSync(seedText));
const work = tempDir('planbord-plan-cli-');
const data = join(work.path, 'data');
const cli = (...args: string[]) => planbord({ cwd: work.path, dataDir: data }, ...args);
afterAll(() => work.remove());

beforeAll(async () => {
  const docx = await toDocx({ document: seed }, DEFAULT_EXPORT_OPTIONS, { date: new Date() });
  // Named for the other format on purpose: the content says what a file is.
  writeFileSync(join(work.path, 'plan.txt'), docx);
  writeFileSync(join(work.path, 'plan.docx'), readFileSync(seedText));
});

// Each command is a process of its own that starts TypeScript; on a busy machine a few take a while.
const SLOW = { timeout: 120_000 };

describe('planbord import and plan', () => {
  it('imports a Word file and a text file by what they hold, whatever their names say', SLOW, async () => {
    const word = await cli('import', 'plan.txt', '--json');
    expect(word.code).toBe(0);
    expect(JSON.parse(word.stdout)).toEqual(seed.plan);
    const text = await cli('import', 'plan.docx', '--json');
    expect(JSON.parse(text.stdout)).toEqual(seed.plan);
  });

  it('makes plans from files, refuses a year that has one, lists them and exports each', SLOW, async () => {
    const made = await cli('plan', 'create', '--from', 'plan.txt', '--json');
    expect(made.code).toBe(0);
    expect(JSON.parse(made.stdout)).toEqual({ id: '2025', title: 'Verksamhetsplan 2025', year: 2025, items: 37 });
    const again = await cli('plan', 'create', '--from', 'plan.docx');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/Det finns redan en plan för 2025/);
    const next = await cli('plan', 'create', '--from', 'plan.docx', '--year', '2026', '--title', 'Verksamhetsplan 2026', '--version', 'Version 1', '--meeting-text', 'Antas vid årsmötet 2026', '--json');
    expect(JSON.parse(next.stdout)).toEqual({ id: '2026', title: 'Verksamhetsplan 2026', year: 2026, items: 37 });
    const list = await cli('plan', 'list', '--json');
    expect(JSON.parse(list.stdout)).toEqual([
      { id: '2026', title: 'Verksamhetsplan 2026', year: 2026, items: 37 },
      { id: '2025', title: 'Verksamhetsplan 2025', year: 2025, items: 37 },
    ]);
    const out = join(work.path, '2026.txt');
    expect((await cli('export', '--plan', '2026', '--format', 'txt', '--out', out)).code).toBe(0);
    const exported = parsePlanDocument(readFileSync(out));
    expect(exported).toEqual({ ...seed, plan: { ...seed.plan, title: 'Verksamhetsplan 2026', year: 2026 }, version: 'Version 1', preamble: [{ text: 'Antas vid årsmötet 2026', bold: true }] });
  });

  it('refuses a file it cannot read, and a command line it cannot use, writing nothing', SLOW, async () => {
    writeFileSync(join(work.path, 'broken.docx'), (await toDocx({ document: seed }, DEFAULT_EXPORT_OPTIONS, { date: new Date() })).subarray(0, 500));
    const broken = await cli('plan', 'create', '--from', 'broken.docx', '--year', '2030');
    expect(broken).toMatchObject({ code: 1, stdout: '' });
    expect(broken.stderr).toMatch(/damaged or cut short/);
    expect((await cli('plan', 'replace', '--from', 'plan.docx')).code).toBe(2);
    expect((await cli('plan', 'create')).code).toBe(2);
    expect(JSON.parse((await cli('plan', 'list', '--json')).stdout).map((p: { id: string }) => p.id)).toEqual(['2026', '2025']);
  });
});

describe('planbord plan beside a running server', () => {
  let server: TestServer;
  let clients: SyncClient[] = [];
  const items = (c: SyncClient) => listItems(c.doc);
  const serverCli = (...args: string[]) => planbord({ cwd: work.path, dataDir: server.dataDir }, ...args);

  beforeAll(async () => {
    server = await startTestServer();
    clients = [await connectClient(server.wsUrl), await connectClient(server.wsUrl)];
  });
  afterAll(async () => {
    clients.forEach((c) => c.destroy());
    await server.dispose();
  });

  it('replaces the plan as one change the people on it receive at once, after a snapshot before the import', SLOW, async () => {
    expect(items(clients[0])).toHaveLength(5);
    let updates = 0;
    clients[1].doc.on('update', () => updates++);
    const replaced = await serverCli('plan', 'replace', '2025', '--from', 'plan.txt', '--json');
    expect(replaced.code).toBe(0);
    expect(JSON.parse(replaced.stdout)).toMatchObject({ id: '2025', items: 37, snapshotBefore: 1 });
    for (const c of clients) await waitFor(() => items(c).length === 37, { what: 'the imported plan to arrive' });
    expect(updates).toBe(1);
    expect(readPlainPlan(clients[1].doc)).toEqual(seed.plan);
    const snapshots = JSON.parse((await serverCli('snapshot', 'list', '--json')).stdout);
    expect(snapshots[0]).toMatchObject({ id: 1, planId: '2025', reason: 'before_import', itemCount: 5, note: 'Före import av plan.txt' });
    // The plan goes on: an edit after the import reaches the other person, and a restart keeps both.
    const first = items(clients[0])[0];
    updateItem(clients[0].doc, first.id, { when: 'Hela 2026' });
    await waitFor(() => items(clients[1])[0].when === 'Hela 2026', { what: 'the edit after the import' });
    clients.forEach((c) => c.destroy());
    await server.restart();
    clients = [await connectClient(server.wsUrl)];
    expect(items(clients[0])).toHaveLength(37);
    expect(items(clients[0])[0].when).toBe('Hela 2026');
  });

  it('makes a new plan that the running server serves at once', SLOW, async () => {
    const made = await serverCli('plan', 'create', '--from', 'plan.docx', '--year', '2027', '--json');
    expect(JSON.parse(made.stdout)).toMatchObject({ id: '2027', items: 37 });
    const client = await connectClient(server.wsUrl, 'plan/2027');
    clients.push(client);
    expect(items(client)).toHaveLength(37);
  });
});
