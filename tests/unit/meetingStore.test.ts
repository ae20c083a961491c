import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { applyMigrations, readMigrations } from '../../server/store/applyMigrations';
import { MeetingStore, type NewSnapshot } from '../../server/store/MeetingStore';
import { SqliteSql } from '../../server/store/sql/SqliteSql';
import { writePlanDocument } from '../../shared/plan/writePlanDocument';
import { readKeyedPlan } from '../../shared/snapshot/readKeyedPlan';
import { smallPlan } from '../helpers/planFixture';
import { TEST_ENGINE, testStores, type TestStores } from '../helpers/testStores';

// Snapshot storage on a real database (SQLite, or PostgreSQL with TEST_ENGINE=postgres): what is written comes back byte for byte,
// and nothing (no method, no direct SQL) can change or remove it afterwards.

let store: TestStores;
let meetings: MeetingStore;
let clock: number;

beforeEach(async () => {
  clock = 1_741_770_000_000;
  store = await testStores(() => clock);
  meetings = store.meetings;
  await store.plans.create({ id: '2025', title: 'Verksamhetsplan 2025', year: 2025 });
});

afterEach(async () => {
  await store.close();
});

function newSnapshot(extra: Partial<NewSnapshot> = {}): NewSnapshot {
  const doc = new Y.Doc();
  writePlanDocument(doc, smallPlan());
  const plan = readKeyedPlan(doc);
  return {
    planId: '2025',
    meetingId: null,
    reason: 'manual',
    restoresId: null,
    createdBy: 'u-kansli',
    createdByName: 'Karin Kansli',
    note: 'Före mötet',
    planState: Y.encodeStateAsUpdate(doc),
    discussionState: null,
    plainJson: JSON.stringify(plan),
    itemCount: 5,
    commentCount: 0,
    ...extra,
  };
}

describe('snapshot storage', () => {
  it('keeps the state, the plain form, the meeting, the author and the server’s time', async () => {
    const meeting = await meetings.createMeeting({ planId: '2025', title: 'Strategimöte 1', date: '2025-03-12', kind: 'strategimote', createdBy: 'u1' });
    const input = newSnapshot({ meetingId: meeting.id, discussionState: new Uint8Array([0, 0]) });
    clock += 5000;
    const saved = await meetings.addSnapshot(input);
    expect(saved).toMatchObject({ planId: '2025', meetingId: meeting.id, reason: 'manual', createdByName: 'Karin Kansli', note: 'Före mötet', createdAt: clock, itemCount: 5 });
    const content = (await meetings.content(saved.id))!;
    expect(Buffer.compare(Buffer.from(content.planState), Buffer.from(input.planState))).toBe(0);
    expect([...content.discussionState!]).toEqual([0, 0]);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, content.planState);
    expect(readKeyedPlan(doc)).toEqual(JSON.parse((await meetings.plainJson(saved.id))!));
  });

  it('survives closing and reopening the database', async () => {
    const saved = await meetings.addSnapshot(newSnapshot());
    store = await store.reopen();
    meetings = store.meetings;
    expect(await meetings.snapshot(saved.id)).toEqual(saved);
    expect((await meetings.snapshots('2025')).map((s) => s.id)).toEqual([saved.id]);
  });

  it('lists newest first, per plan, and finds the one before', async () => {
    await store.plans.create({ id: '2026', title: 'Handlingsplan 2026', year: 2026 });
    const a = await meetings.addSnapshot(newSnapshot());
    const other = await meetings.addSnapshot(newSnapshot({ planId: '2026' }));
    const b = await meetings.addSnapshot(newSnapshot());
    expect((await meetings.snapshots('2025')).map((s) => s.id)).toEqual([b.id, a.id]);
    expect((await meetings.snapshots()).map((s) => s.id)).toEqual([b.id, other.id, a.id]);
    expect((await meetings.previousSnapshot('2025', b.id))?.id).toBe(a.id);
    expect(await meetings.previousSnapshot('2025', a.id)).toBeUndefined();
  });

  it('has no method that changes or removes a snapshot', async () => {
    const methods = Object.getOwnPropertyNames(MeetingStore.prototype);
    expect(methods.filter((m) => /snapshot/i.test(m))).toEqual(['addSnapshot', 'snapshot', 'snapshots', 'previousSnapshot']);
    expect(methods.some((m) => /update|delete|remove|replace|edit/i.test(m))).toBe(false);
  });

  it('refuses a direct UPDATE, DELETE or REPLACE in SQL, and the snapshot stays as it was', async () => {
    const saved = await meetings.addSnapshot(newSnapshot());
    const before = { info: await meetings.snapshot(saved.id), json: await meetings.plainJson(saved.id) };
    const { sql } = store;
    await expect(sql.run("UPDATE snapshots SET note = 'ändrad' WHERE id = ?", [saved.id])).rejects.toThrow(/cannot be changed/);
    await expect(sql.run('UPDATE snapshots SET plain_json = ? WHERE id = ?', ['{}', saved.id])).rejects.toThrow(/cannot be changed/);
    await expect(sql.run('DELETE FROM snapshots WHERE id = ?', [saved.id])).rejects.toThrow(/cannot be deleted/);
    await expect(sql.run('DELETE FROM snapshots')).rejects.toThrow(/cannot be deleted/);
    // SQLite's INSERT OR REPLACE deletes without firing delete triggers; PostgreSQL has no such statement.
    const replace = TEST_ENGINE === 'sqlite' ? 'INSERT OR REPLACE' : 'INSERT';
    await expect(
      sql.run(
        `${replace} INTO snapshots (id, plan_id, reason, created_at, plan_state, plain_json, item_count, comment_count)
         VALUES (?, '2025', 'manual', 0, ?, '{}', 0, 0)`,
        [saved.id, new Uint8Array([0])],
      ),
    ).rejects.toThrow(/cannot be replaced/);
    expect({ info: await meetings.snapshot(saved.id), json: await meetings.plainJson(saved.id) }).toEqual(before);
  });

  it('refuses a before-meeting snapshot that belongs to no meeting', async () => {
    await expect(meetings.addSnapshot(newSnapshot({ reason: 'before_meeting' }))).rejects.toThrow(/CHECK/i);
    expect(await meetings.snapshots()).toEqual([]);
  });

  it('refuses a snapshot of a plan that does not exist', async () => {
    await expect(meetings.addSnapshot(newSnapshot({ planId: 'nope' }))).rejects.toThrow(/FOREIGN KEY/i);
    expect(await meetings.snapshots()).toEqual([]);
  });
});

describe('meeting storage', () => {
  it('opens one meeting per plan at a time, keeping the plan as it was at the opening', async () => {
    const first = await meetings.createMeeting({ planId: '2025', title: 'Strategimöte 1', date: '2025-03-12', kind: 'strategimote', createdBy: 'u1' });
    const second = await meetings.createMeeting({ planId: '2025', title: 'Styrelsemöte', date: '2025-04-01', kind: 'styrelsemote', createdBy: 'u1' });
    expect(await meetings.open(first.id, new Uint8Array([1, 2, 3]))).toBe(true);
    expect(await meetings.open(first.id, new Uint8Array([9]))).toBe(false);
    expect([...(await meetings.openedState(first.id))!]).toEqual([1, 2, 3]);
    expect((await meetings.openMeeting('2025'))?.id).toBe(first.id);
    await expect(meetings.open(second.id, new Uint8Array([1]))).rejects.toThrow(/UNIQUE/i);
    expect(await meetings.close(first.id)).toBe(true);
    expect(await meetings.close(first.id)).toBe(false);
    expect(await meetings.openMeeting('2025')).toBeUndefined();
    expect(await meetings.open(second.id, new Uint8Array([1]))).toBe(true);
    expect((await meetings.meetings('2025')).map((m) => m.title)).toEqual(['Styrelsemöte', 'Strategimöte 1']);
  });

  it('refuses a kind or a date the schema does not know', async () => {
    await expect(meetings.createMeeting({ planId: '2025', title: 'X', date: '12 mars', kind: 'strategimote', createdBy: null })).rejects.toThrow(/CHECK/i);
    await expect(meetings.createMeeting({ planId: '2025', title: 'X', date: '2025-03-12', kind: 'fika' as never, createdBy: null })).rejects.toThrow(/CHECK/i);
    expect(await meetings.meetings('2025')).toEqual([]);
  });
});

describe.runIf(TEST_ENGINE === 'sqlite')('the schema of before-meeting snapshots (migration 007)', () => {
  it('keeps every snapshot stored before it, restores included, and every guard', async () => {
    const old = new Database(':memory:');
    old.pragma('foreign_keys = ON');
    applyMigrations(old, readMigrations().filter((m) => m.version < 7));
    old.prepare("INSERT INTO plans (id, title, year, created_at) VALUES ('2025', 'Verksamhetsplan 2025', 2025, 1)").run();
    const insert = old.prepare(
      `INSERT INTO snapshots (plan_id, reason, restores_id, created_by_name, created_at, note, plan_state, plain_json, item_count, comment_count)
       VALUES ('2025', ?, ?, 'Karin Kansli', ?, ?, x'0102', '{}', 5, 0)`,
    );
    insert.run('manual', null, 10, 'Före');
    insert.run('before_restore', 1, 20, '');
    const rows = () => old.prepare('SELECT * FROM snapshots ORDER BY id').all();
    const before = rows();
    expect(applyMigrations(old)).toContain('007_snapshots_before_meetings.sql');
    expect(rows()).toEqual(before);
    expect(old.pragma('foreign_key_check')).toEqual([]);
    expect(() => old.prepare("UPDATE snapshots SET note = 'x' WHERE id = 1").run()).toThrow(/cannot be changed/);
    expect(() => old.prepare('DELETE FROM snapshots WHERE id = 2').run()).toThrow(/cannot be deleted/);
    const after = new MeetingStore(new SqliteSql(old));
    const meeting = await after.createMeeting({ planId: '2025', title: 'Strategimöte 1', date: '2025-03-12', kind: 'strategimote', createdBy: null });
    expect((await after.addSnapshot(newSnapshot({ meetingId: meeting.id, reason: 'before_meeting' }))).reason).toBe('before_meeting');
    old.close();
  });
});
