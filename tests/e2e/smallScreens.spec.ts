import type { Browser, Page } from '@playwright/test';
import type { Role } from '../../shared/auth/roles';
import type { RunningServer } from '../helpers/runServer';
import { card, cell, LANES, openBoardIn, signIn } from './boardPage';
import { cardsIn, touchDrag } from './boardDrag';
import { commentButton } from './commentsPeople';
import { expect, test } from './fixtures';

// The board on phones and tablets, held by a finger: a forum member reading and
// commenting between meetings, a board member at a strategy meeting with a tablet.

const PHONE = { width: 390, height: 844 };

async function onDevice(browser: Browser, server: RunningServer, role: Role, name: string, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.url, viewport, hasTouch: true, isMobile: true });
  await signIn(context, server, name, role);
  return openBoardIn(context);
}

/**
 * How far the page reaches past the screen's right edge (0: it does not scroll sideways).
 * Against the screen's own width: a phone's browser widens its window to what overflows.
 */
const sideways = async (page: Page) => (await page.evaluate(() => document.documentElement.scrollWidth)) - page.viewportSize()!.width;

for (const [role, name] of [
  ['styrelse', 'Sara Styrelse'],
  ['tjanstepersonforum', 'Frida Forum'],
] as const) {
  test(`${role}: on a phone the header folds into a menu and the first card shows on the first screen`, async ({ browser, server }) => {
    const page = await onDevice(browser, server, role, name, PHONE);
    const menu = page.getByRole('button', { name: 'Meny' });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByRole('link', { name: 'Historik' })).toBeHidden();
    await expect(page.getByRole('article').first()).toBeInViewport();

    await menu.tap();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByRole('link', { name: 'Historik' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Logga ut' })).toBeVisible();
    // Escape closes it and leaves the focus on the menu button; the keyboard opens it again.
    await page.getByRole('link', { name: 'Strategi' }).focus();
    await page.keyboard.press('Escape');
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(menu).toBeFocused();
    await expect(page.getByRole('link', { name: 'Historik' })).toBeHidden();
    await page.keyboard.press('Enter');
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('Tab');
    await expect(page.locator(':focus')).toBeVisible();
    expect(await page.evaluate(() => document.activeElement?.closest('header') !== null)).toBe(true);
    // A press outside it (at the bottom of the screen) closes it.
    await page.touchscreen.tap(PHONE.width / 2, PHONE.height - 20);
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
  });

  test(`${role}: the page never scrolls sideways, from 320 px wide up, on the board and its menu`, async ({ browser, server }) => {
    const page = await onDevice(browser, server, role, name, PHONE);
    for (let width = 320; width <= 1400; width += 40) {
      await page.setViewportSize({ width, height: 800 });
      expect(await sideways(page), `at ${width} px`).toBeLessThanOrEqual(0);
    }
    for (const viewport of [{ width: 320, height: 640 }, { width: 768, height: 1024 }, { width: 1024, height: 768 }]) {
      await page.setViewportSize(viewport);
      await page.getByRole('button', { name: 'Meny' }).click();
      expect(await sideways(page), `with the menu open at ${viewport.width} px`).toBeLessThanOrEqual(0);
      await page.getByRole('button', { name: 'Meny' }).click();
    }
  });
}

test('a forum member on a phone reads one status at a time and comments with one tap', async ({ browser, server }) => {
  const page = await onDevice(browser, server, 'tjanstepersonforum', 'Frida Forum', PHONE);
  const tabs = page.getByRole('group', { name: 'Visa status' });
  await expect(tabs.getByRole('button', { name: /^Alla/ })).toHaveAttribute('aria-pressed', 'true');

  await tabs.getByRole('button', { name: /^Pågår/ }).tap();
  await expect(tabs.getByRole('button', { name: /^Pågår/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText(/^Visar 20 av 37 aktiviteter$/)).toBeVisible();
  // Only that status shows, in one column, each direction under its heading.
  await expect(cell(page, 'Pågår', LANES[0])).toBeVisible();
  await expect(cell(page, 'Planeras', LANES[0])).toBeHidden();
  const first = card(page, 'SEKOMS Framtidsagenda');
  await expect(first).toBeVisible();
  const box = (await first.boundingBox())!;
  expect(box.width).toBeGreaterThan(PHONE.width * 0.8);

  // The card's comment button: large enough for a finger, one tap to the discussion.
  const comments = commentButton(page, 'SEKOMS Framtidsagenda');
  const target = (await comments.boundingBox())!;
  expect(Math.min(target.width, target.height)).toBeGreaterThanOrEqual(40);
  await comments.tap();
  const panel = page.getByRole('dialog', { name: 'Kommentarer: SEKOMS Framtidsagenda' });
  await panel.getByRole('textbox', { name: 'Skriv en kommentar' }).fill('Läst på telefonen: bra!');
  await panel.getByRole('button', { name: 'Kommentera' }).tap();
  await expect(panel.getByRole('article', { name: /^Frida Forum/ })).toContainText('Läst på telefonen: bra!');
  expect(await sideways(page)).toBeLessThanOrEqual(0);
  await panel.getByRole('button', { name: 'Stäng' }).tap();

  await tabs.getByRole('button', { name: /^Alla/ }).tap();
  await expect(page.getByText(/^Visar 37 av 37 aktiviteter$/)).toBeVisible();
});

test('a board member’s tablet, upright and on its side: the board and its menu work by touch', async ({ browser, server }) => {
  const page = await onDevice(browser, server, 'styrelse', 'Tove Tablett', { width: 768, height: 1024 });
  // Upright: one column with the status tabs, as on a phone.
  await expect(page.getByRole('group', { name: 'Visa status' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Status för Höstkongress' }).selectOption({ label: 'Klart' });
  await expect(cell(page, 'Klart', LANES[0]).getByRole('article', { name: 'Höstkongress' })).toBeVisible();
  // A finger drags a card by its move button above the one before it, in the stacked cells.
  const inProgress = cell(page, 'Pågår', LANES[0]);
  const before = await cardsIn(inProgress);
  await touchDrag(page, page.getByRole('button', { name: `Flytta ${before[1]}` }), card(page, before[0]), { hold: false });
  await expect.poll(() => cardsIn(inProgress)).toEqual([before[1], before[0], ...before.slice(2)]);

  // On its side: the five columns, the status tabs gone, the tools behind the menu.
  await page.setViewportSize({ width: 1024, height: 768 });
  await expect(page.getByRole('group', { name: 'Visa status' })).toBeHidden();
  await expect(cell(page, 'Pågår', LANES[0])).toBeVisible();
  await expect(cell(page, 'Klart', LANES[0])).toBeVisible();
  // Back up at the header, as a person scrolls to reach it.
  await page.evaluate(() => window.scrollTo(0, 0));
  const menu = page.getByRole('button', { name: 'Meny' });
  await expect(menu).toBeInViewport();
  await menu.tap();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  const undo = page.getByRole('button', { name: 'Ångra', exact: true });
  await undo.tap();
  await expect.poll(() => cardsIn(cell(page, 'Pågår', LANES[0]))).toEqual(before);
  await undo.tap();
  await expect(cell(page, 'Planeras', LANES[0]).getByRole('article', { name: 'Höstkongress' })).toBeVisible();
});

test('the secretariat’s menu on a phone holds all its pages, and the Personer page fits: its table scrolls within itself', async ({ browser, server }) => {
  const page = await onDevice(browser, server, 'kansli', 'Karin Kansli', { width: 320, height: 640 });
  await page.getByRole('button', { name: 'Meny' }).tap();
  for (const link of ['Mina inställningar', 'Utkorg', 'Remissrundor', 'Historik']) await expect(page.getByRole('link', { name: link, exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Importera plan' })).toBeVisible();
  await page.getByRole('link', { name: 'Personer' }).tap();
  await expect(page.getByRole('heading', { name: 'Personer', level: 1 })).toBeVisible();
  await expect(page.getByRole('row', { name: /Karin Kansli/ })).toBeAttached();
  expect(await sideways(page)).toBeLessThanOrEqual(0);

  // In English as well.
  await page.getByRole('button', { name: 'Meny' }).tap();
  await page.getByRole('combobox', { name: 'Språk' }).selectOption('en');
  await expect(page.getByRole('button', { name: 'Menu' })).toHaveAttribute('aria-expanded', 'true');
});

test('on an English phone the status buttons speak English', async ({ browser, server }) => {
  const page = await onDevice(browser, server, 'tjanstepersonforum', 'Frida Forum', PHONE);
  await page.getByRole('button', { name: 'Meny' }).tap();
  await page.getByRole('combobox', { name: 'Språk' }).selectOption('en');
  const tabs = page.getByRole('group', { name: 'Show status' });
  await tabs.getByRole('button', { name: /^In progress/ }).tap();
  await expect(tabs.getByRole('button', { name: /^All/ })).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByText(/^Showing 20 of 37 activities$/)).toBeVisible();
});
