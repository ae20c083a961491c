import { useMemo, useState, type ReactNode } from 'react';
import type * as Y from 'yjs';
import { itemDiscussionStats } from '../../shared/discussion/itemDiscussionStats';
import { DiscussionContext, type DiscussionContextValue } from './DiscussionContext';
import { LazyThreadPanel } from './LazyThreadPanel';
import './comments.css';

interface Props {
  planId: string;
  /** The snapshot's plan, never synced: names the items of its threads. */
  planDoc: Y.Doc;
  /** The snapshot's discussion, as it was stored. */
  doc: Y.Doc;
  children: ReactNode;
}

const nothing = () => {};

/**
 * A snapshot's discussion for the read-only board around it: comment counts on the
 * cards and each item's threads, as they were when the snapshot was saved. Nobody is
 * signed in to it (`me` is null), so no control to write, resolve or hide appears,
 * and nothing is unread: what a person has read is a matter of the live plan.
 */
export function SnapshotDiscussion({ planId, planDoc, doc, children }: Props) {
  const [itemId, setItemId] = useState<string | null>(null);
  const value = useMemo<DiscussionContextValue>(() => {
    const stats = itemDiscussionStats(doc, '', {});
    stats.forEach((s) => (s.unread = 0));
    return {
      planId,
      doc,
      planDoc,
      me: null,
      readOnly: true,
      version: 0,
      stats,
      markRead: nothing,
      openItem: setItemId,
      showWhatsNew: nothing,
      showArchive: nothing,
    };
  }, [planId, doc, planDoc]);
  return (
    <DiscussionContext.Provider value={value}>
      {children}
      {itemId !== null && <LazyThreadPanel itemId={itemId} onClose={() => setItemId(null)} />}
    </DiscussionContext.Provider>
  );
}
