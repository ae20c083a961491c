import type * as Y from 'yjs';
import { commentBodyText } from '../discussion/commentBody';
import { listThreads } from '../discussion/schema';
import type { ItemThreads } from './types';

/**
 * The discussion of a plan as the export takes it: visible comments only (a deleted or
 * hidden comment has no words to print), grouped by item id, threads in the order
 * they were started.
 */
export function threadsFromDiscussion(discussion: Y.Doc): ItemThreads[] {
  const byItem = new Map<string, ItemThreads>();
  for (const thread of listThreads(discussion)) {
    const comments = thread.comments
      .filter((c) => c.state === 'visible' && c.body)
      .map((c) => ({ author: c.authorName, at: new Date(c.createdAt).toISOString(), text: commentBodyText(c.body!) }));
    if (comments.length === 0) continue;
    const entry = byItem.get(thread.itemId) ?? { itemKey: thread.itemId, threads: [] };
    entry.threads.push({ resolved: thread.resolved, comments });
    byItem.set(thread.itemId, entry);
  }
  return [...byItem.values()];
}
