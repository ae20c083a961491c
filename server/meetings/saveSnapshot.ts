import type { RoundView } from '../../shared/rounds/RoundView';
import type { MeetingStore, SnapshotInfo, SnapshotReason } from '../store/MeetingStore';
import type { LiveDocs } from './LiveDocs';
import { snapshotOfPlan } from './snapshotOfPlan';

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
  rounds?(planId: string): RoundView[];
}

/** Stores the plan, its discussion and its rounds as they are now, by the author, at the server's time. */
export function saveSnapshot(deps: SnapshotSources, author: SnapshotAuthor, facts: SnapshotFacts): SnapshotInfo {
  const { plan: _plan, ...content } = snapshotOfPlan(deps.docs, facts.planId, deps.rounds?.(facts.planId));
  return deps.meetings.addSnapshot({
    ...facts,
    restoresId: facts.restoresId ?? null,
    createdBy: author.id,
    createdByName: author.name,
    ...content,
  });
}
