import { LazyBoundary } from '../lazy/LazyBoundary';
import { lazyView } from '../lazy/lazyView';
import type { CommentEditorProps } from './CommentEditor';
import { useCommentTexts } from './commentTexts';

const CommentEditor = lazyView(() => import('./CommentEditor'));

/** The comment editor, fetched with its first use. */
export function LazyCommentEditor(props: CommentEditorProps) {
  const t = useCommentTexts();
  return (
    <LazyBoundary
      fallback={
        <p className="comment-hint" role="status">
          {t.loadingEditor}
        </p>
      }
    >
      <CommentEditor {...props} />
    </LazyBoundary>
  );
}
