import * as Y from 'yjs';
import type { Role } from '../../shared/auth/roles';
import type { PlanChange } from '../../shared/discussion/summarisePlanChanges';
import { diffPlans } from '../../shared/snapshot/diffPlans';
import type { KeyedPlan } from '../../shared/snapshot/KeyedPlan';
import type { RoundView } from '../../shared/rounds/RoundView';
import type { PlanDiff } from '../../shared/snapshot/PlanDiff';
import type { AuditedChange } from '../store/ChangeStore';
import type { MeetingKind, MeetingRecord, MeetingStore, SnapshotInfo, SnapshotReason } from '../store/MeetingStore';
import type { PlanRecord, PlanStore } from '../store/PlanStore';
import { planDocName } from '../sync/docName';
import { checkDate, checkKind, checkMeetingId, checkNote, checkTitle } from './checkMeetingInput';
import type { LiveDocs } from './LiveDocs';
import { meetingChanges, type MeetingChange } from './meetingChanges';
import { MeetingError } from './MeetingError';
import { restoreSnapshot } from './restoreSnapshot';
import { saveSnapshot } from './saveSnapshot';
import { currentKeyedPlan } from './snapshotOfPlan';
import { startNewPlan, type NewPlanInput } from './startNewPlan';

// Meetings, snapshots, comparisons, restores and new plans. The person is always the
// session's and the time always the server's. Who may call what is decided by the
// routes (and the command line, which runs as the operator); this class checks input
// and state, so that a refused call writes nothing.

export interface Actor {
  id: string;
  name: string;
  role: Role;
}

export interface MeetingServiceDeps {
  meetings: MeetingStore;
  plans: Pick<PlanStore, 'get' | 'create'>;
  docs: LiveDocs;
  /** The audit trail of a plan between two moments, oldest first. */
  planChanges(planId: string, after: number, until: number): AuditedChange[];
  nameOf(userId: string): string | null;
  /** The plan's consultation rounds as they are now, kept in every snapshot. */
  rounds?(planId: string): RoundView[];
  /** Told when a meeting is scheduled or opened, inside that transaction (mails are queued there). */
  notify?: (meeting: MeetingRecord, change: 'scheduled' | 'opened', actor: Actor) => void;
}

/** A side of a comparison: a snapshot's id, or the plan as it is now. */
export type SnapshotRef = number | { current: string };

/** Meetings whose change lists are kept between requests; open meetings are few. */
const CHANGE_CACHE_SIZE = 16;

export class MeetingService {
  private readonly changeCache = new Map<number, { version: string; changes: MeetingChange[] }>();

  constructor(private readonly deps: MeetingServiceDeps) {}

  plan(planId: string): PlanRecord {
    const plan = typeof planId === 'string' ? this.deps.plans.get(planId) : undefined;
    if (!plan) throw new MeetingError('PLAN_NOT_FOUND', 'Planen finns inte.');
    return plan;
  }

  meeting(meetingId: number): MeetingRecord {
    const meeting = this.deps.meetings.meeting(meetingId);
    if (!meeting) throw new MeetingError('MEETING_NOT_FOUND', 'Mötet finns inte.');
    return meeting;
  }

  snapshot(snapshotId: number): SnapshotInfo {
    const snapshot = this.deps.meetings.snapshot(snapshotId);
    if (!snapshot) throw new MeetingError('SNAPSHOT_NOT_FOUND', `Ögonblicksbild ${snapshotId} finns inte.`);
    return snapshot;
  }

  meetings(planId: string): MeetingRecord[] {
    return this.deps.meetings.meetings(this.plan(planId).id);
  }

  snapshots(planId?: string): SnapshotInfo[] {
    return this.deps.meetings.snapshots(planId === undefined ? undefined : this.plan(planId).id);
  }

  /** Schedules a meeting; `announce` false when it is opened at once (then the opening is told). */
  createMeeting(actor: Actor, planId: string, input: { title?: unknown; date?: unknown; kind?: unknown }, announce = true): MeetingRecord {
    const plan = this.plan(planId);
    const fields = { title: checkTitle(input.title), date: checkDate(input.date), kind: checkKind(input.kind) as MeetingKind };
    return this.deps.meetings.transaction(() => {
      const meeting = this.deps.meetings.createMeeting({ planId: plan.id, ...fields, createdBy: actor.id });
      if (announce) this.deps.notify?.(meeting, 'scheduled', actor);
      return meeting;
    });
  }

  /**
   * Opens the meeting: from now on the board shows its banner and what has changed. The
   * plan as it is now is stored as the meeting's "before" snapshot, by the person opening
   * it, in the same transaction: a meeting is never open without one.
   */
  openMeeting(actor: Actor, meetingId: number): MeetingRecord {
    const meeting = this.meeting(meetingId);
    if (meeting.closedAt !== null) throw new MeetingError('MEETING_CLOSED', 'Mötet är redan avslutat.');
    if (meeting.openedAt !== null) return meeting;
    return this.deps.meetings.transaction(() => {
      const open = this.deps.meetings.openMeeting(meeting.planId);
      if (open) throw new MeetingError('ANOTHER_MEETING_OPEN', `Mötet ”${open.title}” pågår redan. Avsluta det först.`);
      const state = this.deps.docs.read(planDocName(meeting.planId), (doc) => Y.encodeStateAsUpdate(doc));
      this.deps.meetings.open(meetingId, state);
      this.saveSnapshot(actor, meeting.planId, meetingId, 'before_meeting', '');
      const opened = this.meeting(meetingId);
      this.deps.notify?.(opened, 'opened', actor);
      return opened;
    });
  }

  /** Closes an open meeting and takes its closing snapshot, together or not at all. */
  closeMeeting(actor: Actor, meetingId: number, note?: unknown): { meeting: MeetingRecord; snapshot: SnapshotInfo } {
    const meeting = this.meeting(meetingId);
    if (meeting.openedAt === null || meeting.closedAt !== null) throw new MeetingError('MEETING_NOT_OPEN', 'Mötet pågår inte.');
    const text = checkNote(note);
    return this.deps.meetings.transaction(() => {
      const snapshot = this.saveSnapshot(actor, meeting.planId, meetingId, 'closing', text);
      this.deps.meetings.close(meetingId);
      return { meeting: this.meeting(meetingId), snapshot };
    });
  }

  /** The plan's open meeting and what has changed since it opened, or null. */
  openMeetingOf(planId: string): { meeting: MeetingRecord; changes: MeetingChange[] } | null {
    const meeting = this.deps.meetings.openMeeting(this.plan(planId).id);
    return meeting ? { meeting, changes: this.changes(meeting.id) } : null;
  }

  /** What changed in the plan while the meeting was (or is) open. */
  changes(meetingId: number): MeetingChange[] {
    const meeting = this.meeting(meetingId);
    if (meeting.openedAt === null) return [];
    // Every open board asks after each change; they share one answer per plan state.
    const version = `${meeting.closedAt}:${this.deps.docs.read(planDocName(meeting.planId), (doc) => Y.encodeStateVector(doc).join('.'))}`;
    const cached = this.changeCache.get(meetingId);
    if (cached?.version === version) return cached.changes;
    const changes = meetingChanges(this.deps, meeting);
    this.changeCache.delete(meetingId);
    this.changeCache.set(meetingId, { version, changes });
    if (this.changeCache.size > CHANGE_CACHE_SIZE) this.changeCache.delete(this.changeCache.keys().next().value!);
    return changes;
  }

  /**
   * "Spara ögonblicksbild": the plan and its discussion as they are now. Taken while a
   * meeting is open, it belongs to that meeting; the server decides which one that is.
   * A caller may name the meeting it believes is open (the banner does), and is refused
   * if that is not the plan's open meeting, so a snapshot meant for a meeting that has
   * since closed is never filed under the wrong one; null asks for no meeting.
   */
  takeSnapshot(actor: Actor, planId: string, input: { meetingId?: unknown; note?: unknown }): SnapshotInfo {
    const plan = this.plan(planId);
    const note = checkNote(input.note);
    const open = this.deps.meetings.openMeeting(plan.id) ?? null;
    let meetingId = open?.id ?? null;
    if (input.meetingId === null) meetingId = null;
    else if (input.meetingId !== undefined) {
      const named = this.meeting(checkMeetingId(input.meetingId));
      if (named.planId !== plan.id) throw new MeetingError('MEETING_NOT_FOUND', 'Mötet hör inte till planen.');
      if (named.id !== open?.id) throw new MeetingError('MEETING_NOT_OPEN', `Mötet ”${named.title}” pågår inte. Ögonblicksbilden sparades inte.`);
    }
    return this.saveSnapshot(actor, plan.id, meetingId, 'manual', note);
  }

  private saveSnapshot(actor: Actor, planId: string, meetingId: number | null, reason: SnapshotReason, note: string): SnapshotInfo {
    return saveSnapshot(this.deps, actor, { planId, meetingId, reason, note });
  }

  /** The keyed plain form stored with a snapshot. */
  snapshotPlan(snapshotId: number): KeyedPlan {
    this.snapshot(snapshotId);
    return JSON.parse(this.deps.meetings.plainJson(snapshotId)!) as KeyedPlan;
  }

  /** The encoded plan state of a snapshot, for opening it read-only in the board view. */
  snapshotState(snapshotId: number): Uint8Array {
    this.snapshot(snapshotId);
    return this.deps.meetings.content(snapshotId)!.planState;
  }

  /**
   * The encoded discussion stored with a snapshot, for reading its threads beside its
   * board. Snapshots stored without one had no discussion: an empty document says so.
   */
  snapshotDiscussion(snapshotId: number): Uint8Array {
    this.snapshot(snapshotId);
    return this.deps.meetings.content(snapshotId)!.discussionState ?? Y.encodeStateAsUpdate(new Y.Doc());
  }

  private keyed(ref: SnapshotRef): KeyedPlan {
    return typeof ref === 'number' ? this.snapshotPlan(ref) : currentKeyedPlan(this.deps.docs, this.plan(ref.current).id);
  }

  /** What changed from `from` to `to`: two snapshots, or a snapshot and the plan now. */
  compare(from: SnapshotRef, to: SnapshotRef): PlanDiff {
    return diffPlans(this.keyed(from), this.keyed(to));
  }

  /** Makes a snapshot's content the current plan, as a new change (see restoreSnapshot). */
  restore(actor: Actor, snapshotId: number): { before: SnapshotInfo; restored: SnapshotInfo } {
    return restoreSnapshot(this.deps, actor, this.snapshot(snapshotId));
  }

  /** A new plan (e.g. next year's) made from a snapshot (see startNewPlan). */
  startNewPlan(actor: Actor, snapshotId: number, input: NewPlanInput): PlanRecord {
    return startNewPlan(this.deps, actor.id, this.snapshot(snapshotId).id, input);
  }
}
