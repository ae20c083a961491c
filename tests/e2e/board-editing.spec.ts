import { addActivity, card, cell, LANES, openBoard } from './boardPage';
import { expect, test } from './fixtures';

// Adding, editing and deleting items, and finding them again with filters and search.

const LANE_2 = LANES[1];
const LANE_3 = LANES[2];

test('an item is added, edited and deleted (with undo), and the other browser follows', async ({ browser, server }) => {
  const alice = await openBoard(browser, server);
  const bob = await openBoard(browser, server);

  const dialog = await addActivity(alice, LANE_2);
  await dialog.getByLabel('Vad').fill('Samverka med Naturskyddsföreningen');
  await dialog.getByRole('textbox', { name: 'Hur' }).fill('Ta kontakt med regionala kretsar.\nBjuda in till ett webbinarium.');
  await dialog.getByRole('checkbox', { name: 'Kansli' }).check();
  await dialog.getByRole('textbox', { name: 'Nytt namn' }).fill('Naturskyddsföreningen');
  await dialog.getByRole('textbox', { name: 'Nytt namn' }).press('Enter');
  await dialog.getByLabel('När/Resurs').fill('Hösten 2025');
  await dialog.getByLabel('Status', { exact: true }).selectOption({ label: 'Pågår' });
  await dialog.getByLabel('Prioritet').selectOption({ label: 'P2' });
  await dialog.getByRole('button', { name: 'Spara' }).click();
  await expect(dialog).toBeHidden();

  const added = cell(bob, 'Pågår', LANE_2).getByRole('article', { name: 'Samverka med Naturskyddsföreningen' });
  await expect(added).toBeVisible();
  await expect(added.getByRole('list', { name: 'Vem' })).toHaveText(/Kansli\s*Naturskyddsföreningen/);
  await expect(added).toContainText('Ta kontakt med regionala kretsar.');
  await expect(added).toContainText('Hösten 2025');
  await expect(added.getByRole('combobox', { name: 'Prioritet för Samverka med Naturskyddsföreningen' })).toHaveValue('2');

  // Edit: every field is in the dialog, filled with the item as it is.
  await bob.getByRole('button', { name: 'Redigera Samverka med Naturskyddsföreningen' }).click();
  const edit = bob.getByRole('dialog', { name: 'Redigera aktivitet' });
  await expect(edit.getByRole('textbox', { name: 'Hur' }).locator('p')).toHaveText(['Ta kontakt med regionala kretsar.', 'Bjuda in till ett webbinarium.']);
  await expect(edit.getByRole('checkbox', { name: 'Kansli' })).toBeChecked();
  await edit.getByLabel('Vad').fill('Samverka med Naturskyddsföreningen (SNF)');
  await edit.getByRole('button', { name: 'Ta bort Naturskyddsföreningen' }).click();
  await edit.getByRole('checkbox', { name: 'Styrelse' }).check();
  await edit.getByLabel('Statusnotering').fill('Första mötet bokat');
  await edit.getByLabel('Inriktning').selectOption({ label: LANE_3 });
  await edit.getByRole('button', { name: 'Spara' }).click();

  const edited = cell(alice, 'Pågår', LANE_3).getByRole('article', { name: 'Samverka med Naturskyddsföreningen (SNF)' });
  await expect(edited).toBeVisible();
  await expect(edited.getByRole('list', { name: 'Vem' })).toHaveText(/Kansli\s*Styrelse/);
  await expect(edited).toContainText('Första mötet bokat');
  await expect(card(alice, 'Samverka med Naturskyddsföreningen')).toHaveCount(0);

  // Delete asks first, then offers undo.
  await alice.getByRole('button', { name: 'Ta bort Samverka med Naturskyddsföreningen (SNF)' }).click();
  const confirm = alice.getByRole('alertdialog', { name: 'Ta bort aktiviteten?' });
  await confirm.getByRole('button', { name: 'Avbryt' }).click();
  await expect(edited).toBeVisible();
  await alice.getByRole('button', { name: 'Ta bort Samverka med Naturskyddsföreningen (SNF)' }).click();
  await confirm.getByRole('button', { name: 'Ta bort' }).click();
  await expect(card(bob, 'Samverka med Naturskyddsföreningen (SNF)')).toHaveCount(0);
  await alice.getByRole('status').getByRole('button', { name: 'Ångra' }).click();
  await expect(card(bob, 'Samverka med Naturskyddsföreningen (SNF)')).toBeVisible();

  await alice.getByRole('button', { name: 'Ta bort Samverka med Naturskyddsföreningen (SNF)' }).click();
  await confirm.getByRole('button', { name: 'Ta bort' }).click();
  await expect(card(alice, 'Samverka med Naturskyddsföreningen (SNF)')).toHaveCount(0);
  await expect(card(bob, 'Samverka med Naturskyddsföreningen (SNF)')).toHaveCount(0);
});

test('an item needs a Vad before it is saved', async ({ browser, server }) => {
  const page = await openBoard(browser, server);
  const dialog = await addActivity(page, LANE_3);
  await dialog.getByRole('button', { name: 'Spara' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Skriv vad aktiviteten är.');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('the rows of one activity are grouped, and each row says which it is wherever its status puts it', async ({ browser, server }) => {
  const page = await openBoard(browser, server);
  const group = page.getByRole('region', { name: 'Extern kommunikation, 2 rader' });
  await expect(group).toBeVisible();
  await expect(group.getByRole('heading', { name: 'Extern kommunikation' })).toHaveCount(1);
  await expect(group.getByRole('article')).toHaveCount(2);
  await expect(group.getByRole('article').first()).toHaveAccessibleDescription('Extern kommunikation · rad 1 av 3');

  // Medlemsvård's three rows sit in three columns, in the order of the plan document.
  const rows = ['Klart', 'Ej påbörjad', 'Pågår'].map((status) => cell(page, status, LANE_3).getByRole('article', { name: 'Medlemsvård' }));
  for (const [i, row] of rows.entries()) {
    await expect(row).toContainText(`Medlemsvård · rad ${i + 1} av 3`);
    await expect(row).toHaveAccessibleDescription(`Medlemsvård · rad ${i + 1} av 3`);
  }
  const single = card(page, 'Informationspaket för medlemmar');
  await expect(single).not.toContainText(/rad \d+ av/);

  // Pointing at one row outlines the others, in their own columns, and nothing else.
  await expect(rows[2]).toHaveCSS('outline-style', 'none');
  // Cards off screen are laid out when they come into view, which can move the one
  // about to be pointed at after its place was taken: point again until it holds.
  await expect(async () => {
    await rows[0].hover();
    await expect(rows[1]).toHaveCSS('outline-style', 'solid', { timeout: 1000 });
  }).toPass();
  await expect(rows[2]).toHaveCSS('outline-style', 'solid');
  await expect(single).toHaveCSS('outline-style', 'none');
  await page.mouse.move(0, 0);
  await expect(rows[2]).toHaveCSS('outline-style', 'none');

  // So does the keyboard focus, and the row's own control shows just the activity.
  const showAll = rows[1].getByRole('button', { name: 'Visa alla rader av Medlemsvård' });
  await showAll.focus();
  await expect(rows[0]).toHaveCSS('outline-style', 'solid');
  await expect(rows[2]).toHaveCSS('outline-style', 'solid');
  await showAll.press('Enter');
  await expect(page.getByRole('article')).toHaveCount(3);
  for (const row of rows) await expect(row).toBeVisible();
  await expect(page.getByText(/^Visar 3 av \d+ aktiviteter$/)).toBeVisible();
  await page.getByRole('button', { name: 'Sluta visa bara Medlemsvård' }).click();
  await expect(single).toBeVisible();
  await expect(page.getByText(/^Visar (\d+) av \1 aktiviteter$/)).toBeVisible();
});

test('search and filters narrow the board and say how many items are shown', async ({ browser, server }) => {
  const page = await openBoard(browser, server);
  const count = page.getByText(/^Visar \d+ av \d+ aktiviteter$/);
  const total = Number((await count.textContent())!.match(/av (\d+)/)![1]);
  expect(total).toBeGreaterThanOrEqual(37);

  await page.getByRole('searchbox', { name: 'Sök i planen' }).fill('etiopien');
  await expect(page.getByRole('article')).toHaveCount(1);
  await expect(card(page, 'Etiopiska ekokommunnätverket')).toBeVisible();
  await expect(count).toHaveText(`Visar 1 av ${total} aktiviteter`);
  await page.getByRole('button', { name: 'Rensa filter' }).click();
  await expect(count).toHaveText(`Visar ${total} av ${total} aktiviteter`);

  await page.getByRole('combobox', { name: 'Filtrera på vem' }).selectOption('Ordförande');
  await expect(page.getByRole('article')).toHaveCount(1);
  await expect(card(page, 'Delta i initiativet Fossilfritt Sverige')).toBeVisible();

  await page.getByRole('combobox', { name: 'Filtrera på vem' }).selectOption({ label: 'Alla parter' });
  await page.getByRole('combobox', { name: 'Filtrera på status' }).selectOption({ label: 'Vilande' });
  const shown = page.getByRole('combobox', { name: /^Status för / });
  expect(await shown.count()).toBeGreaterThan(0);
  for (const select of await shown.all()) await expect(select).toHaveValue('paused');
  await expect(card(page, 'Chilenska ekokommunnätverket')).toBeVisible();

  // Filters combine: paused and P3 leaves the one P3 item of the plan.
  await page.getByRole('combobox', { name: 'Filtrera på prioritet' }).selectOption({ label: 'P3' });
  await expect(page.getByRole('article')).toHaveCount(1);
  await page.getByRole('searchbox', { name: 'Sök i planen' }).fill('ingenting sådant finns');
  await expect(page.getByRole('article')).toHaveCount(0);
  await expect(count).toHaveText(`Visar 0 av ${total} aktiviteter`);
});

test('the language switch turns the page to English and is remembered', async ({ browser, server }) => {
  const page = await openBoard(browser, server);
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await page.getByRole('combobox', { name: 'Språk' }).selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('group', { name: `In progress – ${LANE_2}` })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Language' })).toHaveValue('en');
  await expect(page.getByRole('status', { name: 'Connection' })).toContainText('Connected');
});
