import { test as base, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../shared/auth/csrfHeader';
import { stockholmParts } from '../../shared/rounds/stockholmTime';
import { runServer, type RunningServer } from '../helpers/runServer';
import { personOnBoard } from './commentsPeople';

// A consultation round from opening to summary with the three roles, each in a browser
// of their own: the secretariat opens it, a forum member sees it asked of them and
// answers in the card's thread, the secretariat follows who has answered, the server
// closes it at the deadline (its clock moved on through the test's own entry of the
// server), and a board member opens the summary from the banner of the strategy meeting.

const test = base.extend<{ server: RunningServer }>({
  server: async ({}, use) => {
    const server = await runServer({}, { movableClock: true });
    await use(server);
    await server.dispose();
  },
  baseURL: async ({ server }, use) => use(server.url),
});

const ITEM = 'Höstkongress';
const QUESTION = 'Ska höstkongressen bli en heldag?';
const ANSWER = 'Ja, en heldag med workshoppar på eftermiddagen.';
const DAY = 24 * 3600_000;

/** Someone invited from the command line who never opens the board. */
function invite(server: RunningServer, name: string) {
  execFileSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'user', 'add', '--email', `${name.split(' ')[0].toLowerCase()}-${Date.now()}@example.se`, '--name', name, '--role', 'tjanstepersonforum'], {
    env: { ...process.env, DATA_DIR: server.dataDir, PUBLIC_ORIGIN: server.url },
  });
}

const personRow = (page: Page, name: string) => page.getByRole('table', { name: 'Per person' }).getByRole('row', { name: new RegExp(`^${name}`) });

test('a round goes from opening to its summary in the strategy meeting, with the three roles', async ({ browser, server }) => {
  const forum = await personOnBoard(browser, server, 'tjanstepersonforum', 'Anna Forum');
  invite(server, 'Bo Forum');
  const kansli = await personOnBoard(browser, server, 'kansli', 'Karin Kansli');
  const board = await personOnBoard(browser, server, 'styrelse', 'Sara Styrelse');

  // The secretariat opens the round on one item for the whole forum, a week ahead.
  await kansli.getByRole('link', { name: 'Remissrundor' }).click();
  await kansli.getByRole('button', { name: 'Ny remissrunda' }).click();
  const form = kansli.getByRole('dialog', { name: 'Ny remissrunda' });
  await form.getByRole('textbox', { name: 'Fråga' }).fill(QUESTION);
  await form.getByRole('checkbox', { name: ITEM, exact: true }).check();
  await form.getByRole('radio', { name: 'Hela tjänstepersonforumet' }).check();
  await form.getByLabel('Datum').fill(stockholmParts(Date.now() + 7 * DAY).date);
  await form.getByLabel('Tid (svensk tid)').fill('17:00');
  await form.getByRole('checkbox', { name: 'Påminn dem som inte har svarat' }).check();
  await form.getByRole('button', { name: 'Öppna remissrundan' }).click();
  await expect(kansli.getByRole('heading', { name: /^Remissrunda/ })).toContainText('Pågår');
  await expect(kansli).toHaveURL(/#round=/);
  await expect(personRow(kansli, 'Anna Forum')).toContainText(ITEM);
  await expect(personRow(kansli, 'Bo Forum')).toContainText(ITEM);

  // The board sees the item out for consultation on its card.
  const boardMarker = board.getByRole('article', { name: ITEM, exact: true }).getByRole('button', { name: /är på remiss/ });
  await expect(boardMarker).toHaveAccessibleName(/0 av 2 har svarat/, { timeout: 15_000 });

  // The forum member sees it asked of them, on the card and in "Att besvara".
  const todo = forum.getByRole('region', { name: 'Att besvara' });
  await expect(todo).toContainText(QUESTION, { timeout: 15_000 });
  await expect(todo).toContainText('Svara senast');
  await expect(forum.getByRole('article', { name: ITEM, exact: true }).getByRole('button', { name: /^Remissfråga att besvara senast/ })).toBeVisible();

  // ... and answers in the card's thread, where the question stands above the comments.
  await todo.getByRole('button', { name: `Svara på ${ITEM}` }).click();
  const panel = forum.getByRole('dialog', { name: `Kommentarer: ${ITEM}` });
  await expect(panel.getByRole('complementary', { name: 'Remissfråga till dig' })).toContainText(QUESTION);
  await panel.getByRole('textbox', { name: 'Skriv en kommentar' }).fill(ANSWER);
  await panel.getByRole('button', { name: 'Kommentera' }).click();
  await expect(panel.getByRole('complementary', { name: 'Remissfråga till dig' })).toContainText('Du har svarat');
  await panel.getByRole('button', { name: 'Stäng' }).click();
  await expect(todo).toHaveCount(0);
  await expect(forum.getByRole('article', { name: ITEM, exact: true }).getByRole('button', { name: /^Du har svarat på remissfrågan/ })).toBeVisible();

  // The secretariat and the board see at once who has answered and who has not.
  await expect(boardMarker).toHaveAccessibleName(/1 av 2 har svarat/);
  await expect(personRow(kansli, 'Anna Forum')).toContainText('Alla punkter');
  await expect(personRow(kansli, 'Bo Forum').getByRole('cell').nth(1)).toHaveText(ITEM);
  await expect(kansli.getByRole('region', { name: 'Svar hittills' })).toContainText(ANSWER);

  // The forum member follows only their own progress.
  await forum.goto('/#remissrundor');
  await forum.getByRole('link', { name: QUESTION }).click();
  await expect(forum.getByRole('region', { name: 'Dina svar' })).toContainText('Besvarad');
  await expect(forum.getByRole('table', { name: 'Per person' })).toHaveCount(0);

  // Eight days pass on the server: the round closes itself at its deadline.
  await server.advanceClock(8 * DAY);
  await expect(kansli.getByRole('heading', { name: /^Remissrunda/ })).toContainText('Avslutad', { timeout: 15_000 });
  await expect(kansli.getByText(/^Vid sista svarsdag, /)).toBeVisible();
  await expect(kansli.getByRole('region', { name: 'Händelser' })).toContainText('Avslutad vid sista svarsdag, 1 svar');

  // The board's strategy meeting opens; its banner leads the board member to the summary.
  const opened = await kansli.request.post('/api/plans/2025/meetings', {
    data: { title: 'Strategimöte 1', date: stockholmParts(Date.now()).date, kind: 'strategimote', open: true },
    headers: { origin: server.url, [CSRF_HEADER]: CSRF_HEADER_VALUE },
  });
  expect(opened.status()).toBe(201);
  const banner = board.getByRole('region', { name: 'Pågående möte' });
  await expect(banner).toBeVisible({ timeout: 15_000 });
  await banner.getByRole('link', { name: `Öppna sammanställningen: ${QUESTION}` }).click();
  const summary = board.getByRole('region', { name: 'Sammanställning' });
  await expect(summary.getByRole('article', { name: ITEM })).toContainText('Anna Forum');
  await expect(summary.getByRole('article', { name: ITEM })).toContainText(ANSWER);
  await expect(personRow(board, 'Bo Forum')).toContainText(ITEM);

  // The round's address opens its summary straight away, for the forum member too.
  const roundId = new URL(board.url()).hash.replace('#round=', '');
  await forum.goto(`/?plan=2025#round=${roundId}`);
  await expect(forum.getByRole('region', { name: 'Sammanställning' }).getByRole('article', { name: ITEM })).toContainText(ANSWER);
});

test('a round opened a moment ago shows at once, before the page’s next look at the list brings it', async ({ browser, server }) => {
  invite(server, 'Bo Forum');
  const kansli = await personOnBoard(browser, server, 'kansli', 'Karin Kansli');
  const itemId = await kansli.getByRole('article', { name: ITEM, exact: true }).getAttribute('data-item-id');
  // From now on the page's looks at the list of rounds go unanswered.
  await kansli.route('**/api/plans/2025/rounds', (route) => (route.request().method() === 'GET' ? undefined : route.fallback()));
  const opened = await kansli.request.post('/api/plans/2025/rounds', {
    data: { question: QUESTION, deadline: `${stockholmParts(Date.now() + 7 * DAY).date}T17:00`, itemIds: [itemId], recipients: 'forum' },
    headers: { origin: server.url, [CSRF_HEADER]: CSRF_HEADER_VALUE },
  });
  expect(opened.status()).toBe(201);
  await kansli.evaluate((id) => (location.hash = `#round=${id}`), (await opened.json()).id);
  await expect(kansli.getByRole('blockquote')).toHaveText(QUESTION);
  await expect(kansli.getByRole('alert')).toHaveCount(0);
});
