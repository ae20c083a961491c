import type { Browser, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../shared/auth/csrfHeader';
import type { Role } from '../../shared/auth/roles';
import type { RunningServer } from '../helpers/runServer';
import { expect } from './fixtures';

// People for the discussion's browser tests: each is invited from the command line, as
// the secretariat would, accepts the link in their own browser context and opens the board.

const PASSWORD = 'ett långt lösenord 2025';
let counter = 0;

export async function personOnBoard(browser: Browser, server: RunningServer, role: Role, name: string): Promise<Page> {
  const email = `${role}-${Date.now()}-${counter++}@example.se`;
  const link = execFileSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'user', 'add', '--email', email, '--name', name, '--role', role], {
    env: { ...process.env, DATA_DIR: server.dataDir, PUBLIC_ORIGIN: server.url },
    encoding: 'utf8',
  }).trim();
  const token = link.slice(link.indexOf('=', link.indexOf('#')) + 1);
  const context = await browser.newContext({ baseURL: server.url });
  const accepted = await context.request.post('/api/auth/link/accept', {
    data: { token, password: PASSWORD },
    headers: { origin: server.url, [CSRF_HEADER]: CSRF_HEADER_VALUE },
  });
  expect(accepted.status()).toBe(200);
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('article').first()).toBeVisible();
  return page;
}

/** The card's button into its discussion, whatever its count says. */
export const commentButton = (page: Page, activity: string) => page.getByRole('button', { name: new RegExp(`Öppna kommentarer för ${activity}$`) });
