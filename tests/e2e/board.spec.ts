import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';

// The live board in two browsers at once, as two board members in a meeting would use
// it: what one changes, the other sees without reloading.

const LANE_1 = 'Förebild och föregångare';
const LANE_2 = 'Pådrivare och opinionsbildare';

async function openBoard(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('status', { name: 'Anslutning' })).toContainText('Ansluten');
  await expect(page.getByRole('article').first()).toBeVisible();
  return page;
}

const cell = (page: Page, status: string, lane: string) => page.getByRole('group', { name: `${status} – ${lane}`, exact: true });
const card = (page: Page, activity: string) => page.getByRole('article', { name: activity, exact: true });

test('a card dragged to another column with the mouse moves in the other browser too', async ({ browser, baseURL }) => {
  const alice = await openBoard(browser, baseURL!);
  const bob = await openBoard(browser, baseURL!);
  const target = 'Vilande';
  await expect(cell(bob, target, LANE_1).getByRole('article', { name: 'Höstkongress' })).toHaveCount(0);

  // Cells stretch to the tallest of their lane; aim near the top so the drop point is on screen.
  await card(alice, 'Höstkongress').dragTo(cell(alice, target, LANE_1), { targetPosition: { x: 40, y: 20 } });

  await expect(cell(alice, target, LANE_1).getByRole('article', { name: 'Höstkongress' })).toBeVisible();
  await expect(cell(bob, target, LANE_1).getByRole('article', { name: 'Höstkongress' })).toBeVisible();
  await expect(bob.getByRole('combobox', { name: 'Status för Höstkongress' })).toHaveValue('paused');
});

test('a priority change appears in the other browser', async ({ browser, baseURL }) => {
  const alice = await openBoard(browser, baseURL!);
  const bob = await openBoard(browser, baseURL!);
  const name = 'Prioritet för Årets SEKOM-initiativ';
  await expect(bob.getByRole('combobox', { name })).toHaveValue('1');

  await alice.getByRole('combobox', { name }).selectOption({ label: 'P3' });

  await expect(bob.getByRole('combobox', { name })).toHaveValue('3');
  await bob.getByRole('combobox', { name }).selectOption({ label: 'Prio –' });
  await expect(alice.getByRole('combobox', { name })).toHaveValue('');
});

test('a card is moved with the keyboard alone, step by step announced', async ({ browser, baseURL }) => {
  const alice = await openBoard(browser, baseURL!);
  const bob = await openBoard(browser, baseURL!);
  const activity = 'Samverka med Refarm Linné';
  await expect(alice.getByRole('combobox', { name: `Status för ${activity}` })).toHaveValue('in_progress');

  const move = alice.getByRole('button', { name: `Flytta ${activity}` });
  await move.focus();
  await alice.keyboard.press('Space');
  await expect(move).toHaveAttribute('aria-pressed', 'true');
  await expect(alice.getByText(/lyft från Pågår i Pådrivare och opinionsbildare/)).toBeAttached();
  await alice.keyboard.press('ArrowRight'); // Vilande
  await alice.keyboard.press('ArrowRight'); // Klart
  await alice.keyboard.press('ArrowRight'); // stays at the last column
  await alice.keyboard.press('ArrowDown'); // the third direction
  await alice.keyboard.press('ArrowUp'); // back to the second
  await expect(alice.getByText(`Klart i ${LANE_2}`, { exact: true })).toBeAttached();
  await alice.keyboard.press('Enter');

  await expect(cell(alice, 'Klart', LANE_2).getByRole('article', { name: activity })).toBeVisible();
  await expect(alice.getByText(`${activity} flyttad till Klart i ${LANE_2}.`)).toBeAttached();
  await expect(alice.getByRole('button', { name: `Flytta ${activity}` })).toBeFocused();
  await expect(cell(bob, 'Klart', LANE_2).getByRole('article', { name: activity })).toBeVisible();

  // Escape puts a lifted card back where it was.
  await alice.keyboard.press('Space');
  await alice.keyboard.press('ArrowLeft');
  await alice.keyboard.press('Escape');
  await expect(alice.getByText(`Flytten av ${activity} avbröts.`)).toBeAttached();
  await expect(cell(alice, 'Klart', LANE_2).getByRole('article', { name: activity })).toBeVisible();
});

test('the status select on a card changes its column everywhere', async ({ browser, baseURL }) => {
  const alice = await openBoard(browser, baseURL!);
  const bob = await openBoard(browser, baseURL!);
  const activity = 'Samverka med WWF';
  await alice.getByRole('combobox', { name: `Status för ${activity}` }).selectOption({ label: 'Planeras' });
  await expect(cell(bob, 'Planeras', LANE_2).getByRole('article', { name: activity })).toBeVisible();
});

test('an edit made while briefly offline is shared when the connection returns', async ({ browser, baseURL }) => {
  const alice = await openBoard(browser, baseURL!);
  const bob = await openBoard(browser, baseURL!);
  const name = 'Prioritet för Sveriges Miljökommuner';
  await expect(bob.getByRole('combobox', { name })).toHaveValue('2');

  await alice.context().setOffline(true);
  const connection = alice.getByRole('status', { name: 'Anslutning' });
  await expect(connection).toContainText('Offline');
  await alice.getByRole('combobox', { name }).selectOption({ label: 'P1' });
  await expect(connection).toContainText('Ändringar inte delade ännu');
  await expect(bob.getByRole('combobox', { name })).toHaveValue('2');

  await alice.context().setOffline(false);
  await expect(connection).toContainText('Ansluten');
  await expect(connection).not.toContainText('Ändringar inte delade ännu');
  await expect(bob.getByRole('combobox', { name })).toHaveValue('1');
});

test('who else is online is shown, with the name one chooses', async ({ browser, baseURL }) => {
  const alice = await openBoard(browser, baseURL!);
  const bob = await openBoard(browser, baseURL!);
  await alice.getByRole('button', { name: /^Ditt namn: Gäst \d+\. Byt namn$/ }).click();
  await alice.getByRole('dialog', { name: 'Vad heter du?' }).getByLabel('Ditt namn').fill('Alice Andersson');
  await alice.getByRole('button', { name: 'Spara' }).click();

  const online = bob.getByRole('list', { name: 'Online nu' });
  await expect(online.getByText('Alice Andersson')).toBeAttached();
  await expect(alice.getByRole('button', { name: 'Ditt namn: Alice Andersson. Byt namn' })).toBeVisible();

  await alice.context().close();
  await expect(online.getByText('Alice Andersson')).toHaveCount(0);
});
