import { openBoard, openBoardIn } from './boardPage';
import { commentButton } from './commentsPeople';
import { expect, test } from './fixtures';

// "Nytt sedan ditt senaste besök" for a board member who was away: what a colleague
// changed and wrote meanwhile, with the colleague's name, and nothing of their own.

const ITEM = 'Höstkongress';

test('a board member back from being away sees a colleague’s status change and comment, by name, until marking them seen', async ({ browser, server }) => {
  const rut = await openBoard(browser, server, 'Rut Läsare');
  const away = rut.context();
  // Rut's own change before she leaves is not news to her.
  await rut.getByRole('combobox', { name: 'Status för Samverka med WWF' }).selectOption({ label: 'Klart' });
  await expect(rut.getByRole('combobox', { name: 'Status för Samverka med WWF' })).toHaveValue('done');
  await rut.close();

  const sara = await openBoard(browser, server, 'Sara Styrelse');
  await sara.getByRole('combobox', { name: `Status för ${ITEM}` }).selectOption({ label: 'Pågår' });
  await expect(sara.getByRole('combobox', { name: `Status för ${ITEM}` })).toHaveValue('in_progress');
  await commentButton(sara, ITEM).click();
  const panel = sara.getByRole('dialog', { name: `Kommentarer: ${ITEM}` });
  await panel.getByRole('textbox', { name: 'Skriv en kommentar' }).fill('Lokalen är bokad, programmet klart i maj.');
  await panel.getByRole('button', { name: 'Kommentera' }).click();
  await expect(panel.getByRole('article', { name: /^Sara Styrelse/ })).toBeVisible();

  const back = await openBoardIn(away);
  await back.getByRole('button', { name: 'Nytt sedan ditt senaste besök' }).click();
  const view = back.getByRole('dialog', { name: 'Nytt sedan ditt senaste besök' });
  const entry = view.getByRole('region', { name: ITEM });
  await expect(entry.getByRole('listitem').filter({ hasText: 'Status:' })).toContainText(/Status: Planeras → Pågår \(Sara Styrelse, /);
  // Its note "planeras" only said the old status and went with it.
  await expect(entry.getByRole('listitem').filter({ hasText: 'Statusnotering:' })).toContainText('planeras');
  await expect(entry).toContainText('1 ny kommentar');
  await expect(entry.getByRole('listitem').filter({ hasText: 'Lokalen är bokad' })).toContainText('Sara Styrelse');
  await expect(view.getByRole('region')).toHaveCount(1); // Rut's own change is not listed

  // Looking changes nothing: closed and opened again, it is all still new.
  await view.getByRole('button', { name: 'Stäng' }).click();
  await back.getByRole('button', { name: 'Nytt sedan ditt senaste besök' }).click();
  await expect(entry).toContainText('1 ny kommentar');

  await view.getByRole('button', { name: 'Markera allt som sett' }).click();
  await expect(view).toContainText('Inget nytt sedan ditt senaste besök.');
  await back.reload();
  await back.getByRole('button', { name: 'Nytt sedan ditt senaste besök' }).click();
  await expect(view).toContainText('Inget nytt sedan ditt senaste besök.');
});
