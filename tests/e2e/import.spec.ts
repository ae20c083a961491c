import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HEADER, b, p, r, row, styled, table, wordFile } from '../helpers/wordFile';
import { tempDir } from '../helpers/tempDir';
import { card } from './boardPage';
import { personOnBoard } from './commentsPeople';
import { expect, test } from './fixtures';

// The secretariat brings next year's plan in from Word: chooses the file, reads the
// preview with its warnings, makes the new plan with its version and annual-meeting
// text, and a board member, who has the board open in another browser, finds it in
// the plan switcher without reloading and opens it.

async function nextYearsPlan(): Promise<string> {
  const bytes = await wordFile({
    body: [
      p(b('SVERIGES EKOKOMMUNER')),
      styled('Rubrik', r('VERKSAMHETSPLAN 2026')),
      p(r('Version 1')),
      styled('Rubrik2', r('Förebild och föregångare')),
      table([row(HEADER, '<w:tblHeader/>'), row(['Klimatveckan', 'Arrangera en vecka om klimat', 'Kansli\nStyrels', 'Hösten', 'planeras', '1']), row(['', 'Bjud in medlemmarna', 'Kansli', 'Hösten', '', '2'])]),
      p(b('Pådrivare och opinionsbildare')),
      table([row(HEADER), row(['Remissvar om vatten', 'Svara på remissen', 'Styrelse, Länsstyrelsen', 'Mars', 'Pågår', '2'])]),
    ].join(''),
  });
  const dir = tempDir('planbord-import-e2e-');
  const file = join(dir.path, 'Verksamhetsplan 2026.docx');
  writeFileSync(file, bytes);
  return file;
}

test('the secretariat imports next year’s plan from Word; a board member finds it in the plan switcher without reloading', async ({ browser, server }) => {
  test.setTimeout(120_000);
  const karin = await personOnBoard(browser, server, 'kansli', 'Karin Kansli');
  const kim = await personOnBoard(browser, server, 'styrelse', 'Kim Styrelse');
  await expect(kim.getByRole('button', { name: 'Importera plan' })).toHaveCount(0);
  await expect(kim.getByRole('combobox', { name: 'Plan' })).toHaveCount(0);

  await karin.getByRole('button', { name: 'Importera plan' }).click();
  const dialog = karin.getByRole('dialog', { name: 'Importera plan' });
  await dialog.getByLabel('Fil').setInputFiles(await nextYearsPlan());

  // The preview: what was read, each status beside the document's own words, and what to look at, with where.
  const preview = dialog.getByRole('region', { name: 'Så här lästes filen' });
  await expect(preview).toContainText('Word-dokument: 2 inriktningar, 3 aktiviteter.');
  const first = preview.getByRole('row').filter({ hasText: 'Arrangera' }).or(preview.getByRole('row').filter({ hasText: 'Klimatveckan' })).first();
  await expect(first).toContainText('tabell 1, rad 2');
  await expect(first).toContainText('Planeras');
  await expect(first).toContainText('planeras');
  await expect(preview).toContainText('Länsstyrelsen (tabell 2, rad 2)');
  await expect(preview.getByRole('listitem').filter({ hasText: 'tabell 1, rad 2: ”Styrels” lästes som Styrelse.' })).toBeVisible();
  await expect(karin.getByRole('combobox', { name: 'Plan' })).toHaveCount(0);

  // A new plan, with the year, title, version and annual-meeting text asked for.
  await expect(dialog.getByRole('radio', { name: 'Skapa en ny plan' })).toBeChecked();
  await expect(dialog.getByLabel('År', { exact: true })).toHaveValue('2026');
  await expect(dialog.getByLabel('Titel', { exact: true })).toHaveValue('Verksamhetsplan 2026');
  await dialog.getByLabel('Version', { exact: true }).fill('Version 1 (förslag)');
  await dialog.getByLabel('Text om årsmötet').fill('Redovisas vid föreningens årsmöte 20 maj 2026');
  await dialog.getByRole('button', { name: 'Skapa planen' }).click();
  await expect(dialog.getByRole('status')).toContainText('Planen ”Verksamhetsplan 2026” skapades.');

  // Kim's page asks on its own: the new plan appears in the switcher without a reload.
  const switcher = kim.getByRole('combobox', { name: 'Plan' });
  await expect(switcher.getByRole('option', { name: 'Verksamhetsplan 2026 (2026)' })).toBeAttached({ timeout: 30_000 });
  // The newer plan does not take Kim's page from the plan it shows.
  await expect(kim.getByRole('heading', { level: 1, name: 'Verksamhetsplan 2025' })).toBeVisible();
  await expect(switcher).toHaveValue('2025');
  await switcher.selectOption({ label: 'Verksamhetsplan 2026 (2026)' });
  await expect(kim.getByRole('heading', { level: 1, name: 'Verksamhetsplan 2026' })).toBeVisible();
  await expect(card(kim, 'Klimatveckan')).toHaveCount(2);
  await expect(card(kim, 'Remissvar om vatten')).toBeVisible();
  await expect(kim.getByText('Version 1 (förslag)')).toBeVisible();

  await dialog.getByRole('link', { name: 'Öppna Verksamhetsplan 2026' }).click();
  await expect(card(karin, 'Klimatveckan')).toHaveCount(2);
});
