import { restorePlanContent } from '../../shared/snapshot/restorePlanContent';
import type { SnapshotInfo } from '../store/MeetingStore';
import type { MeetingServiceDeps, MeetingStores } from './MeetingService';
import { discussionDocName, planDocName } from '../sync/docName';
import { storeSnapshot, type SnapshotAuthor } from './saveSnapshot';
import { discussionCopy, snapshotContent, type PlanSnapshot } from './snapshotOfPlan';
import { snapshotDoc } from './snapshotDoc';

/**
 * Makes a snapshot's content the current plan, as a new change by the author that
 * every client receives; history is never rewritten. A snapshot of the plan just
 * before is saved with it, naming the snapshot restored: it is the restore's entry in
 * the audit trail, and restoring it undoes the restore.
 */
export async function restoreSnapshot(
  deps: MeetingStores & Pick<MeetingServiceDeps, 'storesOn' | 'docs' | 'rounds'>,
  author: SnapshotAuthor,
  restored: SnapshotInfo,
): Promise<{ before: SnapshotInfo; restored: SnapshotInfo }> {
  const source = await snapshotDoc(deps.meetings, restored.id);
  const meetingId = (await deps.meetings.openMeeting(restored.planId))?.id ?? null;
  const discussion = deps.docs.read(discussionDocName(restored.planId), discussionCopy);
  const rounds = await deps.rounds?.(restored.planId);
  const facts = { planId: restored.planId, meetingId, reason: 'before_restore' as const, note: '', restoresId: restored.id };
  let content: PlanSnapshot | null = null;
  let before: SnapshotInfo | null = null;
  try {
    // The plan as it is the moment before the restore, saved in the restore's own
    // transaction: a restore that storage refuses leaves no snapshot saying it happened.
    await deps.docs.change(
      planDocName(restored.planId),
      author.id,
      (doc) => {
        content = snapshotContent(doc, discussion, rounds);
        restorePlanContent(doc, source);
      },
      async (tx) => {
        before = await storeSnapshot(deps.storesOn(tx).meetings, author, facts, content!);
      },
    );
  } finally {
    source.destroy();
  }
  return { before: before!, restored };
}
