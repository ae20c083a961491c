import { Extension } from '@tiptap/core';
import Mention from '@tiptap/extension-mention';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { Bold, Italic, Link2, List, ListOrdered } from 'lucide-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { CommentBody } from '../../shared/discussion/commentBody';
import { safeHref } from '../../shared/discussion/safeHref';
import { editorKeys } from '../editor/editorKeys';
import { commentApi, CommentApiError, type Person } from './commentApi';
import { useCommentTexts } from './commentTexts';
import { LinkForm } from './LinkForm';
import { MentionMenu } from './MentionMenu';
import { mentionSuggestion, type MentionMenuState } from './mentionSuggestion';

// The comment editor, loaded on first use (React.lazy) so the board does not carry
// Tiptap's weight until someone writes. Its schema is the server's whitelist: StarterKit
// without headings, quotes, code, strike, underline and rules; links only to web and
// e-mail addresses, opened in a new tab without access to this page; @mentions.

export interface CommentEditorProps {
  /** The accessible name of the text field. */
  label: string;
  submitLabel: string;
  initial?: CommentBody;
  onSubmit(body: CommentBody): Promise<void>;
  onCancel?(): void;
  autoFocus?: boolean;
}

let people: Promise<Person[]> | null = null;
/** The people to mention, asked for once per page; a failure is asked again next time. */
const loadPeople = () => (people ??= commentApi.people().catch((err) => ((people = null), Promise.reject(err))));

export default function CommentEditor({ label, submitLabel, initial, onSubmit, onCancel, autoFocus }: CommentEditorProps) {
  const t = useCommentTexts();
  const [menu, setMenu] = useState<MentionMenuState | null>(null);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [linking, setLinking] = useState(false);
  const submit = useRef<() => void>(() => {});

  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: false,
        blockquote: false,
        code: false,
        codeBlock: false,
        strike: false,
        underline: false,
        horizontalRule: false,
        link: {
          openOnClick: false,
          autolink: true,
          defaultProtocol: 'https',
          protocols: ['http', 'https', 'mailto'],
          isAllowedUri: (url) => safeHref(url) !== null,
          HTMLAttributes: { target: '_blank', rel: 'noopener noreferrer nofollow' },
        },
      }),
      Mention.configure({ HTMLAttributes: { class: 'mention' }, suggestion: mentionSuggestion(loadPeople, setMenu) }),
      Extension.create({ name: 'submitShortcut', addKeyboardShortcuts: () => ({ 'Mod-Enter': () => (submit.current(), true) }) }),
      // Mod-K for a link and Escape to close the panel, after the @ list has had its turn.
      editorKeys(() => setLinking(true)),
    ],
    content: initial ?? '',
    autofocus: autoFocus ? 'end' : false,
    editorProps: { attributes: { 'aria-label': label, role: 'textbox', 'aria-multiline': 'true', class: 'comment-editor-input' } },
  });
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e?.isActive('bold') ?? false,
      italic: e?.isActive('italic') ?? false,
      bulletList: e?.isActive('bulletList') ?? false,
      orderedList: e?.isActive('orderedList') ?? false,
      link: e?.isActive('link') ?? false,
    }),
  });

  submit.current = () => {
    if (!editor || sending) return;
    setSending(true);
    setError(null);
    onSubmit(editor.getJSON() as CommentBody).then(
      () => {
        setSending(false);
        // The owner may have closed the editor on success already.
        if (!editor.isDestroyed) editor.commands.clearContent();
      },
      (err: unknown) => {
        setSending(false);
        setError(err instanceof CommentApiError ? (t.errors[err.code] ?? err.message) : t.failed);
      },
    );
  };

  useEffect(() => () => setMenu(null), []);
  if (!editor) return null;
  const chain = () => editor.chain().focus();
  const tool = (name: keyof NonNullable<typeof active>, text: string, icon: ReactNode, run: () => void) => (
    <button type="button" className="icon-button" aria-label={text} title={text} aria-pressed={active?.[name] ?? false} onClick={run}>
      {icon}
    </button>
  );

  return (
    <div className="comment-editor">
      <div className="comment-toolbar" role="toolbar" aria-label={t.toolbar}>
        {tool('bold', t.bold, <Bold aria-hidden="true" size={16} />, () => chain().toggleBold().run())}
        {tool('italic', t.italic, <Italic aria-hidden="true" size={16} />, () => chain().toggleItalic().run())}
        {tool('bulletList', t.bulletList, <List aria-hidden="true" size={16} />, () => chain().toggleBulletList().run())}
        {tool('orderedList', t.orderedList, <ListOrdered aria-hidden="true" size={16} />, () => chain().toggleOrderedList().run())}
        {tool('link', t.link, <Link2 aria-hidden="true" size={16} />, () => setLinking((v) => !v))}
      </div>
      {linking && (
        <LinkForm
          current={editor.getAttributes('link').href as string | undefined}
          onSet={(href) => {
            if (href) chain().extendMarkRange('link').setLink({ href }).run();
            else chain().extendMarkRange('link').unsetLink().run();
            setLinking(false);
          }}
          onCancel={() => setLinking(false)}
        />
      )}
      <EditorContent editor={editor} />
      {menu && <MentionMenu state={menu} />}
      {error && (
        <p className="comment-error" role="alert">
          {error}
        </p>
      )}
      <div className="comment-editor-actions">
        <span className="comment-hint">{t.submitHint}</span>
        {onCancel && (
          <button type="button" className="button button-quiet" onClick={onCancel}>
            {t.cancel}
          </button>
        )}
        <button type="button" className="button button-primary" disabled={sending} onClick={() => submit.current()}>
          {sending ? t.sending : submitLabel}
        </button>
      </div>
    </div>
  );
}
