import type { MeetingRecord } from '../../shared/snapshot/meetingRecords';
import { PeopleStore } from '../store/PeopleStore';
import { PlanStore } from '../store/PlanStore';
import type { Sql } from '../store/sql/Sql';
import type { Outbox } from './Outbox';

// A meeting scheduled or opened is told to everyone active but the person who did it:
// the board meets on the plan that the forum comments on, and each person can switch
// meeting mails off.

/** Queues the mails through `tx`, the transaction that schedules or opens the meeting. */
export function meetingMail(outbox: Outbox) {
  return async (tx: Sql, meeting: MeetingRecord, change: 'scheduled' | 'opened', actor: { id: string; name: string }): Promise<void> => {
    const recipients = (await new PeopleStore(tx).listUsers()).filter((u) => u.active && u.id !== actor.id).map((u) => u.id);
    await outbox.on(tx).queueAll(recipients, {
      kind: 'meeting',
      change,
      planId: meeting.planId,
      planTitle: (await new PlanStore(tx).get(meeting.planId))?.title ?? meeting.planId,
      title: meeting.title,
      date: meeting.date,
      meetingKind: meeting.kind,
      actorName: actor.name,
    });
  };
}
