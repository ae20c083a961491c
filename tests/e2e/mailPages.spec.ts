import { execFileSync } from 'node:child_process';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../shared/auth/csrfHeader';
import { runServer, type RunningServer } from '../helpers/runServer';
import { startSmtpSink, type SmtpSink } from '../helpers/smtpSink';
import { commentButton, personOnBoard } from './commentsPeople';
import { expect, test } from './fixtures';

// The secretariat's Utkorg and each person's Mina inställningar in the browser, and a
// mail's link to a thread followed by someone who has to sign in first.

const PASSWORD = 'ett långt lösenord 2025';

function addPerson(server: RunningServer, email: string, name: string, role = 'tjanstepersonforum'): string {
  return execFileSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'user', 'add', '--email', email, '--name', name, '--role', role], {
    env: { ...process.env, DATA_DIR: server.dataDir, PUBLIC_ORIGIN: server.url },
    encoding: 'utf8',
  }).trim();
}

test.describe('Utkorg', () => {
  let sink: SmtpSink;
  let server: RunningServer;
  test.beforeEach(async () => {
    sink = await startSmtpSink();
    server = await runServer({ SMTP_URL: sink.url, MAIL_RETRY_SECONDS: '1' });
  });
  test.afterEach(async () => {
    await server.dispose();
    await sink.close();
  });

  test('shows each mail\'s state with the server\'s answer, and sends a failed one again', async ({ browser }) => {
    sink.refuse({ code: 550, message: 'Mailbox unavailable' });
    const admin = await personOnBoard(browser, server, 'kansli', 'Karin Kansli');
    addPerson(server, 'eva@orebro.se', 'Eva Lind');
    await admin.getByRole('link', { name: 'Utkorg' }).click();
    await expect(admin.getByRole('heading', { name: 'Utkorg', level: 1 })).toBeVisible();
    const row = admin.getByRole('row').filter({ hasText: 'eva@orebro.se' });
    await expect(row).toContainText('Misslyckades');
    await expect(row).toContainText('Serverns svar: 550 Mailbox unavailable');
    await expect(row).toContainText('Inloggningslänk');
    expect(sink.received).toHaveLength(0);

    sink.refuse(null);
    await row.getByRole('button', { name: /^Skicka ”Välkommen till Planbord – välj ditt lösenord” till eva@orebro.se igen$/ }).click();
    await expect(admin.getByRole('status')).toContainText('Mejlet väntar på att skickas igen.');
    await expect(row).toContainText('Skickat');
    await expect(row.getByRole('button', { name: /igen$/ })).toHaveCount(0);
    expect(sink.received.map((m) => m.to)).toEqual([['eva@orebro.se']]);

    await row.getByRole('button', { name: /^Visa mejlet/ }).click();
    const dialog = admin.getByRole('dialog', { name: 'Välkommen till Planbord – välj ditt lösenord' });
    await expect(dialog).toContainText(`${server.url}/#invitation=`);
  });

  test('is the secretariat\'s only', async ({ browser }) => {
    const forum = await personOnBoard(browser, server, 'tjanstepersonforum', 'Frida Forum');
    await expect(forum.getByRole('link', { name: 'Utkorg' })).toHaveCount(0);
    await forum.goto('/#utkorg');
    await expect(forum.getByRole('heading', { name: 'Utkorg' })).toHaveCount(0);
    expect((await forum.request.get('/api/mail/outbox')).status()).toBe(403);
  });
});

test('a person chooses their language, digest and mails on Mina inställningar, and they stay chosen', async ({ browser, server }) => {
  const page = await personOnBoard(browser, server, 'tjanstepersonforum', 'Frida Forum');
  await page.getByRole('link', { name: 'Mina inställningar' }).click();
  await expect(page.getByRole('heading', { name: 'Mina inställningar', level: 1 })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Varje vecka' })).toBeChecked();
  await page.getByRole('combobox', { name: 'Språk' }).last().selectOption('en');
  await page.getByRole('radio', { name: 'Varje dag' }).check();
  await page.getByRole('checkbox', { name: 'Möten som planeras eller öppnas' }).uncheck();
  await page.getByRole('button', { name: 'Spara' }).click();
  // Saved, and the page speaks the chosen language.
  await expect(page.getByRole('status')).toContainText('Your settings are saved.');
  await expect(page.getByRole('heading', { name: 'My settings', level: 1 })).toBeVisible();
  const saved = await (await page.request.get('/api/me/settings')).json();
  expect(saved).toEqual({ language: 'en', digest: 'daily', kinds: { sign_in_link: true, mention: true, reply: true, round: true, meeting: false } });

  // Another computer: the person's language follows them.
  const other = await browser.newContext({ baseURL: server.url, storageState: await page.context().storageState() });
  const second = await other.newPage();
  await second.goto('/#installningar');
  await expect(second.getByRole('heading', { name: 'My settings', level: 1 })).toBeVisible();
  await expect(second.getByRole('radio', { name: 'Every day' })).toBeChecked();
  await expect(second.getByRole('checkbox', { name: 'Meetings scheduled or opened' })).not.toBeChecked();
  await second.getByRole('link', { name: 'Back to the board' }).click();
  await expect(second.getByRole('article').first()).toBeVisible();
});

test('a mail\'s link to a thread opens the card\'s comments with the thread in focus, after signing in', async ({ browser, server }) => {
  const ITEM = 'Höstkongress';
  const forum = await personOnBoard(browser, server, 'tjanstepersonforum', 'Frida Forum');
  const itemId = await forum.locator('article', { hasText: ITEM }).first().getAttribute('data-item-id');
  const { plans } = await (await forum.request.get('/api/plans')).json();
  const planId = plans[0].id as string;
  const post = (path: string, body: unknown) =>
    forum.request.post(path, { data: body, headers: { origin: server.url, [CSRF_HEADER]: CSRF_HEADER_VALUE } });
  // Several threads, so the linked one has to be scrolled to.
  let threadId = '';
  for (let i = 1; i <= 6; i++) {
    const res = await post(`/api/discussion/${planId}/items/${itemId}/threads`, { body: `Tråd nummer ${i}\n\nMed flera stycken text.` });
    if (i === 2) threadId = (await res.json()).threadId;
  }

  const email = 'sara@example.se';
  const link = addPerson(server, email, 'Sara Styrelse', 'styrelse');
  const context = await browser.newContext({ baseURL: server.url });
  await context.request.post('/api/auth/link/accept', {
    data: { token: link.slice(link.indexOf('=', link.indexOf('#')) + 1), password: PASSWORD },
    headers: { origin: server.url, [CSRF_HEADER]: CSRF_HEADER_VALUE },
  });
  await context.clearCookies();
  const page = await context.newPage();
  await page.goto(`/?plan=${planId}#item=${itemId}&thread=${threadId}`);
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Logga in' }).click();

  const panel = page.getByRole('dialog', { name: `Kommentarer: ${ITEM}` });
  await expect(panel).toBeVisible();
  const thread = panel.locator(`[data-thread-id="${threadId}"]`);
  await expect(thread).toBeFocused();
  await expect(thread).toContainText('Tråd nummer 2');
  await expect(thread).toBeInViewport();
  // Closed, the link leaves the address: a reload shows the board.
  await panel.getByRole('button', { name: 'Stäng' }).click();
  await expect(panel).toHaveCount(0);
  expect(new URL(page.url()).hash).toBe('');
  // An item link without a thread opens the card's comments too.
  await page.goto(`/?plan=${planId}#item=${itemId}`);
  await expect(page.getByRole('dialog', { name: `Kommentarer: ${ITEM}` })).toBeVisible();
  await expect(commentButton(page, ITEM)).toHaveCount(1);
});
