import type Database from 'better-sqlite3';
import type { MeetingKind, MeetingRecord, SnapshotInfo } from '../../shared/snapshot/meetingRecords';

// The only SQL for meetings and snapshots (migration 003_meetings.sql). Snapshots are
// written once: this class has no way to change or remove one, and the database
// refuses it too.

export { MEETING_KINDS, SNAPSHOT_REASONS } from '../../shared/snapshot/meetingRecords';
export type { MeetingKind, MeetingRecord, SnapshotInfo, SnapshotReason } from '../../shared/snapshot/meetingRecords';

export interface SnapshotContent {
  planState: Uint8Array;
  discussionState: Uint8Array | null;
  plainJson: string;
}

export type NewSnapshot = Omit<SnapshotInfo, 'id' | 'createdAt'> & SnapshotContent;

const MEETING_COLUMNS = `m.id, m.plan_id AS planId, m.title, m.date, m.kind, m.opened_at AS openedAt, m.closed_at AS closedAt,
  m.created_by AS createdBy, coalesce(u.name, '') AS createdByName, m.created_at AS createdAt`;
const MEETING_FROM = 'meetings m LEFT JOIN users u ON u.id = m.created_by';
const SNAPSHOT_COLUMNS = `id, plan_id AS planId, meeting_id AS meetingId, reason, restores_id AS restoresId, created_by AS createdBy,
  created_by_name AS createdByName, created_at AS createdAt, note, item_count AS itemCount, comment_count AS commentCount`;

export class MeetingStore {
  private readonly q;

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => number = Date.now,
  ) {
    this.q = {
      insertMeeting: db.prepare('INSERT INTO meetings (plan_id, title, date, kind, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
      meeting: db.prepare(`SELECT ${MEETING_COLUMNS} FROM ${MEETING_FROM} WHERE m.id = ?`),
      meetings: db.prepare(`SELECT ${MEETING_COLUMNS} FROM ${MEETING_FROM} WHERE m.plan_id = ? ORDER BY m.date DESC, m.id DESC`),
      openMeeting: db.prepare(
        `SELECT ${MEETING_COLUMNS} FROM ${MEETING_FROM} WHERE m.plan_id = ? AND m.opened_at IS NOT NULL AND m.closed_at IS NULL`,
      ),
      openedState: db.prepare('SELECT opened_state FROM meetings WHERE id = ?').pluck(),
      open: db.prepare('UPDATE meetings SET opened_at = ?, opened_state = ? WHERE id = ? AND opened_at IS NULL'),
      close: db.prepare('UPDATE meetings SET closed_at = ? WHERE id = ? AND opened_at IS NOT NULL AND closed_at IS NULL'),
      insertSnapshot: db.prepare(
        `INSERT INTO snapshots (plan_id, meeting_id, reason, restores_id, created_by, created_by_name, created_at, note,
           plan_state, discussion_state, plain_json, item_count, comment_count)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      snapshot: db.prepare(`SELECT ${SNAPSHOT_COLUMNS} FROM snapshots WHERE id = ?`),
      snapshots: db.prepare(`SELECT ${SNAPSHOT_COLUMNS} FROM snapshots WHERE plan_id = ? ORDER BY id DESC`),
      allSnapshots: db.prepare(`SELECT ${SNAPSHOT_COLUMNS} FROM snapshots ORDER BY id DESC`),
      content: db.prepare('SELECT plan_state AS planState, discussion_state AS discussionState, plain_json AS plainJson FROM snapshots WHERE id = ?'),
      plainJson: db.prepare('SELECT plain_json FROM snapshots WHERE id = ?').pluck(),
      previous: db.prepare(`SELECT ${SNAPSHOT_COLUMNS} FROM snapshots WHERE plan_id = ? AND id < ? ORDER BY id DESC LIMIT 1`),
    };
  }

  createMeeting(m: { planId: string; title: string; date: string; kind: MeetingKind; createdBy: string | null }): MeetingRecord {
    const id = Number(this.q.insertMeeting.run(m.planId, m.title, m.date, m.kind, m.createdBy, this.now()).lastInsertRowid);
    return this.meeting(id)!;
  }

  meeting(id: number): MeetingRecord | undefined {
    return this.q.meeting.get(id) as MeetingRecord | undefined;
  }

  meetings(planId: string): MeetingRecord[] {
    return this.q.meetings.all(planId) as MeetingRecord[];
  }

  /** The plan's open meeting, if one is open. */
  openMeeting(planId: string): MeetingRecord | undefined {
    return this.q.openMeeting.get(planId) as MeetingRecord | undefined;
  }

  /** The encoded plan state when the meeting opened. */
  openedState(meetingId: number): Uint8Array | null {
    return (this.q.openedState.get(meetingId) as Buffer | null | undefined) ?? null;
  }

  /**
   * Opens a meeting not opened before; false if it was. The database refuses a second
   * open meeting of one plan (a unique index); callers check `openMeeting` first.
   */
  open(meetingId: number, planState: Uint8Array): boolean {
    return this.q.open.run(this.now(), planState, meetingId).changes === 1;
  }

  /** Closes an open meeting; false if it was not open. */
  close(meetingId: number): boolean {
    return this.q.close.run(this.now(), meetingId).changes === 1;
  }

  /** Stores a snapshot with the server's time. The one way a snapshot row is ever written. */
  addSnapshot(s: NewSnapshot): SnapshotInfo {
    const id = Number(
      this.q.insertSnapshot.run(
        s.planId,
        s.meetingId,
        s.reason,
        s.restoresId,
        s.createdBy,
        s.createdByName,
        this.now(),
        s.note,
        s.planState,
        s.discussionState,
        s.plainJson,
        s.itemCount,
        s.commentCount,
      ).lastInsertRowid,
    );
    return this.snapshot(id)!;
  }

  snapshot(id: number): SnapshotInfo | undefined {
    return this.q.snapshot.get(id) as SnapshotInfo | undefined;
  }

  /** Snapshots of one plan, or of all plans, newest first. */
  snapshots(planId?: string): SnapshotInfo[] {
    return (planId === undefined ? this.q.allSnapshots.all() : this.q.snapshots.all(planId)) as SnapshotInfo[];
  }

  /** The snapshot taken just before this one, of the same plan. */
  previousSnapshot(planId: string, beforeId: number): SnapshotInfo | undefined {
    return this.q.previous.get(planId, beforeId) as SnapshotInfo | undefined;
  }

  content(id: number): SnapshotContent | undefined {
    return this.q.content.get(id) as SnapshotContent | undefined;
  }

  plainJson(id: number): string | undefined {
    return this.q.plainJson.get(id) as string | undefined;
  }

  /** Runs fn in one transaction, so that e.g. closing a meeting and its snapshot happen together. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }
}
