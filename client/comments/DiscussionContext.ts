import { createContext, useContext } from 'react';
import type * as Y from 'yjs';
import type { Actor } from '../../shared/discussion/discussionPermissions';
import type { ItemDiscussionStats } from '../../shared/discussion/itemDiscussionStats';

export interface DiscussionContextValue {
  planId: string;
  /** The live discussion document (read-only for every client). */
  doc: Y.Doc;
  planDoc: Y.Doc;
  /** The signed-in person; null until known. */
  me: Actor | null;
  /** A snapshot's discussion as it was stored: threads are read, never written. */
  readOnly?: boolean;
  /** Changes with every change of the discussion document. */
  version: number;
  stats: Map<string, ItemDiscussionStats>;
  markRead(itemId: string): void;
  openItem(itemId: string): void;
  showWhatsNew(): void;
  showArchive(): void;
}

export const DiscussionContext = createContext<DiscussionContextValue | null>(null);

export function useDiscussion(): DiscussionContextValue {
  const value = useContext(DiscussionContext);
  if (!value) throw new Error('useDiscussion needs a <DiscussionProvider> around it');
  return value;
}

const NONE: ItemDiscussionStats = { count: 0, unread: 0, open: 0 };

/** How many comments an item has, how many are unread by the person looking, open threads. */
export function useItemDiscussion(itemId: string): ItemDiscussionStats {
  return useDiscussion().stats.get(itemId) ?? NONE;
}
