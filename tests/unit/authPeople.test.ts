import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authFixture, type AuthFixture } from './authFixture';

let f: AuthFixture;
beforeEach(async () => (f = await authFixture()));
afterEach(() => f.close());

describe('the secretariat’s people routes', () => {
  it('are for the secretariat only', async () => {
    const board = await f.cookieFor('styrelse');
    const forum = await f.cookieFor('tjanstepersonforum');
    const kansli = await f.cookieFor('kansli');
    const body = { email: 'ny@example.se', name: 'Ny', role: 'styrelse' };
    expect((await f.get('/api/users')).status).toBe(401);
    for (const who of [board, forum]) {
      expect((await f.get('/api/users', who.cookie)).status).toBe(403);
      expect((await f.send('POST', '/api/users', body, { cookie: who.cookie })).status).toBe(403);
      expect((await f.send('PATCH', `/api/users/${who.id}`, { role: 'kansli' }, { cookie: who.cookie })).status).toBe(403);
      expect((await f.send('POST', `/api/users/${who.id}/link`, undefined, { cookie: who.cookie })).status).toBe(403);
    }
    expect((await f.auth.people.listUsers()).map((u) => u.role).sort()).toEqual(['kansli', 'styrelse', 'tjanstepersonforum']);
    const list = await (await f.get('/api/users', kansli.cookie)).json();
    expect(list.users).toHaveLength(3);
    expect(JSON.stringify(list)).not.toMatch(/scrypt/);
  });

  it('refuses a second person with the same email in another letter case', async () => {
    const kansli = await f.cookieFor('kansli', { email: 'kansli@ekokommuner.se' });
    const res = await f.send('POST', '/api/users', { email: 'KANSLI@ekokommuner.se', name: 'Dubblett', role: 'styrelse' }, { cookie: kansli.cookie });
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('EMAIL_TAKEN');
    expect(await f.auth.people.countUsers()).toBe(1);
  });

  it('refuses bad input with a message saying what is wrong, and stores nothing', async () => {
    const kansli = await f.cookieFor('kansli');
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ email: 'inte-en-adress', name: 'A', role: 'styrelse' }, /e-postadress/],
      [{ email: 'a@b.se', name: '  ', role: 'styrelse' }, /Namn saknas/],
      [{ email: 'a@b.se', name: 'A', role: 'admin' }, /Okänd roll/],
      [{ email: 'a@b.se', name: 'A'.repeat(121), role: 'styrelse' }, /högst 120/],
    ];
    for (const [body, message] of cases) {
      const res = await f.send('POST', '/api/users', body, { cookie: kansli.cookie });
      expect(res.status).toBe(400);
      expect((await res.json()).error.message).toMatch(message);
    }
    expect(await f.auth.people.countUsers()).toBe(1);
  });

  it('changing a role or deactivating someone takes effect at once and is announced', async () => {
    const kansli = await f.cookieFor('kansli');
    const member = await f.cookieFor('styrelse');
    const changed: string[] = [];
    f.auth.events.on('changed', (id) => changed.push(id));

    const demoted = await f.send('PATCH', `/api/users/${member.id}`, { role: 'tjanstepersonforum' }, { cookie: kansli.cookie });
    expect((await demoted.json()).user.role).toBe('tjanstepersonforum');
    expect((await (await f.get('/api/me', member.cookie)).json()).role).toBe('tjanstepersonforum');
    expect((await f.get('/api/probe/plan.write', member.cookie)).status).toBe(403);

    await f.send('PATCH', `/api/users/${member.id}`, { active: false }, { cookie: kansli.cookie });
    expect((await f.get('/api/me', member.cookie)).status).toBe(401);
    expect((await f.signIn(member.email)).status).toBe(403);
    expect(changed).toEqual([member.id, member.id]);

    await f.send('PATCH', `/api/users/${member.id}`, { active: true }, { cookie: kansli.cookie });
    expect((await f.signIn(member.email)).status).toBe(200);
  });

  it('never leaves the installation without an active secretariat member', async () => {
    const kansli = await f.cookieFor('kansli');
    for (const patch of [{ active: false }, { role: 'styrelse' }]) {
      const res = await f.send('PATCH', `/api/users/${kansli.id}`, patch, { cookie: kansli.cookie });
      expect(res.status).toBe(409);
      expect((await res.json()).error.code).toBe('LAST_SECRETARIAT');
    }
    expect(await f.auth.people.getUser(kansli.id)).toMatchObject({ role: 'kansli', active: true });
    expect((await f.get('/api/users', kansli.cookie)).status).toBe(200);
  });

  it('answers 404 for a person that does not exist', async () => {
    const kansli = await f.cookieFor('kansli');
    expect((await f.send('PATCH', '/api/users/nobody', { name: 'X' }, { cookie: kansli.cookie })).status).toBe(404);
    expect((await f.send('POST', '/api/users/nobody/link', undefined, { cookie: kansli.cookie })).status).toBe(404);
  });
});
