import type { Hono } from 'hono';
import type { RoundView } from '../../shared/rounds/RoundView';
import { liveDiscussionDocs } from '../discussion/installDiscussion';
import { meetingRoutes } from '../routes/meetingRoutes';
import type { PeopleStore } from '../store/PeopleStore';
import type { Store } from '../store/openStore';
import type { SharedDoc } from '../sync/SharedDoc';
import { planDocName } from '../sync/docName';
import { MeetingService, type MeetingServiceDeps } from './MeetingService';

export interface MeetingDeps {
  store: Pick<Store, 'plans' | 'meetings' | 'changes' | 'transaction' | 'on'>;
  /** The sync server's registry: restores and new plans are written into its live documents. */
  sync: { getDoc(name: string): SharedDoc; readyDoc?(name: string): SharedDoc | Promise<SharedDoc> };
  people: Pick<PeopleStore, 'getUser'>;
  now?: () => number;
  /** The plan's consultation rounds as they are now, for snapshots. */
  rounds?(planId: string): Promise<RoundView[]>;
  /** Told when a meeting is scheduled or opened, inside that transaction (the mails it causes). */
  notify?: MeetingServiceDeps['notify'];
}

/** Mounts meetings, snapshots and the history at /api; call after sign-in is installed. */
export function installMeetings(app: Hono<any>, deps: MeetingDeps): MeetingService {
  const service = new MeetingService({
    meetings: deps.store.meetings,
    plans: deps.store.plans,
    transaction: (fn) => deps.store.transaction(fn),
    storesOn: (tx) => deps.store.on(tx),
    // The same live documents the discussion writes through: read and changed as the server.
    docs: liveDiscussionDocs(deps.sync),
    planChanges: (planId, after, until) => deps.store.changes.between(planId, after, until),
    nameOf: async (id) => (await deps.people.getUser(id))?.name ?? null,
    rounds: deps.rounds,
    notify: deps.notify,
  });
  app.route('/api', meetingRoutes(service));
  return service;
}
