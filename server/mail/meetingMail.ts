import type { MeetingRecord } from '../../shared/snapshot/meetingRecords';
import type { PeopleStore } from '../store/PeopleStore';
import type { PlanStore } from '../store/PlanStore';
import type { Outbox } from './Outbox';

// A meeting scheduled or opened is told to everyone active but the person who did it:
// the board meets on the plan that the forum comments on, and each person can switch
// meeting mails off.

export function meetingMail(outbox: Outbox, plans: Pick<PlanStore, 'get'>, people: Pick<PeopleStore, 'listUsers'>) {
  return (meeting: MeetingRecord, change: 'scheduled' | 'opened', actor: { id: string; name: string }): void => {
    const recipients = people
      .listUsers()
      .filter((u) => u.active && u.id !== actor.id)
      .map((u) => u.id);
    outbox.queueAll(recipients, {
      kind: 'meeting',
      change,
      planId: meeting.planId,
      planTitle: plans.get(meeting.planId)?.title ?? meeting.planId,
      title: meeting.title,
      date: meeting.date,
      meetingKind: meeting.kind,
      actorName: actor.name,
    });
  };
}
