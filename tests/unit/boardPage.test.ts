import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/auth/roles';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../shared/auth/csrfHeader';
import { setStatus, updateItem } from '../../shared/plan/itemOps';
import { listItems } from '../../shared/plan/schema';
import { sessionCookieName } from '../../server/auth/sessionCookie';
import { createMemoryLogger } from '../../server/logger';
import { startServer, type RunningServer } from '../../server/startServer';
import { smallPlan } from '../helpers/planFixture';
import { connectClient } from '../helpers/syncClient';
import { tempDir } from '../helpers/tempDir';
import { waitFor } from '../helpers/waitFor';

// The real server, on a real SQLite file, serving a page shaped as Vite builds it: a
// signed-in reader gets the plan's board drawn into the page; anybody else the page as built.

const INDEX = `<!doctype html>
<html lang="sv">
  <head>
    <title>Planbord</title>
    <script type="module" crossorigin src="/assets/index-abc.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/yjs-def.js">
    <link rel="modulepreload" crossorigin href="/assets/I18nProvider-ghi.js">
    <link rel="stylesheet" crossorigin href="/assets/index-jkl.css">
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;

let dir: ReturnType<typeof tempDir>;
let server: RunningServer;
let people = 0;

beforeAll(async () => {
  dir = tempDir('planbord-page-');
  const clientDir = join(dir.path, 'client');
  mkdirSync(clientDir);
  writeFileSync(join(clientDir, 'index.html'), INDEX);
  server = await startServer({ port: 0, dataDir: join(dir.path, 'data'), clientDir, logger: createMemoryLogger(), seed: smallPlan });
});
afterAll(async () => {
  await server.close();
  dir.remove();
});

async function cookieFor(role: Role): Promise<string> {
  const id = `p${people++}`;
  await server.auth.people.createUser({ id, email: `${id}@example.se`, name: `Person ${id}`, organisation: '', role }, Date.now());
  return `${sessionCookieName(server.auth.config.publicOrigin)}=${await server.auth.sessions.start(id)}`;
}

const page = (path: string, cookie?: string) => fetch(`${server.url}${path}`, { headers: cookie ? { cookie } : {} });
const cards = (html: string) => [...html.matchAll(/<article [^>]*data-item-id="([^"]+)"/g)].map((m) => m[1]);
const statusOf = (html: string, id: string) => new RegExp(`data-item-id="${id}">.*?<p class="card-status">([^<]*)</p>`).exec(html)?.[1];

describe('the page with the board drawn in', () => {
  it('shows a signed-in board member every card of the plan before any script runs, and loads the app after', async () => {
    const res = await page('/', await cookieFor('styrelse'));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(cards(html)).toHaveLength(5);
    expect(html).toContain('<h1>Verksamhetsplan 2025</h1>');
    expect(html).toContain('<title>Verksamhetsplan 2025 – Planbord</title>');
    // The app's scripts are fetched after the first frame; the stylesheet stays in the head.
    expect(html).not.toContain('type="module"');
    expect(html).not.toContain('rel="modulepreload"');
    expect(html).toContain('<script defer src="/start-after-paint.js" data-entry="/assets/index-abc.js" data-preload="/assets/yjs-def.js /assets/I18nProvider-ghi.js"></script>');
    expect(html).toContain('<link rel="stylesheet" crossorigin href="/assets/index-jkl.css">');
    expect(html.indexOf('id="prepaint"')).toBeLessThan(html.indexOf('<div id="root"></div>'));
    // The plan is the person's: no shared cache may keep it.
    expect(res.headers.get('cache-control')).toBe('private, no-cache');
    expect(res.headers.get('vary')).toContain('Cookie');
  });

  it('gives anyone not signed in the page as built, with no plan in it', async () => {
    for (const cookie of [undefined, `${sessionCookieName(server.auth.config.publicOrigin)}=not-a-session`]) {
      const html = await (await page('/', cookie)).text();
      expect(html).toBe(INDEX);
    }
  });

  it('draws the board for a forum member too, who may read the plan', async () => {
    expect(cards(await (await page('/', await cookieFor('tjanstepersonforum'))).text())).toHaveLength(5);
  });

  it('draws the plan as it is now: a change made live shows on the next opening', async () => {
    const cookie = await cookieFor('styrelse');
    const client = await connectClient(`ws://127.0.0.1:${server.port}/ws`, 'plan/2025', { headers: { cookie, origin: server.auth.config.publicOrigin } });
    try {
      const b = listItems(client.doc).find((i) => i.activity === 'B')!;
      expect(statusOf(await (await page('/', cookie)).text(), b.id)).toBe('Ej påbörjad');
      setStatus(client.doc, b.id, 'done');
      updateItem(client.doc, b.id, { activity: 'B <i>ny</i>' });
      const live = server.sync.getDoc('plan/2025').doc;
      await waitFor(() => listItems(live).find((i) => i.id === b.id)?.status === 'done', { what: 'the change to reach the server' });
      const html = await (await page('/', cookie)).text();
      expect(statusOf(html, b.id)).toBe('Klart');
      expect(html).toContain('<h3 class="card-title">B &lt;i&gt;ny&lt;/i&gt;</h3>');
    } finally {
      client.destroy();
    }
  });

  it('shows text with dollar signs as written, which a string replacement would read as patterns', async () => {
    const cookie = await cookieFor('styrelse');
    const client = await connectClient(`ws://127.0.0.1:${server.port}/ws`, 'plan/2025', { headers: { cookie, origin: server.auth.config.publicOrigin } });
    try {
      const c = listItems(client.doc).find((i) => i.activity === 'C')!;
      updateItem(client.doc, c.id, { activity: "Budget $& och $' och $`" });
      const live = server.sync.getDoc('plan/2025').doc;
      await waitFor(() => listItems(live).find((i) => i.id === c.id)?.activity.startsWith('Budget'), { what: 'the change to reach the server' });
      const html = await (await page('/', cookie)).text();
      expect(html).toContain("<h3 class=\"card-title\">Budget $&amp; och $&#39; och $`</h3>");
      expect(html.match(/<div id="root"><\/div>/g)).toHaveLength(1);
      expect(cards(html)).toHaveLength(5);
    } finally {
      client.destroy();
    }
  });

  it('speaks the language the person chose, else the one this browser chose', async () => {
    const cookie = await cookieFor('styrelse');
    const asBrowser = { cookie: `${cookie}; planbord.lang=en` };
    let html = await (await fetch(`${server.url}/`, { headers: asBrowser })).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('aria-label="Action plan"');

    const saved = await fetch(`${server.url}/api/me/settings`, {
      method: 'PUT',
      headers: { cookie, origin: server.auth.config.publicOrigin, [CSRF_HEADER]: CSRF_HEADER_VALUE, 'content-type': 'application/json' },
      body: JSON.stringify({ language: 'sv' }),
    });
    expect(saved.status).toBe(200);
    html = await (await fetch(`${server.url}/`, { headers: asBrowser })).text();
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('aria-label="Handlingsplan"');
  });

  it('draws the newest plan where the address names none that exists', async () => {
    const html = await (await page('/?plan=no-such-plan', await cookieFor('styrelse'))).text();
    expect(cards(html)).toHaveLength(5);
  });
});
