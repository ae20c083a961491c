import type { PlanChange } from '../../shared/discussion/summarisePlanChanges';
import { summarisePlanChanges } from '../../shared/discussion/summarisePlanChanges';
import { isPlanTextChange, PLAN_TEXT_ITEM_ID, type PlanTextChange } from '../../shared/plan/planTextChanges';
import { listDirections, planItems, readItem } from '../../shared/plan/schema';
import type { MeetingChange } from '../../shared/snapshot/meetingRecords';
import { namesOf } from '../auth/namesOf';
import type { AuditedChange } from '../store/ChangeStore';
import type { MeetingRecord } from '../store/MeetingStore';
import { planDocName } from '../sync/docName';
import type { LiveDocs } from './LiveDocs';

export type { MeetingChange };

export interface MeetingChangeDeps {
  docs: LiveDocs;
  /** The audit trail of a plan between two moments, oldest first. */
  planChanges(planId: string, after: number, until: number): Promise<AuditedChange[]>;
  nameOf(userId: string): Promise<string | null>;
}

type TextChange = AuditedChange & { change: PlanTextChange };

/**
 * What has changed in the plan since the meeting opened (until it closed), item by item
 * and field by field, and in the strategy and focus texts, newest first, from the audit
 * trail: each change keeps its author whatever happened to the stored updates since.
 */
export async function meetingChanges(deps: MeetingChangeDeps, meeting: MeetingRecord): Promise<MeetingChange[]> {
  const openedAt = meeting.openedAt ?? 0;
  const until = meeting.closedAt ?? Infinity;
  const all = await deps.planChanges(meeting.planId, openedAt, until);
  // Summarised apart, so that the texts' lines never mix with an item's lifecycle.
  const texts = all.filter((c): c is TextChange => isPlanTextChange(c.change));
  const items = summarisePlanChanges(all.filter((c) => !isPlanTextChange(c.change)));
  const names = await namesOf(all.map((c) => c.userId), deps.nameOf);
  const people = (userIds: string[]) => userIds.map((id) => ({ id, name: names.get(id) ?? '' }));
  const out: MeetingChange[] = [];
  for (const fields of summarisePlanChanges(texts).values()) {
    for (const { change, userIds, at } of fields) out.push({ itemId: PLAN_TEXT_ITEM_ID, activity: '', direction: '', change, at, people: people(userIds) });
  }
  deps.docs.read(planDocName(meeting.planId), (doc) => {
    const directions = new Map(listDirections(doc).map((d) => [d.id, d.title]));
    const map = planItems(doc);
    for (const [itemId, fields] of items) {
      const item = map.get(itemId);
      const view = item ? readItem(itemId, item) : null;
      const activity = view?.activity ?? '';
      const direction = (view && directions.get(view.directionId)) ?? '';
      for (const { change, at, userIds } of fields) out.push({ itemId, activity, direction, change, at, people: people(userIds) });
    }
  });
  return out.sort((a, b) => b.at - a.at);
}
