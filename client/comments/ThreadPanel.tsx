import { useEffect, useMemo, useRef } from 'react';
import { canComment } from '../../shared/discussion/discussionPermissions';
import { listThreads } from '../../shared/discussion/schema';
import { Modal } from '../dialog/Modal';
import { RoundQuestion } from '../rounds/RoundQuestion';
import { commentApi } from './commentApi';
import { useCommentTexts } from './commentTexts';
import { useDiscussion, useItemDiscussion } from './DiscussionContext';
import { LazyCommentEditor } from './LazyCommentEditor';
import { ThreadCard } from './ThreadCard';
import { usePlanItem } from './usePlanItem';

/**
 * The discussion of one item, live: its threads, replies and a field for a new
 * thread. Opening it marks the item read, and so does every comment that arrives
 * while it is open. A deleted item's threads are shown read-only (the archive).
 */
export function ThreadPanel({ itemId, focusThread, onClose }: { itemId: string; focusThread?: string; onClose(): void }) {
  const t = useCommentTexts();
  const { planId, planDoc, doc, version, me, markRead, readOnly } = useDiscussion();
  const item = usePlanItem(planDoc, itemId);
  const { unread } = useItemDiscussion(itemId);
  // version stands for the discussion's content
  const threads = useMemo(() => listThreads(doc, itemId), [doc, itemId, version]);

  useEffect(() => {
    markRead(itemId);
  }, [itemId, markRead]);
  useEffect(() => {
    if (unread > 0) markRead(itemId);
  }, [unread, itemId, markRead]);

  // A link to a thread brings it into view and focus once it has arrived, once.
  const focused = useRef(false);
  useEffect(() => {
    if (!focusThread || focused.current || !threads.some((th) => th.id === focusThread)) return;
    const section = document.querySelector<HTMLElement>(`.thread-panel [data-thread-id="${CSS.escape(focusThread)}"]`);
    if (!section) return;
    focused.current = true;
    section.scrollIntoView({ block: 'center' });
    section.focus();
  }, [focusThread, threads]);

  const archived = item.deleted;
  // A deleted item's threads and a snapshot's take no new words.
  const closed = archived || readOnly === true;
  return (
    <Modal title={t.commentsOn(item.activity)} onClose={onClose} className="thread-panel">
      <div className="thread-panel-body">
        {archived && <p className="comment-note">{t.archivedNote}</p>}
        {readOnly && <p className="comment-note">{t.snapshotNote}</p>}
        <RoundQuestion itemId={itemId} />
        {threads.length === 0 && <p className="comment-hint">{t.noThreads}</p>}
        {threads.map((thread) => (
          <ThreadCard key={thread.id} thread={thread} archived={closed} />
        ))}
        {!closed && me !== null && canComment(me) && (
          <section className="thread-new" aria-label={t.newThread}>
            <h3>{t.newThread}</h3>
            <LazyCommentEditor
              label={t.newThreadLabel}
              submitLabel={t.send}
              autoFocus={threads.length === 0 && !focusThread}
              onSubmit={(body) => commentApi.startThread(planId, itemId, body).then(() => undefined)}
            />
          </section>
        )}
      </div>
    </Modal>
  );
}
