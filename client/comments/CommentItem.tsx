import { useState } from 'react';
import type { CommentView } from '../../shared/discussion/schema';
import { canChangeComment, canHideComment } from '../../shared/discussion/discussionPermissions';
import { commentApi, CommentApiError } from './commentApi';
import { CommentBodyView } from './CommentBodyView';
import { formatTime, useCommentTexts } from './commentTexts';
import { ConfirmInline } from './ConfirmInline';
import { useDiscussion } from './DiscussionContext';
import { LazyCommentEditor } from './LazyCommentEditor';

type Mode = 'show' | 'edit' | 'remove' | 'hide';

/** One comment: who and when, its words (or that it was deleted or hidden), and what one may do with it. */
export function CommentItem({ comment, archived }: { comment: CommentView; archived: boolean }) {
  const t = useCommentTexts();
  const { planId, me } = useDiscussion();
  const [mode, setMode] = useState<Mode>('show');
  const [error, setError] = useState<string | null>(null);
  const own = me !== null && canChangeComment(me, comment);
  const hideable = me !== null && canHideComment(me, comment);
  const run = (action: Promise<unknown>) => {
    setError(null);
    action.then(
      () => setMode('show'),
      (err: unknown) => setError(err instanceof CommentApiError ? (t.errors[err.code] ?? err.message) : t.failed),
    );
  };

  return (
    <article className={`comment comment-${comment.state}`} data-comment-id={comment.id} aria-label={`${comment.authorName}, ${formatTime(t, comment.createdAt)}`}>
      <header className="comment-head">
        <span className="comment-author">{comment.authorName}</span>
        <time dateTime={new Date(comment.createdAt).toISOString()}>{formatTime(t, comment.createdAt)}</time>
        {comment.state === 'visible' && comment.editedAt !== null && <span className="comment-edited">({t.edited})</span>}
      </header>
      {comment.state === 'deleted' && <p className="comment-gone">{t.deleted}</p>}
      {comment.state === 'hidden' && <p className="comment-gone">{t.hidden}</p>}
      {comment.body && mode !== 'edit' && <CommentBodyView body={comment.body} />}
      {comment.body && mode === 'edit' && (
        <LazyCommentEditor
          label={t.editLabel}
          submitLabel={t.save}
          initial={comment.body}
          autoFocus
          onSubmit={(body) => commentApi.edit(planId, comment.id, body).then(() => setMode('show'))}
          onCancel={() => setMode('show')}
        />
      )}
      {mode === 'remove' && (
        <ConfirmInline question={t.confirmRemove} confirmLabel={t.remove} onConfirm={() => run(commentApi.remove(planId, comment.id))} onCancel={() => setMode('show')} />
      )}
      {mode === 'hide' && (
        <ConfirmInline question={t.confirmHide} confirmLabel={t.hide} onConfirm={() => run(commentApi.hide(planId, comment.id))} onCancel={() => setMode('show')} />
      )}
      {mode === 'show' && (own || hideable) && (
        <div className="comment-actions">
          {own && !archived && (
            <button type="button" className="button button-quiet" onClick={() => setMode('edit')}>
              {t.edit}
            </button>
          )}
          {own && (
            <button type="button" className="button button-quiet" onClick={() => setMode('remove')}>
              {t.remove}
            </button>
          )}
          {hideable && (
            <button type="button" className="button button-danger-quiet" onClick={() => setMode('hide')}>
              {t.hide}
            </button>
          )}
        </div>
      )}
      {error && (
        <p className="comment-error" role="alert">
          {error}
        </p>
      )}
    </article>
  );
}
