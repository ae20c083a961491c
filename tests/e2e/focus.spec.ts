import { openBoard } from './boardPage';
import { commentButton } from './commentsPeople';
import { expect, test } from './fixtures';

// Where the keyboard focus goes when panels and dialogs open and close: a keyboard or
// screen-reader user must land on the first thing to do, leave with Escape, and come
// back to the control they opened it from, not to the top of the page.

const ITEM = 'Höstkongress';

test('Escape closes the comment panel from inside the editor, after first closing the @ list, and focus returns to the card', async ({ browser, server }) => {
  const page = await openBoard(browser, server, 'Sara Styrelse');
  const opener = commentButton(page, ITEM);
  await opener.focus();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('dialog', { name: `Kommentarer: ${ITEM}` });
  const editor = panel.getByRole('textbox', { name: 'Skriv en kommentar' });
  await expect(editor).toBeFocused();

  await page.keyboard.type('Fråga @Sa');
  const people = panel.getByRole('listbox', { name: 'Personer att nämna' });
  await expect(people).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(people).toHaveCount(0);
  await expect(panel).toBeVisible();
  await expect(editor).toBeFocused();

  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(opener).toBeFocused();

  // From a button in the panel as well, and with the mouse's close button.
  await page.keyboard.press('Enter');
  await expect(panel).toBeVisible();
  await panel.getByRole('button', { name: 'Fetstil' }).focus();
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(opener).toBeFocused();
  await opener.click();
  await panel.getByRole('button', { name: 'Stäng' }).click();
  await expect(panel).toHaveCount(0);
  await expect(opener).toBeFocused();
});

test('closing a snapshot view returns focus to the button that opened it', async ({ browser, server }) => {
  const page = await openBoard(browser, server, 'Karin Kansli', 'kansli');
  await page.getByRole('link', { name: 'Historik' }).first().click();
  await page.getByRole('form', { name: 'Spara ögonblicksbild' }).getByRole('button', { name: 'Spara ögonblicksbild' }).click();
  const show = page.getByRole('button', { name: /^Visa ögonblicksbild / }).first();
  await show.click();
  const view = page.getByRole('region', { name: /skrivskyddad$/ });
  await expect(view.getByRole('article').first()).toBeVisible();

  await page.getByRole('button', { name: 'Stäng', exact: true }).click();
  await expect(view).toHaveCount(0);
  await expect(show).toBeFocused();

  // A comparison as well.
  const compare = page.getByRole('button', { name: /^Jämför ögonblicksbild .* med planen som den är nu$/ }).first();
  await compare.click();
  await page.getByRole('button', { name: 'Stäng', exact: true }).click();
  await expect(compare).toBeFocused();
});

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
