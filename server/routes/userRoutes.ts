import { Hono } from 'hono';
import type { Auth } from '../auth/createAuth';
import { onAuthError } from '../auth/authErrorResponse';
import { readJson } from '../auth/readJson';
import { changeUser, inviteUser } from '../auth/managePeople';
import { currentUser, requireCapability, type AuthEnv } from '../auth/sessionMiddleware';
import { sendSignInLink } from '../auth/signInLinks';
import type { UserRecord } from '../store/PeopleStore';

// The secretariat's Personer page. Mounted at /api/users; every route needs the
// people.manage capability (role kansli).
//   GET   /api/users            { users: [...] }
//   POST  /api/users            { email, name, organisation?, role } -> 201 { user, link, mailed }
//   PATCH /api/users/:id        { name?, email?, organisation?, role?, active? } -> { user }
//   POST  /api/users/:id/link   -> { link, mailed }: a new invitation or reset link
// `mailed` tells whether the link also went into the outbox for the person.

export function userRoutes(auth: Auth) {
  const app = new Hono<AuthEnv>();
  app.onError(onAuthError);
  app.use('*', requireCapability('people.manage'));

  const view = async (u: UserRecord) => ({ ...u, linkExpiresAt: await auth.people.openLinkExpiry(u.id, auth.now()) });

  app.get('/', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ users: await Promise.all((await auth.people.listUsers()).map(view)) });
  });

  app.post('/', async (c) => {
    const { user, link, mailed } = await inviteUser(auth, await readJson(c), currentUser(c).id);
    return c.json({ user: await view(user), link, mailed }, 201);
  });

  app.patch('/:id', async (c) => {
    const user = await changeUser(auth, c.req.param('id'), await readJson(c));
    return c.json({ user: await view(user) });
  });

  app.post('/:id/link', async (c) => {
    return c.json(await sendSignInLink(auth, c.req.param('id'), currentUser(c).id));
  });

  return app;
}
