import type { Page, Route } from '@playwright/test';
import { card, cell, LANES, signIn } from './boardPage';
import { expect, test } from './fixtures';

// The page comes with the plan's board drawn by the server: it can be read before the
// app's scripts have arrived (or where they never run), and the app then takes the
// board over without showing it twice or moving what someone was reading.

/** Holds the app's entry script until the returned function is called. */
async function holdApp(page: Page): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/index-[\w-]+\.js$/, async (route: Route) => {
    await released;
    await route.continue();
  });
  return release;
}

test('the board can be read before the app has loaded, and without JavaScript', async ({ browser, server }) => {
  const context = await browser.newContext({ baseURL: server.url, javaScriptEnabled: false });
  await signIn(context, server, 'Läsare utan skript', 'tjanstepersonforum');
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Verksamhetsplan 2025', level: 1 })).toBeVisible();
  for (const lane of LANES) await expect(page.getByRole('region', { name: lane })).toBeVisible();
  await expect(cell(page, 'Planeras', LANES[0]).getByRole('article', { name: 'Höstkongress' })).toBeVisible();
  await expect(card(page, 'Höstkongress')).toContainText('P1');
  await expect(card(page, 'Höstkongress')).toContainText('Planeras');
  await expect(page.getByRole('combobox')).toHaveCount(0);
  await context.close();
});

test('the app takes the board over: every card once, with its controls, live', async ({ browser, server }) => {
  const alice = await browser.newContext({ baseURL: server.url });
  await signIn(alice, server, 'Alice');
  const page = await alice.newPage();
  const release = await holdApp(page);
  const response = await page.goto('/');
  expect(await response!.text()).toContain('<div id="prepaint">');
  const cardCount = await page.locator('article[data-item-id]').count();
  expect(cardCount).toBeGreaterThan(30);
  await expect(card(page, 'Höstkongress')).toBeVisible();

  release();
  const status = page.getByRole('combobox', { name: 'Status för Höstkongress' });
  await expect(status).toHaveValue('planned');
  await expect(page.locator('#prepaint')).toHaveCount(0);
  await expect(page.locator('article[data-item-id]')).toHaveCount(cardCount);

  const bob = await browser.newContext({ baseURL: server.url });
  await signIn(bob, server, 'Bob');
  const other = await bob.newPage();
  await other.goto('/');
  await other.getByRole('combobox', { name: 'Status för Höstkongress' }).selectOption({ label: 'Pågår' });
  await expect(status).toHaveValue('in_progress');
  await expect(cell(page, 'Pågår', LANES[0]).getByRole('article', { name: 'Höstkongress' })).toBeVisible();
  await alice.close();
  await bob.close();
});

test('someone who scrolled while the app loaded keeps the card they were reading in its place', async ({ browser, server }) => {
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 600 } });
  await signIn(context, server, 'Läsare');
  const page = await context.newPage();
  const release = await holdApp(page);
  await page.goto('/');
  const reading = card(page, 'Delta i initiativet Fossilfritt Sverige');
  await reading.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 8));
  const before = await reading.evaluate((el) => el.getBoundingClientRect().top);

  release();
  await expect(page.getByRole('combobox', { name: 'Status för Delta i initiativet Fossilfritt Sverige' })).toBeVisible();
  await expect(page.locator('#prepaint')).toHaveCount(0);
  const after = await card(page, 'Delta i initiativet Fossilfritt Sverige').evaluate((el) => el.getBoundingClientRect().top);
  // Without the anchor the card ends far above the screen (the app's header and filters
  // are taller than the drawn board's); cards the browser has not laid out yet may still
  // settle by a few lines once it does.
  expect(Math.abs(after - before)).toBeLessThan(120);
});

test('a page other than the board replaces the drawn board', async ({ browser, server }) => {
  const context = await browser.newContext({ baseURL: server.url });
  await signIn(context, server, 'Kansliet', 'kansli');
  const page = await context.newPage();
  await page.goto('/#personer');
  await expect(page.getByRole('heading', { name: 'Personer', level: 1 })).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(0);
  await context.close();
});
