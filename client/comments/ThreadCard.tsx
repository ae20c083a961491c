import { CheckCircle2, RotateCcw } from 'lucide-react';
import { useState } from 'react';
import { canResolveThread } from '../../shared/discussion/discussionPermissions';
import type { ThreadView } from '../../shared/discussion/schema';
import { commentApi, CommentApiError } from './commentApi';
import { formatTime, useCommentTexts } from './commentTexts';
import { CommentItem } from './CommentItem';
import { useDiscussion } from './DiscussionContext';
import { LazyCommentEditor } from './LazyCommentEditor';

/** A thread: its opening comment, the replies under it, resolve or reopen, and a reply field. */
export function ThreadCard({ thread, archived }: { thread: ThreadView; archived: boolean }) {
  const t = useCommentTexts();
  const { planId, me } = useDiscussion();
  const [replying, setReplying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [opening, ...replies] = thread.comments;
  const mayResolve = !archived && me !== null && canResolveThread(me, thread);
  const toggle = () => {
    setError(null);
    commentApi.setResolved(planId, thread.id, !thread.resolved).catch((err: unknown) =>
      setError(err instanceof CommentApiError ? (t.errors[err.code] ?? err.message) : t.failed),
    );
  };
  if (!opening) return null;

  return (
    <section className={`thread${thread.resolved ? ' thread-resolved' : ''}`} data-thread-id={thread.id} tabIndex={-1} aria-label={`${opening.authorName}: ${t.replies(replies.length)}`}>
      {thread.resolved && thread.resolvedAt !== null && (
        <p className="thread-resolved-note">
          <CheckCircle2 aria-hidden="true" size={16} /> {t.resolvedBy(thread.resolvedByName ?? '', formatTime(t, thread.resolvedAt))}
        </p>
      )}
      <CommentItem comment={opening} archived={archived} />
      {replies.length > 0 && (
        <ol className="thread-replies" aria-label={t.replies(replies.length)}>
          {replies.map((c) => (
            <li key={c.id}>
              <CommentItem comment={c} archived={archived} />
            </li>
          ))}
        </ol>
      )}
      {error && (
        <p className="comment-error" role="alert">
          {error}
        </p>
      )}
      {!archived && (
        <div className="thread-actions">
          {!replying && (
            <button type="button" className="button" onClick={() => setReplying(true)}>
              {t.reply}
            </button>
          )}
          {mayResolve && (
            <button type="button" className="button button-quiet" onClick={toggle}>
              {thread.resolved ? <RotateCcw aria-hidden="true" size={16} /> : <CheckCircle2 aria-hidden="true" size={16} />}
              {thread.resolved ? t.reopen : t.resolve}
            </button>
          )}
        </div>
      )}
      {replying && (
        <LazyCommentEditor
          label={t.replyLabel}
          submitLabel={t.sendReply}
          autoFocus
          onSubmit={(body) => commentApi.reply(planId, thread.id, body).then(() => setReplying(false))}
          onCancel={() => setReplying(false)}
        />
      )}
    </section>
  );
}
