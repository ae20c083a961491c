import * as Y from 'yjs';
import { liveRoundViews } from '../../shared/rounds/liveRoundView';
import type { KeyedPlan } from '../../shared/snapshot/KeyedPlan';
import { RoundStore } from '../store/RoundStore';
import type { ServerStore } from '../store/openStore';
import type { ExportSources, StoredSnapshot } from './ExportSources';

/** The parts of the meeting store an export reads; absent where snapshots do not exist yet. */
export interface SnapshotReader {
  snapshot(id: number): Promise<{ planId: string; meetingId: number | null; createdAt: number; note: string } | undefined>;
  content(id: number): Promise<{ planState: Uint8Array; discussionState: Uint8Array | null } | undefined>;
  /** The keyed plain form, which holds the rounds the snapshot kept. */
  plainJson(id: number): Promise<string | undefined>;
  meeting(id: number): Promise<{ title: string } | undefined>;
}

/** A document rebuilt from its stored rows; null when it has none. */
async function loadDoc(store: ServerStore, name: string): Promise<Y.Doc | null> {
  const { updates } = await store.docs.load(name);
  if (updates.length === 0) return null;
  const doc = new Y.Doc();
  doc.transact(() => updates.forEach((u) => Y.applyUpdate(doc, u)));
  return doc;
}

/**
 * Export content straight from the database. Every update is stored before it is
 * broadcast, so the stored rows are the live plan as everyone sees it; this serves the
 * command line and the server alike, without touching the sync internals.
 */
export function storeExportSources(store: ServerStore, snapshots?: SnapshotReader): ExportSources {
  return {
    planDoc: async (planId) => ((await store.plans.get(planId)) ? ((await loadDoc(store, `plan/${planId}`)) ?? new Y.Doc()) : null),
    discussionDoc: (planId) => loadDoc(store, `discussion/${planId}`),
    rounds: async (planId) => {
      const stored = await new RoundStore(store.sql).forPlan(planId);
      if (stored.every((r) => r.closedAt !== null)) return stored;
      return liveRoundViews(stored, await loadDoc(store, `plan/${planId}`), await loadDoc(store, `discussion/${planId}`));
    },
    snapshot: snapshots
      ? async (planId, snapshotId): Promise<StoredSnapshot | null> => {
          const id = Number(snapshotId);
          const info = Number.isInteger(id) ? await snapshots.snapshot(id) : undefined;
          const content = info && info.planId === planId ? await snapshots.content(id) : undefined;
          if (!info || !content) return null;
          const meeting = info.meetingId === null ? undefined : await snapshots.meeting(info.meetingId);
          const { rounds } = JSON.parse((await snapshots.plainJson(id)) ?? '{}') as Pick<KeyedPlan, 'rounds'>;
          return { ...content, createdAt: info.createdAt, label: meeting?.title || info.note || `ögonblicksbild ${id}`, rounds };
        }
      : undefined,
  };
}
