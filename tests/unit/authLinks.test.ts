import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureFirstAdmin, FIRST_ADMIN } from '../../server/auth/ensureFirstAdmin';
import { authFixture, cookieOf, type AuthFixture } from './authFixture';

let f: AuthFixture;
beforeEach(async () => (f = await authFixture()));
afterEach(() => f.close());

const DAY = 24 * 60 * 60 * 1000;
const tokenOf = (url: string) => new URL(url).hash.replace('#invitation=', '');

async function invite(kansliCookie: string, fields: Record<string, unknown>) {
  const res = await f.send('POST', '/api/users', fields, { cookie: kansliCookie });
  expect(res.status).toBe(201);
  return (await res.json()) as { user: { id: string }; link: { url: string; purpose: string } };
}

describe('invitation links', () => {
  it('lets an invited person choose a password, signs them in, and works only once', async () => {
    const kansli = await f.cookieFor('kansli');
    const { link } = await invite(kansli.cookie, { email: 'Eva@Orebro.se', name: 'Eva Lind', organisation: 'Örebro kommun', role: 'tjanstepersonforum' });
    expect(link.url.startsWith('http://localhost:8787/#invitation=')).toBe(true);
    expect(link.purpose).toBe('invite');
    const token = tokenOf(link.url);

    expect(await (await f.send('POST', '/api/auth/link', { token })).json()).toEqual({ name: 'Eva Lind', email: 'eva@orebro.se', purpose: 'invite' });
    const short = await f.send('POST', '/api/auth/link/accept', { token, password: 'kort' });
    expect(short.status).toBe(400);
    expect((await short.json()).error.message).toMatch(/minst 10 tecken/);

    const accepted = await f.send('POST', '/api/auth/link/accept', { token, password: 'en lång fras' });
    expect(accepted.status).toBe(200);
    expect(await (await f.get('/api/me', cookieOf(accepted))).json()).toMatchObject({ name: 'Eva Lind', role: 'tjanstepersonforum' });
    expect((await f.signIn('eva@orebro.se', 'en lång fras')).status).toBe(200);

    const again = await f.send('POST', '/api/auth/link/accept', { token, password: 'någon annans fras' });
    expect(again.status).toBe(410);
    expect((await f.signIn('eva@orebro.se', 'någon annans fras')).status).toBe(401);
  });

  it('expires after 7 days', async () => {
    const kansli = await f.cookieFor('kansli');
    const { link } = await invite(kansli.cookie, { email: 'sen@example.se', name: 'Sen Person', role: 'styrelse' });
    f.clock.advance(7 * DAY);
    const res = await f.send('POST', '/api/auth/link/accept', { token: tokenOf(link.url), password: 'en lång fras' });
    expect(res.status).toBe(410);
    expect((await res.json()).error.code).toBe('LINK_INVALID');
  });

  it('a reset link replaces the password, retires older links and ends the person’s other sessions', async () => {
    const kansli = await f.cookieFor('kansli');
    const member = await f.cookieFor('styrelse');
    const first = await f.send('POST', `/api/users/${member.id}/link`, undefined, { cookie: kansli.cookie });
    const second = await f.send('POST', `/api/users/${member.id}/link`, undefined, { cookie: kansli.cookie });
    const [a, b] = [(await first.json()).link, (await second.json()).link];
    expect(b.purpose).toBe('reset');

    const changed: string[] = [];
    f.auth.events.on('changed', (id) => changed.push(id));
    expect((await f.send('POST', '/api/auth/link/accept', { token: tokenOf(a.url), password: 'nytt lösenord 1' })).status).toBe(410);
    expect((await f.send('POST', '/api/auth/link/accept', { token: tokenOf(b.url), password: 'nytt lösenord 2' })).status).toBe(200);
    expect((await f.get('/api/me', member.cookie)).status).toBe(401);
    expect(changed).toEqual([member.id]);
    expect((await f.signIn(member.email)).status).toBe(401);
    expect((await f.signIn(member.email, 'nytt lösenord 2')).status).toBe(200);
  });

  it('stops working when the person is deactivated, and refuses tokens that are not ours', async () => {
    const kansli = await f.cookieFor('kansli');
    const { user, link } = await invite(kansli.cookie, { email: 'borta@example.se', name: 'Borta', role: 'styrelse' });
    await f.send('PATCH', `/api/users/${user.id}`, { active: false }, { cookie: kansli.cookie });
    expect((await f.send('POST', '/api/auth/link', { token: tokenOf(link.url) })).status).toBe(410);
    expect((await f.send('POST', `/api/users/${user.id}/link`, undefined, { cookie: kansli.cookie })).status).toBe(403);
    for (const token of ['', 'x'.repeat(43), 42, null, '../../etc/passwd']) {
      expect((await f.send('POST', '/api/auth/link', { token })).status).toBe(410);
    }
  });
});

describe('the first start', () => {
  it('creates a secretariat account without a password and logs a one-time link to choose one', async () => {
    const url = await ensureFirstAdmin(f.auth);
    expect(url).toMatch(/^http:\/\/localhost:8787\/#invitation=/);
    const [admin] = await f.auth.people.listUsers();
    expect(admin).toMatchObject({ email: FIRST_ADMIN.email, role: 'kansli', active: true, hasPassword: false });
    expect(f.log.entries.some((e) => e.message.includes(url!))).toBe(true);

    // A lost log line is not fatal: the next start logs a fresh link and the old one dies.
    const next = (await ensureFirstAdmin(f.auth))!;
    expect(await f.auth.people.listUsers()).toHaveLength(1);
    expect((await f.send('POST', '/api/auth/link', { token: tokenOf(url!) })).status).toBe(410);
    const accepted = await f.send('POST', '/api/auth/link/accept', { token: tokenOf(next), password: 'kanslis lösenord' });
    expect(accepted.status).toBe(200);
    expect((await f.get('/api/users', cookieOf(accepted))).status).toBe(200);

    expect(await ensureFirstAdmin(f.auth)).toBeNull();
  });

  it('does nothing on an installation that has a signed-up secretariat', async () => {
    await f.addUser('kansli');
    expect(await ensureFirstAdmin(f.auth)).toBeNull();
    expect(await f.auth.people.countUsers()).toBe(1);
  });
});
