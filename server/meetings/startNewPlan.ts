import { startPlanFromSnapshot } from '../../shared/snapshot/startPlanFromSnapshot';
import type { PlanRecord } from '../store/PlanStore';
import { StoreError } from '../store/StoreError';
import type { MeetingServiceDeps, MeetingStores } from './MeetingService';
import { planDocName } from '../sync/docName';
import { checkMeetingText, checkPlanId, checkTitle, checkVersion, checkYear } from './checkMeetingInput';
import { snapshotDoc } from './snapshotDoc';

export interface NewPlanInput {
  id?: unknown;
  title?: unknown;
  year?: unknown;
  resetStatuses?: unknown;
  version?: unknown;
  meetingText?: unknown;
}

/**
 * A new plan (e.g. next year's) made from a snapshot, beside the old one, with its own
 * meetings and snapshots, its own version and its own text about the annual meeting
 * (asked for, not carried over). Its id defaults to the year. The plan's row is stored
 * in the transaction of its document's first change: both are written or neither is.
 */
export async function startNewPlan(
  deps: MeetingStores & Pick<MeetingServiceDeps, 'storesOn' | 'docs'>,
  userId: string,
  snapshotId: number,
  input: NewPlanInput,
): Promise<PlanRecord> {
  const year = checkYear(input.year);
  const id = checkPlanId(input.id ?? String(year));
  const title = checkTitle(input.title);
  const version = checkVersion(input.version);
  const meetingText = checkMeetingText(input.meetingText);
  if (await deps.plans.get(id)) throw new StoreError('PLAN_EXISTS', `a plan with id ${id} already exists`);
  const source = await snapshotDoc(deps.meetings, snapshotId);
  let plan: PlanRecord | null = null;
  try {
    await deps.docs.change(
      planDocName(id),
      userId,
      (doc) => startPlanFromSnapshot(doc, source, { title, year, resetStatuses: input.resetStatuses === true, version, meetingText }),
      async (tx) => {
        plan = await deps.storesOn(tx).plans.create({ id, title, year });
      },
    );
  } finally {
    source.destroy();
  }
  return plan!;
}
