import { Collaboration, type CollaborationOptions } from '@tiptap/extension-collaboration';
import { yUndoPluginKey } from '@tiptap/y-tiptap';
import type { EditorHistory } from './EditorHistory';

interface Options extends CollaborationOptions {
  history: EditorHistory | null;
}

/**
 * Tiptap's Collaboration binding without its own undo plugin. That plugin keeps one
 * history per editor and destroys it with the editor; here every editor and the board
 * share one history per person, so Ctrl+Z in the Hur field and the Ångra button undo
 * the same steps in the same order, and closing a dialog loses nothing.
 */
export const SharedHistoryCollaboration = Collaboration.extend<Options>({
  addOptions() {
    return { ...this.parent!(), history: null };
  },

  addProseMirrorPlugins() {
    return this.parent!().filter((plugin) => plugin.spec.key !== yUndoPluginKey);
  },

  addCommands() {
    const history = () => this.options.history;
    return {
      undo:
        () =>
        ({ tr, dispatch }) => {
          tr.setMeta('preventDispatch', true);
          return !!dispatch && (history()?.undo() ?? false);
        },
      redo:
        () =>
        ({ tr, dispatch }) => {
          tr.setMeta('preventDispatch', true);
          return !!dispatch && (history()?.redo() ?? false);
        },
    };
  },
});
