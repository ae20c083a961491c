import { card, cell, LANES, openBoard } from './boardPage';
import { expect, test } from './fixtures';

// What the board changed is there after the server restarts. First with no browser
// left open, so that only what the server stored can bring it back; then for a page
// that stays open through the restart and reconnects by itself.

test('after a server restart with every page closed, a fresh browser sees every change', async ({ browser, server }) => {
  const alice = await openBoard(browser, server, 'Alice');
  const bob = await openBoard(browser, server, 'Bob');
  await alice.getByRole('combobox', { name: 'Status för Höstkongress' }).selectOption({ label: 'Klart' });
  await alice.getByRole('combobox', { name: 'Prioritet för Samverka med Refarm Linné' }).selectOption({ label: 'P3' });
  // The server passes a change on only once it has stored it: Bob seeing both means both are stored.
  await expect(cell(bob, 'Klart', LANES[0]).getByRole('article', { name: 'Höstkongress' })).toBeVisible();
  await expect(bob.getByRole('combobox', { name: 'Prioritet för Samverka med Refarm Linné' })).toHaveValue('3');
  // Nobody who saw the changes is left to send them again after the restart.
  await alice.context().close();
  await bob.context().close();

  await server.restart();

  const carol = await openBoard(browser, server, 'Carol');
  await expect(cell(carol, 'Klart', LANES[0]).getByRole('article', { name: 'Höstkongress' })).toBeVisible();
  await expect(carol.getByRole('combobox', { name: 'Prioritet för Samverka med Refarm Linné' })).toHaveValue('3');
});

test('a page that stays open through a server restart reconnects by itself and goes on working', async ({ browser, server }) => {
  const alice = await openBoard(browser, server, 'Alice');
  await alice.getByRole('combobox', { name: 'Status för Höstkongress' }).selectOption({ label: 'Klart' });
  await expect(cell(alice, 'Klart', LANES[0]).getByRole('article', { name: 'Höstkongress' })).toBeVisible();

  await server.restart();

  await expect(alice.getByRole('status', { name: 'Anslutning' })).toContainText('Ansluten', { timeout: 30_000 });
  const bob = await openBoard(browser, server, 'Bob');
  await expect(cell(bob, 'Klart', LANES[0]).getByRole('article', { name: 'Höstkongress' })).toBeVisible();
  await alice.getByRole('combobox', { name: 'Status för Samverka med Refarm Linné' }).selectOption({ label: 'Vilande' });
  await expect(bob.getByRole('combobox', { name: 'Status för Samverka med Refarm Linné' })).toHaveValue('paused');
  await bob.getByRole('combobox', { name: 'Prioritet för Samverka med Refarm Linné' }).selectOption({ label: 'P1' });
  await expect(alice.getByRole('combobox', { name: 'Prioritet för Samverka med Refarm Linné' })).toHaveValue('1');
  await expect(card(alice, 'Samverka med Refarm Linné')).toBeVisible();
});
