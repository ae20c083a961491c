import type { Locator, Page } from '@playwright/test';
import { planStrategy } from '../../shared/plan/schema';
import { readPlainText } from '../../shared/plan/richText';
import { card, openBoard, openBoardIn, signIn } from './boardPage';
import { expect, test } from './fixtures';
import { storedPlan } from './storedPlan';

// Writing the plan together: several people in the same Hur at once, each with their
// own undo, carets with names, and text written offline that reaches the others later.

/** Opens an item's dialog and returns its Hur editor, with the caret at the start or end of the text. */
async function openHow(page: Page, activity: string, at: 'start' | 'end' = 'end'): Promise<Locator> {
  await page.getByRole('button', { name: `Redigera ${activity}`, exact: true }).click();
  const how = page.getByRole('dialog', { name: 'Redigera aktivitet' }).getByRole('textbox', { name: 'Hur' });
  await expect(how).toBeVisible();
  await how.click();
  await page.keyboard.press(at === 'start' ? 'Control+Home' : 'Control+End');
  return how;
}

const caretOf = (editor: Locator, name: string) => editor.locator('.collab-caret-label', { hasText: name });

test('two people typing in the same Hur at once both keep every word, and see where the other writes', async ({ browser, server }) => {
  const alice = await openBoard(browser, server, 'Alice Andersson');
  const bob = await openBoard(browser, server, 'Bo Berg');
  const activity = 'ECOMUNA';
  const before = (await card(bob, activity).locator('.card-how').textContent())!;

  const aliceHow = await openHow(alice, activity, 'start');
  // The card tells the others who has it open.
  await expect(card(bob, activity).getByRole('list', { name: 'Öppen hos Alice Andersson' })).toBeVisible();
  const bobHow = await openHow(bob, activity, 'end');
  await expect(caretOf(bobHow, 'Alice Andersson')).toBeVisible();
  await expect(caretOf(aliceHow, 'Bo Berg')).toBeVisible();

  const alicesWords = 'Alice skriver först i texten. ';
  const bobsWords = ' Bo lägger till sist.';
  await Promise.all([alice.keyboard.type(alicesWords, { delay: 15 }), bob.keyboard.type(bobsWords, { delay: 15 })]);

  for (const how of [aliceHow, bobHow]) {
    await expect(how).toContainText(alicesWords.trim());
    await expect(how).toContainText(bobsWords.trim());
  }

  // The dialogs close; the card, for everyone, carries both texts, not a character lost.
  await alice.keyboard.press('Escape');
  await bob.keyboard.press('Escape');
  await expect(card(bob, activity).getByRole('list', { name: /^Öppen hos/ })).toHaveCount(0);
  for (const page of [alice, bob]) await expect(card(page, activity).locator('.card-how')).toHaveText(alicesWords + before + bobsWords);
});

test('an undo takes back only one’s own change: a status with the Ångra button, text with Ctrl+Z', async ({ browser, server }) => {
  const alice = await openBoard(browser, server, 'Alice Andersson');
  const bob = await openBoard(browser, server, 'Bo Berg');
  const status = (page: Page, activity: string) => page.getByRole('combobox', { name: `Status för ${activity}` });
  const priority = (page: Page, activity: string) => page.getByRole('combobox', { name: `Prioritet för ${activity}` });
  const undo = (page: Page) => page.getByRole('button', { name: 'Ångra', exact: true });
  const redo = (page: Page) => page.getByRole('button', { name: 'Gör om', exact: true });
  const mine = 'Argentinska ekokommunnätverket RAMCC';
  await expect(undo(alice)).toBeDisabled();
  await expect(status(bob, mine)).toHaveValue('in_progress');

  await status(alice, mine).selectOption({ label: 'Klart' });
  await expect(status(bob, mine)).toHaveValue('done');
  await priority(bob, 'Svara på remisser').selectOption({ label: 'P3' });
  await status(bob, 'Regionala ekokommunnätverk').selectOption({ label: 'Planeras' });
  await expect(priority(alice, 'Svara på remisser')).toHaveValue('3');
  await expect(status(alice, 'Regionala ekokommunnätverk')).toHaveValue('planned');

  await undo(alice).click();
  await expect(status(bob, mine)).toHaveValue('in_progress');
  await expect(status(alice, mine)).toHaveValue('in_progress');
  await expect(priority(alice, 'Svara på remisser')).toHaveValue('3');
  await expect(status(alice, 'Regionala ekokommunnätverk')).toHaveValue('planned');
  await expect(undo(alice)).toBeDisabled();

  // Redo with the keyboard, anywhere on the board.
  await expect(redo(alice)).toBeEnabled();
  await status(alice, mine).focus();
  await alice.keyboard.press('Control+Shift+Z');
  await expect(status(bob, mine)).toHaveValue('done');
  await alice.keyboard.press('Control+Z');
  await expect(status(bob, mine)).toHaveValue('in_progress');
  await alice.keyboard.press('Control+Y');
  await expect(status(bob, mine)).toHaveValue('done');

  // Text: both write in one Hur; Alice's Ctrl+Z removes her words and leaves Bo's.
  const activity = 'Det internationella miljökommunnätverket ICLEI';
  const aliceHow = await openHow(alice, activity, 'start');
  const bobHow = await openHow(bob, activity, 'end');
  // One input, as a paste or a word from an input method: one undo step however slow the machine.
  await alice.keyboard.insertText('Alice ångrar detta. ');
  await expect(bobHow).toContainText('Alice ångrar detta.');
  await bob.keyboard.type(' Bo behåller detta.');
  await expect(aliceHow).toContainText('Bo behåller detta.');
  await alice.keyboard.press('Control+Z');
  await expect(bobHow).not.toContainText('Alice ångrar detta.');
  await expect(aliceHow).not.toContainText('Alice ångrar detta.');
  await expect(bobHow).toContainText('Bo behåller detta.');
  await expect(aliceHow).toContainText('Bo behåller detta.');
  await alice.keyboard.press('Control+Shift+Z');
  await expect(bobHow).toContainText('Alice ångrar detta.');
});

test('Hur written while offline reaches the other browser when the connection returns', async ({ browser, server }) => {
  const alice = await openBoard(browser, server, 'Alice Andersson');
  const bob = await openBoard(browser, server, 'Bo Berg');
  const activity = 'Informationspaket för medlemmar';
  const aliceHow = await openHow(alice, activity);

  await alice.context().setOffline(true);
  await expect(alice.getByRole('status').filter({ hasText: 'Du är offline.' })).toBeVisible();
  await alice.keyboard.type(' Skrivet på tåget.');
  await expect(alice.getByRole('status').filter({ hasText: 'Dina ändringar är inte delade med andra ännu.' })).toBeVisible();
  await expect(alice.getByRole('status', { name: 'Anslutning' })).toContainText('Ändringar inte delade ännu');
  await expect(card(bob, activity)).not.toContainText('Skrivet på tåget.');

  await alice.context().setOffline(false);
  await expect(alice.getByRole('status', { name: 'Anslutning' })).toContainText('Ansluten');
  await expect(card(bob, activity)).toContainText('Skrivet på tåget.');
  await expect(aliceHow).toContainText('Skrivet på tåget.');
});

test('the strategy page: edited by the board together, read live by the forum, and written offline in a page closed before it was shared', async ({ browser, server }) => {
  const alice = await openBoard(browser, server, 'Alice Andersson');
  const forumContext = await browser.newContext({ baseURL: server.url });
  await signIn(forumContext, server, 'Frida Forum', 'tjanstepersonforum');
  const forum = await openBoardIn(forumContext);

  const openStrategy = async (page: Page) => {
    await page.getByRole('link', { name: 'Strategi' }).click();
    const text = page.getByRole('textbox', { name: 'Verksamhetsstrategi' });
    await expect(text).toContainText('Sveriges Ekokommuners vision är ett hållbart Sverige.');
    return text;
  };
  const forumText = await openStrategy(forum);
  await expect(forumText).toHaveAttribute('contenteditable', 'false');
  await expect(forum.getByRole('toolbar')).toHaveCount(0);
  await expect(forum.getByText('Du kan läsa strategin. Den ändras av styrelsen och kansliet.')).toBeVisible();
  await expect(forum.getByRole('textbox', { name: 'Fokus för handlingsplanen 2025' })).toContainText('SEKOMS Framtidsagenda');
  // The document's own headings sit below the page's in the outline.
  await expect(forum.getByRole('heading', { name: '1. Vision', level: 3 })).toBeVisible();

  const aliceText = await openStrategy(alice);
  await alice.getByText('Sveriges Ekokommuners vision är ett hållbart Sverige.').click();
  await alice.keyboard.press('End');
  await alice.keyboard.type(' Tillsammans når vi dit.');
  await expect(forumText).toContainText('Vår utgångspunkt är ett ekosystem i balans som basen för en hållbar ekonomisk och social utveckling. Tillsammans når vi dit.');
  const bold = alice.getByRole('toolbar', { name: 'Textformat: Verksamhetsstrategi' }).getByRole('button', { name: 'Fetstil' });
  await bold.click();
  await expect(bold).toHaveAttribute('aria-pressed', 'true');
  await alice.keyboard.type(' Viktigt.');
  await expect(forumText.locator('strong', { hasText: 'Viktigt.' })).toHaveText('Viktigt.');
  await expect(caretOf(forumText, 'Alice Andersson')).toBeVisible();

  // Offline, written, the page closed before anything was shared: sent when it opens again.
  await alice.context().setOffline(true);
  await expect(alice.getByRole('status').filter({ hasText: 'Du är offline.' })).toBeVisible();
  await aliceText.click();
  await alice.keyboard.press('Control+End');
  await alice.keyboard.type(' Skrivet offline.');
  await expect(alice.getByRole('status', { name: 'Anslutning' })).toContainText('Ändringar inte delade ännu');
  // Closed once the browser has stored the last keystroke: it is what is sent later.
  await expect.poll(async () => readPlainText(planStrategy(await storedPlan(alice)))).toContain('Skrivet offline.');
  await alice.close();
  await alice.context().setOffline(false);
  await expect(forumText).not.toContainText('Skrivet offline.');

  const again = await openBoardIn(alice.context());
  await expect(forumText).toContainText('Skrivet offline.');
  await again.goto('/#strategi');
  await expect(again.getByRole('textbox', { name: 'Verksamhetsstrategi' })).toContainText('Skrivet offline.');
});

test('a forum member who goes offline keeps reading the last state, told so, with nothing to change', async ({ browser, server }) => {
  const alice = await openBoard(browser, server, 'Alice Andersson');
  const forumContext = await browser.newContext({ baseURL: server.url });
  await signIn(forumContext, server, 'Frida Forum', 'tjanstepersonforum');
  const forum = await openBoardIn(forumContext);
  const activity = 'Forum på Teams för strategiska hållbarhetsdiskussioner';

  await forumContext.setOffline(true);
  await expect(forum.getByRole('status').filter({ hasText: 'Du ser planen som den var när anslutningen bröts.' })).toBeVisible();
  await alice.getByRole('combobox', { name: `Status för ${activity}` }).selectOption({ label: 'Vilande' });
  await expect(card(forum, activity)).toBeVisible();
  await expect(card(forum, activity).locator('.card-status')).toHaveText('Pågår');
  await expect(forum.getByRole('button', { name: /^(Redigera|Ta bort|Flytta|Ångra|Gör om)/ })).toHaveCount(0);

  await forumContext.setOffline(false);
  await expect(card(forum, activity).locator('.card-status')).toHaveText('Vilande');
  await expect(forum.getByRole('status').filter({ hasText: 'Du ser planen som den var' })).toHaveCount(0);
});
