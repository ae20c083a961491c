import { Hono } from 'hono';
import type { Auth } from '../auth/createAuth';
import { onAuthError } from '../auth/authErrorResponse';
import { readJson } from '../auth/readJson';
import { changeUser, inviteUser } from '../auth/managePeople';
import { currentUser, requireCapability, type AuthEnv } from '../auth/sessionMiddleware';
import { makeSignInLink } from '../auth/signInLinks';
import type { UserRecord } from '../store/PeopleStore';

// The secretariat's Personer page. Mounted at /api/users; every route needs the
// people.manage capability (role kansli).
//   GET   /api/users            { users: [...] }
//   POST  /api/users            { email, name, organisation?, role } -> 201 { user, link }
//   PATCH /api/users/:id        { name?, email?, organisation?, role?, active? } -> { user }
//   POST  /api/users/:id/link   -> { link }: a new invitation or reset link

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
    const { user, link } = await inviteUser(auth, await readJson(c), currentUser(c).id);
    return c.json({ user: await view(user), link }, 201);
  });

  app.patch('/:id', async (c) => {
    const user = await changeUser(auth, c.req.param('id'), await readJson(c));
    return c.json({ user: await view(user) });
  });

  app.post('/:id/link', async (c) => {
    const link = await makeSignInLink(auth, c.req.param('id'), currentUser(c).id);
    return c.json({ link });
  });

  return app;
}
