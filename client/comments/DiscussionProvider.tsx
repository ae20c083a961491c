import { useOpenWhileMounted } from '../hooks/usePlanConnection';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type * as Y from 'yjs';
import type { Actor } from '../../shared/discussion/discussionPermissions';
import { itemDiscussionStats } from '../../shared/discussion/itemDiscussionStats';
import { isRole } from '../../shared/auth/roles';
import { useCurrentUser } from '../auth/CurrentUser';
import { Modal } from '../dialog/Modal';
import { LazyBoundary } from '../lazy/LazyBoundary';
import { lazyView } from '../lazy/lazyView';
import { commentApi } from './commentApi';
import { connectDiscussion, type DiscussionConnection } from './connectDiscussion';
import { DiscussionContext, type DiscussionContextValue } from './DiscussionContext';
import { useCommentTexts } from './commentTexts';
import { forgetItemLink, useItemLink, type ItemLink } from './itemLink';
import { ThreadPanel } from './ThreadPanel';
import { useDocVersion } from './useDocVersion';
import './comments.css';

// The views that are opened now and then load with their first use.
const WhatsNewView = lazyView(() => import('./WhatsNewView'));
const ArchiveView = lazyView(() => import('./ArchiveView'));

interface Props {
  planId: string;
  /** The plan's live document: names items and tells deleted ones apart. */
  planDoc: Y.Doc;
  children: ReactNode;
}

type Overlay = { kind: 'item'; itemId: string; threadId?: string } | { kind: 'news' } | { kind: 'archive' } | null;

async function fetchMe(): Promise<Actor | null> {
  const res = await fetch('/api/me', { credentials: 'same-origin' });
  if (!res.ok) return null;
  const me = (await res.json()) as { id?: unknown; name?: unknown; role?: unknown };
  return typeof me.id === 'string' && typeof me.name === 'string' && isRole(me.role) ? { id: me.id, name: me.name, role: me.role } : null;
}

const useConnection = (planId: string): DiscussionConnection | null => useOpenWhileMounted(planId, connectDiscussion);

/**
 * Follows a plan's discussion for everything inside it: comment counts and unread
 * markers on cards (useItemDiscussion, CommentBadge), the thread panel of an item,
 * "Nytt sedan ditt senaste besök" and the archive. Place it around the board.
 */
export function DiscussionProvider({ planId, planDoc, children }: Props) {
  const connection = useConnection(planId);
  const current = useCurrentUser();
  const given = current ? { id: current.me.id, name: current.me.name, role: current.me.role } : undefined;
  return connection ? (
    <Discussion planId={planId} planDoc={planDoc} given={given} connection={connection}>
      {children}
    </Discussion>
  ) : (
    <>{children}</>
  );
}

function Discussion({ planId, planDoc, given, connection, children }: Props & { given?: Actor; connection: DiscussionConnection }) {
  const { doc } = connection;
  const version = useDocVersion(doc);
  // The signed-in app knows the person; elsewhere (or before it does) /api/me tells.
  const [fetched, setFetched] = useState<Actor | null>(null);
  const me = given ?? fetched;
  const [reads, setReads] = useState<Record<string, number>>({});
  const [overlay, setOverlay] = useState<Overlay>(null);

  const known = given !== undefined;
  useEffect(() => {
    if (!known) fetchMe().then(setFetched, () => setFetched(null));
  }, [known]);

  useEffect(() => {
    let live = true;
    commentApi.reads(planId).then((r) => live && setReads(r), () => {});
    return () => {
      live = false;
    };
  }, [planId]);

  const markRead = useCallback(
    (itemId: string) => {
      commentApi.markRead(planId, itemId).then(
        (readAt) => setReads((r) => ((r[itemId] ?? 0) >= readAt ? r : { ...r, [itemId]: readAt })),
        () => {},
      );
    },
    [planId],
  );

  const stats = useMemo(() => itemDiscussionStats(doc, me?.id ?? '', reads), [doc, version, me?.id, reads]);

  const value = useMemo<DiscussionContextValue>(
    () => ({
      planId,
      doc,
      planDoc,
      me,
      version,
      stats,
      markRead,
      openItem: (itemId) => setOverlay({ kind: 'item', itemId }),
      showWhatsNew: () => setOverlay({ kind: 'news' }),
      showArchive: () => setOverlay({ kind: 'archive' }),
    }),
    [planId, doc, planDoc, me?.id, me?.name, me?.role, version, stats, markRead],
  );
  const t = useCommentTexts();
  const close = () => {
    forgetItemLink();
    setOverlay(null);
  };
  useItemLink(useCallback((link: ItemLink) => setOverlay({ kind: 'item', ...link }), []));

  return (
    <DiscussionContext.Provider value={value}>
      {children}
      {overlay?.kind === 'item' && <ThreadPanel key={`${overlay.itemId}/${overlay.threadId ?? ''}`} itemId={overlay.itemId} focusThread={overlay.threadId} onClose={close} />}
      <LazyBoundary
        fallback={null}
        frame={(failure) => (
          <Modal title={overlay?.kind === 'archive' ? t.archiveTitle : t.whatsNew} onClose={close}>
            {failure}
          </Modal>
        )}
      >
        {overlay?.kind === 'news' && <WhatsNewView onClose={close} />}
        {overlay?.kind === 'archive' && <ArchiveView onClose={close} />}
      </LazyBoundary>
    </DiscussionContext.Provider>
  );
}
