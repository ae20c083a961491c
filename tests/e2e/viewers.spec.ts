import { card, openBoard } from './boardPage';
import { expect, test } from './fixtures';

// The initials on a card of the people who have it open right now: readable whole,
// and part of the card, so a click on them never reaches the board behind it.

const ITEM = 'Höstkongress';

test('the initials of those who have a card open are shown whole inside the card, and a click on them stays on the card', async ({ browser, server }) => {
  const alice = await openBoard(browser, server, 'Alice Andersson');
  const bo = await openBoard(browser, server, 'Bo Berg');
  const cia = await openBoard(browser, server, 'Cia Carlsson');
  for (const page of [bo, cia]) await page.getByRole('button', { name: `Redigera ${ITEM}`, exact: true }).click();

  const theCard = card(alice, ITEM);
  const viewers = theCard.getByRole('list', { name: 'Öppen hos Bo Berg och Cia Carlsson' });
  await expect(viewers).toBeVisible();
  await theCard.scrollIntoViewIfNeeded();
  const cardBox = (await theCard.boundingBox())!;
  const initials = viewers.getByRole('listitem');
  await expect(initials).toHaveCount(2);
  for (const one of await initials.all()) {
    const b = (await one.boundingBox())!;
    expect(b.x).toBeGreaterThanOrEqual(cardBox.x);
    expect(b.y).toBeGreaterThanOrEqual(cardBox.y);
    expect(b.x + b.width).toBeLessThanOrEqual(cardBox.x + cardBox.width);
    expect(b.y + b.height).toBeLessThanOrEqual(cardBox.y + cardBox.height);
    // Nothing covers or clips any part of it: its corners' insides are its own.
    const inset = 3;
    for (const [x, y] of [
      [b.x + inset, b.y + b.height / 2],
      [b.x + b.width - inset, b.y + b.height / 2],
      [b.x + b.width / 2, b.y + inset],
      [b.x + b.width / 2, b.y + b.height - inset],
    ]) {
      const hit = await alice.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('.card-viewer') !== null, [x, y]);
      expect(hit, `the initials at ${x},${y}`).toBe(true);
    }
  }

  // A click on them is a click on the card: no dialog, no move, the card stays put.
  const clicked = alice.evaluate(
    () => new Promise<string>((resolve) => document.addEventListener('click', (e) => resolve((e.target as Element).closest('article')?.getAttribute('aria-label') ?? 'outside'), { once: true })),
  );
  await initials.first().click();
  expect(await clicked).toBe(ITEM);
  await expect(alice.getByRole('dialog')).toHaveCount(0);
  await expect(alice.getByRole('combobox', { name: `Status för ${ITEM}` })).toHaveValue('planned');
});
