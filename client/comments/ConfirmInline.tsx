import { useCommentTexts } from './commentTexts';

/** A question with a confirming and a cancelling button, in place of the action that asked it. */
export function ConfirmInline({ question, confirmLabel, onConfirm, onCancel }: { question: string; confirmLabel: string; onConfirm(): void; onCancel(): void }) {
  const t = useCommentTexts();
  return (
    <div className="comment-confirm" role="group" aria-label={question}>
      <p>{question}</p>
      <button type="button" className="button button-danger" onClick={onConfirm}>
        {confirmLabel}
      </button>
      <button type="button" className="button button-quiet" autoFocus onClick={onCancel}>
        {t.cancel}
      </button>
    </div>
  );
}
