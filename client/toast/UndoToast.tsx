import { Undo2, X } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';

interface Props {
  message: string;
  onUndo: () => void;
  onDismiss: () => void;
}

const SHOWN_MS = 12_000;

/**
 * Says what just happened and offers to take it back. It takes the focus, because the
 * control that led here (a card's delete button) no longer exists, and it stays while
 * the pointer or the focus is on it.
 */
export function UndoToast({ message, onUndo, onDismiss }: Props) {
  const { t } = useI18n();
  const undoRef = useRef<HTMLButtonElement>(null);
  const [held, setHeld] = useState(false);
  useEffect(() => undoRef.current?.focus(), []);
  useEffect(() => {
    if (held) return;
    const timer = setTimeout(onDismiss, SHOWN_MS);
    return () => clearTimeout(timer);
  }, [held, onDismiss]);
  return (
    <div
      className="toast"
      role="status"
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={(e) => !e.currentTarget.contains(e.relatedTarget as Node | null) && setHeld(false)}
    >
      <span>{message}</span>
      <button ref={undoRef} type="button" className="button button-inverse" onClick={onUndo}>
        <Undo2 aria-hidden="true" size={16} />
        {t.toast.undo}
      </button>
      <button type="button" className="icon-button icon-button-inverse" aria-label={t.toast.dismiss} onClick={onDismiss}>
        <X aria-hidden="true" size={16} />
      </button>
    </div>
  );
}
