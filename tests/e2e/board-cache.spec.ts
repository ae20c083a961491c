import type { Page } from '@playwright/test';
import { runServer } from '../helpers/runServer';
import { openBoard, openBoardIn, signIn } from './boardPage';
import { expect, test } from './fixtures';

// The browser keeps the plan in IndexedDB: edits made offline survive closing the page,
// and a cache left from a server whose data was replaced never leaks into the new plan.

test('an edit made offline in a page that is then closed is sent when the page is opened again', async ({ browser, server }) => {
  const bob = await openBoard(browser, server);
  const context = await browser.newContext({ baseURL: server.url });
  await signIn(context, server, 'Alice');
  const alice = await openBoardIn(context);
  const select = (page: Page) => page.getByRole('combobox', { name: 'Prioritet för Sveriges Kommuner och Regioner (SKR)' });
  await expect(select(bob)).toHaveValue('2');

  await context.setOffline(true);
  await expect(alice.getByRole('status', { name: 'Anslutning' })).toContainText('Offline');
  await select(alice).selectOption({ label: 'P3' });
  await expect(alice.getByRole('status', { name: 'Anslutning' })).toContainText('Ändringar inte delade ännu');
  await alice.close();
  await context.setOffline(false);
  await expect(select(bob)).toHaveValue('2');

  await openBoardIn(context);
  await expect(select(bob)).toHaveValue('3');
});

test('a cached plan from a server whose data was replaced is dropped, not merged', async ({ browser, server }) => {
  const context = await browser.newContext({ baseURL: server.url });
  await signIn(context, server, 'Alice');
  const page = await openBoardIn(context);
  await expect(page.getByText(/^Visar (\d+) av \1 aktiviteter$/)).toBeVisible();
  // Wait until the browser has stored the plan.
  const storedUpdates = () =>
    page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const open = indexedDB.open('planbord:plan:2025');
          open.onerror = () => resolve(0);
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains('updates')) return resolve(0);
            const count = db.transaction('updates').objectStore('updates').count();
            count.onsuccess = () => resolve(count.result);
          };
        }),
    );
  await expect.poll(storedUpdates).toBeGreaterThan(0);
  const state = await context.storageState({ indexedDB: true });
  await context.close();

  // The same plan imported anew by another server: same plan id, new item ids.
  // The client was built once for the whole run (globalSetup); rebuilding here would pull it from under the other servers.
  const other = await runServer({ CLIENT_BUILD: 'skip' });
  try {
    const moved = { cookies: [], origins: state.origins.map((o) => ({ ...o, origin: other.url })) };
    const returning = await browser.newContext({ baseURL: other.url, storageState: moved });
    await signIn(returning, other, 'Alice');
    const again = await openBoardIn(returning);
    await expect(again.getByText(/^Visar 37 av 37 aktiviteter$/)).toBeVisible();

    const fresh = await openBoard(browser, other);
    await expect(fresh.getByText(/^Visar 37 av 37 aktiviteter$/)).toBeVisible();
    await expect(fresh.getByRole('article', { name: 'Höstkongress', exact: true })).toHaveCount(1);
  } finally {
    await other.dispose();
  }
});
