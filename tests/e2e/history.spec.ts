import { card, openBoard, openBoardIn, signIn } from './boardPage';
import { expect, test } from './fixtures';

// The audit trail in the browser: a card's recent history says who changed what and
// when, and the secretariat reads the latest changes across the plan.

test('a card’s history names the board member who changed its status and priority', async ({ browser, server }) => {
  const anna = await openBoard(browser, server, 'Anna Andersson');
  const bo = await openBoard(browser, server, 'Bo Berg');
  const activity = 'Höstkongress';

  await anna.getByRole('combobox', { name: `Status för ${activity}` }).selectOption({ label: 'Pågår' });
  await expect(bo.getByRole('combobox', { name: `Status för ${activity}` })).toHaveValue('in_progress');
  await bo.getByRole('combobox', { name: `Prioritet för ${activity}` }).selectOption({ label: 'P2' });

  await anna.getByRole('button', { name: `Redigera ${activity}` }).click();
  const dialog = anna.getByRole('dialog', { name: 'Redigera aktivitet' });
  await dialog.getByText('Senaste ändringar').click();
  const list = dialog.getByRole('list', { name: 'Ändringar av aktiviteten, senaste först' });
  // The status change took the note "planeras" with it, in the same step.
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await expect(list.getByRole('listitem').first()).toContainText(/Prioritet: P1 → P2 av Bo Berg/);
  await expect(list.getByRole('listitem').filter({ hasText: 'Status:' })).toContainText(/Status: Planeras → Pågår av Anna Andersson/);
  await expect(list.getByRole('listitem').filter({ hasText: 'Statusnotering:' })).toContainText(/Före: borttaget: planeras\s*Efter: \(tom\) av Anna Andersson/);
});

test('a forum member opens a card’s details read-only and reads who changed its status', async ({ browser, server }) => {
  const berit = await openBoard(browser, server, 'Berit Styrelse');
  const frida = await openBoard(browser, server, 'Frida Forum', 'tjanstepersonforum');
  const activity = 'Höstkongress';

  await berit.getByRole('combobox', { name: `Status för ${activity}` }).selectOption({ label: 'Pågår' });
  await expect(card(frida, activity).locator('.card-status')).toHaveText('Pågår');

  // With the keyboard, as nothing else on a read-only card can be used.
  await card(frida, activity).getByRole('button', { name: `Visa detaljer för ${activity}` }).focus();
  await frida.keyboard.press('Enter');
  const details = frida.getByRole('dialog', { name: activity, exact: true });
  await expect(details.getByRole('group', { name: 'Hur' })).toHaveText('Digital medlemskongress kring någon aktuell fråga. Halv- eller heldag.');
  await expect(details.getByRole('definition').filter({ hasText: 'Pågår' })).toHaveCount(1);
  await expect(details.getByRole('listitem').filter({ hasText: 'Tjänstepersonforum' })).toHaveCount(1);

  await details.getByText('Senaste ändringar').click();
  const list = details.getByRole('list', { name: 'Ändringar av aktiviteten, senaste först' });
  await expect(list.getByRole('listitem').first()).toContainText(/Status: Planeras → Pågår av Berit Styrelse/);

  // Nothing in it can be changed.
  await expect(details.locator('input, select, textarea, [contenteditable]:not([contenteditable="false"])')).toHaveCount(0);
  await expect(details.getByRole('textbox')).toHaveCount(0);
  await expect(details.getByRole('combobox')).toHaveCount(0);
  await expect(details.getByRole('button', { name: /^(Spara|Ta bort|Redigera)/ })).toHaveCount(0);

  // The way into the card's comments, where a forum member may write.
  await details.getByRole('button', { name: `Inga kommentarer. Öppna kommentarer för ${activity}` }).click();
  await expect(frida.getByRole('dialog', { name: `Kommentarer: ${activity}` })).toBeVisible();
  await expect(details).toHaveCount(0);
});

test('the secretariat lists the latest changes across the plan on the history page', async ({ browser, server }) => {
  const anna = await openBoard(browser, server, 'Anna Andersson');
  await anna.getByRole('combobox', { name: 'Status för Samverka med WWF' }).selectOption({ label: 'Klart' });
  await expect(anna.getByRole('combobox', { name: 'Status för Samverka med WWF' })).toHaveValue('done');

  const context = await browser.newContext({ baseURL: server.url });
  await signIn(context, server, 'Karin Kansli', 'kansli');
  const karin = await openBoardIn(context);
  await karin.goto('/#historik');
  const log = karin.getByRole('region', { name: 'Senaste ändringar i planen' });
  await expect(log.getByRole('listitem').filter({ hasText: 'Samverka med WWF' }).filter({ hasText: 'Status:' })).toContainText(/Status: Vilande → Klart av Anna Andersson/);
});
