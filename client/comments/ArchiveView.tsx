import { useMemo } from 'react';
import { listThreads, type ThreadView } from '../../shared/discussion/schema';
import { planItems, readItem } from '../../shared/plan/schema';
import { Modal } from '../dialog/Modal';
import { useCommentTexts } from './commentTexts';
import { useDiscussion } from './DiscussionContext';
import { ThreadCard } from './ThreadCard';
import { useDocVersion } from './useDocVersion';

interface ArchivedItem {
  itemId: string;
  activity: string;
  threads: ThreadView[];
}

/** Comments on items that were deleted from the plan: kept, and readable here. */
export default function ArchiveView({ onClose }: { onClose(): void }) {
  const t = useCommentTexts();
  const { doc, planDoc, version } = useDiscussion();
  const planVersion = useDocVersion(planDoc);
  const archived = useMemo(() => {
    const byItem = new Map<string, ArchivedItem>();
    for (const thread of listThreads(doc)) {
      const map = planItems(planDoc).get(thread.itemId);
      if (map && map.get('deleted') !== true) continue;
      const entry = byItem.get(thread.itemId) ?? { itemId: thread.itemId, activity: map ? readItem(thread.itemId, map).activity : t.deletedItem, threads: [] };
      entry.threads.push(thread);
      byItem.set(thread.itemId, entry);
    }
    return [...byItem.values()];
    // the versions stand for the documents' content
  }, [doc, planDoc, version, planVersion, t]);

  return (
    <Modal title={t.archiveTitle} onClose={onClose} className="archive">
      <div className="archive-body">
        {archived.length === 0 && <p>{t.archiveEmpty}</p>}
        {archived.map((entry) => (
          <section key={entry.itemId} className="archive-item" aria-labelledby={`archive-${entry.itemId}`}>
            <h3 id={`archive-${entry.itemId}`}>{entry.activity}</h3>
            {entry.threads.map((thread) => (
              <ThreadCard key={thread.id} thread={thread} archived />
            ))}
          </section>
        ))}
      </div>
    </Modal>
  );
}
