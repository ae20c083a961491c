import type { Page } from '@playwright/test';
import { card } from './boardPage';
import { commentButton, personOnBoard } from './commentsPeople';
import { expect, test } from './fixtures';

// A strategy meeting as the board holds it: while the meeting is open two board members
// change the plan and its strategy, everyone's banner lists the changes with who made
// them, a snapshot is saved, and the history shows what changed since the previous
// meeting's snapshot and opens the snapshot read-only, with its discussion.

const banner = (page: Page) => page.getByRole('region', { name: 'Pågående möte' });

async function createMeeting(page: Page, title: string, date: string) {
  await page.getByRole('link', { name: 'Historik' }).first().click();
  const form = page.getByRole('form', { name: 'Nytt möte' });
  await form.getByLabel('Titel').fill(title);
  await form.getByLabel('Datum').fill(date);
  await form.getByLabel('Typ av möte').selectOption({ label: 'Strategimöte' });
  await form.getByRole('checkbox', { name: 'Öppna mötet nu' }).check();
  await form.getByRole('button', { name: 'Skapa möte' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Mötet ${title} är skapat.` })).toBeVisible();
  await page.getByRole('link', { name: 'Tillbaka till tavlan' }).click();
}

test('two board members change the plan during a meeting; the change list, a snapshot and the history show it', async ({ browser, server }) => {
  // Three people, each invited through the command line and signed in: more than the default minute.
  test.setTimeout(180_000);
  const karin = await personOnBoard(browser, server, 'kansli', 'Karin Kansli');
  const kim = await personOnBoard(browser, server, 'styrelse', 'Kim Styrelse');
  const eva = await personOnBoard(browser, server, 'styrelse', 'Eva Ordförande');

  // The previous meeting, closed by the secretariat: its closing snapshot is the baseline.
  await createMeeting(karin, 'Strategimöte 1', '2025-03-12');
  await expect(banner(kim)).toContainText('Strategimöte pågår: Strategimöte 1');
  await banner(karin).getByRole('button', { name: 'Avsluta mötet' }).click();
  await banner(karin).getByRole('group', { name: 'Avsluta mötet' }).getByRole('button', { name: 'Avsluta mötet' }).click();
  await expect(karin.getByRole('status').filter({ hasText: /Mötet är avslutat\. Ögonblicksbild nr \d+ är sparad\./ })).toBeVisible();
  await expect(banner(kim)).toHaveCount(0);

  // This meeting, opened by a board member.
  await createMeeting(kim, 'Strategimöte 2', '2025-09-17');
  for (const page of [karin, kim, eva]) {
    await expect(banner(page)).toContainText('Strategimöte pågår: Strategimöte 2');
    await expect(banner(page)).toContainText('Inga ändringar sedan mötet öppnades');
  }
  await expect(banner(karin)).toContainText(/Närvarande: .*Eva Ordförande/);

  // Its note "planeras" only said the old status: it goes with the move, a change of its own.
  await card(kim, 'Höstkongress').getByRole('combobox', { name: 'Status för Höstkongress' }).selectOption({ label: 'Pågår' });
  await card(eva, 'Samverka med WWF').getByRole('combobox', { name: 'Prioritet för Samverka med WWF' }).selectOption({ label: 'P1' });
  await eva.getByRole('button', { name: 'Redigera Samverka med Klimatkommunerna' }).click();
  const edit = eva.getByRole('dialog', { name: 'Redigera aktivitet' });
  await edit.getByLabel('Statusnotering').fill('Möte bokat i maj');
  await edit.getByRole('button', { name: 'Spara' }).click();
  // Eva adds a sentence to the strategy, with the banner still in view on the strategy page.
  await eva.getByRole('link', { name: 'Strategi' }).click();
  await eva.getByText('Sveriges Ekokommuners vision är ett hållbart Sverige.').click({ position: { x: 1, y: 5 } });
  await eva.keyboard.type('Vi gör det tillsammans. ');
  await expect(banner(eva)).toContainText('5 ändringar sedan mötet öppnades');
  await eva.getByRole('link', { name: 'Tillbaka till tavlan' }).click();

  // Everyone's banner lists each change with who made it.
  const changes = banner(karin).getByRole('list', { name: 'Ändringar sedan mötet öppnades' });
  await expect(changes.getByRole('listitem').filter({ hasText: 'Höstkongress' }).filter({ hasText: 'Status:' })).toContainText(/Status: Planeras → Pågår av Kim Styrelse/);
  await expect(changes.getByRole('listitem').filter({ hasText: 'Samverka med WWF' })).toContainText(/Prioritet: P2 → P1 av Eva Ordförande/);
  await expect(changes.getByRole('listitem').filter({ hasText: 'Samverka med Klimatkommunerna' })).toContainText('Eva Ordförande');
  const strategy = changes.getByRole('listitem').filter({ hasText: 'Verksamhetsstrategi' });
  await expect(strategy.locator('ins')).toHaveText('tillagt: Vi gör det tillsammans.');
  await expect(strategy).toContainText('Sveriges Ekokommuners vision är ett hållbart Sverige.');
  await expect(strategy).toContainText('av Eva Ordförande');
  await expect(banner(kim)).toContainText('5 ändringar sedan mötet öppnades');

  // Eva comments on the congress; the snapshot keeps the discussion with the plan.
  await commentButton(eva, 'Höstkongress').click();
  const thread = eva.getByRole('dialog', { name: 'Kommentarer: Höstkongress' });
  await thread.getByRole('textbox', { name: 'Skriv en kommentar' }).fill('Lokalen är bokad till oktober.');
  await thread.getByRole('button', { name: 'Kommentera' }).click();
  await expect(thread.getByRole('article', { name: /^Eva Ordförande/ })).toBeVisible();
  await thread.getByRole('button', { name: 'Stäng' }).click();

  // A board member saves a snapshot; it belongs to the open meeting.
  await banner(kim).getByRole('button', { name: 'Spara ögonblicksbild' }).click();
  await banner(kim).getByLabel('Anteckning (valfri)').fill('Efter beslut om kongressen');
  await banner(kim).getByRole('form', { name: 'Spara ögonblicksbild' }).getByRole('button', { name: 'Spara ögonblicksbild' }).click();
  await expect(kim.getByRole('status').filter({ hasText: /Ögonblicksbild nr \d+ är sparad till mötet Strategimöte 2\./ })).toBeVisible();

  // The history: the new snapshot against the previous meeting's.
  await karin.getByRole('link', { name: 'Historik' }).first().click();
  const meeting = karin.getByRole('region', { name: 'Strategimöte 2' });
  const row = meeting.getByRole('listitem').filter({ hasText: 'Efter beslut om kongressen' });
  await expect(row).toContainText('Kim Styrelse');
  // Opening the meeting stored the plan as it was before it, by the one who opened it.
  await expect(meeting.getByRole('listitem').filter({ hasText: 'Sparad när mötet öppnades (före mötet) av Kim Styrelse' })).toHaveCount(1);
  await row.getByRole('button', { name: /^Jämför ögonblicksbild .* med den föregående$/ }).click();
  const comparison = karin.getByRole('region', { name: /^Från nr \d+/ });
  const changed = comparison.getByRole('listitem').filter({ hasText: 'Höstkongress' }).first();
  await expect(changed).toContainText('Status: Planeras → Pågår');
  await expect(comparison.getByRole('listitem').filter({ hasText: 'Samverka med WWF' }).first()).toContainText('Prioritet: P2 → P1');
  const note = comparison.getByRole('listitem').filter({ hasText: 'Samverka med Klimatkommunerna' }).first();
  await expect(note.locator('ins')).toContainText('Möte bokat i maj');
  // A changed text reads as the text before and the text after, each whole.
  await expect(note).toContainText('Före: (tom)');
  await expect(note).toContainText('Efter: tillagt: Möte bokat i maj');
  const texts = comparison.getByRole('listitem').filter({ hasText: 'Verksamhetsstrategi' });
  await expect(texts.locator('ins')).toHaveText('tillagt: Vi gör det tillsammans.');
  await expect(texts.locator('.word-diff-side').first()).toHaveText(/^Före: Sveriges Ekokommuners vision är ett hållbart Sverige\./);
  await expect(texts.locator('.word-diff-side').nth(1)).toHaveText(/^Efter: tillagt: Vi gör det tillsammans\. Sveriges Ekokommuners vision/);
  // Only the line the edit touched, not the pages around it.
  await expect(texts).not.toContainText('1. Vision');

  // The snapshot opens read-only in the board view.
  await row.getByRole('button', { name: /^Visa ögonblicksbild/ }).click();
  const readOnly = karin.getByRole('region', { name: /skrivskyddad$/ });
  await expect(readOnly.getByRole('article', { name: 'Höstkongress', exact: true })).toBeVisible();
  await expect(readOnly.getByRole('combobox')).toHaveCount(0);
  await expect(readOnly.getByRole('button', { name: /^Redigera / })).toHaveCount(0);

  // With its discussion as it was, to read but not to write.
  const stored = readOnly.getByRole('button', { name: /Öppna kommentarer för Höstkongress$/ });
  await expect(stored).toHaveAccessibleName('1 kommentar. Öppna kommentarer för Höstkongress');
  await stored.click();
  const storedThread = karin.getByRole('dialog', { name: 'Kommentarer: Höstkongress' });
  await expect(storedThread.getByRole('article', { name: /^Eva Ordförande/ })).toContainText('Lokalen är bokad till oktober.');
  await expect(storedThread).toContainText('Kommentarerna som de var när ögonblicksbilden sparades.');
  await expect(storedThread.getByRole('textbox')).toHaveCount(0);
  await expect(storedThread.getByRole('button', { name: /^(Svara|Markera som löst|Dölj|Ta bort)$/ })).toHaveCount(0);
  await storedThread.getByRole('button', { name: 'Stäng' }).click();
  await expect(storedThread).toHaveCount(0);
});
