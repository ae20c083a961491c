import type { Sql } from './sql/Sql';
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

const MEETING_COLUMNS = `m.id, m.plan_id AS "planId", m.title, m.date, m.kind, m.opened_at AS "openedAt", m.closed_at AS "closedAt",
  m.created_by AS "createdBy", coalesce(u.name, '') AS "createdByName", m.created_at AS "createdAt"`;
const MEETING_FROM = 'meetings m LEFT JOIN users u ON u.id = m.created_by';
const SNAPSHOT_COLUMNS = `id, plan_id AS "planId", meeting_id AS "meetingId", reason, restores_id AS "restoresId", created_by AS "createdBy",
  created_by_name AS "createdByName", created_at AS "createdAt", note, item_count AS "itemCount", comment_count AS "commentCount"`;

export class MeetingStore {
  constructor(
    private readonly sql: Sql,
    private readonly now: () => number = Date.now,
  ) {}

  async createMeeting(m: { planId: string; title: string; date: string; kind: MeetingKind; createdBy: string | null }): Promise<MeetingRecord> {
    const row = await this.sql.get<{ id: number }>(
      'INSERT INTO meetings (plan_id, title, date, kind, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id',
      [m.planId, m.title, m.date, m.kind, m.createdBy, this.now()],
    );
    return (await this.meeting(row!.id))!;
  }

  meeting(id: number): Promise<MeetingRecord | undefined> {
    return this.sql.get<MeetingRecord>(`SELECT ${MEETING_COLUMNS} FROM ${MEETING_FROM} WHERE m.id = ?`, [id]);
  }

  meetings(planId: string): Promise<MeetingRecord[]> {
    return this.sql.all<MeetingRecord>(`SELECT ${MEETING_COLUMNS} FROM ${MEETING_FROM} WHERE m.plan_id = ? ORDER BY m.date DESC, m.id DESC`, [planId]);
  }

  /** The meetings of these ids that exist, in any order. */
  async meetingsOf(ids: readonly (number | null)[]): Promise<MeetingRecord[]> {
    const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
    const found = await Promise.all(wanted.map((id) => this.meeting(id)));
    return found.filter((m): m is MeetingRecord => m !== undefined);
  }

  /** The plan's open meeting, if one is open. */
  openMeeting(planId: string): Promise<MeetingRecord | undefined> {
    return this.sql.get<MeetingRecord>(
      `SELECT ${MEETING_COLUMNS} FROM ${MEETING_FROM} WHERE m.plan_id = ? AND m.opened_at IS NOT NULL AND m.closed_at IS NULL`,
      [planId],
    );
  }

  /** The encoded plan state when the meeting opened. */
  async openedState(meetingId: number): Promise<Uint8Array | null> {
    const row = await this.sql.get<{ opened_state: Uint8Array | null }>('SELECT opened_state FROM meetings WHERE id = ?', [meetingId]);
    return row?.opened_state ?? null;
  }

  /**
   * Opens a meeting not opened before; false if it was. The database refuses a second
   * open meeting of one plan (a unique index); callers check `openMeeting` first.
   */
  async open(meetingId: number, planState: Uint8Array): Promise<boolean> {
    const result = await this.sql.run('UPDATE meetings SET opened_at = ?, opened_state = ? WHERE id = ? AND opened_at IS NULL', [
      this.now(),
      planState,
      meetingId,
    ]);
    return result.changes === 1;
  }

  /** Closes an open meeting; false if it was not open. */
  async close(meetingId: number): Promise<boolean> {
    const result = await this.sql.run('UPDATE meetings SET closed_at = ? WHERE id = ? AND opened_at IS NOT NULL AND closed_at IS NULL', [
      this.now(),
      meetingId,
    ]);
    return result.changes === 1;
  }

  /** Stores a snapshot with the server's time. The one way a snapshot row is ever written. */
  async addSnapshot(s: NewSnapshot): Promise<SnapshotInfo> {
    const row = await this.sql.get<{ id: number }>(
      `INSERT INTO snapshots (plan_id, meeting_id, reason, restores_id, created_by, created_by_name, created_at, note,
         plan_state, discussion_state, plain_json, item_count, comment_count)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      [
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
      ],
    );
    return (await this.snapshot(row!.id))!;
  }

  snapshot(id: number): Promise<SnapshotInfo | undefined> {
    return this.sql.get<SnapshotInfo>(`SELECT ${SNAPSHOT_COLUMNS} FROM snapshots WHERE id = ?`, [id]);
  }

  /** Snapshots of one plan, or of all plans, newest first. */
  snapshots(planId?: string): Promise<SnapshotInfo[]> {
    return planId === undefined
      ? this.sql.all<SnapshotInfo>(`SELECT ${SNAPSHOT_COLUMNS} FROM snapshots ORDER BY id DESC`)
      : this.sql.all<SnapshotInfo>(`SELECT ${SNAPSHOT_COLUMNS} FROM snapshots WHERE plan_id = ? ORDER BY id DESC`, [planId]);
  }

  /** The snapshot taken just before this one, of the same plan. */
  previousSnapshot(planId: string, beforeId: number): Promise<SnapshotInfo | undefined> {
    return this.sql.get<SnapshotInfo>(`SELECT ${SNAPSHOT_COLUMNS} FROM snapshots WHERE plan_id = ? AND id < ? ORDER BY id DESC LIMIT 1`, [
      planId,
      beforeId,
    ]);
  }

  content(id: number): Promise<SnapshotContent | undefined> {
    return this.sql.get<SnapshotContent>(
      'SELECT plan_state AS "planState", discussion_state AS "discussionState", plain_json AS "plainJson" FROM snapshots WHERE id = ?',
      [id],
    );
  }

  async plainJson(id: number): Promise<string | undefined> {
    return (await this.sql.get<{ plain_json: string }>('SELECT plain_json FROM snapshots WHERE id = ?', [id]))?.plain_json;
  }
}
