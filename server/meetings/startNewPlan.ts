import { startPlanFromSnapshot } from '../../shared/snapshot/startPlanFromSnapshot';
import type { MeetingStore } from '../store/MeetingStore';
import type { PlanRecord, PlanStore } from '../store/PlanStore';
import { planDocName } from '../sync/docName';
import { checkMeetingText, checkPlanId, checkTitle, checkVersion, checkYear } from './checkMeetingInput';
import type { LiveDocs } from './LiveDocs';
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
 * (asked for, not carried over). Its id defaults to the year. The plan's row and its
 * document are written together or not at all.
 */
export function startNewPlan(
  deps: { meetings: MeetingStore; plans: Pick<PlanStore, 'create'>; docs: LiveDocs },
  userId: string,
  snapshotId: number,
  input: NewPlanInput,
): PlanRecord {
  const year = checkYear(input.year);
  const id = checkPlanId(input.id ?? String(year));
  const title = checkTitle(input.title);
  const version = checkVersion(input.version);
  const meetingText = checkMeetingText(input.meetingText);
  const source = snapshotDoc(deps.meetings, snapshotId);
  try {
    return deps.meetings.transaction(() => {
      const plan = deps.plans.create({ id, title, year });
      deps.docs.change(planDocName(id), userId, (doc) =>
        startPlanFromSnapshot(doc, source, { title, year, resetStatuses: input.resetStatuses === true, version, meetingText }),
      );
      return plan;
    });
  } finally {
    source.destroy();
  }
}
