import { CardIcon } from '../board/CardIcon';
import { useCommentTexts } from './commentTexts';
import { useContext } from 'react';
import { DiscussionContext } from './DiscussionContext';

/**
 * The card's way into an item's discussion: how many comments it has, a marker when
 * some are unread by the person looking, and a button that opens the thread panel.
 * Shows nothing without a <DiscussionProvider> around the board.
 */
export function CommentBadge({ itemId, activity }: { itemId: string; activity: string }) {
  const t = useCommentTexts();
  const discussion = useContext(DiscussionContext);
  if (!discussion) return null;
  const { count, unread } = discussion.stats.get(itemId) ?? { count: 0, unread: 0 };
  const { openItem } = discussion;
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
      <CardIcon name="comments" />
      {count > 0 && <span aria-hidden="true">{count}</span>}
      {unread > 0 && <span className="comment-unread-dot" aria-hidden="true" title={t.unreadMarker} />}
    </button>
  );
}
