import { Hono } from 'hono';
import type { Auth } from '../auth/createAuth';
import { AuthError } from '../auth/AuthError';
import { onAuthError } from '../auth/authErrorResponse';
import { readJson } from '../auth/readJson';
import { clientAddress } from '../auth/clientAddress';
import { clearSessionCookie, readSessionCookie, writeSessionCookie } from '../auth/sessionCookie';
import { currentUser, type AuthEnv } from '../auth/sessionMiddleware';
import { signIn } from '../auth/signIn';
import { acceptLink, inspectLink } from '../auth/signInLinks';
import type { SessionUser } from '../auth/sessions';

// Signing in and out, invitation and reset links, and who am I. Mounted at /api:
//   GET  /api/me                   401, or { id, name, email, organisation, role }
//   POST /api/auth/sign-in         { email, password }  -> me, sets the cookie
//   POST /api/auth/sign-out        ends the session
//   POST /api/auth/link            { token }            -> { name, email, purpose }
//   POST /api/auth/link/accept     { token, password }  -> me, sets the cookie
// Tokens travel in bodies, never in URLs, so they stay out of logs.

const me = (user: SessionUser) => ({
  id: user.id,
  name: user.name,
  email: user.email,
  organisation: user.organisation,
  role: user.role,
});

export function authRoutes(auth: Auth) {
  const app = new Hono<AuthEnv>();
  // Read per request: a server started on port 0 learns its origin only once listening.
  const origin = () => auth.config.publicOrigin;
  app.onError(onAuthError);

  app.get('/me', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(me(currentUser(c)));
  });

  app.post('/auth/sign-in', async (c) => {
    const body = await readJson(c);
    const { token, user } = await signIn(auth, body.email, body.password, clientAddress(c, auth.config.trustProxy));
    // A session this browser had before (perhaps planted by someone else) ends here.
    await auth.sessions.end(readSessionCookie(c, origin()));
    writeSessionCookie(c, origin(), token, auth.config.sessionMaxAgeMs);
    return c.json(me(user));
  });

  app.post('/auth/sign-out', async (c) => {
    const token = readSessionCookie(c, origin());
    const userId = await auth.sessions.userOf(token);
    await auth.sessions.end(token);
    clearSessionCookie(c, origin());
    // Open websocket connections of this session close too.
    if (userId) auth.events.emit('changed', userId);
    return c.body(null, 204);
  });

  app.post('/auth/link', async (c) => {
    const body = await readJson(c);
    return c.json(await inspectLink(auth, body.token));
  });

  app.post('/auth/link/accept', async (c) => {
    const body = await readJson(c);
    const { token, user } = await acceptLink(auth, body.token, body.password);
    await auth.sessions.end(readSessionCookie(c, origin()));
    writeSessionCookie(c, origin(), token, auth.config.sessionMaxAgeMs);
    return c.json(me(user));
  });

  app.all('/auth/*', () => {
    throw new AuthError('INVALID_INPUT', 'Okänd inloggningsfunktion.');
  });

  return app;
}
