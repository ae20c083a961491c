import { useContext } from 'react';
import type * as Y from 'yjs';
import { listThreads, type ThreadView } from '../../shared/discussion/schema';
import { collectAnswers } from '../../shared/rounds/collectAnswers';
import type { RoundAnswer, RoundView } from '../../shared/rounds/RoundView';
import { DiscussionContext } from '../comments/DiscussionContext';

// While a round is open its answers are read from the live discussion on this board,
// with the same rule the server uses: a comment shows as an answer the moment it
// arrives, without asking the server. A closed round's (and a snapshot's) answers are
// the ones the server fixed.

// Every card marker asks; the discussion is read once per change of it, the answers once per round.
const threadsOf = new WeakMap<Y.Doc, { version: number; threads: ThreadView[] }>();
const answersCache = new WeakMap<RoundView, { threads: ThreadView[]; answers: RoundAnswer[] }>();

export function answersOf(round: RoundView, discussion: { doc: Y.Doc; version: number; readOnly?: boolean } | null): RoundAnswer[] {
  if (round.closedAt !== null || !discussion || discussion.readOnly) return round.answers;
  let read = threadsOf.get(discussion.doc);
  if (read?.version !== discussion.version) threadsOf.set(discussion.doc, (read = { version: discussion.version, threads: listThreads(discussion.doc) }));
  const hit = answersCache.get(round);
  if (hit?.threads === read.threads) return hit.answers;
  const answers = collectAnswers(read.threads, round);
  answersCache.set(round, { threads: read.threads, answers });
  return answers;
}

/** The round's answers, live while it is open. */
export function useRoundAnswers(round: RoundView): RoundAnswer[] {
  return answersOf(round, useContext(DiscussionContext));
}
