import type * as Y from 'yjs';
import { commentBodyText } from '../discussion/commentBody';
import { listThreads } from '../discussion/schema';
import { byCreated, type KeyedThread } from './KeyedPlan';

/**
 * A plan's discussion in the keyed plain form: each comment's text (empty once deleted
 * or hidden, as the discussion itself keeps no body then) and whether it was edited.
 */
export function readKeyedThreads(discussion: Y.Doc): KeyedThread[] {
  return listThreads(discussion)
    .map((t) => ({
      id: t.id,
      itemId: t.itemId,
      createdAt: t.createdAt,
      resolved: t.resolved,
      comments: t.comments
        .map((c) => ({
          id: c.id,
          authorId: c.authorId,
          authorName: c.authorName,
          createdAt: c.createdAt,
          body: c.body ? commentBodyText(c.body) : '',
          state: c.state === 'visible' && c.editedAt !== null ? ('edited' as const) : c.state,
        }))
        .sort(byCreated),
    }))
    .sort(byCreated);
}
