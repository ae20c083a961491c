import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { userCommand } from '../../server/cli/userCommand';
import { parsePlanDocument } from '../../shared/import/parsePlanDocument';
import { firstOutOfOrder, parseCsv, readDocx, readPdfText, squash, tableTextInOrder } from '../unit/exportReaders';
import { expect, test } from './fixtures';

// The secretariat exports the plan from the app: the dialog, its progress, the download,
// and the file that arrives, opened and checked.

/** Invites a secretariat member on the command line and signs in with the link, as a new installation would. */
async function signInAsSecretariat(page: Page, dataDir: string, baseURL: string): Promise<void> {
  const out: string[] = [];
  const email = `kansli-${Date.now()}@example.org`;
  const env = { ...process.env, DATA_DIR: dataDir, PUBLIC_ORIGIN: baseURL };
  const code = await userCommand.run(['add', '--email', email, '--name', 'Karin Kansli', '--role', 'kansli'], env, { out: (l) => out.push(l), err: () => {} });
  expect(code).toBe(0);
  await page.goto(out.join('\n').trim());
  await page.getByLabel('Nytt lösenord').fill('en lång och lätt fras att minnas');
  await page.getByLabel('Upprepa lösenordet').fill('en lång och lätt fras att minnas');
  await page.getByRole('button', { name: 'Spara lösenord och logga in' }).click();
  await expect(page.getByRole('status', { name: 'Anslutning' })).toContainText('Ansluten');
}

test('the secretariat downloads the plan as a Word document with every table', async ({ page, server, baseURL }) => {
  await signInAsSecretariat(page, server.dataDir, baseURL!);
  await page.getByRole('button', { name: 'Exportera' }).click();
  const dialog = page.getByRole('dialog', { name: 'Exportera planen' });
  await expect(dialog.getByRole('radio', { name: /Word/ })).toBeChecked();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Exportera' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Verksamhetsplan-2025.docx');
  await expect(dialog.getByRole('status')).toContainText('Klart: Verksamhetsplan-2025.docx har laddats ner.');
  const docx = await readDocx(readFileSync((await download.path())!));
  expect(docx.tables.map((t) => t.length - 1)).toEqual([11, 12, 14]);
  expect(docx.tables[0][1].map((c) => c.text)).toEqual([
    'SEKOMS Framtidsagenda',
    'Fortsätta utvecklingsarbetet att utveckla föreningens medlemsnytta och påverkansförmåga.',
    'Styrelse, Kansli, Tjänstepersonforum, Medlemmar',
    'Hela året',
    // The plan's own status text stands in the category's place when it says just that.
    'pågår',
    '1',
  ]);
});

test('the PDF: a named progress bar while the server makes it, gone when the download is done, and every action in the file', async ({ page, server, baseURL }) => {
  await signInAsSecretariat(page, server.dataDir, baseURL!);
  await page.getByRole('button', { name: 'Exportera' }).click();
  const dialog = page.getByRole('dialog', { name: 'Exportera planen' });
  await dialog.getByRole('radio', { name: /PDF/ }).check();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Exportera' }).click();
  // Laying out the PDF takes the server a second or more: long enough to be seen.
  const progress = dialog.getByRole('progressbar', { name: 'Skapar dokumentet …' });
  await expect(progress).toBeVisible();
  await expect(dialog.locator('form')).toHaveAttribute('aria-busy', 'true');
  const download = await downloading;
  await expect(dialog.getByRole('status')).toContainText('Klart: Verksamhetsplan-2025.pdf har laddats ner.');
  await expect(dialog.getByRole('progressbar')).toHaveCount(0);
  await expect(dialog.locator('form')).toHaveAttribute('aria-busy', 'false');
  const text = squash(await readPdfText(readFileSync((await download.path())!)));
  const seed = parsePlanDocument(readFileSync('seed/verksamhetsplan-2025.txt'));
  expect(firstOutOfOrder(text, tableTextInOrder(seed).map(squash))).toBeNull();
});

test('one direction as CSV without status notes, chosen with the keyboard', async ({ page, server, baseURL }) => {
  await signInAsSecretariat(page, server.dataDir, baseURL!);
  await page.getByRole('button', { name: 'Exportera' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Exportera planen' });
  await dialog.getByRole('radio', { name: /CSV/ }).check();
  await dialog.getByRole('checkbox', { name: 'Förebild och föregångare' }).uncheck();
  await dialog.getByRole('checkbox', { name: 'Kunskapsförmedlare och en arena för erfarenhetsutbyte' }).uncheck();
  await dialog.getByRole('checkbox', { name: 'Ta med statusnoteringar' }).uncheck();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Exportera' }).press('Enter');
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Verksamhetsplan-2025.csv');
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parseCsv(bytes.toString('utf8').slice(1));
  expect(rows[0]).toEqual(['Inriktning', 'Vad', 'Hur', 'Vem', 'När/Resurs', 'Status', 'Prio']);
  expect(rows.slice(1).map((r) => r[0])).toEqual(Array(12).fill('Pådrivare och opinionsbildare'));
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('a snapshot exports as it was saved, not as the plan is now', async ({ page, server, baseURL }) => {
  await signInAsSecretariat(page, server.dataDir, baseURL!);
  const saved = await page.request.post('/api/plans/2025/snapshots', {
    data: { note: 'Före årsmötet' },
    headers: { origin: new URL(baseURL!).origin, 'x-planbord-request': '1' },
  });
  expect(saved.status()).toBe(201);
  const status = page.getByRole('combobox', { name: 'Status för Höstkongress' });
  await expect(status).toHaveValue('planned');
  await status.selectOption('done');
  // The live plan has moved on (the change is stored on the server)…
  const liveStatus = async () => {
    const live = await (await page.request.get('/api/plans/2025/export?format=json')).json();
    return live.directions[0].items.find((i: { activity: string }) => i.activity === 'Höstkongress').status;
  };
  await expect.poll(liveStatus).toBe('done');

  await page.goto('/#historik');
  await page.getByRole('button', { name: /^Exportera ögonblicksbilden nr \d+/ }).click();
  const dialog = page.getByRole('dialog', { name: /^Exportera ögonblicksbilden/ });
  await dialog.getByRole('radio', { name: /JSON/ }).check();
  // The snapshot's own directions are offered: only the first one is exported.
  const directions = dialog.getByRole('group', { name: 'Inriktningar' }).getByRole('checkbox');
  await expect(directions).toHaveCount(3);
  await dialog.getByRole('checkbox', { name: 'Pådrivare och opinionsbildare' }).uncheck();
  await dialog.getByRole('checkbox', { name: 'Kunskapsförmedlare och en arena för erfarenhetsutbyte' }).uncheck();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Exportera' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^Verksamhetsplan-2025-\d{4}-\d{2}-\d{2}\.json$/);
  const plan = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  // …while the snapshot still has it as it was.
  expect(plan.directions.map((d: { title: string }) => d.title)).toEqual(['Förebild och föregångare']);
  const item = plan.directions[0].items.find((i: { activity: string }) => i.activity === 'Höstkongress');
  expect(item.status).toBe('planned');
});
