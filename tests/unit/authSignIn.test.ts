import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authFixture, cookieOf, PASSWORD, type AuthFixture } from './authFixture';

let f: AuthFixture;
beforeEach(async () => (f = await authFixture()));
afterEach(() => f.close());

const MINUTE = 60_000;

describe('signing in', () => {
  it('signs in with email and password, in any letter case, and /api/me then names the person', async () => {
    await f.addUser('styrelse', { email: 'Anna.Berg@Sotenas.se', name: 'Anna Berg', organisation: 'Sotenäs kommun' });
    expect((await f.get('/api/me')).status).toBe(401);

    const res = await f.signIn('  anna.berg@SOTENAS.se ');
    expect(res.status).toBe(200);
    const me = await f.get('/api/me', cookieOf(res));
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ name: 'Anna Berg', email: 'anna.berg@sotenas.se', organisation: 'Sotenäs kommun', role: 'styrelse' });
  });

  it('sets an HttpOnly, SameSite=Lax cookie that holds no more than an opaque id', async () => {
    const { email } = await f.addUser('kansli');
    const res = await f.signIn(email);
    const header = res.headers.get('set-cookie') ?? '';
    expect(header).toMatch(/HttpOnly/i);
    expect(header).toMatch(/SameSite=Lax/i);
    expect(header).not.toMatch(/Secure/i);
    const token = cookieOf(res).split('=')[1];
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The database keeps only a hash of the id: a stolen copy signs nobody in.
    const ids = (await f.sql.all<{ id_hash: string }>('SELECT id_hash FROM sessions')).map((r) => r.id_hash);
    expect(ids).toHaveLength(1);
    expect(ids[0]).not.toBe(token);
  });

  it('answers an unknown email, a wrong password and a person without a password alike', async () => {
    const { email } = await f.addUser('styrelse');
    const { email: invited } = await f.addUser('styrelse', { password: null });
    const answers = await Promise.all([
      f.signIn('nobody@example.se', 'whatever-password'),
      f.signIn(email, 'wrong-password-123'),
      f.signIn(invited, 'whatever-password'),
    ]);
    const bodies = await Promise.all(answers.map((r) => r.text()));
    expect(answers.map((r) => r.status)).toEqual([401, 401, 401]);
    expect(new Set(bodies).size).toBe(1);
    expect(JSON.parse(bodies[0]).error).toEqual({ code: 'BAD_CREDENTIALS', message: 'Fel e-postadress eller lösenord.' });
    expect(answers.every((r) => !r.headers.get('set-cookie'))).toBe(true);
  });

  it('tells a deactivated person so only when the password is right', async () => {
    const { id, email } = await f.addUser('styrelse');
    await f.auth.people.updateUser(id, { active: false }, f.clock.now);
    expect((await (await f.signIn(email, 'wrong-password-123')).json()).error.code).toBe('BAD_CREDENTIALS');
    const right = await f.signIn(email);
    expect(right.status).toBe(403);
    expect((await right.json()).error.code).toBe('ACCOUNT_DEACTIVATED');
  });

  it('refuses a body that is not JSON or lacks fields, with a clear message', async () => {
    const res = await f.app.request('/api/auth/sign-in', {
      method: 'POST',
      headers: { origin: 'http://localhost:8787', 'x-planbord-request': '1', 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(res.status).toBe(400);
    expect((await f.send('POST', '/api/auth/sign-in', { email: 'a@b.se' })).status).toBe(400);
  });
});

describe('the sign-in limit', () => {
  it('locks an account after 10 failures in 15 minutes, even for the right password, and opens again after', async () => {
    const { email } = await f.addUser('styrelse');
    for (let i = 0; i < 10; i++) {
      f.clock.advance(MINUTE);
      expect((await f.signIn(email, `wrong-password-${i}`, `198.51.100.${i}`)).status).toBe(401);
    }
    const locked = await f.signIn(email, PASSWORD, '203.0.113.9');
    expect(locked.status).toBe(429);
    const body = await locked.json();
    expect(body.error.code).toBe('RATE_LIMITED');
    expect(body.error.message).toMatch(/För många misslyckade inloggningsförsök/);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);

    // Failures were made at minutes 1–10; the first one leaves the window after minute 16.
    f.clock.advance(5 * MINUTE);
    expect((await f.signIn(email, PASSWORD, '203.0.113.9')).status).toBe(429);
    f.clock.advance(2 * MINUTE);
    expect((await f.signIn(email, PASSWORD, '203.0.113.9')).status).toBe(200);
  });

  it('limits an unknown email exactly like a real one, so the limit reveals no accounts', async () => {
    const { email } = await f.addUser('styrelse');
    const answers: number[][] = [[], []];
    for (let i = 0; i < 11; i++) {
      answers[0].push((await f.signIn(email, 'wrong-password', `198.51.100.${i}`)).status);
      answers[1].push((await f.signIn('ghost@example.se', 'wrong-password', `198.51.100.${i + 100}`)).status);
    }
    expect(answers[0]).toEqual([...Array(10).fill(401), 429]);
    expect(answers[1]).toEqual(answers[0]);
  });

  it('limits an address that tries many accounts, without locking out other addresses', async () => {
    const { email } = await f.addUser('styrelse');
    for (let i = 0; i < 10; i++) await f.signIn(`guess-${i}@example.se`, 'wrong-password', '198.51.100.7');
    expect((await f.signIn(email, PASSWORD, '198.51.100.7')).status).toBe(429);
    expect((await f.signIn(email, PASSWORD, '198.51.100.8')).status).toBe(200);
  });

  it('cannot be slipped past by sending guesses in parallel', async () => {
    const { email } = await f.addUser('styrelse');
    const answers = await Promise.all(Array.from({ length: 25 }, (_, i) => f.signIn(email, `guess-${i}-password`, `198.51.100.${i}`)));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
  });

  it('a successful sign-in clears the account’s earlier failures', async () => {
    const { email } = await f.addUser('styrelse');
    for (let i = 0; i < 9; i++) await f.signIn(email, 'wrong-password', `198.51.100.${i}`);
    expect((await f.signIn(email, PASSWORD, '203.0.113.1')).status).toBe(200);
    for (let i = 0; i < 9; i++) expect((await f.signIn(email, 'wrong-password', `198.51.100.${i + 20}`)).status).toBe(401);
  });
});
