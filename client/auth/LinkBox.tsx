import { useId, useRef, useState } from 'react';
import { useAuthText } from './authText';

interface Props {
  name: string;
  url: string;
  /** Whether the link also went out by mail. */
  mailed?: boolean;
  onClose(): void;
}

/** A fresh sign-in link, to copy and send to the person; shown once, never stored. */
export function LinkBox({ name, url, mailed, onClose }: Props) {
  const text = useAuthText();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      // No clipboard access (http, permissions): leave the link selected for Ctrl+C.
      input.current?.select();
      return;
    }
    setCopied(true);
  };

  return (
    <section className="link-box" aria-labelledby={`${id}-label`}>
      <label id={`${id}-label`} htmlFor={id}>
        {text.linkFor(name)}
      </label>
      <div className="link-box-row">
        <input id={id} ref={input} readOnly value={url} aria-describedby={`${id}-help`} onFocus={(e) => e.target.select()} autoFocus />
        <button type="button" className="button button-primary" onClick={copy}>
          {text.copy}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {text.close}
        </button>
      </div>
      <p className="field-hint" id={`${id}-help`}>
        {mailed && `${text.linkMailed} `}
        {text.linkHelp}
      </p>
      <p role="status" className="field-hint">
        {copied ? text.copied : ''}
      </p>
    </section>
  );
}
