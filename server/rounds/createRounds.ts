import type { RoundNotice } from '../../shared/rounds/RoundNotice';
import { liveDiscussionDocs } from '../discussion/installDiscussion';
import type { Logger } from '../logger';
import { MeetingStore } from '../store/MeetingStore';
import type { PeopleStore } from '../store/PeopleStore';
import type { Store } from '../store/openStore';
import { RoundStore } from '../store/RoundStore';
import type { SharedDoc } from '../sync/SharedDoc';
import type { Clock } from './Clock';
import { RoundScheduler } from './RoundScheduler';
import { RoundService } from './RoundService';

export interface RoundDeps {
  store: Pick<Store, 'db' | 'plans'>;
  /** The sync server's live documents: answers are read from the discussion as everyone sees it. */
  sync: { getDoc(name: string): SharedDoc };
  people: Pick<PeopleStore, 'getUser' | 'listUsers'>;
  clock: Clock;
  logger: Logger;
  /** Called inside the transaction of each opening, reminder and closing. */
  notify(notice: RoundNotice): void;
}

/** The round service and the scheduler that closes and reminds on its behalf (start it once the server listens). */
export function createRounds(deps: RoundDeps): { service: RoundService; scheduler: RoundScheduler } {
  const meetings = new MeetingStore(deps.store.db);
  let scheduler: RoundScheduler | undefined;
  const service = new RoundService({
    rounds: new RoundStore(deps.store.db),
    plans: deps.store.plans,
    docs: liveDiscussionDocs(deps.sync),
    people: deps.people,
    snapshotJson: (id) => meetings.plainJson(id),
    now: deps.clock.now,
    notify: deps.notify,
    onChange: () => scheduler?.reschedule(),
  });
  scheduler = new RoundScheduler(service, deps.clock, deps.logger);
  return { service, scheduler };
}
