import { card, cell, LANES, openBoard } from './boardPage';
import { expect, test } from './fixtures';

// A status note that only said the old status goes when the status changes; a note that
// says more stays. The dialog says which, also when someone else moves the card while
// it is open, and the other browser's board follows.

const LANE = LANES[0];

test('a status note that only said the old status goes with the status, and the dialog says which', async ({ browser, server }) => {
  const alice = await openBoard(browser, server, 'Alice Ordförande');
  const bob = await openBoard(browser, server, 'Bob Ledamot');

  // In the dialog: choosing Klart shows the note "Pågår" going, before anything is saved.
  await alice.getByRole('button', { name: 'Redigera Årets SEKOM-initiativ' }).click();
  const dialog = alice.getByRole('dialog', { name: 'Redigera aktivitet' });
  const note = dialog.getByLabel('Statusnotering');
  await expect(note).toHaveValue('Pågår');
  await dialog.getByLabel('Status', { exact: true }).selectOption({ label: 'Klart' });
  await expect(note).toHaveValue('');
  await expect(note).toHaveAccessibleDescription('Statusnoteringen ”Pågår” tas bort när du sparar: den sade bara den förra statusen.');
  await dialog.getByRole('button', { name: 'Spara' }).click();
  await expect(dialog).toBeHidden();
  const moved = cell(bob, 'Klart', LANE).getByRole('article', { name: 'Årets SEKOM-initiativ' });
  await expect(moved).toBeVisible();
  await expect(moved.locator('.card-note')).toHaveCount(0);

  // A note that says more than the status stays, and the dialog says why.
  await alice.getByRole('button', { name: 'Redigera Argentinska ekokommunnätverket RAMCC' }).click();
  await dialog.getByLabel('Status', { exact: true }).selectOption({ label: 'Klart' });
  await expect(note).toHaveValue('Håller kontakt en deltar i webinarier.');
  await expect(note).toHaveAccessibleDescription('Statusnoteringen behålls: den säger mer än statusen.');
  await dialog.getByRole('button', { name: 'Spara' }).click();
  const kept = cell(bob, 'Klart', LANE).getByRole('article', { name: 'Argentinska ekokommunnätverket RAMCC' });
  await expect(kept.locator('.card-note')).toHaveText(/Håller kontakt en deltar i webinarier\./);

  // Bob has a card open while Alice moves it on the board: his dialog follows and says what became of the note.
  await bob.getByRole('button', { name: 'Redigera SEKOMS Framtidsagenda' }).click();
  const bobs = bob.getByRole('dialog', { name: 'Redigera aktivitet' });
  await expect(bobs.getByLabel('Statusnotering')).toHaveValue('pågår');
  await alice.getByRole('combobox', { name: 'Status för SEKOMS Framtidsagenda' }).selectOption({ label: 'Klart' });
  await expect(bobs.getByLabel('Status', { exact: true })).toHaveValue('done');
  await expect(bobs.getByLabel('Statusnotering')).toHaveValue('');
  await expect(bobs.getByLabel('Statusnotering')).toHaveAccessibleDescription(
    'Statusen har ändrats till Klart. Statusnoteringen ”pågår” togs bort: den sade bara den förra statusen.',
  );
  // Saving another field leaves the status and the (absent) note as they are.
  await bobs.getByLabel('När/Resurs').fill('Hela året, rapport till årsmötet');
  await bobs.getByRole('button', { name: 'Spara' }).click();
  const agenda = cell(alice, 'Klart', LANE).getByRole('article', { name: 'SEKOMS Framtidsagenda' });
  await expect(agenda).toContainText('Hela året, rapport till årsmötet');
  await expect(agenda.locator('.card-note')).toHaveCount(0);

  // Undo takes the status and the note back together.
  await alice.keyboard.press('Control+z');
  const back = cell(bob, 'Pågår', LANE).getByRole('article', { name: 'SEKOMS Framtidsagenda' });
  await expect(back).toBeVisible();
  await bob.getByRole('button', { name: 'Redigera SEKOMS Framtidsagenda' }).click();
  await expect(bobs.getByLabel('Statusnotering')).toHaveValue('pågår');
  await expect(card(alice, 'SEKOMS Framtidsagenda')).toHaveCount(1);
});
