import { openBoard } from './boardPage';
import { expect, test } from './fixtures';

// Where the keyboard focus goes when panels and dialogs open and close: a keyboard or
// screen-reader user must land on the first thing to do, leave with Escape, and come
// back to the control they opened it from, not to the top of the page.

const ITEM = 'Höstkongress';

test('the export dialog opens on its first choice and closes back to Exportera', async ({ browser, server }) => {
  const page = await openBoard(browser, server, 'Karin Kansli', 'kansli');
  const open = page.getByRole('button', { name: 'Exportera' });
  await open.click();
  const dialog = page.getByRole('dialog', { name: 'Exportera planen' });
  await expect(dialog.getByRole('radio', { name: /^Word/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(dialog.getByRole('radio', { name: /^PDF/ })).toBeChecked();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(open).toBeFocused();
});
