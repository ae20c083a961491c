import { useId, useState } from 'react';
import { safeHref } from '../../shared/discussion/safeHref';
import { useCommentTexts } from './commentTexts';

/** Asks for a link's address; only web and e-mail addresses are taken. */
export function LinkForm({ current, onSet, onCancel }: { current?: string; onSet(href: string | null): void; onCancel(): void }) {
  const t = useCommentTexts();
  const id = useId();
  const [value, setValue] = useState(current ?? 'https://');
  const [bad, setBad] = useState(false);
  const apply = () => {
    const href = safeHref(value);
    if (href) onSet(href);
    else setBad(true);
  };
  return (
    <div className="comment-link-form">
      <label htmlFor={id}>{t.linkAddress}</label>
      <input
        id={id}
        type="url"
        value={value}
        autoFocus
        aria-invalid={bad}
        aria-describedby={bad ? `${id}-error` : undefined}
        onChange={(e) => {
          setValue(e.target.value);
          setBad(false);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            apply();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onCancel();
          }
        }}
      />
      <button type="button" className="button" onClick={apply}>
        {t.addLink}
      </button>
      {current && (
        <button type="button" className="button button-quiet" onClick={() => onSet(null)}>
          {t.removeLink}
        </button>
      )}
      <button type="button" className="button button-quiet" onClick={onCancel}>
        {t.cancel}
      </button>
      {bad && (
        <p id={`${id}-error`} className="comment-error" role="alert">
          {t.badLink}
        </p>
      )}
    </div>
  );
}
