import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Y from 'yjs';
import { recordPlanChanges } from '../../server/audit/recordPlanChanges';
import { liveDiscussionDocs } from '../../server/discussion/installDiscussion';
import type { Logger } from '../../server/logger';
import type { LiveDocs } from '../../server/meetings/LiveDocs';
import { MeetingService } from '../../server/meetings/MeetingService';
import { seedFirstPlan } from '../../server/seedFirstPlan';
import type { MeetingStore } from '../../server/store/MeetingStore';
import { openInstallationStore, type ServerStore } from '../../server/store/openStore';
import { discussionDocName, parseDocName, planDocName } from '../../server/sync/docName';
import { SyncServer } from '../../server/sync/SyncServer';
import { smallPlan } from '../helpers/planFixture';
import { testDatabaseUrl } from '../helpers/testEngine';

// A real store (a temporary SQLite file, or PostgreSQL with TEST_ENGINE=postgres) and
// the real sync server's document registry (without a network), for testing meetings
// the way the server runs them.

export const people = {
  kim: { id: 'u-kim', name: 'Kim Styrelse', role: 'styrelse' as const },
  eva: { id: 'u-eva', name: 'Eva Ordförande', role: 'styrelse' as const },
  karin: { id: 'u-karin', name: 'Karin Kansli', role: 'kansli' as const },
};

const quiet: Logger = { info() {}, warn() {}, error() {} };

export interface MeetingWorld {
  /** The data folder (DATA_DIR) holding the SQLite file (unused on PostgreSQL). */
  dir: string;
  /** The PostgreSQL database (DATABASE_URL) when the tests run on PostgreSQL. */
  databaseUrl?: string;
  store: ServerStore;
  meetings: MeetingStore;
  sync: SyncServer;
  docs: LiveDocs;
  service: MeetingService;
  /** Moves the server's clock on. */
  tick(ms?: number): number;
  /** A change to the plan by a person, stored with their id like an edit from their browser. */
  edit(userId: string, change: (doc: Y.Doc) => void, planId?: string): void | Promise<void>;
  dispose(): Promise<void>;
}

export async function meetingWorld(options: { compactThreshold?: number } = {}): Promise<MeetingWorld> {
  const dir = mkdtempSync(join(tmpdir(), 'planbord-meeting-'));
  let clock = 1_741_770_000_000;
  const now = () => clock;
  const databaseUrl = await testDatabaseUrl();
  const store = await openInstallationStore(databaseUrl, dir, now);
  await seedFirstPlan(store, () => smallPlan());
  const { meetings } = store;
  const sync = new SyncServer({
    docs: store.docs,
    logger: quiet,
    docExists: async (doc) => (await store.plans.get(doc.planId)) !== undefined,
    compactThreshold: options.compactThreshold ?? 500,
    // As the server runs on PostgreSQL: documents read asynchronously stay loaded.
    ...(databaseUrl ? { keepLoadedMs: Infinity } : {}),
    // The audit trail, as the server keeps it: the meeting's change list is read from it.
    onDocLoaded: (doc) => {
      const name = parseDocName(doc.name);
      if (name?.kind === 'plan') recordPlanChanges(doc, name.planId, store.audit, quiet, now);
    },
  });
  for (const plan of await store.plans.list()) {
    await sync.loadDoc(planDocName(plan.id));
    await sync.loadDoc(discussionDocName(plan.id));
  }
  const docs: LiveDocs = liveDiscussionDocs(sync);
  const names = new Map(Object.values(people).map((p) => [p.id, p.name]));
  const service = new MeetingService({
    meetings,
    plans: store.plans,
    transaction: (fn) => store.transaction(fn),
    storesOn: (tx) => store.on(tx),
    docs,
    planChanges: (planId, after, until) => store.changes.between(planId, after, until),
    nameOf: async (id) => names.get(id) ?? null,
  });
  return {
    dir,
    databaseUrl,
    store,
    meetings,
    sync,
    docs,
    service,
    tick: (ms = 1000) => (clock += ms),
    edit: (userId, change, planId = '2025') => {
      clock += 1000;
      return docs.change(planDocName(planId), userId, change);
    },
    dispose: async () => {
      await sync.close(0);
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
