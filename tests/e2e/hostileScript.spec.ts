import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';
import JSZip from 'jszip';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../shared/auth/csrfHeader';
import { updateItem } from '../../shared/plan/itemOps';
import { writeBlocks } from '../../shared/plan/richText';
import { itemHow, listDirections, listItems, planDirections, planFocus, planItems, planMeta, planStrategy } from '../../shared/plan/schema';
import type { Block } from '../../shared/plan/types';
import { connectClient } from '../helpers/syncClient';
import { waitFor } from '../helpers/waitFor';
import { openBoardIn, signIn } from './boardPage';
import { expect, test } from './fixtures';

// Script in every text a person can write, shown in the board: Vad, Hur, Vem, När, the
// status note, a comment, people's names, e-mail addresses and organisations, a meeting's
// title and its change list, the plan's title, its directions, the strategy and focus
// texts and a snapshot's note; and links to script in Hur, the strategy and focus texts
// and comments, in the live and read-only views and in the Word and Markdown exports. Each
// payload would, if it ran, set a flag on the page, open a dialog or load an image from
// a path no page asks for; the page must show it as text and none of that may happen,
// not even an attempt the Content-Security-Policy stops.

const payload = (field: string) =>
  `${field} "><img src="/__injected__/${field}" onerror="window.__pwned='${field}';alert('${field}')"><script>window.__pwned='${field}'</script><svg onload="alert('${field}')">`;
// A party in Vem is at most 120 characters.
const SHORT = (field: string) => `${field}<img src=/__injected__/${field} onerror=alert(1)><script>alert(2)</script>`;

const P = {
  activity: payload('VAD'),
  how: payload('HUR'),
  who: SHORT('VEM'),
  when: payload('NÄR'),
  statusNote: payload('STATUS'),
  comment: payload('KOMMENTAR'),
  kansli: SHORT('KANSLINAMN'),
  board: SHORT('STYRELSENAMN'),
  meeting: SHORT('MÖTE'),
};

interface Watch {
  dialogs: string[];
  injected: string[];
}

/** Records dialogs, requests for the payloads' images, and whatever the policy refused. */
async function watch(context: BrowserContext): Promise<Watch> {
  const seen: Watch = { dialogs: [], injected: [] };
  await context.addInitScript(() => {
    (window as unknown as { __violations: string[] }).__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __violations: string[] }).__violations.push(`${e.violatedDirective} ${e.sample}`),
    );
  });
  context.on('page', (page) => page.on('dialog', (d) => (seen.dialogs.push(d.message()), void d.dismiss())));
  context.on('request', (r) => r.url().includes('__injected__') && seen.injected.push(r.url()));
  return seen;
}

/** Signs in a person with this role into a new watched context. */
async function watchedPerson(browser: Browser, server: Parameters<typeof signIn>[1], name: string, role: Parameters<typeof signIn>[3]) {
  const context = await browser.newContext({ baseURL: server.url });
  const seen = await watch(context);
  await signIn(context, server, name, role);
  return { context, seen };
}

const pageState = (page: Page) =>
  page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: string }).__pwned ?? null,
    violations: (window as unknown as { __violations: string[] }).__violations,
  }));

test('script written into any field of the plan, a comment or a name is shown as text and runs nothing', async ({ browser, server }) => {
  test.setTimeout(120_000);
  const boardContext = await browser.newContext({ baseURL: server.url });
  await signIn(boardContext, server, P.board, 'styrelse');
  const kansliContext = await browser.newContext({ baseURL: server.url });
  const seen = await watch(kansliContext);
  await signIn(kansliContext, server, P.kansli, 'kansli');
  const cookie = (await boardContext.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const api = (path: string, data: unknown) =>
    boardContext.request.post(path, { data, headers: { origin: server.url, [CSRF_HEADER]: CSRF_HEADER_VALUE } });

  // A meeting with such a title, open, so that the change list shows the fields too.
  expect((await api('/api/plans/2025/meetings', { title: P.meeting, date: '2025-05-01', kind: 'styrelsemote', open: true })).status()).toBe(201);

  // The board member writes every field of one card, as the app would.
  const writer = await connectClient(`ws://127.0.0.1:${server.port}/ws`, 'plan/2025', { headers: { cookie, origin: server.url } });
  const item = listItems(writer.doc).find((i) => i.activity === 'Höstkongress')!;
  updateItem(writer.doc, item.id, { activity: P.activity, how: P.how, who: ['Kansli', P.who], when: P.when, statusNote: P.statusNote });
  const comment = await api(`/api/discussion/2025/items/${item.id}/threads`, { body: P.comment });
  expect(comment.status()).toBe(201);
  await waitFor(() => listItems(writer.doc).find((i) => i.id === item.id)?.statusNote === P.statusNote);
  writer.destroy();

  const page = await openBoardIn(kansliContext);
  const card = page.locator(`article[data-item-id="${item.id}"]`);
  for (const text of [P.activity, P.how, P.who, P.when, P.statusNote]) await expect(card).toContainText(text);
  await expect(page.getByRole('banner')).toContainText(P.kansli);
  const banner = page.getByRole('region', { name: 'Pågående möte' });
  await expect(banner).toContainText(P.meeting);
  await expect(banner).toContainText(P.activity);
  await expect(banner).toContainText(P.board);

  // Every field again in the edit dialog, the comment in the discussion.
  await card.getByRole('button', { name: /^Redigera / }).click();
  const edit = page.getByRole('dialog', { name: 'Redigera aktivitet' });
  await expect(edit.getByLabel('Vad')).toHaveValue(P.activity);
  await expect(edit.getByRole('textbox', { name: 'Hur' })).toHaveText(P.how);
  await expect(edit.getByLabel('Statusnotering')).toHaveValue(P.statusNote);
  await expect(edit).toContainText(P.who);
  await edit.getByRole('button', { name: 'Avbryt' }).click();
  await card.getByRole('button', { name: /Öppna kommentarer för/ }).click();
  const discussion = page.getByRole('dialog', { name: /^Kommentarer: / });
  await expect(discussion).toContainText(P.comment);
  await expect(discussion).toContainText(P.board);
  await discussion.getByRole('button', { name: 'Stäng' }).click();

  // People's names on the Personer page and the meeting in the history.
  await page.getByRole('link', { name: 'Personer' }).click();
  await expect(page.getByRole('row', { name: /STYRELSENAMN/ })).toContainText(P.board);
  await page.goBack();
  await page.getByRole('link', { name: 'Historik' }).first().click();
  await expect(page.getByRole('main')).toContainText(P.meeting);

  expect(await pageState(page)).toEqual({ pwned: null, violations: [] });
  expect(seen.dialogs).toEqual([]);
  expect(seen.injected).toEqual([]);
});

// Addresses a hand-made update can put in a link mark: script, an HTML page in the
// address itself, and the spellings browsers fold back into javascript:.
const UNSAFE = [
  "javascript:window.__pwned='LÄNK';alert('LÄNK')",
  'data:text/html,<script>alert("DATA")</script>',
  'JaVaScRiPt:alert(document.cookie)',
  'java\tscript:alert(3)',
  ' vbscript:msgbox(4)',
];
const SAFE = 'https://www.sekom.se/';
/** A paragraph of payload text, then one link per unsafe address and one safe link. */
const linkBlocks = (field: string): Block[] => [
  { type: 'paragraph', runs: [{ text: payload(field) }] },
  { type: 'paragraph', runs: [...UNSAFE.map((link, i) => ({ text: `${field}-LÄNK${i} `, link })), { text: `${field}-SÄKER`, link: SAFE }] },
];
const expectedLinks = (field: string) => [...UNSAFE.map((_, i) => [`${field}-LÄNK${i} `, '']), [`${field}-SÄKER`, SAFE]];

/** Each link's text and the address the page would follow. */
const linksIn = (scope: Locator) => scope.locator('a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));

const T = {
  title: SHORT('PLANTITEL'),
  organisation: SHORT('PLANORG'),
  direction: SHORT('RIKTNING'),
  personOrganisation: SHORT('ORGANISATION'),
  // Addresses are kept in lower case.
  email: `"><img/src=/__injected__/epost/onerror=alert('epost')>@example.se`,
  snapshotNote: payload('ÖGONBLICKSBILD'),
};

test('script in the plan title, directions, strategy, links, a person and a snapshot note is shown as text and runs nothing', async ({ browser, server }) => {
  test.setTimeout(150_000);
  const kansli = await watchedPerson(browser, server, 'Karin Kansli', 'kansli');
  const forum = await watchedPerson(browser, server, 'Frida Forum', 'tjanstepersonforum');
  const boardContext = await browser.newContext({ baseURL: server.url });
  await signIn(boardContext, server, 'Bo Styrelse', 'styrelse');
  const cookie = (await boardContext.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const send = (context: BrowserContext, method: 'post' | 'patch', path: string, data: unknown) =>
    context.request[method](path, { data, headers: { origin: server.url, [CSRF_HEADER]: CSRF_HEADER_VALUE } });

  // A board member's hand-made update writes what the editor itself would never let through.
  const writer = await connectClient(`ws://127.0.0.1:${server.port}/ws`, 'plan/2025', { headers: { cookie, origin: server.url } });
  const item = listItems(writer.doc).find((i) => i.activity === 'Höstkongress')!;
  const direction = listDirections(writer.doc).find((d) => d.id === item.directionId)!;
  writer.doc.transact(() => {
    planMeta(writer.doc).set('title', T.title);
    planMeta(writer.doc).set('organisation', T.organisation);
    planDirections(writer.doc).get(direction.id)!.set('title', T.direction);
    writeBlocks(itemHow(planItems(writer.doc).get(item.id)!), linkBlocks('HUR'));
    writeBlocks(planStrategy(writer.doc), linkBlocks('STRATEGI'));
    writeBlocks(planFocus(writer.doc), linkBlocks('FOKUS'));
  });
  await waitFor(() => listDirections(writer.doc).some((d) => d.title === T.direction));
  writer.destroy();

  // A comment cannot carry such a link at all; a web address it can.
  for (const href of UNSAFE) {
    const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'KOMMENTARLÄNK', marks: [{ type: 'link', attrs: { href } }] }] }] };
    const refused = await send(boardContext, 'post', `/api/discussion/2025/items/${item.id}/threads`, { body });
    expect(refused.status(), href).toBe(400);
    expect((await refused.json()).error.code).toBe('UNSAFE_LINK');
  }
  const safeComment = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'KOMMENTAR-SÄKER', marks: [{ type: 'link', attrs: { href: SAFE } }] }] }] };
  expect((await send(boardContext, 'post', `/api/discussion/2025/items/${item.id}/threads`, { body: safeComment })).status()).toBe(201);

  // The secretariat gives the board member such an organisation and e-mail; a snapshot gets such a note.
  const users = (await (await kansli.context.request.get('/api/users')).json()).users as { id: string; name: string }[];
  const bo = users.find((u) => u.name === 'Bo Styrelse')!;
  expect((await send(kansli.context, 'patch', `/api/users/${bo.id}`, { organisation: T.personOrganisation, email: T.email })).status()).toBe(200);
  expect((await send(boardContext, 'post', '/api/plans/2025/snapshots', { note: T.snapshotNote })).status()).toBe(201);

  // The secretariat's live, editable board.
  const page = await openBoardIn(kansli.context);
  await expect(page.getByRole('banner')).toContainText(T.title);
  await expect(page.getByRole('banner')).toContainText(T.organisation);
  await expect(page.getByRole('heading', { name: T.direction, level: 2 })).toBeVisible();
  const card = page.locator(`article[data-item-id="${item.id}"]`);
  await expect(card).toContainText(payload('HUR'));
  await card.getByRole('button', { name: /^Redigera / }).click();
  const edit = page.getByRole('dialog', { name: 'Redigera aktivitet' });
  const how = edit.getByRole('textbox', { name: 'Hur' });
  await expect(how).toContainText(payload('HUR'));
  expect(await linksIn(how)).toEqual(expectedLinks('HUR'));
  await edit.getByRole('button', { name: 'Avbryt' }).click();
  await card.getByRole('button', { name: /Öppna kommentarer för/ }).click();
  const discussion = page.getByRole('dialog', { name: /^Kommentarer: / });
  await expect(discussion).toContainText('KOMMENTAR-SÄKER');
  expect(await linksIn(discussion.locator('article, li').filter({ hasText: 'KOMMENTAR-SÄKER' }).last())).toEqual([['KOMMENTAR-SÄKER', SAFE]]);
  await discussion.getByRole('button', { name: 'Stäng' }).click();
  await page.getByRole('link', { name: 'Strategi' }).click();
  for (const [field, name] of [['STRATEGI', 'Verksamhetsstrategi'], ['FOKUS', 'Fokus för handlingsplanen 2025']]) {
    const text = page.getByRole('textbox', { name });
    await expect(text).toContainText(payload(field));
    expect(await linksIn(text)).toEqual(expectedLinks(field));
  }

  // The forum's read-only view of the same texts.
  const reader = await openBoardIn(forum.context);
  await expect(reader.getByRole('banner')).toContainText(T.title);
  // The forum reads Hur on the card, as text without links.
  const forumCard = reader.locator(`article[data-item-id="${item.id}"]`);
  await expect(forumCard).toContainText('HUR-LÄNK0');
  expect(await linksIn(forumCard)).toEqual([]);
  await reader.getByRole('link', { name: 'Strategi' }).click();
  const forumStrategy = reader.getByRole('textbox', { name: 'Verksamhetsstrategi' });
  await expect(forumStrategy).toHaveAttribute('contenteditable', 'false');
  await expect(forumStrategy).toContainText(payload('STRATEGI'));
  expect(await linksIn(forumStrategy)).toEqual(expectedLinks('STRATEGI'));

  // The person on the Personer page; the snapshot's note in the history, and the snapshot read-only.
  await page.getByRole('link', { name: 'Tillbaka till tavlan' }).click();
  await page.getByRole('link', { name: 'Personer' }).click();
  const row = page.getByRole('row', { name: /Bo Styrelse/ });
  await expect(row).toContainText(T.personOrganisation);
  await expect(row).toContainText(T.email);
  await page.goBack();
  await page.getByRole('link', { name: 'Historik' }).first().click();
  const snapshotRow = page.getByRole('listitem').filter({ hasText: 'ÖGONBLICKSBILD' });
  await expect(snapshotRow).toContainText(T.snapshotNote);
  await snapshotRow.getByRole('button', { name: /^Visa ögonblicksbild/ }).click();
  const readOnly = page.getByRole('region', { name: /skrivskyddad$/ });
  await expect(readOnly.getByRole('heading', { name: T.direction })).toBeVisible();
  await expect(readOnly.locator(`article[data-item-id="${item.id}"]`)).toContainText(payload('HUR'));

  // The exports: no unsafe address becomes a link in Word or in Markdown.
  const docx = await JSZip.loadAsync(await (await kansli.context.request.get('/api/plans/2025/export?format=docx')).body());
  const rels = await docx.file('word/_rels/document.xml.rels')!.async('string');
  const targets = [...rels.matchAll(/Target="([^"]*)"[^>]*TargetMode="External"/g)].map((m) => m[1]);
  expect(targets).toContain(SAFE);
  expect(targets.filter((t) => t !== SAFE)).toEqual([]);

  const markdown = await (await kansli.context.request.get('/api/plans/2025/export?format=md')).text();
  for (const field of ['STRATEGI', 'FOKUS']) expect(markdown).toContain(`[${field}-SÄKER](<${SAFE}>)`);
  expect(markdown).not.toMatch(/\]\(<?\s*(java\s*script|data|vbscript):/i);
  for (const p of [page, reader]) expect(await pageState(p)).toEqual({ pwned: null, violations: [] });
  for (const seen of [kansli.seen, forum.seen]) expect(seen).toEqual({ dialogs: [], injected: [] });
});
