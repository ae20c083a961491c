import { randomBytes } from 'node:crypto';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../shared/auth/csrfHeader';
import type { BenchProcess } from './BenchProcess';

// Our server lets nobody on the board without a session, as in production. The
// benchmark signs in the way a new installation's secretariat does: the server logs a
// one-time link for the first account on an empty database; accepting it with a new
// password starts a session. Every benchmark client then carries that session cookie
// and the page's Origin, exactly as a browser would.

const LINK = /#invitation=([A-Za-z0-9_-]+)/;

/** The session cookie ("name=value"), or null when this server build has no sign-in. */
export async function signInForBench(proc: BenchProcess, port: number, origin: string): Promise<string | null> {
  const match = await proc.waitForOutput(LINK, 3000).catch(() => null);
  if (!match) return null;
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/link/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin, [CSRF_HEADER]: CSRF_HEADER_VALUE },
    body: JSON.stringify({ token: match[1], password: randomBytes(18).toString('base64url') }),
  });
  if (!res.ok) throw new Error(`signing in failed: HTTP ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.includes('planbord_session='));
  if (!cookie) throw new Error('signing in set no session cookie');
  return cookie.split(';', 1)[0];
}
