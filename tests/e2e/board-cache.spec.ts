import type { Page } from '@playwright/test';
import { listItems } from '../../shared/plan/schema';
import { runServer } from '../helpers/runServer';
import { openBoard, openBoardIn, signIn } from './boardPage';
import { expect, test } from './fixtures';
import { storedPlan } from './storedPlan';

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
  // Closed once the browser has stored the change: it is what is sent later.
  const storedPriority = async () => listItems(await storedPlan(alice)).find((i) => i.activity === 'Sveriges Kommuner och Regioner (SKR)')?.priority;
  await expect.poll(storedPriority).toBe(3);
  await alice.close();
  await context.setOffline(false);
  await expect(select(bob)).toHaveValue('2');

  await openBoardIn(context);
  await expect(select(bob)).toHaveValue('3');
});

test('leaving the page while a change is not yet shared asks first, and once it is shared does not', async ({ browser, server }) => {
  const page = await openBoard(browser, server);
  const connection = page.getByRole('status', { name: 'Anslutning' });
  const asked: string[] = [];
  page.on('dialog', (dialog) => {
    asked.push(dialog.type());
    void dialog.dismiss();
  });

  await page.context().setOffline(true);
  await expect(connection).toContainText('Offline');
  const select = page.getByRole('combobox', { name: 'Prioritet för Svara på remisser' });
  // The browser asks only on a page the person has interacted with.
  await select.click();
  await select.selectOption({ label: 'P3' });
  await expect(connection).toContainText('Ändringar inte delade ännu');
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => asked).toEqual(['beforeunload']);
  // Staying was chosen: the page and the change are still there.
  await expect(select).toHaveValue('3');

  await page.context().setOffline(false);
  await expect(connection).toContainText('Ansluten');
  await expect(connection).not.toContainText('Ändringar inte delade ännu');
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => page.isClosed()).toBe(true);
  expect(asked).toEqual(['beforeunload']);
});

test('a cached plan from a server whose data was replaced is dropped, not merged', async ({ browser, server }) => {
  const context = await browser.newContext({ baseURL: server.url });
  await signIn(context, server, 'Alice');
  const page = await openBoardIn(context);
  await expect(page.getByText(/^Visar (\d+) av \1 aktiviteter$/)).toBeVisible();
  // Wait until the browser has stored the plan.
  await expect.poll(async () => listItems(await storedPlan(page)).length).toBeGreaterThan(0);
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
