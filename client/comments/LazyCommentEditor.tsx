import { lazy, Suspense } from 'react';
import type { CommentEditorProps } from './CommentEditor';
import { useCommentTexts } from './commentTexts';

const CommentEditor = lazy(() => import('./CommentEditor'));

/** The comment editor, fetched with its first use. */
export function LazyCommentEditor(props: CommentEditorProps) {
  const t = useCommentTexts();
  return (
    <Suspense
      fallback={
        <p className="comment-hint" role="status">
          {t.loadingEditor}
        </p>
      }
    >
      <CommentEditor {...props} />
    </Suspense>
  );
}
