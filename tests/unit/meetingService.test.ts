import { readPlanDocument } from '../../shared/plan/readPlanDocument';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addItem, deleteItem, moveItem, setPriority, setStatus, updateItem } from '../../shared/plan/itemOps';
import { writePlainText } from '../../shared/plan/richText';
import { listDirections, listItems, planFocus, planStrategy } from '../../shared/plan/schema';
import { readKeyedPlan } from '../../shared/snapshot/readKeyedPlan';
import { isEmptyDiff } from '../../shared/snapshot/PlanDiff';
import { snapshotOfPlan } from '../../server/meetings/snapshotOfPlan';
import { planDocName } from '../../server/sync/docName';
import { meetingWorld, people, type MeetingWorld } from './meetingFixture';
import { refuseWrites } from '../helpers/refuseWrites';
import { newestAuthor, storedRows } from '../helpers/storedDoc';
import { waitFor } from '../helpers/waitFor';

const { kim, eva, karin } = people;
let w: MeetingWorld;

beforeEach(async () => {
  w = await meetingWorld();
});
afterEach(async () => {
  await w.dispose();
});

const read = <T>(fn: (doc: Y.Doc) => T, planId = '2025') => w.docs.read(planDocName(planId), fn);
const idOf = (activity: string) => read((doc) => listItems(doc).find((i) => i.activity === activity)!.id);
const strategymeeting = () => w.service.createMeeting(karin, '2025', { title: 'Strategimöte 1', date: '2025-03-12', kind: 'strategimote' });

describe('meetings', () => {
  it('refuses a meeting without title, with a date that does not exist, or of an unknown kind, storing nothing', async () => {
    const bad = [
      { title: ' ', date: '2025-03-12', kind: 'strategimote' },
      { title: 'Möte', date: '2025-02-30', kind: 'strategimote' },
      { title: 'Möte', date: '12/3', kind: 'strategimote' },
      { title: 'Möte', date: '2025-03-12', kind: 'fika' },
      { title: 42, date: '2025-03-12', kind: 'arsmote' },
    ];
    for (const input of bad) await expect(w.service.createMeeting(karin, '2025', input)).rejects.toThrow(expect.objectContaining({ code: 'INVALID_INPUT', status: 400 }));
    await expect(w.service.createMeeting(karin, 'nope', { title: 'Möte', date: '2025-03-12', kind: 'arsmote' })).rejects.toThrow(expect.objectContaining({ code: 'PLAN_NOT_FOUND' }));
    expect(await w.service.meetings('2025')).toEqual([]);
  });

  it('lists what two board members changed since the meeting opened, each with who did it', async () => {
    const meeting = await w.service.openMeeting(karin, (await strategymeeting()).id);
    expect(await w.service.openMeetingOf('2025')).toMatchObject({ meeting: { id: meeting.id }, changes: [] });
    const [, second] = read((doc) => listDirections(doc));
    const [a, b, c, d, e] = ['A', 'B', 'C', 'D', 'E'].map(idOf);
    await w.edit(kim.id, (doc) => setStatus(doc, a, 'in_progress'));
    await w.edit(kim.id, (doc) => setStatus(doc, a, 'done'));
    await w.edit(eva.id, (doc) => setPriority(doc, b, 1));
    await w.edit(eva.id, (doc) => moveItem(doc, c, { directionId: second.id }));
    await w.edit(kim.id, (doc) => deleteItem(doc, d));
    await w.edit(eva.id, (doc) => updateItem(doc, e, { how: 'Hur för E, med kommunerna' }));
    await w.edit(kim.id, (doc) => addItem(doc, { directionId: second.id, activity: 'Ny aktivitet' }));
    const changes = (await w.service.openMeetingOf('2025'))!.changes;
    const line = (ch: (typeof changes)[number]) => [ch.activity, ch.change, ch.people.map((p) => p.name)];
    expect(changes.map(line)).toEqual([
      ['Ny aktivitet', { field: 'created' }, ['Kim Styrelse']],
      ['E', { field: 'how', from: 'Hur för E', to: 'Hur för E, med kommunerna' }, ['Eva Ordförande']],
      ['D', { field: 'deleted' }, ['Kim Styrelse']],
      ['C', { field: 'direction', from: 'Förebild och föregångare', to: 'Pådrivare och opinionsbildare' }, ['Eva Ordförande']],
      ['B', { field: 'priority', from: null, to: 1 }, ['Eva Ordförande']],
      ['A', { field: 'status', from: 'not_started', to: 'done' }, ['Kim Styrelse']],
    ]);
  });

  it('lists edits of the strategy and focus texts with who made them, and compares them between snapshots', async () => {
    await w.edit(karin.id, (doc) => writePlainText(planStrategy(doc), 'Vision\nEn hållbar kommun.'));
    const before = await w.service.takeSnapshot(karin, '2025', {});
    const meeting = await w.service.openMeeting(karin, (await strategymeeting()).id);
    await w.edit(kim.id, (doc) => writePlainText(planStrategy(doc), 'Vision\nEn'));
    await w.edit(kim.id, (doc) => writePlainText(planStrategy(doc), 'Vision\nEn cirkulär och hållbar kommun.'));
    const a = idOf('A');
    await w.edit(eva.id, (doc) => setStatus(doc, a, 'done'));
    await w.edit(eva.id, (doc) => writePlainText(planFocus(doc), 'Fokus på klimatanpassning'));
    const changes = await w.service.changes(meeting.id);
    expect(changes.map((c) => [c.itemId, c.activity, c.change, c.people.map((p) => p.name)])).toEqual([
      ['', '', { field: 'focus', from: 'Fokus', to: 'Fokus på klimatanpassning' }, ['Eva Ordförande']],
      [a, 'A', { field: 'status', from: 'not_started', to: 'done' }, ['Eva Ordförande']],
      ['', '', { field: 'strategy', from: 'Vision\nEn hållbar kommun.', to: 'Vision\nEn cirkulär och hållbar kommun.' }, ['Kim Styrelse']],
    ]);
    const during = await w.service.takeSnapshot(kim, '2025', {});
    const diff = await w.service.compare(before.id, during.id);
    expect(diff.texts.map((t) => [t.field, t.segments.filter((s) => s.op !== 'same')])).toEqual([
      ['strategy', [{ op: 'add', text: 'cirkulär och ' }]],
      ['focus', [{ op: 'add', text: ' på klimatanpassning' }]],
    ]);
    // Restoring the earlier snapshot brings the texts back, as a change by the secretariat.
    w.tick();
    await w.service.restore(karin, before.id);
    expect((await w.service.compare(during.id, { current: '2025' })).texts.map((t) => [t.field, t.to])).toEqual([
      ['strategy', 'Vision\nEn hållbar kommun.'],
      ['focus', 'Fokus'],
    ]);
    // The restore is in the audit trail; the meeting's list nets it out, as the texts are back where they began.
    const restored = (await w.store.changes.forPlan('2025', 3)).filter((c) => c.userId === karin.id);
    expect(restored.map((c) => c.change.field).sort()).toEqual(['focus', 'status', 'strategy']);
    expect(await w.service.changes(meeting.id)).toEqual([]);
  });

  it('reads a snapshot stored before the strategy and focus were kept, and compares it without them', async () => {
    // Stored the way the server stored snapshots then: the same content, a plain form without the texts.
    const { plan, plainJson: _json, ...content } = snapshotOfPlan(w.docs, '2025');
    const { strategy: _s, focus: _f, ...plain } = plan;
    const old = await w.meetings.addSnapshot({ planId: '2025', meetingId: null, reason: 'manual', note: '', restoresId: null, createdBy: karin.id, createdByName: karin.name, ...content, plainJson: JSON.stringify(plain) });
    expect(await w.service.snapshotPlan(old.id)).not.toHaveProperty('strategy');
    await w.edit(kim.id, (doc) => writePlainText(planStrategy(doc), 'Vision\nNy strategi.'));
    await w.edit(kim.id, (doc) => setStatus(doc, idOf('B'), 'done'));
    const diff = await w.service.compare(old.id, { current: '2025' });
    expect(diff.texts).toEqual([]);
    expect(diff.items.changed.map((c) => c.activity)).toEqual(['B']);
  });

  it('names who made each change even after the stored updates were compacted', async () => {
    await w.dispose();
    w = await meetingWorld({ compactThreshold: 3 });
    const meeting = await w.service.openMeeting(karin, (await strategymeeting()).id);
    const a = idOf('A');
    for (const status of ['planned', 'in_progress', 'paused', 'done'] as const) await w.edit(kim.id, (doc) => setStatus(doc, a, status));
    // Compaction runs on another thread after the changes are sent on.
    await waitFor(async () => (await storedRows(w.store, planDocName('2025'))) < 4, { what: 'compaction' });
    const [change] = await w.service.changes(meeting.id);
    expect(change).toMatchObject({ activity: 'A', change: { field: 'status', from: 'not_started', to: 'done' }, people: [{ id: kim.id, name: 'Kim Styrelse' }] });
  });

  it('opens one meeting at a time and takes a snapshot when it closes', async () => {
    const first = await w.service.openMeeting(karin, (await strategymeeting()).id);
    const second = await w.service.createMeeting(kim, '2025', { title: 'Styrelsemöte', date: '2025-04-02', kind: 'styrelsemote' });
    await expect(w.service.openMeeting(karin, second.id)).rejects.toThrow(expect.objectContaining({ code: 'ANOTHER_MEETING_OPEN', status: 409 }));
    await w.edit(kim.id, (doc) => setStatus(doc, idOf('A'), 'done'));
    w.tick();
    const { meeting, snapshot } = await w.service.closeMeeting(eva, first.id, 'Beslut enligt protokoll');
    expect(meeting.closedAt).not.toBeNull();
    expect(snapshot).toMatchObject({ meetingId: first.id, reason: 'closing', createdByName: 'Eva Ordförande', note: 'Beslut enligt protokoll' });
    expect((await w.service.snapshotPlan(snapshot.id)).directions[0].items[0]).toMatchObject({ activity: 'A', status: 'done' });
    await expect(w.service.closeMeeting(eva, first.id)).rejects.toThrow(expect.objectContaining({ code: 'MEETING_NOT_OPEN' }));
    await expect(w.service.openMeeting(karin, first.id)).rejects.toThrow(expect.objectContaining({ code: 'MEETING_CLOSED' }));
    // Changes after the meeting closed are not the meeting's.
    await w.edit(kim.id, (doc) => setPriority(doc, idOf('B'), 3));
    expect((await w.service.changes(first.id)).map((c) => c.activity)).toEqual(['A']);
    expect(await w.service.openMeetingOf('2025')).toBeNull();
    expect((await w.service.openMeeting(karin, second.id)).openedAt).not.toBeNull();
  });

  it('stores the plan as it was before the meeting when it opens, by the person opening it, so a meeting has a before and an after', async () => {
    await w.edit(kim.id, (doc) => setStatus(doc, idOf('A'), 'planned'));
    w.tick(5000);
    const meeting = await w.service.openMeeting(kim, (await strategymeeting()).id);
    const [before] = await w.service.snapshots('2025');
    expect(before).toMatchObject({ meetingId: meeting.id, reason: 'before_meeting', createdBy: kim.id, createdByName: 'Kim Styrelse', createdAt: meeting.openedAt, itemCount: 5 });
    await w.edit(eva.id, (doc) => setStatus(doc, idOf('A'), 'done'));
    // Opening again changes nothing and stores nothing.
    expect((await w.service.openMeeting(eva, meeting.id)).openedAt).toBe(meeting.openedAt);
    const during = await w.service.takeSnapshot(eva, '2025', { note: 'Efter beslut om A' });
    w.tick();
    const { snapshot: after } = await w.service.closeMeeting(eva, meeting.id);
    expect((await w.service.snapshots('2025')).map((s) => [s.id, s.meetingId, s.reason])).toEqual([
      [after.id, meeting.id, 'closing'],
      [during.id, meeting.id, 'manual'],
      [before.id, meeting.id, 'before_meeting'],
    ]);
    expect((await w.service.snapshotPlan(before.id)).directions[0].items[0]).toMatchObject({ activity: 'A', status: 'planned' });
    expect((await w.service.compare(before.id, after.id)).items.changed).toMatchObject([{ activity: 'A', status: { from: 'planned', to: 'done' } }]);
  });

  it('opens no meeting when its before-snapshot cannot be stored, and stores no snapshot when the meeting cannot open', async () => {
    const first = await w.service.openMeeting(karin, (await strategymeeting()).id);
    const second = await w.service.createMeeting(kim, '2025', { title: 'Styrelsemöte', date: '2025-04-02', kind: 'styrelsemote' });
    await expect(w.service.openMeeting(kim, second.id)).rejects.toThrow(expect.objectContaining({ code: 'ANOTHER_MEETING_OPEN' }));
    expect((await w.service.snapshots('2025')).map((s) => s.meetingId)).toEqual([first.id]);
    await w.service.closeMeeting(karin, first.id);
    await refuseWrites(w.store.sql, 'snapshots', 'disk full');
    await expect(w.service.openMeeting(kim, second.id)).rejects.toThrow(/disk full/);
    expect((await w.service.meeting(second.id)).openedAt).toBeNull();
    expect(await w.service.openMeetingOf('2025')).toBeNull();
  });

  it('files a snapshot under the open meeting, and refuses one that names a meeting that is not open', async () => {
    const planned = await strategymeeting();
    await expect(w.service.takeSnapshot(kim, '2025', { meetingId: planned.id })).rejects.toThrow(expect.objectContaining({ code: 'MEETING_NOT_OPEN', status: 409 }));
    const meeting = await w.service.openMeeting(karin, planned.id);
    expect(await w.service.takeSnapshot(kim, '2025', { meetingId: meeting.id })).toMatchObject({ meetingId: meeting.id, reason: 'manual' });
    expect((await w.service.takeSnapshot(kim, '2025', { meetingId: null })).meetingId).toBeNull();
    await w.service.closeMeeting(karin, meeting.id);
    const count = (await w.service.snapshots('2025')).length;
    await expect(w.service.takeSnapshot(kim, '2025', { meetingId: meeting.id })).rejects.toThrow(expect.objectContaining({ code: 'MEETING_NOT_OPEN' }));
    await expect(w.service.takeSnapshot(kim, '2025', { meetingId: 'ett' })).rejects.toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    await expect(w.service.takeSnapshot(kim, '2025', { meetingId: 999 })).rejects.toThrow(expect.objectContaining({ code: 'MEETING_NOT_FOUND' }));
    expect(await w.service.snapshots('2025')).toHaveLength(count);
  });

  it('ties a snapshot to the open meeting, and compares it with the previous one and with now', async () => {
    const before = await w.service.takeSnapshot(karin, '2025', { note: 'Före' });
    expect(before.meetingId).toBeNull();
    const meeting = await w.service.openMeeting(karin, (await strategymeeting()).id);
    await w.edit(kim.id, (doc) => setStatus(doc, idOf('C'), 'done'));
    await w.edit(eva.id, (doc) => updateItem(doc, idOf('A'), { activity: 'A med ny lydelse' }));
    const during = await w.service.takeSnapshot(kim, '2025', {});
    expect(during).toMatchObject({ meetingId: meeting.id, reason: 'manual', createdByName: 'Kim Styrelse', itemCount: 5 });
    const diff = await w.service.compare(before.id, during.id);
    expect(diff.items.changed.map((c) => [c.activity, c.status ?? null, c.texts.map((t) => t.segments)])).toEqual([
      ['A med ny lydelse', null, [[{ op: 'same', text: 'A' }, { op: 'add', text: ' med ny lydelse' }]]],
      ['C', { from: 'in_progress', to: 'done' }, []],
    ]);
    expect(isEmptyDiff(await w.service.compare(during.id, { current: '2025' }))).toBe(true);
    await w.edit(kim.id, (doc) => deleteItem(doc, idOf('B')));
    expect((await w.service.compare(during.id, { current: '2025' })).items.removed.map((i) => i.activity)).toEqual(['B']);
    await expect(w.service.compare(999, during.id)).rejects.toThrow(expect.objectContaining({ code: 'SNAPSHOT_NOT_FOUND', status: 404 }));
  });

  it('restores a snapshot as a new change by the secretariat, recorded and undoable', async () => {
    const first = await w.service.takeSnapshot(karin, '2025', {});
    await w.edit(kim.id, (doc) => setStatus(doc, idOf('A'), 'done'));
    await w.edit(kim.id, (doc) => deleteItem(doc, idOf('B')));
    const edited = read((doc) => readKeyedPlan(doc));
    const rowsBefore = await storedRows(w.store, planDocName('2025'));
    w.tick();
    const { before, restored } = await w.service.restore(karin, first.id);
    expect(restored.id).toBe(first.id);
    expect(before).toMatchObject({ reason: 'before_restore', restoresId: first.id, createdBy: karin.id });
    expect(read((doc) => readKeyedPlan(doc))).toEqual(await w.service.snapshotPlan(first.id));
    // One more stored update, by the secretariat: history grew, nothing was rewritten.
    expect(await storedRows(w.store, planDocName('2025'))).toBe(rowsBefore + 1);
    expect(await newestAuthor(w.store, planDocName('2025'))).toBe(karin.id);
    expect(await w.service.snapshotPlan(before.id)).toEqual(edited);
    await w.service.restore(karin, before.id);
    expect(read((doc) => readKeyedPlan(doc))).toEqual(edited);
  });

  it('starts next year’s plan from a snapshot, beside the old one with its own meetings', async () => {
    await w.edit(kim.id, (doc) => setStatus(doc, idOf('A'), 'done'));
    const snapshot = await w.service.takeSnapshot(karin, '2025', {});
    const plan = await w.service.startNewPlan(karin, snapshot.id, { title: 'Handlingsplan 2026', year: 2026, resetStatuses: true });
    expect(plan).toMatchObject({ id: '2026', title: 'Handlingsplan 2026', year: 2026 });
    const copy = read((doc) => readKeyedPlan(doc), '2026');
    expect(copy.title).toBe('Handlingsplan 2026');
    expect(copy.directions.flatMap((d) => d.items.map((i) => [i.activity, i.status]))).toEqual(
      ['A', 'B', 'C', 'D', 'E'].map((a) => [a, 'not_started']),
    );
    expect(read((doc) => listItems(doc).find((i) => i.activity === 'A')!.status)).toBe('done');
    await expect(w.service.startNewPlan(karin, snapshot.id, { title: 'Igen', year: 2026 })).rejects.toThrow(expect.objectContaining({ code: 'PLAN_EXISTS' }));
    await expect(w.service.startNewPlan(karin, snapshot.id, { title: 'X', year: 'nästa' })).rejects.toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    await w.service.createMeeting(karin, '2026', { title: 'Strategimöte 1', date: '2026-03-11', kind: 'strategimote' });
    expect(await w.service.meetings('2025')).toEqual([]);
    expect(await w.service.snapshots('2026')).toEqual([]);
  });

  it('gives next year’s plan the version and annual-meeting text asked for, not last year’s', async () => {
    const snapshot = await w.service.takeSnapshot(karin, '2025', {});
    await w.service.startNewPlan(karin, snapshot.id, { title: 'Handlingsplan 2027', year: 2027, version: 'Version 1', meetingText: 'Redovisas vid årsmötet 19 maj 2027' });
    const meta = read((doc) => readPlanDocument(doc), '2027');
    expect(meta).toMatchObject({ version: 'Version 1', preamble: [{ text: 'Redovisas vid årsmötet 19 maj 2027', bold: true }] });
    expect(read((doc) => readPlanDocument(doc).version)).toBe('Version 2');
    await expect(w.service.startNewPlan(karin, snapshot.id, { title: 'X', year: 2028, version: 7 })).rejects.toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});
