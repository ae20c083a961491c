import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { can } from '../../shared/auth/roles';
import { ACCESS_CHANGED_EVENT, ApiError, apiFetch, readApiResponse, SIGNED_OUT_EVENT } from './apiFetch';
import { takeEarlyMe } from '../boot/earlyStart';
import { useReleasePrepaint } from '../boot/prepaint';
import { useAuthText } from './authText';
import { CurrentUserContext, isMe, type CurrentUser, type Me } from './CurrentUser';
import { SETTINGS_HASH } from '../../shared/mail/mailLinks';
import { LanguageFromServer } from '../mail/LanguageFromServer';
import { AcceptLinkPage, LazyPage, OutboxPage, PeoplePage, SettingsPage } from './lazyPages';
import { SignInPage } from './SignInPage';
import { cachedMe, forgetLocalData, rememberMe, signOut } from './signOut';
import './auth.css';

// Shows the app to a signed-in person and the sign-in page to anyone else. An
// invitation or reset link (#invitation=<token>) opens the page for choosing a
// password; #personer opens the secretariat's Personer page, #utkorg its outbox,
// #installningar the person's own settings. Any other fragment (a mail's #item=… link)
// is left to the board, also across signing in.

type State =
  | { kind: 'loading' }
  | { kind: 'signedOut'; ended: boolean }
  | { kind: 'unreachable' }
  | { kind: 'link'; token: string }
  | { kind: 'signedIn'; me: Me };

const LINK = /^#invitation=([A-Za-z0-9_-]{43})$/;
export const PEOPLE_HASH = '#personer';
export const OUTBOX_HASH = '#utkorg';

type View = 'board' | 'people' | 'outbox' | 'settings';

/** The page a fragment asks for; other fragments (the skip link's #board, a card's #item=…) keep the page. */
function viewOf(hash: string): View | null {
  if (hash === PEOPLE_HASH) return 'people';
  if (hash === OUTBOX_HASH) return 'outbox';
  if (hash === SETTINGS_HASH) return 'settings';
  return hash === '' || hash === '#' ? 'board' : null;
}

/** The page of a view, for the person's role; the board for anything they may not open. */
function page(view: View, me: Me, board: ReactNode): ReactNode {
  if (view === 'settings') return <LazyPage><SettingsPage /></LazyPage>;
  if (view === 'people' && can(me.role, 'people.manage')) return <LazyPage><PeoplePage /></LazyPage>;
  if (view === 'outbox' && can(me.role, 'people.manage')) return <LazyPage><OutboxPage /></LazyPage>;
  // An item link (#item=…) is the board's after signing in; #board is the skip link's.
  return board;
}

function initialState(): State {
  const token = LINK.exec(location.hash)?.[1];
  return token ? { kind: 'link', token } : { kind: 'loading' };
}

/** Removes the fragment, so a link's token does not stay in the address bar or history. */
const clearHash = () => history.replaceState(null, '', location.pathname + location.search);

export function AuthGate({ children }: { children: ReactNode }) {
  const text = useAuthText();
  const [state, setState] = useState<State>(initialState);
  const [view, setView] = useState<View>(viewOf(location.hash) ?? 'board');

  useEffect(() => {
    if (state.kind === 'link' && location.hash) clearHash();
  }, [state]);

  useEffect(() => {
    const onHash = () => {
      const token = LINK.exec(location.hash)?.[1];
      if (token) setState({ kind: 'link', token });
      const next = viewOf(location.hash);
      if (next) setView(next);
    };
    const onSignedOut = () => {
      rememberMe(null);
      setState({ kind: 'signedOut', ended: true });
    };
    // The server closed the board's connection (deactivated, signed out elsewhere, new
    // role): /api/me says which. A 401 there ends the session through apiFetch; a new
    // role takes effect on the page at once, edit controls included.
    // The question is the page's own, not the person's, so it does not extend the session.
    const onAccessChanged = () => {
      apiFetch<Me>('/api/me', { background: true }).then(
        (me) => {
          rememberMe(me);
          setState((old) => (old.kind === 'signedIn' && old.me.role === me.role ? old : { kind: 'signedIn', me }));
        },
        (err) => {
          if (err instanceof ApiError && err.status === 401) onSignedOut();
        },
      );
    };
    window.addEventListener('hashchange', onHash);
    window.addEventListener(SIGNED_OUT_EVENT, onSignedOut);
    window.addEventListener(ACCESS_CHANGED_EVENT, onAccessChanged);
    return () => {
      window.removeEventListener('hashchange', onHash);
      window.removeEventListener(SIGNED_OUT_EVENT, onSignedOut);
      window.removeEventListener(ACCESS_CHANGED_EVENT, onAccessChanged);
    };
  }, []);

  useEffect(() => {
    if (state.kind !== 'loading') return;
    const abort = new AbortController();
    const early = takeEarlyMe();
    (early ? early.then((res) => readApiResponse<Me>('/api/me', res)) : apiFetch<Me>('/api/me', { signal: abort.signal })).then(
      (me) => {
        if (abort.signal.aborted) return;
        rememberMe(me);
        setState({ kind: 'signedIn', me });
      },
      (err) => {
        if (abort.signal.aborted) return;
        if (err instanceof ApiError && err.status === 401) {
          rememberMe(null);
          return setState({ kind: 'signedOut', ended: false });
        }
        // Offline: the last person signed in here may still read their cached plan.
        const last = cachedMe();
        setState(isMe(last) ? { kind: 'signedIn', me: last } : { kind: 'unreachable' });
      },
    );
    return () => abort.abort();
  }, [state.kind]);

  const signedIn = useCallback((me: Me) => {
    rememberMe(me);
    setState({ kind: 'signedIn', me });
  }, []);

  const user = useMemo<CurrentUser | null>(
    () =>
      state.kind === 'signedIn'
        ? {
            me: state.me,
            signOut: async () => {
              await signOut().catch(() => forgetLocalData());
              setState({ kind: 'signedOut', ended: false });
            },
          }
        : null,
    [state],
  );

  const shown = state.kind === 'signedIn' ? page(view, state.me, children) : null;
  // The server's board stays while the person's board is on its way (the app's own board releases it).
  useReleasePrepaint(state.kind !== 'loading' && shown !== children);

  switch (state.kind) {
    case 'link':
      return (
        <LazyPage>
          <AcceptLinkPage token={state.token} onSignedIn={signedIn} onLeave={() => setState({ kind: 'loading' })} />
        </LazyPage>
      );
    case 'signedOut':
      return <SignInPage notice={state.ended ? text.sessionEnded : null} onSignedIn={signedIn} />;
    case 'loading':
    case 'unreachable':
      return (
        <main className="auth-page">
          <div className="page-message" role={state.kind === 'loading' ? 'status' : 'alert'}>
            <p>{state.kind === 'loading' ? text.checkingSession : text.serverUnreachable}</p>
            {state.kind === 'unreachable' && (
              <button type="button" className="button" onClick={() => setState({ kind: 'loading' })}>
                {text.signIn}
              </button>
            )}
          </div>
        </main>
      );
    case 'signedIn':
      return (
        <CurrentUserContext.Provider value={user}>
          <LanguageFromServer userId={state.me.id} />
          {shown}
        </CurrentUserContext.Provider>
      );
  }
}
