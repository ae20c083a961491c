import { useCallback, useEffect, useState } from 'react';
import type { WhatsNewReport } from '../../shared/discussion/WhatsNewReport';
import { Modal } from '../dialog/Modal';
import { commentApi } from './commentApi';
import { describeChange, formatTime, useCommentTexts } from './commentTexts';
import { useDiscussion } from './DiscussionContext';

type Load = { state: 'loading' } | { state: 'ready'; report: WhatsNewReport } | { state: 'failed' };

/**
 * "Nytt sedan ditt senaste besök": for someone who comes by once a week, what others
 * wrote and changed since they last marked it all seen, item by item in plan order.
 */
export default function WhatsNewView({ onClose }: { onClose(): void }) {
  const t = useCommentTexts();
  const { planId, openItem } = useDiscussion();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const fetchReport = useCallback(() => {
    commentApi.news(planId).then(
      (report) => setLoad({ state: 'ready', report }),
      () => setLoad({ state: 'failed' }),
    );
  }, [planId]);
  useEffect(fetchReport, [fetchReport]);

  // Up to the report on screen: what arrived while it was being read stays new.
  const markAllSeen = (until: number) => commentApi.markNewsSeen(planId, until).then(fetchReport, () => setLoad({ state: 'failed' }));

  return (
    <Modal title={t.whatsNew} onClose={onClose} className="whats-new">
      <div className="whats-new-body">
        {load.state === 'loading' && <p role="status">{t.loading}</p>}
        {load.state === 'failed' && <p role="alert">{t.failed}</p>}
        {load.state === 'ready' && (
          <>
            <p className="comment-hint">{t.whatsNewSince(formatTime(t, load.report.since))}</p>
            {load.report.items.length === 0 && <p>{t.nothingNew}</p>}
            {load.report.items.map((entry) => (
              <section key={entry.itemId} className="news-item" aria-labelledby={`news-${entry.itemId}`}>
                <h3 id={`news-${entry.itemId}`}>
                  {entry.activity}
                  {entry.deleted && <span className="news-tag"> ({t.deletedItem})</span>}
                </h3>
                <p className="comment-hint">{entry.direction}</p>
                {entry.changes.length > 0 && (
                  <ul className="news-changes">
                    {entry.changes.map((c, i) => (
                      <li key={i}>
                        {describeChange(t, c.change)} <span className="comment-hint">({t.changesBy(c.names, formatTime(t, c.at))})</span>
                      </li>
                    ))}
                  </ul>
                )}
                {entry.resolved.map((r) => (
                  <p key={r.threadId} className="comment-hint">
                    {t.threadResolved(r.name)}, {formatTime(t, r.at)}
                  </p>
                ))}
                {entry.comments.length > 0 && (
                  <>
                    <p className="news-count">{t.newComments(entry.comments.length)}</p>
                    <ul className="news-comments">
                      {entry.comments.map((c) => (
                        <li key={c.commentId}>
                          <span className="comment-author">{c.authorName}</span>{' '}
                          <span className="comment-hint">
                            {formatTime(t, c.createdAt)}
                            {c.reply && ` · ${t.isReply}`}
                          </span>
                          {c.mentionsYou && <span className="news-mention"> · {t.mentionsYou}</span>}
                          <p className="news-excerpt">{c.excerpt}</p>
                        </li>
                      ))}
                    </ul>
                  </>
                )}
                <button type="button" className="button" onClick={() => openItem(entry.itemId)}>
                  {t.openComments(entry.activity)}
                </button>
              </section>
            ))}
            {load.report.items.length > 0 && (
              <button type="button" className="button button-primary" onClick={() => markAllSeen(load.report.until)}>
                {t.markAllSeen}
              </button>
            )}
          </>
        )}
      </div>
    </Modal>
  );
}
