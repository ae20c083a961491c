import type { BrowserContext, Page } from '@playwright/test';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../shared/auth/csrfHeader';
import { updateItem } from '../../shared/plan/itemOps';
import { listItems } from '../../shared/plan/schema';
import { connectClient } from '../helpers/syncClient';
import { waitFor } from '../helpers/waitFor';
import { openBoardIn, signIn } from './boardPage';
import { expect, test } from './fixtures';

// Script in every text a person can write, shown in the board: Vad, Hur, Vem, När, the
// status note, a comment, people's names, a meeting's title and its change list. Each
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
