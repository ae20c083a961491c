import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { Bold, Italic, Link2, List, ListOrdered } from 'lucide-react';
import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { useEditorTexts } from './editorTexts';

interface Props {
  editor: Editor;
  /** The field's name, for the toolbar's accessible name. */
  field: string;
  linking: boolean;
  onLink: () => void;
}

const onMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const keys = (combo: string) => (onMac ? combo.replace('Mod', '⌘').replace('Shift', '⇧') : combo.replace('Mod', 'Ctrl'));

/**
 * Bold, italic, lists and link, each with its pressed state and shortcut. One tab stop:
 * the arrow keys move between the buttons, as in any toolbar.
 */
export function EditorToolbar({ editor, field, linking, onLink }: Props) {
  const t = useEditorTexts();
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      link: e.isActive('link'),
    }),
  });
  const [current, setCurrent] = useState(0);
  const chain = () => editor.chain().focus();

  const moveFocus = (e: KeyboardEvent<HTMLDivElement>) => {
    const buttons = [...e.currentTarget.querySelectorAll('button')];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: buttons.length - 1 }[e.key];
    if (next === undefined || at < 0) return;
    e.preventDefault();
    buttons[(next + buttons.length) % buttons.length].focus();
  };

  const tool = (index: number, pressed: boolean, label: string, shortcut: string, icon: ReactNode, run: () => void) => (
    <button
      type="button"
      className="icon-button"
      tabIndex={index === current ? 0 : -1}
      onFocus={() => setCurrent(index)}
      aria-label={label}
      aria-pressed={pressed}
      aria-keyshortcuts={shortcut.replace('Mod', onMac ? 'Meta' : 'Control')}
      title={`${label} (${keys(shortcut)})`}
      // Keeps the editor's selection while the button is clicked.
      onMouseDown={(e) => e.preventDefault()}
      onClick={run}
    >
      {icon}
    </button>
  );

  return (
    <div className="rich-text-toolbar" role="toolbar" aria-label={t.toolbar(field)} onKeyDown={moveFocus}>
      {tool(0, active.bold, t.bold, 'Mod+B', <Bold aria-hidden="true" size={16} />, () => chain().toggleBold().run())}
      {tool(1, active.italic, t.italic, 'Mod+I', <Italic aria-hidden="true" size={16} />, () => chain().toggleItalic().run())}
      {tool(2, active.bulletList, t.bulletList, 'Mod+Shift+8', <List aria-hidden="true" size={16} />, () => chain().toggleBulletList().run())}
      {tool(3, active.orderedList, t.orderedList, 'Mod+Shift+7', <ListOrdered aria-hidden="true" size={16} />, () => chain().toggleOrderedList().run())}
      {tool(4, active.link || linking, t.link, 'Mod+K', <Link2 aria-hidden="true" size={16} />, onLink)}
    </div>
  );
}
