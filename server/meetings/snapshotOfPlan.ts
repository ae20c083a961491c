import * as Y from 'yjs';
import { readKeyedPlan } from '../../shared/snapshot/readKeyedPlan';
import { readKeyedThreads } from '../../shared/snapshot/readKeyedThreads';
import type { KeyedPlan } from '../../shared/snapshot/KeyedPlan';
import type { RoundView } from '../../shared/rounds/RoundView';
import type { SnapshotContent } from '../store/MeetingStore';
import { discussionDocName, planDocName } from '../sync/docName';
import type { LiveDocs } from './LiveDocs';

export interface PlanSnapshot extends SnapshotContent {
  plan: KeyedPlan;
  itemCount: number;
  commentCount: number;
}

/** The keyed plain form of the plan and its discussion as they are now. */
export function currentKeyedPlan(docs: LiveDocs, planId: string): KeyedPlan {
  const threads = docs.read(discussionDocName(planId), readKeyedThreads);
  return docs.read(planDocName(planId), (doc) => readKeyedPlan(doc, threads));
}

/** The discussion as a snapshot keeps it: its encoded state and its threads. */
export function discussionCopy(doc: Y.Doc): { state: Uint8Array; threads: ReturnType<typeof readKeyedThreads> } {
  return { state: Y.encodeStateAsUpdate(doc), threads: readKeyedThreads(doc) };
}

/**
 * The plan document and a copy of its discussion as a snapshot stores them: both
 * encoded Yjs states, and the keyed plain form that lists and comparisons read without
 * loading a document, with the plan's consultation rounds when given.
 */
export function snapshotContent(planDoc: Y.Doc, discussion: ReturnType<typeof discussionCopy>, rounds?: RoundView[]): PlanSnapshot {
  const plan: KeyedPlan = { ...readKeyedPlan(planDoc, discussion.threads), ...(rounds ? { rounds } : {}) };
  return {
    planState: Y.encodeStateAsUpdate(planDoc),
    discussionState: discussion.state,
    plainJson: JSON.stringify(plan),
    plan,
    itemCount: plan.directions.reduce((n, d) => n + d.items.length, 0),
    commentCount: plan.threads.reduce((n, t) => n + t.comments.length, 0),
  };
}

/** The plan, its discussion and (when given) its rounds as they are now. */
export function snapshotOfPlan(docs: LiveDocs, planId: string, rounds?: RoundView[]): PlanSnapshot {
  const discussion = docs.read(discussionDocName(planId), discussionCopy);
  return docs.read(planDocName(planId), (doc) => snapshotContent(doc, discussion, rounds));
}
