import type { ItemFieldChange } from '../plan/itemChanges';
import type { PlanFieldChange } from '../plan/planTextChanges';

// Meetings and snapshots as the server stores them and the API and client read them.

export const MEETING_KINDS = ['strategimote', 'styrelsemote', 'arsmote'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export interface MeetingRecord {
  id: number;
  planId: string;
  title: string;
  /** The calendar day, YYYY-MM-DD. */
  date: string;
  kind: MeetingKind;
  /** Milliseconds since the epoch, the server's clock; null until opened or closed. */
  openedAt: number | null;
  closedAt: number | null;
  createdBy: string | null;
  createdByName: string;
  createdAt: number;
}

export const SNAPSHOT_REASONS = ['manual', 'before_meeting', 'closing', 'before_restore', 'before_import'] as const;
export type SnapshotReason = (typeof SNAPSHOT_REASONS)[number];

/** A snapshot as lists show it, without its stored states. */
export interface SnapshotInfo {
  id: number;
  planId: string;
  meetingId: number | null;
  reason: SnapshotReason;
  /** For a snapshot taken just before a restore: the snapshot restored. */
  restoresId: number | null;
  createdBy: string | null;
  createdByName: string;
  createdAt: number;
  note: string;
  itemCount: number;
  commentCount: number;
}

/**
 * One item's net change of one field since a meeting opened, or of the strategy or
 * focus text (item id, Vad and direction empty), with everyone who made it.
 */
export interface MeetingChange {
  itemId: string;
  /** Vad and direction as they read now. */
  activity: string;
  direction: string;
  change: PlanFieldChange;
  people: Array<{ id: string; name: string }>;
  /** When the last part of the change was made. */
  at: number;
}
