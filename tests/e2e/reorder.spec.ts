import { card, cell, LANES, openBoard, openBoardIn, signIn } from './boardPage';
import { cardsIn, mouseDrag, swipeDown, touchDrag } from './boardDrag';
import { expect, test } from './fixtures';

// Putting the cards of a column in order, as the board does in a strategy meeting: with
// the mouse, the keyboard, a finger on a tablet, or the item dialog; seen live by the
// others, kept after a reload, and taken back by the undo of the person who did it.

const LANE = LANES[0];
const IN_PROGRESS = ['Årets SEKOM-initiativ', 'SEKOMS Framtidsagenda'];

test('a card dragged with the mouse above the one before it stays there, for the other browser too and after a reload', async ({ browser, server }) => {
  const alice = await openBoard(browser, server, 'Alice Andersson');
  const bob = await openBoard(browser, server, 'Bo Berg');
  const column = (page: typeof alice) => cell(page, 'Pågår', LANE);
  const before = await cardsIn(column(alice));
  expect(before.slice(0, 2)).toEqual(['SEKOMS Framtidsagenda', 'Årets SEKOM-initiativ']);

  await mouseDrag(alice, card(alice, IN_PROGRESS[0]), card(alice, IN_PROGRESS[1]));

  const after = [before[1], before[0], ...before.slice(2)];
  await expect.poll(() => cardsIn(column(alice))).toEqual(after);
  await expect.poll(() => cardsIn(column(bob))).toEqual(after);
  await expect(alice.getByText(`${IN_PROGRESS[0]} flyttad till Pågår i ${LANE}, plats 1 av ${before.length}.`)).toBeAttached();
  await bob.reload();
  await expect.poll(() => cardsIn(column(bob))).toEqual(after);
});

test('a card dragged with the mouse to another column lands where it is dropped there', async ({ browser, server }) => {
  const alice = await openBoard(browser, server, 'Alice Andersson');
  const bob = await openBoard(browser, server, 'Bo Berg');
  const planned = cell(alice, 'Planeras', LANE);
  const [first, second] = await cardsIn(planned);

  // Onto the first card's top: first in the column, not where its place in the plan would put it (after the first).
  await mouseDrag(alice, card(alice, 'Chilenska ekokommunnätverket'), planned.getByRole('article').first());

  const expected = ['Chilenska ekokommunnätverket', first, second];
  await expect.poll(async () => (await cardsIn(planned)).slice(0, 3)).toEqual(expected);
  await expect.poll(async () => (await cardsIn(cell(bob, 'Planeras', LANE))).slice(0, 3)).toEqual(expected);
  await expect(bob.getByRole('combobox', { name: 'Status för Chilenska ekokommunnätverket' })).toHaveValue('planned');
});

test('a card is put in order with the keyboard alone, each step announced, and keeps the focus', async ({ browser, server }) => {
  const alice = await openBoard(browser, server, 'Alice Andersson');
  const bob = await openBoard(browser, server, 'Bo Berg');
  const column = cell(alice, 'Pågår', LANE);
  const before = await cardsIn(column);
  const activity = before[2];
  const move = alice.getByRole('button', { name: `Flytta ${activity}` });
  await expect(move).toHaveAccessibleDescription(/Tryck mellanslag eller Enter för att lyfta kortet/);

  await move.focus();
  await alice.keyboard.press('Space');
  await expect(alice.getByText(`${activity} lyft från Pågår i ${LANE}, plats 3 av ${before.length}.`)).toBeAttached();
  await alice.keyboard.press('ArrowUp');
  await expect(alice.getByText(`Pågår i ${LANE}, plats 2 av ${before.length}`, { exact: true })).toBeAttached();
  await alice.keyboard.press('ArrowUp');
  await expect(alice.getByText(`Pågår i ${LANE}, plats 1 av ${before.length}`, { exact: true })).toBeAttached();
  await alice.keyboard.press('ArrowUp'); // the first place of the first direction: it stays
  await alice.keyboard.press('Enter');

  const after = [activity, ...before.filter((a) => a !== activity)];
  await expect.poll(() => cardsIn(column)).toEqual(after);
  await expect(alice.getByText(`${activity} flyttad till Pågår i ${LANE}, plats 1 av ${before.length}.`)).toBeAttached();
  await expect(alice.getByRole('button', { name: `Flytta ${activity}` })).toBeFocused();
  await expect(alice.getByRole('dialog')).toHaveCount(0); // the keys did not click the button
  await expect.poll(() => cardsIn(cell(bob, 'Pågår', LANE))).toEqual(after);

  // On to another status and direction: right, right (Klart), down past the cell's last place into the next direction.
  await alice.keyboard.press('Space');
  await alice.keyboard.press('ArrowRight');
  await alice.keyboard.press('ArrowRight');
  await expect(alice.getByText(`Klart i ${LANE}, plats 1 av 1`, { exact: true })).toBeAttached();
  await alice.keyboard.press('ArrowDown');
  await expect(alice.getByText(`Klart i ${LANES[1]}, plats 1 av 1`, { exact: true })).toBeAttached();
  await alice.keyboard.press('Enter');
  await expect(cell(alice, 'Klart', LANES[1]).getByRole('article')).toHaveAccessibleName(activity);
  await expect(alice.getByRole('button', { name: `Flytta ${activity}` })).toBeFocused();
  await expect(cell(bob, 'Klart', LANES[1]).getByRole('article')).toHaveAccessibleName(activity);

  // Escape puts a lifted card back where it was.
  await alice.keyboard.press('Space');
  await alice.keyboard.press('ArrowLeft');
  await alice.keyboard.press('Escape');
  await expect(alice.getByText(`Flytten av ${activity} avbröts.`)).toBeAttached();
  await expect(cell(alice, 'Klart', LANES[1]).getByRole('article')).toHaveAccessibleName(activity);
});

test('on a tablet a finger drags a card by its move button, or by its body once held still', async ({ browser, server }) => {
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: true });
  await signIn(context, server, 'Tove Tablett');
  const tablet = await openBoardIn(context);
  const bob = await openBoard(browser, server, 'Bo Berg');
  const column = cell(tablet, 'Pågår', LANE);
  const before = await cardsIn(column);

  await touchDrag(tablet, tablet.getByRole('button', { name: `Flytta ${before[1]}` }), card(tablet, before[0]), { hold: false });
  const once = [before[1], before[0], ...before.slice(2)];
  await expect.poll(() => cardsIn(column)).toEqual(once);
  await expect.poll(() => cardsIn(cell(bob, 'Pågår', LANE))).toEqual(once);

  // Held on its title, the third card goes above the second.
  await touchDrag(tablet, card(tablet, once[2]).locator('.card-title'), card(tablet, once[1]), { hold: true });
  const twice = [once[0], once[2], once[1], ...once.slice(3)];
  await expect.poll(() => cardsIn(column)).toEqual(twice);
  await expect.poll(() => cardsIn(cell(bob, 'Pågår', LANE))).toEqual(twice);

  // A quick swipe over a card's body scrolls the page and lifts nothing.
  const swiped = card(tablet, twice[3]);
  await swiped.evaluate((e) => e.scrollIntoView({ block: 'center' }));
  const scrolled = await tablet.evaluate(() => window.scrollY);
  await swipeDown(tablet, swiped.locator('.card-how'));
  await expect.poll(() => tablet.evaluate(() => window.scrollY)).toBeLessThan(scrolled);
  await expect(tablet.getByText(`${twice[3]} lyft från`)).toHaveCount(0);
  expect(await cardsIn(column)).toEqual(twice);
});

test('undo takes back one’s own reordering, not the other person’s', async ({ browser, server }) => {
  const alice = await openBoard(browser, server, 'Alice Andersson');
  const bob = await openBoard(browser, server, 'Bo Berg');
  const mine = cell(alice, 'Pågår', LANE);
  const theirs = cell(alice, 'Ej påbörjad', LANES[1]);
  const [mineBefore, theirsBefore] = [await cardsIn(mine), await cardsIn(theirs)];

  await mouseDrag(alice, card(alice, mineBefore[1]), card(alice, mineBefore[0]));
  await expect.poll(async () => (await cardsIn(mine))[0]).toBe(mineBefore[1]);
  await mouseDrag(bob, card(bob, theirsBefore[1]), card(bob, theirsBefore[0]));
  const theirsAfter = [theirsBefore[1], theirsBefore[0], ...theirsBefore.slice(2)];
  await expect.poll(() => cardsIn(theirs)).toEqual(theirsAfter);

  await alice.getByRole('button', { name: 'Ångra', exact: true }).click();
  await expect.poll(() => cardsIn(mine)).toEqual(mineBefore);
  await expect.poll(() => cardsIn(cell(bob, 'Pågår', LANE))).toEqual(mineBefore);
  expect(await cardsIn(theirs)).toEqual(theirsAfter);
  await alice.getByRole('button', { name: 'Gör om', exact: true }).click();
  await expect.poll(async () => (await cardsIn(cell(bob, 'Pågår', LANE)))[0]).toBe(mineBefore[1]);
});

test('the item dialog sets a card’s place in its column, opened from the move button by a click', async ({ browser, server }) => {
  const alice = await openBoard(browser, server, 'Alice Andersson');
  const bob = await openBoard(browser, server, 'Bo Berg');
  const column = cell(alice, 'Pågår', LANE);
  const before = await cardsIn(column);
  const activity = before[0];

  await alice.getByRole('button', { name: `Flytta ${activity}` }).click();
  const dialog = alice.getByRole('dialog', { name: 'Redigera aktivitet' });
  const place = dialog.getByRole('combobox', { name: 'Plats i kolumnen' });
  await expect(place).toBeFocused();
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
