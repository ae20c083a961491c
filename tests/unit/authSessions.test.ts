import { afterEach, describe, expect, it } from 'vitest';
import { CAPABILITIES, can, ROLES } from '../../shared/auth/roles';
import { authFixture, cookieOf, type AuthFixture } from './authFixture';

let f: AuthFixture;
afterEach(() => f.close());

const HOUR = 60 * 60 * 1000;

describe('sessions', () => {
  it('end after 8 hours without a request, and last as long as the person keeps working', async () => {
    f = await authFixture();
    const { cookie } = await f.cookieFor('styrelse');
    for (let i = 0; i < 4; i++) {
      f.clock.advance(7 * HOUR);
      expect((await f.get('/api/me', cookie)).status).toBe(200);
    }
    f.clock.advance(8 * HOUR);
    expect((await f.get('/api/me', cookie)).status).toBe(401);
    // and the expired session is gone, not merely refused
    f.clock.advance(-8 * HOUR);
    expect((await f.get('/api/me', cookie)).status).toBe(401);
  });

  it('take the idle time from the configuration', async () => {
    f = await authFixture({ sessionIdleMs: 1 * HOUR });
    const { cookie } = await f.cookieFor('styrelse');
    f.clock.advance(1 * HOUR);
    expect((await f.get('/api/me', cookie)).status).toBe(401);
  });

  it('end at sign-out, on this device only', async () => {
    f = await authFixture();
    const { email, cookie } = await f.cookieFor('kansli');
    const other = cookieOf(await f.signIn(email));
    const out = await f.send('POST', '/api/auth/sign-out', undefined, { cookie });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/planbord_session=;.*Max-Age=0/);
    expect((await f.get('/api/me', cookie)).status).toBe(401);
    expect((await f.get('/api/me', other)).status).toBe(200);
  });

  it('use a Secure, __Host- cookie when the app is served over https', async () => {
    f = await authFixture({ publicOrigin: 'https://planbord.ekokommuner.se' });
    const { email } = await f.addUser('styrelse');
    const res = await f.send('POST', '/api/auth/sign-in', { email, password: 'rätt häftstift 42' }, { headers: { origin: 'https://planbord.ekokommuner.se' } });
    expect(res.status).toBe(200);
    const header = res.headers.get('set-cookie') ?? '';
    expect(header).toMatch(/^__Host-planbord_session=/);
    expect(header).toMatch(/Secure/);
    expect(header).toMatch(/Path=\//);
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=/);
  });

  it('ignore cookies that are not a session of ours', async () => {
    f = await authFixture();
    for (const cookie of ['planbord_session=abc', `planbord_session=${'A'.repeat(43)}`, 'other=1']) {
      expect((await f.get('/api/me', cookie)).status).toBe(401);
    }
  });
});

describe('each role against each capability over HTTP', () => {
  it('lets through exactly what the role table allows, and nothing without a session', async () => {
    f = await authFixture();
    for (const capability of CAPABILITIES) {
      expect((await f.get(`/api/probe/${capability}`)).status).toBe(401);
    }
    for (const role of ROLES) {
      const { cookie } = await f.cookieFor(role);
      for (const capability of CAPABILITIES) {
        const res = await f.send('POST', `/api/probe/${capability}`, {}, { cookie });
        expect([role, capability, res.status]).toEqual([role, capability, can(role, capability) ? 200 : 403]);
      }
    }
  });

  it('keeps health and signing in open, and every other API path closed', async () => {
    f = await authFixture();
    expect((await f.get('/api/health')).status).toBe(200);
    expect((await f.get('/api/anything-else')).status).toBe(401);
    expect((await f.send('POST', '/api/auth/sign-in', { email: 'x@y.se', password: 'fel lösenord' })).status).toBe(401);
  });
});

describe('signing in again', () => {
  it('replaces the session the browser had, so a planted session id is worth nothing', async () => {
    f = await authFixture();
    const { email, cookie } = await f.cookieFor('styrelse');
    const fresh = await f.send('POST', '/api/auth/sign-in', { email, password: 'rätt häftstift 42' }, { cookie });
    expect(fresh.status).toBe(200);
    expect((await f.get('/api/me', cookie)).status).toBe(401);
    expect((await f.get('/api/me', cookieOf(fresh))).status).toBe(200);
  });
});
