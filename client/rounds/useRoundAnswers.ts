import { useContext } from 'react';
import type * as Y from 'yjs';
import { collectAnswers } from '../../shared/rounds/collectAnswers';
import type { RoundAnswer, RoundView } from '../../shared/rounds/RoundView';
import { DiscussionContext } from '../comments/DiscussionContext';

// While a round is open its answers are read from the live discussion on this board,
// with the same rule the server uses: a comment shows as an answer the moment it
// arrives, without asking the server. A closed round's (and a snapshot's) answers are
// the ones the server fixed.

const cache = new WeakMap<RoundView, { doc: Y.Doc; version: number; answers: RoundAnswer[] }>();

export function answersOf(round: RoundView, discussion: { doc: Y.Doc; version: number; readOnly?: boolean } | null): RoundAnswer[] {
  if (round.closedAt !== null || !discussion || discussion.readOnly) return round.answers;
  const hit = cache.get(round);
  if (hit && hit.doc === discussion.doc && hit.version === discussion.version) return hit.answers;
  const answers = collectAnswers(discussion.doc, round);
  cache.set(round, { doc: discussion.doc, version: discussion.version, answers });
  return answers;
}

/** The round's answers, live while it is open. */
export function useRoundAnswers(round: RoundView): RoundAnswer[] {
  return answersOf(round, useContext(DiscussionContext));
}
