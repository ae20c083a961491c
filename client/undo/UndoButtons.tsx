import { Redo2, Undo2 } from 'lucide-react';
import { useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { planUndo } from './PlanUndo';
import { useUndoShortcuts } from './useUndoShortcuts';
import { useUndoTexts } from './undoTexts';
import './undo.css';

const onMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Ångra and Gör om for this person's own changes to the plan, with their keyboard shortcuts. */
export function UndoButtons({ doc }: { doc: Y.Doc }) {
  const t = useUndoTexts();
  const undo = planUndo(doc);
  const state = useSyncExternalStore(undo.subscribe, undo.getSnapshot);
  useUndoShortcuts(undo);
  return (
    <div className="undo-buttons" role="group" aria-label={t.group}>
      <button
        type="button"
        className="button"
        disabled={!state.canUndo}
        aria-keyshortcuts="Control+Z Meta+Z"
        title={t.undoHint(onMac ? '⌘Z' : 'Ctrl+Z')}
        onClick={undo.undo}
      >
        <Undo2 aria-hidden="true" size={16} />
        {t.undo}
      </button>
      <button
        type="button"
        className="button"
        disabled={!state.canRedo}
        aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
        title={t.redoHint(onMac ? '⇧⌘Z' : 'Ctrl+Shift+Z, Ctrl+Y')}
        onClick={undo.redo}
      >
        <Redo2 aria-hidden="true" size={16} />
        {t.redo}
      </button>
    </div>
  );
}
