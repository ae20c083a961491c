import { useEffect, useId, useState, type FormEvent } from 'react';
import { apiFetch } from './apiFetch';
import { AuthHeader } from './AuthHeader';
import { useAuthText } from './authText';
import type { Me } from './CurrentUser';
import { errorText } from './errorText';

const MIN_LENGTH = 10;

interface LinkInfo {
  name: string;
  email: string;
  purpose: 'invite' | 'reset';
}

interface Props {
  token: string;
  onSignedIn(me: Me): void;
  /** Back to the sign-in page. */
  onLeave(): void;
}

/** Where an invitation or reset link lands: choose a password, then you are signed in. */
export function AcceptLinkPage({ token, onSignedIn, onLeave }: Props) {
  const text = useAuthText();
  const id = useId();
  const [info, setInfo] = useState<LinkInfo | 'loading' | 'invalid'>('loading');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    apiFetch<LinkInfo>('/api/auth/link', { method: 'POST', body: { token } }).then(setInfo, () => setInfo('invalid'));
  }, [token]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (password.length < MIN_LENGTH) return setError(text.passwordTooShort(MIN_LENGTH));
    if (password !== repeat) return setError(text.passwordsDiffer);
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await apiFetch<Me>('/api/auth/link/accept', { method: 'POST', body: { token, password } }));
    } catch (err) {
      setError(errorText(err, text));
      setBusy(false);
    }
  };

  if (info === 'loading' || info === 'invalid') {
    return (
      <>
        <AuthHeader />
        <main className="auth-page">
          <div className="page-message" role={info === 'loading' ? 'status' : 'alert'}>
            <p>{info === 'loading' ? text.checkingLink : text.linkInvalid}</p>
            {info === 'invalid' && (
              <button type="button" className="button" onClick={onLeave}>
                {text.toSignIn}
              </button>
            )}
          </div>
        </main>
      </>
    );
  }

  return (
    <>
      <AuthHeader />
      <main className="auth-page">
        <form className="auth-card" onSubmit={submit} aria-labelledby={`${id}-title`}>
          <h1 id={`${id}-title`}>{info.purpose === 'invite' ? text.welcomeTitle(info.name) : text.resetTitle(info.name)}</h1>
          <p className="field-hint">{text.choosePasswordIntro(info.email)}</p>
          {/* Lets password managers store the new password under the right account. */}
          <input type="email" autoComplete="username" value={info.email} readOnly hidden />
          <div className="field">
            <label htmlFor={`${id}-new`}>{text.newPassword}</label>
            <input
              id={`${id}-new`}
              type="password"
              autoComplete="new-password"
              required
              autoFocus
              aria-describedby={`${id}-hint`}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
            <p className="field-hint" id={`${id}-hint`}>
              {text.passwordHint(MIN_LENGTH)}
            </p>
          </div>
          <div className="field">
            <label htmlFor={`${id}-repeat`}>{text.repeatPassword}</label>
            <input id={`${id}-repeat`} type="password" autoComplete="new-password" required value={repeat} onChange={(e) => setRepeat(e.target.value)} />
          </div>
          <div role="alert">{error && <p className="form-error">{error}</p>}</div>
          <button type="submit" className="button button-primary" disabled={busy}>
            {text.savePassword}
          </button>
        </form>
      </main>
    </>
  );
}
