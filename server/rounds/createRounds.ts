import type { RoundNotice } from '../../shared/rounds/RoundNotice';
import { liveDiscussionDocs } from '../discussion/installDiscussion';
import type { Logger } from '../logger';
import type { PeopleStore } from '../store/PeopleStore';
import type { Store } from '../store/openStore';
import { RoundStore } from '../store/RoundStore';
import type { Sql } from '../store/sql/Sql';
import type { SharedDoc } from '../sync/SharedDoc';
import type { Clock } from './Clock';
import { RoundScheduler } from './RoundScheduler';
import { RoundService } from './RoundService';

export interface RoundDeps {
  store: Pick<Store, 'sql' | 'plans' | 'meetings'>;
  /** The sync server's live documents: answers are read from the discussion as everyone sees it. */
  sync: { getDoc(name: string): SharedDoc; readyDoc?(name: string): SharedDoc | Promise<SharedDoc> };
  people: Pick<PeopleStore, 'getUser' | 'listUsers'>;
  clock: Clock;
  logger: Logger;
  /** Called through the transaction `tx` of each opening, reminder and closing. */
  notify(tx: Sql, notice: RoundNotice): void | Promise<void>;
}

/** The round service and the scheduler that closes and reminds on its behalf (start it once the server listens). */
export function createRounds(deps: RoundDeps): { service: RoundService; scheduler: RoundScheduler } {
  let scheduler: RoundScheduler | undefined;
  const service = new RoundService({
    rounds: new RoundStore(deps.store.sql),
    transaction: (fn) => deps.store.sql.transaction((sql) => fn({ sql, rounds: new RoundStore(sql) })),
    plans: deps.store.plans,
    docs: liveDiscussionDocs(deps.sync),
    people: deps.people,
    snapshotJson: (id) => deps.store.meetings.plainJson(id),
    now: deps.clock.now,
    notify: deps.notify,
    onChange: () => void scheduler?.reschedule(),
  });
  scheduler = new RoundScheduler(service, deps.clock, deps.logger);
  return { service, scheduler };
}
