import { cell, LANES, openBoard } from './boardPage';
import { cardsIn } from './boardDrag';
import { expect, test } from './fixtures';

// Putting the cards of a column in order, as the board does in a strategy meeting: with
// the mouse, the keyboard, a finger on a tablet, or the item dialog; seen live by the
// others, kept after a reload, and taken back by the undo of the person who did it.

const LANE = LANES[0];

test('the item dialog sets a card’s place in its column', async ({ browser, server }) => {
  const alice = await openBoard(browser, server, 'Alice Andersson');
  const bob = await openBoard(browser, server, 'Bo Berg');
  const column = cell(alice, 'Pågår', LANE);
  const before = await cardsIn(column);
  const activity = before[0];

  await alice.getByRole('button', { name: `Redigera ${activity}` }).click();
  const dialog = alice.getByRole('dialog', { name: 'Redigera aktivitet' });
  const place = dialog.getByRole('combobox', { name: 'Plats i kolumnen' });
  await expect(place).toHaveValue('0');
  await expect(place.getByRole('option')).toHaveText([`Först, före ${before[1]}`, ...before.slice(1, -1).map((a) => `Efter ${a}`), `Sist, efter ${before[before.length - 1]}`]);
  await place.selectOption({ label: `Efter ${before[2]}` });
  await dialog.getByRole('button', { name: 'Spara' }).click();
  const after = [before[1], before[2], activity, ...before.slice(3)];
  await expect.poll(() => cardsIn(column)).toEqual(after);
  await expect.poll(() => cardsIn(cell(bob, 'Pågår', LANE))).toEqual(after);

  // In another column chosen in the same dialog: its places are that column's.
  await alice.getByRole('button', { name: `Redigera ${activity}` }).click();
  await dialog.getByLabel('Status', { exact: true }).selectOption({ label: 'Planeras' });
  const planned = await cardsIn(cell(alice, 'Planeras', LANE));
  await expect(place.getByRole('option')).toHaveCount(planned.length + 1);
  await place.selectOption({ label: `Först, före ${planned[0]}` });
  await dialog.getByRole('button', { name: 'Spara' }).click();
  await expect.poll(async () => (await cardsIn(cell(bob, 'Planeras', LANE)))[0]).toBe(activity);
});
