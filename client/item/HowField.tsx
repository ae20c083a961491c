import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { LazyRichTextEditor } from '../editor/LazyRichTextEditor';
import { useEditorTexts } from '../editor/editorTexts';
import type { EditorHistory } from '../editor/EditorHistory';
import { useI18n } from '../i18n/I18nProvider';

interface Props {
  id: string;
  /** The Hur being edited: the item's own, live, or a draft's until the item is saved. */
  fragment: Y.XmlFragment;
  /** True when the text is the item's own, so every keystroke is shared at once. */
  live: boolean;
  editable: boolean;
  history: EditorHistory | null;
  awareness: Awareness | null;
}

/** Hur as rich text, edited together: the others' carets and names show where they write. */
export function HowField({ id, fragment, live, editable, history, awareness }: Props) {
  const { t } = useI18n();
  const text = useEditorTexts();
  return (
    <div className="field">
      <label id={`${id}-label`}>{t.fields.how}</label>
      <LazyRichTextEditor
        fragment={fragment}
        labelledBy={`${id}-label`}
        describedBy={`${id}-hint`}
        field={t.fields.how}
        editable={editable}
        history={history}
        awareness={awareness}
      />
      <p className="field-hint" id={`${id}-hint`}>
        {live ? text.liveHint : text.newHint}
      </p>
    </div>
  );
}
