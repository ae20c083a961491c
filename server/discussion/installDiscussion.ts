import type { Hono } from 'hono';
import type { PlanChange } from '../../shared/discussion/summarisePlanChanges';
import { isPlanTextChange } from '../../shared/plan/planTextChanges';
import { commentRoutes } from '../routes/commentRoutes';
import { DiscussionStore } from '../store/DiscussionStore';
import type { PeopleStore } from '../store/PeopleStore';
import type { Store } from '../store/openStore';
import type { SharedDoc } from '../sync/SharedDoc';
import type { DiscussionDocs, DiscussionPeople } from './DiscussionDocs';
import { DiscussionService, type DiscussionServiceDeps } from './DiscussionService';
import { WhatsNew } from './WhatsNew';

export interface DiscussionDeps {
  store: Pick<Store, 'plans' | 'changes' | 'sql'>;
  /** The sync server's registry: comments are written into its live documents. */
  sync: { getDoc(name: string): SharedDoc; readyDoc?(name: string): SharedDoc | Promise<SharedDoc> };
  people: Pick<PeopleStore, 'getUser' | 'listUsers'>;
  now?: () => number;
  /** Told of each comment inside its transaction (the mails it causes). */
  notify?: DiscussionServiceDeps['notify'];
}

/** The live documents of the sync server, so every open board sees a comment at once. */
export function liveDiscussionDocs(sync: DiscussionDeps['sync']): DiscussionDocs {
  return {
    read: (name, read) => read(sync.getDoc(name).doc),
    change: (name, userId, change, alsoStore) => {
      // A plan just made elsewhere is read from PostgreSQL first; SQLite answers at once.
      const doc = sync.readyDoc?.(name) ?? sync.getDoc(name);
      return doc instanceof Promise ? doc.then((d) => d.changeAsServer(change, userId, alsoStore)) : doc.changeAsServer(change, userId, alsoStore);
    },
  };
}

export function discussionPeople(people: DiscussionDeps['people']): DiscussionPeople {
  const active = async () => (await people.listUsers()).filter((u) => u.active);
  return {
    mentionNames: async () => new Map((await active()).map((u) => [u.id, u.name])),
    nameOf: async (id) => (await people.getUser(id))?.name ?? null,
    mentionable: async () =>
      (await active()).map(({ id, name, organisation }) => ({ id, name, organisation })).sort((a, b) => a.name.localeCompare(b.name, 'sv')),
  };
}

/** Mounts the comment API at /api/discussion; call after sign-in is installed. */
export function installDiscussion(app: Hono<any>, deps: DiscussionDeps): { service: DiscussionService; news: WhatsNew } {
  const people = discussionPeople(deps.people);
  const reads = new DiscussionStore(deps.store.sql);
  const service = new DiscussionService({
    docs: liveDiscussionDocs(deps.sync),
    plans: deps.store.plans,
    people,
    reads,
    now: deps.now,
    notify: deps.notify,
  });
  const news = new WhatsNew({
    service,
    seen: reads,
    people,
    // The news lists items; edits of the strategy and focus texts are not about one.
    planChanges: async (planId, after, until) =>
      (await deps.store.changes.between(planId, after, until)).filter((c): c is PlanChange => !isPlanTextChange(c.change)),
    now: deps.now,
  });
  app.route('/api/discussion', commentRoutes(service, news));
  return { service, news };
}
