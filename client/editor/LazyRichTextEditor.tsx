import { LazyBoundary } from '../lazy/LazyBoundary';
import { lazyView } from '../lazy/lazyView';
import type { RichTextEditorProps } from './RichTextEditor';
import { useEditorTexts } from './editorTexts';

export const RichTextEditor = lazyView(() => import('./RichTextEditor'));

/** The rich-text editor, fetched with its first use so the board paints without it. */
export function LazyRichTextEditor(props: RichTextEditorProps) {
  const t = useEditorTexts();
  return (
    <LazyBoundary
      fallback={
        <p className="rich-text-loading" role="status">
          {t.loading}
        </p>
      }
    >
      <RichTextEditor {...props} />
    </LazyBoundary>
  );
}
