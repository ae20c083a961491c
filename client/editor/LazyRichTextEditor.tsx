import { lazy, Suspense } from 'react';
import type { RichTextEditorProps } from './RichTextEditor';
import { useEditorTexts } from './editorTexts';

const RichTextEditor = lazy(() => import('./RichTextEditor'));

/** The rich-text editor, fetched with its first use so the board paints without it. */
export function LazyRichTextEditor(props: RichTextEditorProps) {
  const t = useEditorTexts();
  return (
    <Suspense
      fallback={
        <p className="rich-text-loading" role="status">
          {t.loading}
        </p>
      }
    >
      <RichTextEditor {...props} />
    </Suspense>
  );
}
