import { card, cell, LANES, openBoard } from './boardPage';
import { expect, test } from './fixtures';

// What the board changed is there after the server restarts: for the page that stayed
// open (it reconnects by itself) and for a browser that opens the board afresh.

test('after a server restart every change is still there, and the open page reconnects', async ({ browser, server }) => {
  const alice = await openBoard(browser, server, 'Alice');
  await alice.getByRole('combobox', { name: 'Status för Höstkongress' }).selectOption({ label: 'Klart' });
  await alice.getByRole('combobox', { name: 'Prioritet för Samverka med Refarm Linné' }).selectOption({ label: 'P3' });
  await expect(cell(alice, 'Klart', LANES[0]).getByRole('article', { name: 'Höstkongress' })).toBeVisible();

  await server.restart();

  await expect(alice.getByRole('status', { name: 'Anslutning' })).toContainText('Ansluten', { timeout: 30_000 });
  const bob = await openBoard(browser, server, 'Bob');
  await expect(cell(bob, 'Klart', LANES[0]).getByRole('article', { name: 'Höstkongress' })).toBeVisible();
  await expect(bob.getByRole('combobox', { name: 'Prioritet för Samverka med Refarm Linné' })).toHaveValue('3');

  // The page that stayed open goes on working against the restarted server.
  await alice.getByRole('combobox', { name: 'Status för Samverka med Refarm Linné' }).selectOption({ label: 'Vilande' });
  await expect(bob.getByRole('combobox', { name: 'Status för Samverka med Refarm Linné' })).toHaveValue('paused');
  await expect(card(bob, 'Samverka med Refarm Linné')).toBeVisible();
});
