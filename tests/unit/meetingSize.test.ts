import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { plainTextBody } from '../../shared/discussion/commentBody';
import { setThreadResolved, startThread } from '../../shared/discussion/discussionOps';
import { sanitizeCommentBody } from '../../shared/discussion/sanitizeCommentBody';
import { setStatus, updateItem } from '../../shared/plan/itemOps';
import { listItems } from '../../shared/plan/schema';
import { writePlanDocument } from '../../shared/plan/writePlanDocument';
import type { PlainItem } from '../../shared/plan/types';
import { discussionDocName, planDocName } from '../../server/sync/docName';
import { appendRows } from '../../server/store/appendRows';
import { smallPlan } from '../helpers/planFixture';
import { meetingWorld, people, type MeetingWorld } from './meetingFixture';

// A plan the size of a large association's: 1,000 items with 5,000 comments is
// snapshotted, listed and compared whole (how fast is for the benchmark to say).

let w: MeetingWorld;
beforeEach(async () => {
  w = await meetingWorld();
});
afterEach(async () => {
  await w.dispose();
});

function largePlan() {
  const base = smallPlan();
  const item = (n: number): PlainItem => ({
    activity: `Aktivitet ${n}`,
    how: `Arbeta med hållbar upphandling i kommun ${n}, tillsammans med regionen.`,
    who: ['Kansli', 'Styrelse'],
    when: 'Löpande',
    status: 'in_progress',
    statusNote: '',
    priority: ((n % 3) + 1) as 1 | 2 | 3,
  });
  return {
    ...base,
    plan: {
      ...base.plan,
      directions: [0, 1, 2].map((d) => ({ title: `Inriktning ${d + 1}`, items: Array.from({ length: d === 0 ? 334 : 333 }, (_, i) => item(d * 334 + i)) })),
    },
  };
}

describe('a plan of 1,000 items with 5,000 comments', () => {
  it('is snapshotted, listed and compared whole', async () => {
    const doc = new Y.Doc();
    writePlanDocument(doc, largePlan());
    await w.store.plans.create({ id: 'stor', title: 'Stor plan', year: 2025 });
    await w.store.sql.transaction((tx) => appendRows(tx, planDocName('stor'), [{ update: Y.encodeStateAsUpdate(doc), userId: null }], Date.now()));
    await w.sync.loadDoc(planDocName('stor'));
    await w.sync.loadDoc(discussionDocName('stor'));
    const items = listItems(doc);
    const idOf = (n: number) => items.find((i) => i.activity === `Aktivitet ${n}`)!.id;
    const body = sanitizeCommentBody(plainTextBody('Hur går det med upphandlingen?'));
    w.docs.change(discussionDocName('stor'), people.karin.id, (discussion) => {
      for (let c = 0; c < 5000; c++) startThread(discussion, items[c % items.length].id, body, { actor: people.karin, at: 1000 + c });
    });

    const first = await w.service.takeSnapshot(people.karin, 'stor', { note: 'Före' });
    expect(first).toMatchObject({ itemCount: 1000, commentCount: 5000 });
    await w.edit(people.kim.id, (d) => setStatus(d, idOf(10), 'done'), 'stor');
    await w.edit(people.kim.id, (d) => updateItem(d, idOf(500), { how: 'Arbeta med cirkulär upphandling i kommun 500, tillsammans med regionen.' }), 'stor');
    w.docs.change(discussionDocName('stor'), people.kim.id, (discussion) => {
      const [thread] = [...discussion.getMap('threads').keys()];
      setThreadResolved(discussion, thread, true, { actor: people.kim, at: 99_999 });
      startThread(discussion, idOf(42), body, { actor: people.kim, at: 100_000 });
    });
    const second = await w.service.takeSnapshot(people.kim, 'stor', {});

    expect((await w.service.snapshots('stor')).map((s) => s.id)).toEqual([second.id, first.id]);
    const diff = await w.service.compare(first.id, second.id);
    expect(diff.items.changed.map((c) => c.activity)).toEqual(['Aktivitet 10', 'Aktivitet 500']);
    expect(diff.items.changed[1].texts[0].segments.filter((s) => s.op !== 'same')).toEqual([
      { op: 'del', text: 'hållbar' },
      { op: 'add', text: 'cirkulär' },
    ]);
    expect(diff.comments.added.map((c) => c.activity)).toEqual(['Aktivitet 42']);
    expect(diff.threads.resolved).toHaveLength(1);
    expect(diff.items.added.length + diff.items.removed.length).toBe(0);
  });
});
