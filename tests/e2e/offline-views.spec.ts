import type { Page } from '@playwright/test';
import { addActivity, card, cell, LANES, openBoard, openBoardIn, signIn } from './boardPage';
import { expect, test } from './fixtures';

// The item dialog, its Hur editor and the strategy page load on demand. A board member
// who loses the network before ever opening them still can; and a part whose code
// cannot be fetched says so in its place, while the board stays.

const LANE = LANES[0];
const ON_DEMAND = /\/assets\/(ItemDialog|RichTextEditor|StrategyPage)-[^/]*\.js$/;

/** Whether the browser has fetched the code of the parts that load on demand: it does so once the board is up. */
const onDemandFetched = (page: Page) =>
  page.evaluate((pattern) => {
    const wanted = new RegExp(pattern);
    return new Set(performance.getEntriesByType('resource').flatMap((e) => wanted.exec(new URL(e.name).pathname)?.[1] ?? [])).size;
  }, ON_DEMAND.source);

test('a board member offline before ever opening the dialog or the strategy page still edits, adds and reads them', async ({ browser, server }) => {
  const alice = await openBoard(browser, server, 'Alice Andersson');
  const bob = await openBoard(browser, server, 'Bo Berg');
  const activity = 'Informationspaket för medlemmar';
  // Time passes on the board before the train enters the tunnel.
  await expect.poll(() => onDemandFetched(alice)).toBe(3);

  await alice.context().setOffline(true);
  await expect(alice.getByRole('status').filter({ hasText: 'Du är offline.' })).toBeVisible();

  await alice.getByRole('button', { name: `Redigera ${activity}`, exact: true }).click();
  const edit = alice.getByRole('dialog', { name: 'Redigera aktivitet' });
  const how = edit.getByRole('textbox', { name: 'Hur' });
  await how.click();
  await alice.keyboard.press('Control+End');
  await alice.keyboard.type(' Skrivet utan nät.');
  await edit.getByRole('button', { name: 'Stäng' }).click();
  await expect(card(alice, activity)).toContainText('Skrivet utan nät.');

  const added = await addActivity(alice, LANE);
  await added.getByLabel('Vad').fill('Studiebesök i Vara');
  await added.getByRole('textbox', { name: 'Hur' }).fill('Bussresa med styrelsen.');
  await added.getByRole('button', { name: 'Spara' }).click();
  await expect(card(alice, 'Studiebesök i Vara')).toContainText('Bussresa med styrelsen.');

  await alice.getByRole('link', { name: 'Strategi' }).click();
  await expect(alice.getByRole('textbox', { name: 'Verksamhetsstrategi' })).toContainText('Sveriges Ekokommuners vision är ett hållbart Sverige.');
  await expect(alice.locator('.strategy-page')).toHaveCSS('display', 'grid');
  await alice.getByRole('link', { name: 'Tillbaka till tavlan' }).click();
  await expect(card(alice, activity)).toBeVisible();
  await expect(alice.getByRole('alert')).toHaveCount(0);

  await alice.context().setOffline(false);
  await expect(card(bob, activity)).toContainText('Skrivet utan nät.');
  await expect(cell(bob, 'Ej påbörjad', LANE).getByRole('article', { name: 'Studiebesök i Vara' })).toContainText('Bussresa med styrelsen.');
});

test('a part whose code cannot be fetched says so in its place, the board stays, and it loads when tried again', async ({ browser, server }) => {
  const context = await browser.newContext({ baseURL: server.url });
  await signIn(context, server, 'Alice Andersson');
  // The network fails exactly these files, from the start: not even loading them ahead helps.
  const cut = /\/assets\/(ItemDialog|StrategyPage|history)-/;
  await context.route(cut, (route) => route.abort('internetdisconnected'));
  const page = await openBoardIn(context);
  const activity = 'Informationspaket för medlemmar';
  const failed = 'Den här delen kunde inte laddas. Kontrollera anslutningen och försök igen.';

  await page.getByRole('button', { name: `Redigera ${activity}`, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Redigera aktivitet' });
  await expect(dialog.getByRole('alert')).toHaveText(new RegExp(`^${failed}`));
  await expect(dialog.getByRole('button', { name: 'Försök igen' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Stäng' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(card(page, activity)).toBeVisible();

  await page.getByRole('link', { name: 'Strategi' }).click();
  const alert = page.getByRole('main').getByRole('alert');
  await expect(alert).toContainText(failed);
  await expect(page.getByRole('link', { name: 'Strategi' })).toBeVisible();

  // The network is back: trying again brings the page, with its own styles.
  await context.unroute(cut);
  await alert.getByRole('button', { name: 'Försök igen' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Verksamhetsstrategi' })).toContainText('Sveriges Ekokommuners vision är ett hållbart Sverige.');
  await expect(page.locator('.strategy-page')).toHaveCSS('display', 'grid');

  // The dialog that failed before opens now too.
  await page.getByRole('link', { name: 'Tillbaka till tavlan' }).click();
  await page.getByRole('button', { name: `Redigera ${activity}`, exact: true }).click();
  await expect(dialog.getByRole('textbox', { name: 'Hur' })).toBeVisible();
  await expect(dialog.getByRole('alert')).toHaveCount(0);
});
