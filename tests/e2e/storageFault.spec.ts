import Database from 'better-sqlite3';
import { join } from 'node:path';
import { DATABASE_FILE } from '../../server/store/openDatabase';
import { cell, LANES, openBoard } from './boardPage';
import { expect, test } from './fixtures';

// While the server's database refuses changes (here: another program holds its write
// lock, as a long backup or a stuck admin session would), a board member is told that
// the server cannot save, their change stays in their browser, and once the database
// takes changes again it reaches everyone without anything being done by hand.

test('a change the database refuses is kept in the browser, said so, and saved once the database is back', async ({ browser, server }) => {
  test.setTimeout(90_000);
  const alice = await openBoard(browser, server, 'Alice');
  const bob = await openBoard(browser, server, 'Bob');

  const other = new Database(join(server.dataDir, DATABASE_FILE));
  other.pragma('busy_timeout = 10000');
  other.exec('BEGIN IMMEDIATE');
  try {
    await alice.getByRole('combobox', { name: 'Status för Höstkongress' }).selectOption({ label: 'Klart' });
    await expect(alice.getByRole('status').filter({ hasText: 'Servern kan inte spara ändringar just nu.' })).toBeVisible({ timeout: 30_000 });
    // Alice still sees her change; Bob, whom it never reached, does not.
    await expect(cell(alice, 'Klart', LANES[0]).getByRole('article', { name: 'Höstkongress' })).toBeVisible();
    await expect(cell(bob, 'Klart', LANES[0]).getByRole('article', { name: 'Höstkongress' })).toHaveCount(0);
  } finally {
    other.exec('COMMIT');
    other.close();
  }

  await expect(cell(bob, 'Klart', LANES[0]).getByRole('article', { name: 'Höstkongress' })).toBeVisible({ timeout: 30_000 });
  await expect(alice.getByRole('status').filter({ hasText: 'Servern kan inte spara' })).toHaveCount(0, { timeout: 30_000 });
  expect(server.output()).toContain('the database refuses changes');
});
