import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../server/cli/runCli';
import { snapshotCommand } from '../../server/cli/snapshotCommand';
import { deleteItem, setStatus, updateItem } from '../../shared/plan/itemOps';
import { listItems } from '../../shared/plan/schema';
import { planDocName } from '../../server/sync/docName';
import { meetingWorld, people, type MeetingWorld } from './meetingFixture';

// `planbord snapshot …` on a database the server is using at the same time: the SQLite
// file, or PostgreSQL with TEST_ENGINE=postgres.

let w: MeetingWorld;
beforeEach(async () => {
  w = await meetingWorld();
});
afterEach(async () => {
  await w.dispose();
});

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const env = { DATA_DIR: w.dir, ...(w.databaseUrl ? { DATABASE_URL: w.databaseUrl } : {}) };
  const code = await runCli(['snapshot', ...args], env, { out: (l) => out.push(l), err: (l) => err.push(l) }, [snapshotCommand]);
  return { code, out: out.join('\n'), err: err.join('\n') };
}
const idOf = (activity: string) => w.docs.read(planDocName('2025'), (doc) => listItems(doc).find((i) => i.activity === activity)!.id);

describe('planbord snapshot', () => {
  it('lists snapshots as JSON, newest first, with their meeting', async () => {
    expect(JSON.parse((await cli('list', '--json')).out)).toEqual([]);
    const meeting = await w.service.openMeeting(people.karin, (await w.service.createMeeting(people.karin, '2025', { title: 'Strategimöte 1', date: '2025-03-12', kind: 'strategimote' })).id);
    await w.service.takeSnapshot(people.kim, '2025', { note: 'Före beslut' });
    w.tick();
    await w.service.closeMeeting(people.karin, meeting.id);
    const { code, out } = await cli('list', '--json');
    expect(code).toBe(0);
    const list = JSON.parse(out);
    expect(list.map((s: { reason: string; meetingTitle: string; createdByName: string }) => [s.reason, s.meetingTitle, s.createdByName])).toEqual([
      ['closing', 'Strategimöte 1', 'Karin Kansli'],
      ['manual', 'Strategimöte 1', 'Kim Styrelse'],
      ['before_meeting', 'Strategimöte 1', 'Karin Kansli'],
    ]);
    expect(list[0].createdAt).toBe(new Date(list[0].createdAt).toISOString());
  });

  it('compares two snapshots, or a snapshot with the plan as it is now', async () => {
    const first = await w.service.takeSnapshot(people.karin, '2025', {});
    await w.edit(people.kim.id, (doc) => setStatus(doc, idOf('A'), 'done'));
    await w.edit(people.kim.id, (doc) => updateItem(doc, idOf('B'), { activity: 'B omformulerad' }));
    const second = await w.service.takeSnapshot(people.karin, '2025', {});
    await w.edit(people.eva.id, (doc) => deleteItem(doc, idOf('C')));

    const between = await cli('diff', String(first.id), String(second.id), '--json');
    expect(between.code).toBe(0);
    const diff = JSON.parse(between.out);
    expect(diff.from).toEqual({ snapshot: first.id });
    expect(diff.items.changed.map((c: { activity: string }) => c.activity)).toEqual(['A', 'B omformulerad']);
    expect(diff.items.removed).toEqual([]);

    const now = JSON.parse((await cli('diff', String(second.id), 'current', '--json')).out);
    expect(now.to).toEqual({ current: '2025' });
    expect(now.items.removed.map((i: { activity: string }) => i.activity)).toEqual(['C']);

    const text = await cli('diff', String(first.id), String(second.id));
    expect(text.out).toContain('A: status not_started → done');
    expect(text.out).toContain('activity: "B" → "B{+ omformulerad+}"');
  });

  it('says clearly what is wrong with the command line or the ids', async () => {
    expect(await cli('diff', '1')).toMatchObject({ code: 2, err: expect.stringContaining('usage:') });
    expect(await cli('diff', 'x', 'current')).toMatchObject({ code: 2, err: expect.stringContaining('Ogiltigt id') });
    expect(await cli('diff', 'current', 'current')).toMatchObject({ code: 2, err: expect.stringContaining('--plan') });
    expect(await cli('diff', '41', 'current')).toMatchObject({ code: 1, err: expect.stringContaining('41') });
    expect(await cli('list', '--plan', 'nej')).toMatchObject({ code: 1, err: expect.stringContaining('Planen finns inte') });
    expect(await cli('rename')).toMatchObject({ code: 2 });
  });
});
