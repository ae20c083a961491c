import { MessageSquare } from 'lucide-react';
import { useCommentTexts } from './commentTexts';
import { useDiscussion, useItemDiscussion } from './DiscussionContext';

/**
 * The card's way into an item's discussion: how many comments it has, a marker when
 * some are unread by the person looking, and a button that opens the thread panel.
 * Needs a <DiscussionProvider> around the board.
 */
export function CommentBadge({ itemId, activity }: { itemId: string; activity: string }) {
  const t = useCommentTexts();
  const { openItem } = useDiscussion();
  const { count, unread } = useItemDiscussion(itemId);
  return (
    <button
      type="button"
      className={`comment-badge${unread ? ' comment-badge-unread' : ''}`}
      aria-label={t.badge(activity, count, unread)}
      title={t.badge(activity, count, unread)}
      data-comment-count={count}
      data-unread={unread}
      onClick={() => openItem(itemId)}
    >
      <MessageSquare aria-hidden="true" size={16} />
      {count > 0 && <span aria-hidden="true">{count}</span>}
      {unread > 0 && (
        <span className="comment-unread-dot" aria-hidden="true" title={t.unreadMarker}>
          {unread}
        </span>
      )}
    </button>
  );
}
