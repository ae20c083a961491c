import type { Locator, Page } from '@playwright/test';
import { openBoardIn, signIn } from './boardPage';
import { expect, test } from './fixtures';

// The Personer page as the secretariat sees it: the invitation's fields line up, and
// the page fits a phone.

async function box(field: Locator) {
  const b = await field.boundingBox();
  if (!b) throw new Error('the field is not shown');
  return b;
}

/** Every field's input as wide and as tall as the first; those beside each other start at one height, and each starts at the left edge of one in the first row. */
async function expectLinedUp(fields: Locator[]) {
  const boxes = await Promise.all(fields.map(box));
  const [first] = boxes;
  const near = (a: number, b: number) => Math.abs(a - b) <= 1;
  for (const b of boxes) {
    expect(near(b.width, first.width), `width ${b.width} beside ${first.width}`).toBe(true);
    expect(near(b.height, first.height), `height ${b.height} beside ${first.height}`).toBe(true);
    // Beside another field (overlapping it vertically), at its very height.
    for (const other of boxes) if (Math.abs(other.y - b.y) < b.height) expect(near(other.y, b.y), `top ${other.y} beside ${b.y}`).toBe(true);
  }
  const firstRow = boxes.filter((b) => near(b.y, first.y));
  for (const b of boxes) expect(firstRow.some((top) => near(top.x, b.x)), `left edge ${b.x} under none of the first row`).toBe(true);
}

async function openPeople(page: Page) {
  await page.getByRole('link', { name: 'Personer' }).click();
  await expect(page.getByRole('heading', { name: 'Personer', level: 1 })).toBeVisible();
}

test('the Organisation field is as wide and as tall as the others and lines up with them, in the invitation and in the dialog', async ({ browser, server }) => {
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 } });
  await signIn(context, server, 'Karin Kansli', 'kansli');
  const page = await openBoardIn(context);
  await openPeople(page);

  const form = page.getByRole('form', { name: 'Bjud in en person' });
  const inputs = ['Namn', 'E-postadress', 'Organisation', 'Roll'].map((name) => form.getByLabel(name, { exact: true }));
  await expectLinedUp(inputs);
  // Two fields a row, then one above the other.
  for (const width of [700, 420]) {
    await page.setViewportSize({ width, height: 900 });
    await expectLinedUp(inputs);
  }

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole('button', { name: 'Ändra uppgifter för Karin Kansli' }).click();
  const dialog = page.getByRole('dialog');
  await expectLinedUp(['Namn', 'E-postadress', 'Organisation'].map((name) => dialog.getByLabel(name, { exact: true })));
});
