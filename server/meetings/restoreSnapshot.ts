import { restorePlanContent } from '../../shared/snapshot/restorePlanContent';
import type { SnapshotInfo } from '../store/MeetingStore';
import { planDocName } from '../sync/docName';
import { saveSnapshot, type SnapshotAuthor, type SnapshotSources } from './saveSnapshot';
import { snapshotDoc } from './snapshotDoc';

/**
 * Makes a snapshot's content the current plan, as a new change by the author that
 * every client receives; history is never rewritten. A snapshot of the plan just
 * before is saved first, naming the snapshot restored: it is the restore's entry in
 * the audit trail, and restoring it undoes the restore.
 */
export function restoreSnapshot(
  deps: SnapshotSources,
  author: SnapshotAuthor,
  restored: SnapshotInfo,
): { before: SnapshotInfo; restored: SnapshotInfo } {
  const source = snapshotDoc(deps.meetings, restored.id);
  const meetingId = deps.meetings.openMeeting(restored.planId)?.id ?? null;
  try {
    // One transaction: a restore that storage refuses leaves no snapshot saying it happened.
    return deps.meetings.transaction(() => {
      const before = saveSnapshot(deps, author, { planId: restored.planId, meetingId, reason: 'before_restore', note: '', restoresId: restored.id });
      deps.docs.change(planDocName(restored.planId), author.id, (doc) => restorePlanContent(doc, source));
      return { before, restored };
    });
  } finally {
    source.destroy();
  }
}
