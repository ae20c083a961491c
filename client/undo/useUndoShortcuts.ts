import { useEffect } from 'react';
import type { PlanUndo } from './PlanUndo';

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number']);

/** Text fields keep the browser's own undo of what is typed in them; rich-text editors handle their own keys. */
function keepsOwnUndo(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(target.type);
}

/** Which history step a key press asks for: Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z and Ctrl+Y redo. */
export function undoKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): 'undo' | 'redo' | null {
  if (e.altKey || !(e.ctrlKey || e.metaKey)) return null;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && e.ctrlKey && !e.shiftKey) return 'redo';
  return null;
}

/** The usual undo and redo shortcuts anywhere on the page, for this person's plan history. */
export function useUndoShortcuts(undo: PlanUndo): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const step = undoKey(e);
      if (!step || e.defaultPrevented || keepsOwnUndo(e.target)) return;
      e.preventDefault();
      if (step === 'undo') undo.undo();
      else undo.redo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo]);
}
