import { planChangesSince, type UpdateRow } from '../../shared/discussion/planChangesSince';
import { summarisePlanChanges } from '../../shared/discussion/summarisePlanChanges';
import { listDirections, planItems, readItem } from '../../shared/plan/schema';
import type { MeetingChange } from '../../shared/snapshot/meetingRecords';
import type { MeetingRecord } from '../store/MeetingStore';
import { planDocName } from '../sync/docName';
import type { LiveDocs } from './LiveDocs';

export type { MeetingChange };

export interface MeetingChangeDeps {
  docs: LiveDocs;
  /** The stored updates of a plan's document, oldest first, with author and time. */
  planHistory(planId: string): UpdateRow[];
  nameOf(userId: string): string | null;
}

/**
 * What has changed in the plan since the meeting opened (until it closed), item by item
 * and field by field, newest first. The plan as it was at the opening is kept with the
 * meeting, so the list starts from there even after the stored updates were compacted;
 * compacted updates carry no author, and their changes are listed without one.
 */
export function meetingChanges(deps: MeetingChangeDeps, meeting: MeetingRecord, openedState: Uint8Array): MeetingChange[] {
  const openedAt = meeting.openedAt ?? 0;
  const until = meeting.closedAt ?? Infinity;
  const rows: UpdateRow[] = [
    { update: openedState, userId: null, at: openedAt },
    ...deps.planHistory(meeting.planId).filter((r) => r.at > openedAt && r.at <= until),
  ];
  const summary = summarisePlanChanges(planChangesSince(rows, openedAt));
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
