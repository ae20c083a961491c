import type { Page } from '@playwright/test';
import { setStatus } from '../../shared/plan/itemOps';
import { listItems } from '../../shared/plan/schema';
import { openStore } from '../../server/store/openStore';
import { syncStep2, updateMsg } from '../helpers/rawSocket';
import { storedDoc } from '../helpers/storedDoc';
import type { RunningServer } from '../helpers/runServer';
import { openBoardIn, signIn } from './boardPage';
import { expect, test } from './fixtures';
import { installTap, sendOnPageSocket } from './rolesTap';

// Roles in real browsers: a forum member follows the board live and cannot change the
// plan by any means their browser has; the secretariat invites people from the
// Personer page.

/** The plan's items as the server has stored them. */
function storedItems(server: RunningServer) {
  const store = openStore(server.dataDir);
  try {
    return listItems(storedDoc(store));
  } finally {
    store.close();
  }
}

/** A Yjs update that changes the item's status, made on a copy of the stored plan. */
function forgedStatusUpdate(server: RunningServer, id: string, status: 'done' | 'paused'): Uint8Array {
  const store = openStore(server.dataDir);
  try {
    const doc = storedDoc(store);
    let update: Uint8Array | null = null;
    doc.on('update', (u: Uint8Array) => (update = u));
    setStatus(doc, id, status);
    return update!;
  } finally {
    store.close();
  }
}

test('a forum member sees the board’s changes live and cannot change the plan, even through the page’s own code', async ({ browser, server }) => {
  const boardContext = await browser.newContext({ baseURL: server.url });
  await signIn(boardContext, server, 'Berit Styrelse', 'styrelse');
  const board = await openBoardIn(boardContext);
  const forumContext = await browser.newContext({ baseURL: server.url });
  await forumContext.addInitScript(installTap);
  await signIn(forumContext, server, 'Frida Forum', 'tjanstepersonforum');
  const forum = await openBoardIn(forumContext);

  await expect(forum.getByRole('banner')).toContainText('Frida Forum');
  await expect(forum.getByRole('banner')).toContainText('Tjänstepersonforum');
  // No edit controls at all.
  await expect(forum.getByRole('button', { name: /^Lägg till/ })).toHaveCount(0);
  await expect(forum.getByRole('combobox', { name: /^(Status|Prioritet) för/ })).toHaveCount(0);
  await expect(forum.getByRole('button', { name: /^(Redigera|Ta bort|Flytta) / })).toHaveCount(0);
  await expect(forum.locator('article[draggable="true"]')).toHaveCount(0);

  // The board member changes a status; the forum member sees it without reloading.
  const target = storedItems(server).find((i) => i.status !== 'done' && i.status !== 'paused')!;
  const onBoard = board.locator(`article[data-item-id="${target.id}"]`);
  const onForum = forum.locator(`article[data-item-id="${target.id}"]`);
  await onBoard.getByRole('combobox', { name: /^Status för/ }).selectOption('in_progress' === target.status ? 'planned' : 'in_progress');
  const legit = 'in_progress' === target.status ? 'Planeras' : 'Pågår';
  await expect(onForum.locator('.card-status')).toHaveText(legit);

  // 1. Events dispatched at the page: a drop of the card on the Klart column.
  const doneCell = forum.getByRole('group', { name: /^Klart – / }).first();
  await doneCell.evaluate((el, id) => {
    const data = new DataTransfer();
    data.setData('application/x-planbord-item', id);
    el.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data }));
    el.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
  }, target.id);
  // 2. The page's own Y.Doc, changed through the app's code: its provider sends it.
  const changedLocally = await forum.evaluate((id) => {
    const item = window.__tap.planDoc()?.getMap('items').get(id);
    item?.set('status', 'done');
    item?.set('activity', 'Ändrad av forumet');
    return item !== undefined;
  }, target.id);
  expect(changedLocally).toBe(true);
  // 3. Hand-made Update and SyncStep2 messages on the page's own socket.
  const forged = forgedStatusUpdate(server, target.id, 'paused');
  await sendOnPageSocket(forum, [Array.from(updateMsg(forged)), Array.from(syncStep2(forged))]);

  // Everything the forum sent has been handled by now. The board member makes one more
  // change; once it reaches the forum, anything of the forum's would have reached them first.
  const other = storedItems(server).find((i) => i.id !== target.id)!;
  const next = other.priority === 3 ? 2 : 3;
  await board.locator(`article[data-item-id="${other.id}"]`).getByRole('combobox', { name: /^Prioritet för/ }).selectOption(String(next));
  await expect(forum.locator(`article[data-item-id="${other.id}"]`)).toContainText(`P${next}`);

  await expect(onBoard.getByRole('combobox', { name: /^Status för/ })).toHaveValue(legit === 'Pågår' ? 'in_progress' : 'planned');
  await expect(onBoard).not.toContainText('Ändrad av forumet');
  const stored = storedItems(server).find((i) => i.id === target.id)!;
  expect([stored.status, stored.activity]).toEqual([legit === 'Pågår' ? 'in_progress' : 'planned', target.activity]);
  await board.reload();
  await expect(board.locator(`article[data-item-id="${target.id}"]`).getByRole('combobox', { name: /^Status för/ })).toHaveValue(stored.status);
});

test('the secretariat invites a forum member on the Personer page, whose link opens the board read-only', async ({ browser, server }) => {
  const kansliContext = await browser.newContext({ baseURL: server.url });
  await signIn(kansliContext, server, 'Karin Kansli', 'kansli');
  // The Content-Security-Policy must not get in the way of any page used here.
  const violations: string[] = [];
  const watchPolicy = (page: Page) => page.on('console', (m) => /Content.Security.Policy/i.test(m.text()) && violations.push(m.text()));
  kansliContext.on('page', watchPolicy);
  const kansli = await openBoardIn(kansliContext);
  await kansli.getByRole('link', { name: 'Personer' }).click();
  await expect(kansli.getByRole('heading', { name: 'Personer', level: 1 })).toBeVisible();

  const form = kansli.getByRole('form', { name: 'Bjud in en person' });
  await form.getByLabel('Namn').fill('Olle Forum');
  await form.getByLabel('E-postadress').fill(`olle-${Date.now()}@orebro.se`);
  await form.getByLabel('Organisation').fill('Örebro kommun');
  await form.getByLabel('Roll').selectOption({ label: 'Tjänstepersonforum' });
  await form.getByRole('button', { name: 'Bjud in' }).click();
  const link = await kansli.getByRole('textbox', { name: 'Länk till Olle Forum' }).inputValue();
  expect(link).toMatch(new RegExp(`^${server.url}/#invitation=`));
  await expect(kansli.getByRole('row', { name: /Olle Forum/ })).toContainText('Inbjuden');

  const olleContext = await browser.newContext({ baseURL: server.url });
  const olle = await olleContext.newPage();
  watchPolicy(olle);
  await olle.goto(link);
  await expect(olle.getByRole('heading', { name: 'Välkommen, Olle Forum' })).toBeVisible();
  await olle.getByLabel('Nytt lösenord').fill('kort');
  await olle.getByLabel('Upprepa lösenordet').fill('kort');
  await olle.getByRole('button', { name: 'Spara lösenord och logga in' }).click();
  await expect(olle.getByRole('alert')).toContainText('minst 10 tecken');
  await olle.getByLabel('Nytt lösenord').fill('en lång fras för olle');
  await olle.getByLabel('Upprepa lösenordet').fill('en lång fras för olle');
  await olle.getByRole('button', { name: 'Spara lösenord och logga in' }).click();
  await expect(olle.getByRole('status', { name: 'Anslutning' })).toContainText('Ansluten');
  await expect(olle.getByRole('article').first()).toBeVisible();
  expect(olle.url()).not.toContain('invitation');
  await expect(olle.getByRole('combobox', { name: /^Status för/ })).toHaveCount(0);
  await expect(olle.getByRole('link', { name: 'Personer' })).toHaveCount(0);

  // The secretariat deactivates him: his open board is cut off and, without a reload,
  // he is back at sign-in.
  await kansli.getByRole('button', { name: 'Avaktivera Olle Forum' }).click();
  await expect(kansli.getByRole('row', { name: /Olle Forum/ })).toContainText('Avaktiverad');
  await expect(olle.getByRole('heading', { name: 'Logga in' })).toBeVisible();
  await olle.getByLabel('E-postadress').fill('nobody@example.se');
  await olle.getByLabel('Lösenord').fill('fel lösenord');
  await olle.getByRole('button', { name: 'Logga in' }).click();
  await expect(olle.getByRole('alert')).toContainText('Fel e-postadress eller lösenord.');
  expect(violations).toEqual([]);
});

test('signing out returns to the sign-in page, and the board needs signing in again', async ({ browser, server }) => {
  const context = await browser.newContext({ baseURL: server.url });
  await signIn(context, server, 'Sara Styrelse', 'styrelse');
  const page = await openBoardIn(context);
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await expect(page.getByRole('heading', { name: 'Logga in' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Logga in' })).toBeVisible();
  expect(await page.evaluate(() => fetch('/api/plans').then((r) => r.status))).toBe(401);
});
