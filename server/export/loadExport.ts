import * as Y from 'yjs';
import { ExportError } from '../../shared/export/ExportError';
import { exportSourceFromDoc } from '../../shared/export/exportSourceFromDoc';
import { threadsFromDiscussion } from '../../shared/export/threadsFromDiscussion';
import type { ExportMeta, ExportSource } from '../../shared/export/types';
import type { ExportSources } from './ExportSources';

function docFromState(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

/**
 * The content of an export: the live plan (dated now) or a snapshot (dated when it was
 * taken), with the plan's consultation rounds when `withRounds` (reading them costs a
 * second pass over the discussion, so only when asked).
 */
export async function loadExport(
  sources: ExportSources,
  planId: string,
  snapshotId: string | undefined,
  now: () => Date = () => new Date(),
  withRounds = false,
): Promise<{ source: ExportSource; meta: ExportMeta }> {
  if (snapshotId !== undefined) {
    if (!sources.snapshot) throw new ExportError('SNAPSHOT_UNAVAILABLE', 'snapshots are not available on this server');
    const stored = await sources.snapshot(planId, snapshotId);
    if (!stored) throw new ExportError('SNAPSHOT_NOT_FOUND', `plan ${planId} has no snapshot ${snapshotId}`);
    const plan = docFromState(stored.planState);
    const discussion = stored.discussionState ? docFromState(stored.discussionState) : null;
    const source = { ...exportSourceFromDoc(plan, discussion ? threadsFromDiscussion(discussion) : undefined), rounds: withRounds ? stored.rounds : undefined };
    plan.destroy();
    discussion?.destroy();
    return { source, meta: { date: new Date(stored.createdAt), snapshotLabel: stored.label } };
  }
  const plan = await sources.planDoc(planId);
  if (!plan) throw new ExportError('PLAN_NOT_FOUND', `there is no plan ${planId}`);
  const discussion = (await sources.discussionDoc?.(planId)) ?? null;
  const rounds = withRounds ? await sources.rounds?.(planId) : undefined;
  return { source: { ...exportSourceFromDoc(plan, discussion ? threadsFromDiscussion(discussion) : undefined), rounds }, meta: { date: now() } };
}
