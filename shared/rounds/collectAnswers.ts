import { commentBodyText } from '../discussion/commentBody';
import type { ThreadView } from '../discussion/schema';
import { answersUntil, type RoundAnswer, type RoundView } from './RoundView';

/**
 * What counts as an answer to a round: a comment that one of the people asked wrote on
 * one of its items, in any thread of the item (starting one or replying), from the
 * moment the round opened up to its deadline (or its early close), and that can still
 * be read (a deleted or hidden comment is no answer). Every such comment is listed, in
 * the order written: a person may answer in several comments. `threads` is the plan's
 * discussion as listThreads reads it, read once for any number of rounds.
 */
export function collectAnswers(
  threads: readonly ThreadView[],
  round: Pick<RoundView, 'items' | 'recipients' | 'openedAt' | 'deadline' | 'closedAt'>,
): RoundAnswer[] {
  const items = new Set(round.items.map((i) => i.id));
  const people = new Set(round.recipients.map((p) => p.id));
  const until = answersUntil(round);
  const answers: RoundAnswer[] = [];
  for (const thread of threads) {
    if (!items.has(thread.itemId)) continue;
    for (const c of thread.comments) {
      if (c.state !== 'visible' || !c.body || !people.has(c.authorId) || c.createdAt < round.openedAt || c.createdAt > until) continue;
      answers.push({
        itemId: thread.itemId,
        personId: c.authorId,
        personName: c.authorName,
        commentId: c.id,
        threadId: thread.id,
        at: c.createdAt,
        text: commentBodyText(c.body),
      });
    }
  }
  return answers.sort((a, b) => a.at - b.at || (a.commentId < b.commentId ? -1 : 1));
}
