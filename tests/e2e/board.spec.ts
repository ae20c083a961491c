import { mouseDrag } from './boardDrag';
import { card, cell, LANES, openBoard } from './boardPage';
import { expect, test } from './fixtures';

// The live board in two browsers at once, as two board members in a meeting would use
// it: what one changes, the other sees without reloading.

const LANE_1 = LANES[0];
const LANE_2 = LANES[1];

test('a card dragged to another column with the mouse moves in the other browser too', async ({ browser, server }) => {
  const alice = await openBoard(browser, server);
  const bob = await openBoard(browser, server);
  const target = 'Vilande';
  await expect(cell(bob, target, LANE_1).getByRole('article', { name: 'Höstkongress' })).toHaveCount(0);

  // Cells stretch to the tallest of their lane; aim near the top so the drop point is on screen.
  await mouseDrag(alice, card(alice, 'Höstkongress'), cell(alice, target, LANE_1), { dy: 20 });

  await expect(cell(alice, target, LANE_1).getByRole('article', { name: 'Höstkongress' })).toBeVisible();
  await expect(cell(bob, target, LANE_1).getByRole('article', { name: 'Höstkongress' })).toBeVisible();
  await expect(bob.getByRole('combobox', { name: 'Status för Höstkongress' })).toHaveValue('paused');
});

test('a priority change appears in the other browser', async ({ browser, server }) => {
  const alice = await openBoard(browser, server);
  const bob = await openBoard(browser, server);
  const name = 'Prioritet för Årets SEKOM-initiativ';
  await expect(bob.getByRole('combobox', { name })).toHaveValue('1');

  await alice.getByRole('combobox', { name }).selectOption({ label: 'P3' });

  await expect(bob.getByRole('combobox', { name })).toHaveValue('3');
  await bob.getByRole('combobox', { name }).selectOption({ label: 'Prio –' });
  await expect(alice.getByRole('combobox', { name })).toHaveValue('');
});

test('the status select on a card changes its column everywhere', async ({ browser, server }) => {
  const alice = await openBoard(browser, server);
  const bob = await openBoard(browser, server);
  const activity = 'Samverka med WWF';
  await alice.getByRole('combobox', { name: `Status för ${activity}` }).selectOption({ label: 'Planeras' });
  await expect(cell(bob, 'Planeras', LANE_2).getByRole('article', { name: activity })).toBeVisible();
});

test('an edit made while briefly offline is shared when the connection returns', async ({ browser, server }) => {
  const alice = await openBoard(browser, server);
  const bob = await openBoard(browser, server);
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

test('who else is online is shown by the names they signed in with', async ({ browser, server }) => {
  const alice = await openBoard(browser, server, 'Alice Andersson');
  const bob = await openBoard(browser, server, 'Bo Berg');

  const online = bob.getByRole('list', { name: 'Online nu' });
  await expect(online.getByText('Alice Andersson')).toBeAttached();
  await expect(online.getByText('Bo Berg (du)')).toBeAttached();
  await expect(alice.getByRole('list', { name: 'Online nu' }).getByText('Bo Berg')).toBeAttached();

  await alice.context().close();
  await expect(online.getByText('Alice Andersson')).toHaveCount(0);
});

test('a card’s status and priority are chosen with the keyboard alone, from every choice', async ({ browser, server }) => {
  const alice = await openBoard(browser, server);
  const bob = await openBoard(browser, server);
  const activity = 'Höstkongress';
  const status = alice.getByRole('combobox', { name: `Status för ${activity}` });
  const before = await status.inputValue();
  await status.focus();
  // Every status is offered once the select is reached, whatever the card shows now.
  await expect(status.getByRole('option')).toHaveText(['Ej påbörjad', 'Planeras', 'Pågår', 'Vilande', 'Klart']);
  await alice.keyboard.press(before === 'done' ? 'ArrowUp' : 'ArrowDown');
  const after = await status.inputValue();
  expect(after).not.toBe(before);
  await expect(bob.getByRole('combobox', { name: `Status för ${activity}` })).toHaveValue(after);

  const priority = alice.getByRole('combobox', { name: `Prioritet för ${activity}` });
  await priority.focus();
  await expect(priority.getByRole('option')).toHaveText(['P1', 'P2', 'P3', 'Prio –']);
});
