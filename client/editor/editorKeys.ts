import { Extension } from '@tiptap/core';

/**
 * Keys of our own in the editor: Mod-K opens the link form, and Escape closes the
 * dialog the editor is in. ProseMirror swallows Escape (it prevents the key's default),
 * so a native <dialog> would otherwise never hear it; the dialog is asked to close the
 * way the browser asks, through its cancel event, which its owner decides on.
 */
export const editorKeys = (onLink: () => void) =>
  Extension.create({
    name: 'planbordKeys',
    addKeyboardShortcuts: () => ({
      'Mod-k': () => {
        onLink();
        return true;
      },
      Escape: ({ editor }) => {
        const dialog = editor.view.dom.closest('dialog');
        if (!dialog?.open) return false;
        dialog.dispatchEvent(new Event('cancel', { cancelable: true }));
        return true;
      },
    }),
  });
