import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authFixture, ORIGIN, type AuthFixture } from './authFixture';

let f: AuthFixture;
beforeEach(async () => (f = await authFixture()));
afterEach(() => f.close());

describe('CSRF protection', () => {
  it('refuses state-changing requests from another origin or without our header, and changes nothing', async () => {
    const kansli = await f.cookieFor('kansli');
    const body = { email: 'csrf@example.se', name: 'Csrf', role: 'kansli' };
    const forged: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'http://localhost:8787.evil.example' },
      { origin: 'null' },
      { 'x-planbord-request': '' },
      { origin: '', 'sec-fetch-site': 'same-site' },
    ];
    for (const headers of forged) {
      const res = await f.send('POST', '/api/users', body, { cookie: kansli.cookie, headers });
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe('CSRF_REFUSED');
    }
    // A plain HTML form: urlencoded body, no custom header, cross-site.
    const form = await f.app.request('/api/auth/sign-out', {
      method: 'POST',
      headers: { cookie: kansli.cookie, origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=1',
    });
    expect(form.status).toBe(403);
    expect(await f.auth.people.countUsers()).toBe(1);
    expect((await f.get('/api/me', kansli.cookie)).status).toBe(200);
  });

  it('accepts our own page, also from a browser that sends Sec-Fetch-Site instead of Origin', async () => {
    const kansli = await f.cookieFor('kansli');
    const body = { email: 'ok@example.se', name: 'Ok', role: 'styrelse' };
    expect((await f.send('POST', '/api/users', body, { cookie: kansli.cookie })).status).toBe(201);
    const noOrigin = await f.app.request('/api/users', {
      method: 'POST',
      headers: { cookie: kansli.cookie, 'sec-fetch-site': 'same-origin', 'x-planbord-request': '1', 'content-type': 'application/json' },
      body: JSON.stringify({ ...body, email: 'ok2@example.se' }),
    });
    expect(noOrigin.status).toBe(201);
  });

  it('protects signing in too, so another site cannot sign a visitor into its account', async () => {
    const { email } = await f.addUser('styrelse');
    const res = await f.send('POST', '/api/auth/sign-in', { email, password: 'rätt häftstift 42' }, { headers: { origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toBeNull();
  });
});

describe('security headers', () => {
  it('send a Content-Security-Policy that allows only our scripts and our websocket', async () => {
    const res = await f.get('/api/health');
    const csp = Object.fromEntries(
      (res.headers.get('content-security-policy') ?? '').split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['connect-src']).toEqual(["'self'", ORIGIN.replace('http', 'ws')]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it('are on refusals too', async () => {
    const res = await f.get('/api/users');
    expect(res.status).toBe(401);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
  });
});
