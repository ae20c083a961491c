import { restorePlanContent } from '../../shared/snapshot/restorePlanContent';
import type { SnapshotInfo } from '../store/MeetingStore';
import type { MeetingServiceDeps, MeetingStores } from './MeetingService';
import { planDocName } from '../sync/docName';
import type { LiveDocs } from './LiveDocs';
import { saveSnapshot, type SnapshotAuthor } from './saveSnapshot';
import { snapshotDoc } from './snapshotDoc';

/**
 * Makes a snapshot's content the current plan, as a new change by the author that
 * every client receives; history is never rewritten. A snapshot of the plan just
 * before is saved first, naming the snapshot restored: it is the restore's entry in
 * the audit trail, and restoring it undoes the restore.
 */
export async function restoreSnapshot(
  deps: MeetingStores & Pick<MeetingServiceDeps, 'transaction' | 'docs'>,
  author: SnapshotAuthor,
  restored: SnapshotInfo,
): Promise<{ before: SnapshotInfo; restored: SnapshotInfo }> {
  const source = await snapshotDoc(deps.meetings, restored.id);
  const meetingId = (await deps.meetings.openMeeting(restored.planId))?.id ?? null;
  try {
    // One transaction: a restore that storage refuses leaves no snapshot saying it happened.
    return await deps.transaction(async (tx) => {
      const facts = { planId: restored.planId, meetingId, reason: 'before_restore' as const, note: '', restoresId: restored.id };
      const before = await saveSnapshot({ ...tx, docs: deps.docs }, author, facts);
      await deps.docs.change(planDocName(restored.planId), author.id, (doc) => restorePlanContent(doc, source));
      return { before, restored };
    });
  } finally {
    source.destroy();
  }
}
