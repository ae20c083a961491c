import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { moveItem, setPriority, setStatus, updateItem } from '../../shared/plan/itemOps';
import { writePlainText } from '../../shared/plan/richText';
import { listItems, planFocus, planStrategy } from '../../shared/plan/schema';
import { connectClient, type SyncClient } from '../helpers/syncClient';
import { waitFor } from '../helpers/waitFor';
import { syncFixture, type Person, type SyncFixture } from './authSyncFixture';

// The audit trail as people meet it: a card's recent history names who changed what
// and when, and the secretariat lists the latest changes across the plan.

interface ChangeJson {
  id: number;
  itemId: string;
  change: { field: string; from?: unknown; to?: unknown };
  at: number;
  user: { id: string; name: string } | null;
}

let fx: SyncFixture;
const clients: SyncClient[] = [];

beforeEach(async () => {
  fx = await syncFixture();
});
afterEach(async () => {
  clients.splice(0).forEach((c) => c.destroy());
  await fx.close();
});

async function history(path: string, who?: Person): Promise<ChangeJson[]> {
  const res = await fx.http('GET', path, who ?? (await fx.person('kansli')));
  expect(res.status).toBe(200);
  return ((await res.json()) as { changes: ChangeJson[] }).changes;
}

describe('the audit trail', () => {
  it('names who changed a card, what and when, newest first, and keeps it after compaction', async () => {
    const anna = await fx.person('styrelse', 'Anna Andersson');
    const bo = await fx.person('styrelse', 'Bo Berg');
    const a = await connectClient(fx.wsBase, 'plan/2025', { headers: anna.headers });
    const b = await connectClient(fx.wsBase, 'plan/2025', { headers: bo.headers });
    clients.push(a, b);
    const item = listItems(a.doc).find((i) => i.activity === 'B')!;
    const before = Date.now();
    setStatus(a.doc, item.id, 'done');
    await waitFor(() => listItems(b.doc).find((i) => i.id === item.id)!.status === 'done', { what: 'the status to reach Bo' });
    setPriority(b.doc, item.id, 1);
    let changes: ChangeJson[] = [];
    await waitFor(async () => (changes = await history(`/api/plans/2025/items/${item.id}/history`, bo)).length === 2, { what: 'two changes' });
    expect(changes.map((c) => [c.change, c.user?.name])).toEqual([
      [{ field: 'priority', from: null, to: 1 }, 'Bo Berg'],
      [{ field: 'status', from: 'not_started', to: 'done' }, 'Anna Andersson'],
    ]);
    expect(changes[1].at).toBeGreaterThanOrEqual(before);

    await fx.server.store.docs.compact('plan/2025');
    expect(await history(`/api/plans/2025/items/${item.id}/history`, bo)).toEqual(changes);
  });

  it('keeps a run of typing in one field as one change, from the first value to the last', async () => {
    const anna = await fx.person('styrelse', 'Anna');
    const a = await connectClient(fx.wsBase, 'plan/2025', { headers: anna.headers });
    clients.push(a);
    const item = listItems(a.doc).find((i) => i.activity === 'C')!;
    for (const text of ['C n', 'C ny', 'C nytt namn']) updateItem(a.doc, item.id, { activity: text });
    let changes: ChangeJson[] = [];
    await waitFor(async () => (changes = await history(`/api/plans/2025/items/${item.id}/history`))[0]?.change.to === 'C nytt namn', {
      what: 'the last keystroke',
    });
    expect(changes.map((c) => c.change)).toEqual([{ field: 'activity', from: 'C', to: 'C nytt namn' }]);
  });

  it('lists the latest changes across the plan for the secretariat only', async () => {
    const anna = await fx.person('styrelse', 'Anna');
    const a = await connectClient(fx.wsBase, 'plan/2025', { headers: anna.headers });
    clients.push(a);
    const [first, second] = listItems(a.doc);
    setStatus(a.doc, first.id, 'paused');
    moveItem(a.doc, second.id, { status: 'planned' });
    let changes: ChangeJson[] = [];
    await waitFor(async () => (changes = await history('/api/plans/2025/changes')).length === 2, { what: 'two changes' });
    expect(changes.map((c) => c.itemId)).toEqual([second.id, first.id]);
    expect(new Set(changes.map((c) => c.user?.name))).toEqual(new Set(['Anna']));

    expect((await fx.http('GET', '/api/plans/2025/changes', await fx.person('styrelse'))).status).toBe(403);
    expect((await fx.http('GET', '/api/plans/2025/changes', await fx.person('tjanstepersonforum'))).status).toBe(403);
    expect((await fetch(`${fx.origin}/api/plans/2025/changes`)).status).toBe(401);
    const older = await history(`/api/plans/2025/changes?before=${changes[0].id}&limit=5`);
    expect(older.map((c) => c.id)).toEqual([changes[1].id]);
    expect((await fx.http('GET', '/api/plans/2025/changes?before=x', await fx.person('kansli'))).status).toBe(400);
    expect((await fx.http('GET', '/api/plans/nope/changes', await fx.person('kansli'))).status).toBe(404);
  });

  it('records an edit of the strategy by who made it, a run of typing as one change, in the secretariat’s list', async () => {
    const anna = await fx.person('styrelse', 'Anna Andersson');
    const a = await connectClient(fx.wsBase, 'plan/2025', { headers: anna.headers });
    clients.push(a);
    const before = Date.now();
    for (const text of ['Vision\nVi', 'Vision\nVi arbetar', 'Vision\nVi arbetar för hållbarhet']) writePlainText(planStrategy(a.doc), text);
    let changes: ChangeJson[] = [];
    await waitFor(async () => (changes = await history('/api/plans/2025/changes'))[0]?.change.to === 'Vision\nVi arbetar för hållbarhet', {
      what: 'the last keystroke in the strategy',
    });
    expect(changes.map((c) => [c.itemId, c.change, c.user?.name])).toEqual([
      ['', { field: 'strategy', from: 'Vision', to: 'Vision\nVi arbetar för hållbarhet' }, 'Anna Andersson'],
    ]);
    expect(changes[0].at).toBeGreaterThanOrEqual(before);

    // The focus text is a change of its own, and the strategy's run ended with it.
    writePlainText(planFocus(a.doc), 'Fokus på klimatet');
    writePlainText(planStrategy(a.doc), 'Vision');
    await waitFor(async () => (changes = await history('/api/plans/2025/changes')).length === 3, { what: 'three changes' });
    expect(changes.map((c) => [c.change.field, c.change.from, c.change.to])).toEqual([
      ['strategy', 'Vision\nVi arbetar för hållbarhet', 'Vision'],
      ['focus', 'Fokus', 'Fokus på klimatet'],
      ['strategy', 'Vision', 'Vision\nVi arbetar för hållbarhet'],
    ]);
  });

  it('records nothing for a forum member whose changes the server drops', async () => {
    const forum = await fx.person('tjanstepersonforum', 'Frida');
    const f = await connectClient(fx.wsBase, 'plan/2025', { headers: forum.headers });
    clients.push(f);
    const item = listItems(f.doc)[0];
    setStatus(f.doc, item.id, 'done');
    const kansli = await fx.person('kansli');
    const probe = await connectClient(fx.wsBase, 'plan/2025', { headers: kansli.headers, doc: new Y.Doc() });
    clients.push(probe);
    setPriority(probe.doc, item.id, 3); // a real change after the dropped one, to wait on
    await waitFor(async () => (await history(`/api/plans/2025/items/${item.id}/history`, kansli)).length === 1, { what: 'the secretariat’s change' });
    const changes = await history(`/api/plans/2025/items/${item.id}/history`, kansli);
    expect(changes.map((c) => c.change.field)).toEqual(['priority']);
  });
});
