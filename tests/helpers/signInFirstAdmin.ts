import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../shared/auth/csrfHeader';

/**
 * Signs in as the first secretariat account through the one-time link the server logs
 * on its first start, as the person installing Planbord does. Returns the headers a
 * websocket handshake from the app's own page would carry.
 */
export async function signInFirstAdmin(url: string, log: string): Promise<{ cookie: string; origin: string }> {
  const token = /#invitation=([\w-]+)/.exec(log)?.[1];
  if (!token) throw new Error(`no sign-in link in the log:\n${log}`);
  const res = await fetch(`${url}/api/auth/link/accept`, {
    method: 'POST',
    headers: { origin: url, [CSRF_HEADER]: CSRF_HEADER_VALUE, 'content-type': 'application/json' },
    body: JSON.stringify({ token, password: 'ett långt och hemligt lösenord' }),
  });
  if (!res.ok) throw new Error(`accepting the link failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';', 1)[0]).join('; ');
  return { cookie, origin: url };
}
