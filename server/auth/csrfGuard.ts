import type { MiddlewareHandler } from 'hono';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../shared/auth/csrfHeader';
import type { AuthConfig } from './authConfig';
import { AuthError } from './AuthError';
import { authErrorResponse } from './authErrorResponse';

// Cross-site request forgery protection for every state-changing request, in two
// independent layers:
// 1. The request must come from our own origin: Origin equals PUBLIC_ORIGIN, or, where
//    a browser sends no Origin, Sec-Fetch-Site says same-origin. This also refuses
//    sibling subdomains, which SameSite=Lax treats as the same site.
// 2. It must carry our custom header. Browsers let another origin set custom headers
//    only after a CORS preflight, which this server never answers with permission, and
//    HTML forms cannot set headers at all. Unlike a double-submit token there is no
//    secret to store, rotate or leak, and no cookie a subdomain could plant.
// One exception: the one-click unsubscribe of a mail (RFC 8058) is a POST that a mail
// provider sends from its own servers, with neither our Origin nor our header. It
// needs no session and can only do what its signed token says (switch one kind of
// mail off for one person), so a forged request gains nothing. The exception is for
// POST to exactly that path shape; nothing else is let through.

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const UNSUBSCRIBE = /^\/api\/mail\/unsubscribe\/[A-Za-z0-9._-]{1,200}$/;

export const isUnsubscribePath = (path: string) => UNSUBSCRIBE.test(path);

export function csrfGuard(config: Pick<AuthConfig, 'publicOrigin'>): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    if (c.req.method === 'POST' && isUnsubscribePath(c.req.path)) return next();
    const origin = c.req.header('origin');
    const sameOrigin = origin !== undefined ? origin === config.publicOrigin : c.req.header('sec-fetch-site') === 'same-origin';
    if (!sameOrigin || c.req.header(CSRF_HEADER) !== CSRF_HEADER_VALUE) {
      return authErrorResponse(c, new AuthError('CSRF_REFUSED', 'Begäran kom inte från Planbords egen sida och avvisades.'));
    }
    return next();
  };
}
