import { CollaborationCaret } from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { useMemo, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { LinkForm } from '../comments/LinkForm';
import { caretElement, caretSelection } from './caretElement';
import { editorKeys } from './editorKeys';
import { safeLinkOptions } from './safeLinkOptions';
import { EditorToolbar } from './EditorToolbar';
import { shiftedHeading } from './shiftedHeading';
import type { EditorHistory } from './EditorHistory';
import { SharedHistoryCollaboration } from './SharedHistoryCollaboration';
import './editor.css';

// Loaded on demand (LazyRichTextEditor): Tiptap and ProseMirror stay out of the board's
// first paint. The schema is the one shared/plan/richText.ts writes: paragraphs,
// headings 1–3, bullet and numbered lists, hard breaks; bold, italic and links.

export interface RichTextEditorProps {
  /** The plan's rich text this editor shows and changes, live. */
  fragment: Y.XmlFragment;
  /** The id of the visible label, which names the text field. */
  labelledBy: string;
  describedBy?: string;
  /** The field's name, for the toolbar. */
  field: string;
  editable: boolean;
  /** The person's undo history; without one the editor keeps its own. */
  history?: EditorHistory | null;
  /** Presence of the others, for their carets and names; none for a text only this person sees. */
  awareness?: Awareness | null;
  /** How many heading levels the page above the text uses. */
  headingOffset?: number;
}

/** A history of this one fragment, for text not yet in the plan (a new item's Hur). */
function fragmentHistory(fragment: Y.XmlFragment): EditorHistory {
  const manager = new Y.UndoManager(fragment, { trackedOrigins: new Set() });
  return {
    undo: () => manager.undo() !== null,
    redo: () => manager.redo() !== null,
    trackOrigin: (origin) => manager.addTrackedOrigin(origin),
  };
}

export default function RichTextEditor(props: RichTextEditorProps) {
  const { fragment, labelledBy, describedBy, field, editable, awareness, headingOffset = 2 } = props;
  const history = useMemo(() => {
    const chosen = props.history ?? fragmentHistory(fragment);
    // The binding writes the person's typing under this origin; it joins their history.
    chosen.trackOrigin(ySyncPluginKey);
    return chosen;
  }, [props.history, fragment]);
  const [linking, setLinking] = useState(false);

  const editor = useEditor(
    {
      extensions: [
        StarterKit.configure({
          undoRedo: false, // the collaboration binding's shared history takes its place
          heading: false, // shiftedHeading below
          blockquote: false,
          code: false,
          codeBlock: false,
          strike: false,
          underline: false,
          horizontalRule: false,
          link: safeLinkOptions,
        }),
        SharedHistoryCollaboration.configure({ fragment, history }),
        ...(awareness ? [CollaborationCaret.configure({ provider: { awareness }, user: localUser(awareness), render: caretElement, selectionRender: caretSelection })] : []),
        shiftedHeading(headingOffset),
        editorKeys(() => setLinking(true)),
      ],
      editable,
      editorProps: {
        attributes: {
          class: 'rich-text-input',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-labelledby': labelledBy,
          ...(describedBy ? { 'aria-describedby': describedBy } : {}),
          ...(editable ? {} : { 'aria-readonly': 'true' }),
        },
      },
    },
    [fragment, history, awareness, editable, labelledBy, describedBy, headingOffset],
  );

  if (!editor) return null;
  return (
    <div className={`rich-text${editable ? '' : ' rich-text-readonly'}`}>
      {editable && <EditorToolbar editor={editor} field={field} linking={linking} onLink={() => setLinking((v) => !v)} />}
      {linking && editable && (
        <LinkForm
          current={editor.getAttributes('link').href as string | undefined}
          onSet={(href) => {
            const chain = editor.chain().focus().extendMarkRange('link');
            (href ? chain.setLink({ href }) : chain.unsetLink()).run();
            setLinking(false);
          }}
          onCancel={() => {
            setLinking(false);
            editor.commands.focus();
          }}
        />
      )}
      <EditorContent editor={editor} />
    </div>
  );
}

/** The person as their presence already shows them, so the caret plugin does not rename them. */
function localUser(awareness: Awareness): Record<string, unknown> {
  const user = (awareness.getLocalState() as { user?: Record<string, unknown> } | null)?.user;
  return user ?? {};
}
