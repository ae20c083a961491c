import type { RoundView } from '../../shared/rounds/RoundView';
import type { MeetingStore, SnapshotInfo, SnapshotReason } from '../store/MeetingStore';
import type { LiveDocs } from './LiveDocs';
import { snapshotOfPlan, type PlanSnapshot } from './snapshotOfPlan';

export interface SnapshotAuthor {
  /** Null for the command line, which acts as the operator, no person. */
  id: string | null;
  name: string;
}

export interface SnapshotFacts {
  planId: string;
  meetingId: number | null;
  reason: SnapshotReason;
  note: string;
  /** The snapshot about to be restored, for a 'before_restore' one. */
  restoresId?: number | null;
}

/** What a snapshot is made from; `rounds` gives the plan's consultation rounds as they are now. */
export interface SnapshotSources {
  meetings: MeetingStore;
  docs: LiveDocs;
  rounds?(planId: string): Promise<RoundView[]>;
}

/**
 * Stores the plan, its discussion and its rounds (read beforehand: `rounds`) as they
 * are now, by the author, at the server's time.
 */
export function saveSnapshot(deps: Omit<SnapshotSources, 'rounds'>, author: SnapshotAuthor, facts: SnapshotFacts, rounds?: RoundView[]): Promise<SnapshotInfo> {
  return storeSnapshot(deps.meetings, author, facts, snapshotOfPlan(deps.docs, facts.planId, rounds));
}

/** Stores a snapshot of the content given, by the author, at the server's time. */
export function storeSnapshot(meetings: MeetingStore, author: SnapshotAuthor, facts: SnapshotFacts, snapshot: PlanSnapshot): Promise<SnapshotInfo> {
  const { plan: _plan, ...content } = snapshot;
  return meetings.addSnapshot({
    ...facts,
    restoresId: facts.restoresId ?? null,
    createdBy: author.id,
    createdByName: author.name,
    ...content,
  });
}
