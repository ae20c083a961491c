import * as Y from 'yjs';
import type { Role } from '../../shared/auth/roles';
import type { PlanChange } from '../../shared/discussion/summarisePlanChanges';
import { diffPlans } from '../../shared/snapshot/diffPlans';
import type { KeyedPlan } from '../../shared/snapshot/KeyedPlan';
import type { RoundView } from '../../shared/rounds/RoundView';
import type { PlanDiff } from '../../shared/snapshot/PlanDiff';
import type { AuditedChange } from '../store/ChangeStore';
import type { MeetingKind, MeetingRecord, MeetingStore, SnapshotInfo } from '../store/MeetingStore';
import type { PlanRecord, PlanStore } from '../store/PlanStore';
import type { Sql } from '../store/sql/Sql';
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

/** The stores meetings write, bound to one connection or transaction. */
export interface MeetingStores {
  meetings: MeetingStore;
  plans: Pick<PlanStore, 'get' | 'create'>;
}

export interface MeetingServiceDeps extends MeetingStores {
  /** Runs fn in one transaction with the stores bound to it. */
  transaction<T>(fn: (tx: MeetingStores & { sql: Sql }) => Promise<T>): Promise<T>;
  /** The stores bound to `tx`, a transaction begun elsewhere (that of a document's change). */
  storesOn(tx: Sql): MeetingStores;
  docs: LiveDocs;
  /** The audit trail of a plan between two moments, oldest first. */
  planChanges(planId: string, after: number, until: number): Promise<AuditedChange[]>;
  nameOf(userId: string): Promise<string | null>;
  /** The plan's consultation rounds as they are now, kept in every snapshot (read before its transaction). */
  rounds?(planId: string): Promise<RoundView[]>;
  /** Told when a meeting is scheduled or opened, through that transaction `tx` (mails are queued there). */
  notify?: (tx: Sql, meeting: MeetingRecord, change: 'scheduled' | 'opened', actor: Actor) => Promise<void>;
}

/** A side of a comparison: a snapshot's id, or the plan as it is now. */
export type SnapshotRef = number | { current: string };

/** Meetings whose change lists are kept between requests; open meetings are few. */
const CHANGE_CACHE_SIZE = 16;

export class MeetingService {
  private readonly changeCache = new Map<number, { version: string; changes: MeetingChange[] }>();

  constructor(private readonly deps: MeetingServiceDeps) {}

  async plan(planId: string): Promise<PlanRecord> {
    const plan = typeof planId === 'string' ? await this.deps.plans.get(planId) : undefined;
    if (!plan) throw new MeetingError('PLAN_NOT_FOUND', 'Planen finns inte.');
    return plan;
  }

  async meeting(meetingId: number, meetings = this.deps.meetings): Promise<MeetingRecord> {
    const meeting = await meetings.meeting(meetingId);
    if (!meeting) throw new MeetingError('MEETING_NOT_FOUND', 'Mötet finns inte.');
    return meeting;
  }

  async snapshot(snapshotId: number): Promise<SnapshotInfo> {
    const snapshot = await this.deps.meetings.snapshot(snapshotId);
    if (!snapshot) throw new MeetingError('SNAPSHOT_NOT_FOUND', `Ögonblicksbild ${snapshotId} finns inte.`);
    return snapshot;
  }

  async meetings(planId: string): Promise<MeetingRecord[]> {
    return this.deps.meetings.meetings((await this.plan(planId)).id);
  }

  async snapshots(planId?: string): Promise<SnapshotInfo[]> {
    return this.deps.meetings.snapshots(planId === undefined ? undefined : (await this.plan(planId)).id);
  }

  /** Schedules a meeting; `announce` false when it is opened at once (then the opening is told). */
  async createMeeting(actor: Actor, planId: string, input: { title?: unknown; date?: unknown; kind?: unknown }, announce = true): Promise<MeetingRecord> {
    const plan = await this.plan(planId);
    const fields = { title: checkTitle(input.title), date: checkDate(input.date), kind: checkKind(input.kind) as MeetingKind };
    return this.deps.transaction(async (tx) => {
      const meeting = await tx.meetings.createMeeting({ planId: plan.id, ...fields, createdBy: actor.id });
      if (announce) await this.deps.notify?.(tx.sql, meeting, 'scheduled', actor);
      return meeting;
    });
  }

  /**
   * Opens the meeting: from now on the board shows its banner and what has changed. The
   * plan as it is now is stored as the meeting's "before" snapshot, by the person opening
   * it, in the same transaction: a meeting is never open without one.
   */
  async openMeeting(actor: Actor, meetingId: number): Promise<MeetingRecord> {
    const meeting = await this.meeting(meetingId);
    if (meeting.closedAt !== null) throw new MeetingError('MEETING_CLOSED', 'Mötet är redan avslutat.');
    if (meeting.openedAt !== null) return meeting;
    const rounds = await this.deps.rounds?.(meeting.planId);
    return this.deps.transaction(async (tx) => {
      const open = await tx.meetings.openMeeting(meeting.planId);
      if (open) throw new MeetingError('ANOTHER_MEETING_OPEN', `Mötet ”${open.title}” pågår redan. Avsluta det först.`);
      const state = this.deps.docs.read(planDocName(meeting.planId), (doc) => Y.encodeStateAsUpdate(doc));
      await tx.meetings.open(meetingId, state);
      await saveSnapshot({ ...tx, docs: this.deps.docs }, actor, { planId: meeting.planId, meetingId, reason: 'before_meeting', note: '' }, rounds);
      const opened = await this.meeting(meetingId, tx.meetings);
      await this.deps.notify?.(tx.sql, opened, 'opened', actor);
      return opened;
    });
  }

  /** Closes an open meeting and takes its closing snapshot, together or not at all. */
  async closeMeeting(actor: Actor, meetingId: number, note?: unknown): Promise<{ meeting: MeetingRecord; snapshot: SnapshotInfo }> {
    const meeting = await this.meeting(meetingId);
    if (meeting.openedAt === null || meeting.closedAt !== null) throw new MeetingError('MEETING_NOT_OPEN', 'Mötet pågår inte.');
    const text = checkNote(note);
    const rounds = await this.deps.rounds?.(meeting.planId);
    return this.deps.transaction(async (tx) => {
      const snapshot = await saveSnapshot({ ...tx, docs: this.deps.docs }, actor, { planId: meeting.planId, meetingId, reason: 'closing', note: text }, rounds);
      await tx.meetings.close(meetingId);
      return { meeting: await this.meeting(meetingId, tx.meetings), snapshot };
    });
  }

  /** The plan's open meeting and what has changed since it opened, or null. */
  async openMeetingOf(planId: string): Promise<{ meeting: MeetingRecord; changes: MeetingChange[] } | null> {
    const meeting = await this.deps.meetings.openMeeting((await this.plan(planId)).id);
    return meeting ? { meeting, changes: await this.changes(meeting.id) } : null;
  }

  /** What changed in the plan while the meeting was (or is) open. */
  async changes(meetingId: number): Promise<MeetingChange[]> {
    const meeting = await this.meeting(meetingId);
    if (meeting.openedAt === null) return [];
    // Every open board asks after each change; they share one answer per plan state.
    const version = `${meeting.closedAt}:${this.deps.docs.read(planDocName(meeting.planId), (doc) => Y.encodeStateVector(doc).join('.'))}`;
    const cached = this.changeCache.get(meetingId);
    if (cached?.version === version) return cached.changes;
    const changes = await meetingChanges(this.deps, meeting);
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
  async takeSnapshot(actor: Actor, planId: string, input: { meetingId?: unknown; note?: unknown }): Promise<SnapshotInfo> {
    const plan = await this.plan(planId);
    const note = checkNote(input.note);
    const open = (await this.deps.meetings.openMeeting(plan.id)) ?? null;
    let meetingId = open?.id ?? null;
    if (input.meetingId === null) meetingId = null;
    else if (input.meetingId !== undefined) {
      const named = await this.meeting(checkMeetingId(input.meetingId));
      if (named.planId !== plan.id) throw new MeetingError('MEETING_NOT_FOUND', 'Mötet hör inte till planen.');
      if (named.id !== open?.id) throw new MeetingError('MEETING_NOT_OPEN', `Mötet ”${named.title}” pågår inte. Ögonblicksbilden sparades inte.`);
    }
    return saveSnapshot(this.deps, actor, { planId: plan.id, meetingId, reason: 'manual', note }, await this.deps.rounds?.(plan.id));
  }

  /** The keyed plain form stored with a snapshot. */
  async snapshotPlan(snapshotId: number): Promise<KeyedPlan> {
    await this.snapshot(snapshotId);
    return JSON.parse((await this.deps.meetings.plainJson(snapshotId))!) as KeyedPlan;
  }

  /** The encoded plan state of a snapshot, for opening it read-only in the board view. */
  async snapshotState(snapshotId: number): Promise<Uint8Array> {
    await this.snapshot(snapshotId);
    return (await this.deps.meetings.content(snapshotId))!.planState;
  }

  /**
   * The encoded discussion stored with a snapshot, for reading its threads beside its
   * board. Snapshots stored without one had no discussion: an empty document says so.
   */
  async snapshotDiscussion(snapshotId: number): Promise<Uint8Array> {
    await this.snapshot(snapshotId);
    return (await this.deps.meetings.content(snapshotId))!.discussionState ?? Y.encodeStateAsUpdate(new Y.Doc());
  }

  private async keyed(ref: SnapshotRef): Promise<KeyedPlan> {
    return typeof ref === 'number' ? this.snapshotPlan(ref) : currentKeyedPlan(this.deps.docs, (await this.plan(ref.current)).id);
  }

  /** What changed from `from` to `to`: two snapshots, or a snapshot and the plan now. */
  async compare(from: SnapshotRef, to: SnapshotRef): Promise<PlanDiff> {
    return diffPlans(await this.keyed(from), await this.keyed(to));
  }

  /** Makes a snapshot's content the current plan, as a new change (see restoreSnapshot). */
  async restore(actor: Actor, snapshotId: number): Promise<{ before: SnapshotInfo; restored: SnapshotInfo }> {
    return restoreSnapshot(this.deps, actor, await this.snapshot(snapshotId));
  }

  /** A new plan (e.g. next year's) made from a snapshot (see startNewPlan). */
  async startNewPlan(actor: Actor, snapshotId: number, input: NewPlanInput): Promise<PlanRecord> {
    return startNewPlan(this.deps, actor.id, (await this.snapshot(snapshotId)).id, input);
  }
}
