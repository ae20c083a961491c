import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { isSecureOrigin } from './authConfig';

// The session cookie: HttpOnly (scripts cannot read it), SameSite=Lax (not sent on
// cross-site subrequests), Secure and __Host- prefixed over https (cannot be set by a
// sibling subdomain or sent in the clear).

export function sessionCookieName(publicOrigin: string): string {
  return isSecureOrigin(publicOrigin) ? '__Host-planbord_session' : 'planbord_session';
}

export function readSessionCookie(c: Context, publicOrigin: string): string | undefined {
  return getCookie(c, sessionCookieName(publicOrigin));
}

export function writeSessionCookie(c: Context, publicOrigin: string, token: string, maxAgeMs: number): void {
  setCookie(c, sessionCookieName(publicOrigin), token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isSecureOrigin(publicOrigin),
    path: '/',
    maxAge: Math.floor(maxAgeMs / 1000),
  });
}

export function clearSessionCookie(c: Context, publicOrigin: string): void {
  deleteCookie(c, sessionCookieName(publicOrigin), { path: '/', secure: isSecureOrigin(publicOrigin) });
}

/** The session cookie from a raw Cookie header (websocket upgrades have no Context). */
export function sessionFromCookieHeader(header: string | undefined, publicOrigin: string): string | undefined {
  const name = sessionCookieName(publicOrigin);
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
