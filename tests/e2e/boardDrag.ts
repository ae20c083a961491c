import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

// Dragging cards as people do: a mouse that moves in steps, and a finger on a touch
// screen (real touch events through Chromium's input, which make the pointer and touch
// events a tablet makes).

/** The names of a cell's cards, top to bottom. */
export const cardsIn = (cell: Locator): Promise<string[]> => cell.getByRole('article').evaluateAll((cards) => cards.map((c) => c.getAttribute('aria-label') ?? ''));

/** The middle of the element's top strip, where a card shows its head. */
async function grip(target: Locator, dy = 12) {
  const box = (await target.boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + Math.min(dy, box.height / 2) };
}

/** Scrolls the page so that the way from the source's top to the target's lies in the middle of the screen, away from the edges where the page scrolls by itself. */
async function showBoth(source: Locator, target: Locator) {
  const top = (l: Locator) => l.evaluate((e) => e.getBoundingClientRect().top);
  const middle = ((await top(source)) + (await top(target))) / 2;
  await source.page().evaluate((y) => window.scrollBy(0, y - window.innerHeight / 2), middle);
}

/** How long a finger rests on the drop place before it is lifted: long enough that it has no speed left. */
const REST_MS = 150;

/** The board's drag and drop arrives after the first paint; a test waits for it as a person's first drag does. */
export const dragReady = (page: Page) => page.waitForFunction(() => document.getElementById('board-drag-help') !== null);

/** Drags with the mouse from the source's head to a point of the target (default: just inside its top). */
export async function mouseDrag(page: Page, source: Locator, target: Locator, at = { dy: 6 }) {
  await dragReady(page);
  await showBoth(source, target);
  const from = await grip(source.locator('.card-how, .card-title').first());
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x, from.y + 10, { steps: 2 });
  const box = (await target.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + at.dy, { steps: 12 });
  await page.mouse.up();
}

/**
 * A finger pressed on the source, held until the card is lifted when `hold` (the card's
 * body), moved to the target's top, rested there and lifted, as a person places a card.
 * Lifted while still moving, the browser flings on, and the next tap, which stops the
 * fling, does nothing: on a busy machine the fling outlasts the steps that follow.
 */
export async function touchDrag(page: Page, source: Locator, target: Locator, { hold }: { hold: boolean }) {
  await dragReady(page);
  const cdp = await page.context().newCDPSession(page);
  await showBoth(source, target);
  const from = await grip(source);
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x = 0, y = 0) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
  await touch('touchStart', from.x, from.y);
  if (hold) await expect(page.getByText(/ lyft från /)).toBeAttached();
  const box = (await target.boundingBox())!;
  const to = { x: box.x + box.width / 2, y: box.y + 6 };
  for (let i = 1; i <= 12; i++) await touch('touchMove', from.x + ((to.x - from.x) * i) / 12, from.y + ((to.y - from.y) * i) / 12);
  await page.waitForTimeout(REST_MS);
  await touch('touchMove', to.x, to.y);
  await touch('touchEnd');
  await cdp.detach();
}

/** A finger drawn quickly down over the target, as one scrolls a page. */
export async function swipeDown(page: Page, target: Locator, distance = 200) {
  const cdp = await page.context().newCDPSession(page);
  const box = (await target.boundingBox())!;
  const [x, y] = [box.x + box.width / 2, box.y + 10];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  for (let i = 1; i <= 10; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y + (distance * i) / 10 }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}
