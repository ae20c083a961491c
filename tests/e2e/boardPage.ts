import type { Browser, BrowserContext, Page } from '@playwright/test';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../shared/auth/csrfHeader';
import type { Role } from '../../shared/auth/roles';
import { userCommand } from '../../server/cli/userCommand';
import type { RunningServer } from '../helpers/runServer';
import { expect } from './fixtures';

// Board members on the board, found the way a screen-reader user finds things: by role
// and name. Each person is invited on the command line, as the secretariat would, and
// accepts the link in their own browser context.

export const LANES = ['Förebild och föregångare', 'Pådrivare och opinionsbildare', 'Kunskapsförmedlare och en arena för erfarenhetsutbyte'] as const;

const PASSWORD = 'en lång fras för tavlans tester';
let people = 0;

/** Signs a new person with this role into the context (its cookie then opens the board and its socket). */
export async function signIn(context: BrowserContext, server: RunningServer, name: string, role: Role = 'styrelse'): Promise<void> {
  const out: string[] = [];
  const email = `tavla-${Date.now()}-${people++}@example.se`;
  const env = { ...process.env, DATA_DIR: server.dataDir, PUBLIC_ORIGIN: server.url };
  const code = await userCommand.run(['add', '--email', email, '--name', name, '--role', role], env, { out: (l) => out.push(l), err: () => {} });
  expect(code).toBe(0);
  const link = out.join('\n').trim();
  const token = link.slice(link.indexOf('=', link.indexOf('#')) + 1);
  const accepted = await context.request.post(`${server.url}/api/auth/link/accept`, {
    data: { token, password: PASSWORD },
    headers: { origin: server.url, [CSRF_HEADER]: CSRF_HEADER_VALUE },
  });
  expect(accepted.status()).toBe(200);
}

/** Opens the board in a new page of the context and waits until it is live. */
export async function openBoardIn(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('status', { name: 'Anslutning' })).toContainText('Ansluten');
  await expect(page.getByRole('article').first()).toBeVisible();
  return page;
}

/** A board member (or someone in another role) with a browser of their own, on the board. */
export async function openBoard(browser: Browser, server: RunningServer, name = 'Styrelseledamot', role: Role = 'styrelse'): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.url });
  await signIn(context, server, name, role);
  return openBoardIn(context);
}

/** One status column of one direction, e.g. cell(page, 'Pågår', LANES[1]). */
export const cell = (page: Page, status: string, lane: string) => page.getByRole('group', { name: `${status} – ${lane}`, exact: true });

export const card = (page: Page, activity: string) => page.getByRole('article', { name: activity, exact: true });

/**
 * Opens the dialog for a new activity in a direction, from the keyboard. The cards are
 * laid out as they come into view, which can move the lane's button between the
 * moment a pointer aims at it and the click.
 */
export async function addActivity(page: Page, lane: string) {
  await page.getByRole('button', { name: `Lägg till aktivitet i ${lane}` }).press('Enter');
  return page.getByRole('dialog', { name: `Ny aktivitet i ${lane}` });
}
