import type { PlanChange } from '../../shared/discussion/summarisePlanChanges';
import { summarisePlanChanges } from '../../shared/discussion/summarisePlanChanges';
import { listDirections, planItems, readItem } from '../../shared/plan/schema';
import type { MeetingChange } from '../../shared/snapshot/meetingRecords';
import type { MeetingRecord } from '../store/MeetingStore';
import { planDocName } from '../sync/docName';
import type { LiveDocs } from './LiveDocs';

export type { MeetingChange };

export interface MeetingChangeDeps {
  docs: LiveDocs;
  /** The audit trail of a plan between two moments, oldest first. */
  planChanges(planId: string, after: number, until: number): PlanChange[];
  nameOf(userId: string): string | null;
}

/**
 * What has changed in the plan since the meeting opened (until it closed), item by item
 * and field by field, newest first, from the audit trail: each change keeps its author
 * whatever happened to the stored updates since.
 */
export function meetingChanges(deps: MeetingChangeDeps, meeting: MeetingRecord): MeetingChange[] {
  const openedAt = meeting.openedAt ?? 0;
  const until = meeting.closedAt ?? Infinity;
  const summary = summarisePlanChanges(deps.planChanges(meeting.planId, openedAt, until));
  const out: MeetingChange[] = [];
  deps.docs.read(planDocName(meeting.planId), (doc) => {
    const directions = new Map(listDirections(doc).map((d) => [d.id, d.title]));
    const items = planItems(doc);
    for (const [itemId, fields] of summary) {
      const map = items.get(itemId);
      const view = map ? readItem(itemId, map) : null;
      const activity = view?.activity ?? '';
      const direction = (view && directions.get(view.directionId)) ?? '';
      for (const { change, userIds, at } of fields) {
        out.push({ itemId, activity, direction, change, at, people: userIds.map((id) => ({ id, name: deps.nameOf(id) ?? '' })) });
      }
    }
  });
  return out.sort((a, b) => b.at - a.at);
}
