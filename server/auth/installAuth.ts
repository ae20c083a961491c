import type { Env, Hono } from 'hono';
import { authRoutes } from '../routes/authRoutes';
import { userRoutes } from '../routes/userRoutes';
import type { Auth } from './createAuth';
import { csrfGuard, isUnsubscribePath } from './csrfGuard';
import { securityHeaders } from './securityHeaders';
import { loadSession, requireSignIn } from './sessionMiddleware';

// Puts sign-in in front of an app. Call it before registering any other route:
// Hono runs middleware in the order it was added.
//   every response       security headers and the Content-Security-Policy
//   /api/* not GET       CSRF guard (but for one-click unsubscribe, see csrfGuard)
//   /api/*               session -> c.var.user; 401 unless signed in, except the
//                        open paths: /api/health, /api/auth/*, /api/me, and a mail's
//                        unsubscribe link (its signed token is the proof)

const OPEN = (path: string) => path === '/api/health' || path === '/api/me' || path.startsWith('/api/auth/') || isUnsubscribePath(path);

export function installAuth<E extends Env>(app: Hono<E>, auth: Auth): void {
  app.use('*', securityHeaders(auth.config));
  app.use('/api/*', csrfGuard(auth.config));
  app.use('/api/*', loadSession(auth.sessions, auth.config));
  app.use('/api/*', requireSignIn(OPEN));
  app.route('/api', authRoutes(auth));
  app.route('/api/users', userRoutes(auth));
}
