import { startPlanFromSnapshot } from '../../shared/snapshot/startPlanFromSnapshot';
import type { PlanRecord } from '../store/PlanStore';
import type { MeetingServiceDeps, MeetingStores } from './MeetingService';
import { planDocName } from '../sync/docName';
import { checkPlanId, checkTitle, checkYear } from './checkMeetingInput';
import { snapshotDoc } from './snapshotDoc';

export interface NewPlanInput {
  id?: unknown;
  title?: unknown;
  year?: unknown;
  resetStatuses?: unknown;
}

/**
 * A new plan (e.g. next year's) made from a snapshot, beside the old one, with its own
 * meetings and snapshots. Its id defaults to the year. The plan's row and its document
 * are written together or not at all.
 */
export async function startNewPlan(
  deps: MeetingStores & Pick<MeetingServiceDeps, 'transaction' | 'docs'>,
  userId: string,
  snapshotId: number,
  input: NewPlanInput,
): Promise<PlanRecord> {
  const year = checkYear(input.year);
  const id = checkPlanId(input.id ?? String(year));
  const title = checkTitle(input.title);
  const source = await snapshotDoc(deps.meetings, snapshotId);
  try {
    return await deps.transaction(async (tx) => {
      const plan = await tx.plans.create({ id, title, year });
      await deps.docs.change(planDocName(id), userId, (doc) =>
        startPlanFromSnapshot(doc, source, { title, year, resetStatuses: input.resetStatuses === true }),
      );
      return plan;
    });
  } finally {
    source.destroy();
  }
}
