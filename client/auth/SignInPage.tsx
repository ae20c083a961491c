import { useId, useState, type FormEvent } from 'react';
import { apiFetch } from './apiFetch';
import { AuthHeader } from './AuthHeader';
import { useAuthText } from './authText';
import type { Me } from './CurrentUser';
import { errorText } from './errorText';

interface Props {
  /** Why the person sees this page again (their session ended), if they were signed in. */
  notice: string | null;
  onSignedIn(me: Me): void;
}

export function SignInPage({ notice, onSignedIn }: Props) {
  const text = useAuthText();
  const id = useId();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await apiFetch<Me>('/api/auth/sign-in', { method: 'POST', body: { email, password } }));
    } catch (err) {
      setError(errorText(err, text));
      setBusy(false);
    }
  };

  return (
    <>
      <AuthHeader />
      <main className="auth-page">
        <form className="auth-card" onSubmit={submit} aria-labelledby={`${id}-title`}>
          <h1 id={`${id}-title`}>{text.signInTitle}</h1>
          {notice && !error && <p className="auth-notice" role="status">{notice}</p>}
          <p className="field-hint">{text.signInIntro}</p>
          <div className="field">
            <label htmlFor={`${id}-email`}>{text.email}</label>
            <input id={`${id}-email`} type="email" autoComplete="username" required autoFocus value={email} onChange={(e) => setEmail(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-password`}>{text.password}</label>
            <input id={`${id}-password`} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
          </div>
          <div role="alert">{error && <p className="form-error">{error}</p>}</div>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? text.signingIn : text.signIn}
          </button>
          <p className="field-hint">{text.forgotPassword}</p>
        </form>
      </main>
    </>
  );
}
