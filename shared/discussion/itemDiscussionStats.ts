import type * as Y from 'yjs';
import { discussionComments, discussionThreads, readComment } from './schema';

// What a card shows about its discussion: how many comments it has, and whether
// something there is new to the person looking. "New" means written by someone else
// after the person last read the item's discussion (times are all the server's).

export interface ItemDiscussionStats {
  /** Comments that can be read: deleted and hidden ones are not counted. */
  count: number;
  unread: number;
  /** Threads not yet resolved. */
  open: number;
}

/** Per item id; `readAt` maps item ids to when the person last read them. */
export function itemDiscussionStats(doc: Y.Doc, userId: string, readAt: Readonly<Record<string, number>>): Map<string, ItemDiscussionStats> {
  const itemOfThread = new Map<string, string>();
  const stats = new Map<string, ItemDiscussionStats>();
  const entry = (itemId: string) => {
    let s = stats.get(itemId);
    if (!s) stats.set(itemId, (s = { count: 0, unread: 0, open: 0 }));
    return s;
  };
  discussionThreads(doc).forEach((thread, id) => {
    const itemId = thread.get('itemId');
    if (typeof itemId !== 'string') return;
    itemOfThread.set(id, itemId);
    if (thread.get('resolved') !== true) entry(itemId).open++;
  });
  discussionComments(doc).forEach((map, id) => {
    const comment = readComment(id, map);
    const itemId = itemOfThread.get(comment.threadId);
    if (itemId === undefined || comment.state !== 'visible') return;
    const s = entry(itemId);
    s.count++;
    if (comment.authorId !== userId && comment.createdAt > (readAt[itemId] ?? 0)) s.unread++;
  });
  return stats;
}
