import type { Browser, BrowserContext, Page } from '@playwright/test';
import { runServer } from '../helpers/runServer';
import { expect, test } from './fixtures';

// The browser keeps the plan in IndexedDB: edits made offline survive closing the page,
// and a cache left from a server whose data was replaced never leaks into the new plan.

async function openBoard(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('status', { name: 'Anslutning' })).toContainText('Ansluten');
  await expect(page.getByRole('article').first()).toBeVisible();
  return page;
}

const newBoard = async (browser: Browser, baseURL: string) => openBoard(await browser.newContext({ baseURL }));

test('an edit made offline in a page that is then closed is sent when the page is opened again', async ({ browser, baseURL }) => {
  const bob = await newBoard(browser, baseURL!);
  const context = await browser.newContext({ baseURL });
  const alice = await openBoard(context);
  const select = (page: Page) => page.getByRole('combobox', { name: 'Prioritet för Sveriges Kommuner och Regioner (SKR)' });
  await expect(select(bob)).toHaveValue('2');

  await context.setOffline(true);
  await expect(alice.getByRole('status', { name: 'Anslutning' })).toContainText('Offline');
  await select(alice).selectOption({ label: 'P3' });
  await expect(alice.getByRole('status', { name: 'Anslutning' })).toContainText('Ändringar inte delade ännu');
  await alice.close();
  await context.setOffline(false);
  await expect(select(bob)).toHaveValue('2');

  await openBoard(context);
  await expect(select(bob)).toHaveValue('3');
});

test('a cached plan from a server whose data was replaced is dropped, not merged', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL });
  const page = await openBoard(context);
  await expect(page.getByText(/^Visar (\d+) av \1 aktiviteter$/)).toBeVisible();
  // Wait until the browser has stored the plan.
  await expect
    .poll(async () => (await context.storageState({ indexedDB: true })).origins.flatMap((o) => o.indexedDB ?? []).length)
    .toBeGreaterThan(0);
  const state = await context.storageState({ indexedDB: true });
  await context.close();

  // The same plan imported anew by another server: same plan id, new item ids.
  const other = await runServer();
  try {
    const moved = { ...state, origins: state.origins.map((o) => ({ ...o, origin: other.url })) };
    const returning = await browser.newContext({ baseURL: other.url, storageState: moved });
    const again = await openBoard(returning);
    await expect(again.getByText(/^Visar 37 av 37 aktiviteter$/)).toBeVisible();

    const fresh = await newBoard(browser, other.url);
    await expect(fresh.getByText(/^Visar 37 av 37 aktiviteter$/)).toBeVisible();
    await expect(fresh.getByRole('article', { name: 'Höstkongress', exact: true })).toHaveCount(1);
  } finally {
    await other.dispose();
  }
});
