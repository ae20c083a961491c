import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../shared/auth/csrfHeader';
import { commentButton, personOnBoard } from './commentsPeople';
import { expect, test } from './fixtures';

// The forum discusses an item between meetings and the board follows live: comments,
// replies, resolving and reopening, and editing one's own comment, each seen in the
// other person's browser without a reload. The server, not the page, decides who may
// change what.

const ITEM = 'Höstkongress';

test('a forum member comments, a board member sees it live with the unread marker, replies, resolves and reopens', async ({ browser, server }) => {
  const forum = await personOnBoard(browser, server, 'tjanstepersonforum', 'Frida Forum');
  const board = await personOnBoard(browser, server, 'styrelse', 'Sara Styrelse');
  await expect(commentButton(board, ITEM)).toHaveAttribute('data-unread', '0');

  await commentButton(forum, ITEM).click();
  const forumPanel = forum.getByRole('dialog', { name: `Kommentarer: ${ITEM}` });
  await forumPanel.getByRole('textbox', { name: 'Skriv en kommentar' }).fill('Hur går planeringen av kongressen?');
  await forumPanel.getByRole('button', { name: 'Kommentera' }).click();
  await expect(forumPanel.getByRole('article', { name: /^Frida Forum/ })).toContainText('Hur går planeringen av kongressen?');

  // Live on the board member's card: one comment, unread.
  const badge = commentButton(board, ITEM);
  await expect(badge).toHaveAccessibleName(`1 kommentar, 1 olästa. Öppna kommentarer för ${ITEM}`);
  await expect(badge).toHaveAttribute('data-unread', '1');

  await badge.click();
  const boardPanel = board.getByRole('dialog', { name: `Kommentarer: ${ITEM}` });
  await expect(boardPanel.getByRole('article', { name: /^Frida Forum/ })).toContainText('Hur går planeringen av kongressen?');
  await boardPanel.getByRole('button', { name: 'Svara' }).click();
  await boardPanel.getByRole('textbox', { name: 'Skriv ett svar' }).fill('Lokalen är bokad.');
  await boardPanel.getByRole('button', { name: 'Skicka svar' }).click();
  await expect(forumPanel.getByRole('list', { name: '1 svar' })).toContainText('Lokalen är bokad.');
  await expect(forumPanel.getByRole('article', { name: /^Sara Styrelse/ })).toBeVisible();

  // Read now: the marker is gone once the panel is closed.
  await boardPanel.getByRole('button', { name: 'Stäng' }).click();
  await expect(badge).toHaveAttribute('data-unread', '0');
  await expect(badge).toHaveAccessibleName(`2 kommentarer. Öppna kommentarer för ${ITEM}`);

  await badge.click();
  await boardPanel.getByRole('button', { name: 'Markera som löst' }).click();
  await expect(forumPanel.getByText('Löst av Sara Styrelse')).toBeVisible();
  await boardPanel.getByRole('button', { name: 'Öppna igen' }).click();
  await expect(forumPanel.getByText('Löst av Sara Styrelse')).toHaveCount(0);
  await expect(forumPanel.getByRole('button', { name: 'Markera som löst' })).toBeVisible(); // the thread's author may too
});

test('one edits one’s own comment; editing someone else’s is refused by the server', async ({ browser, server }) => {
  const forum = await personOnBoard(browser, server, 'tjanstepersonforum', 'Frans Forum');
  const board = await personOnBoard(browser, server, 'styrelse', 'Stig Styrelse');
  const item = 'Samverka med WWF';

  await commentButton(forum, item).click();
  const forumPanel = forum.getByRole('dialog', { name: `Kommentarer: ${item}` });
  await forumPanel.getByRole('textbox', { name: 'Skriv en kommentar' }).fill('Första utkastet');
  await forumPanel.getByRole('button', { name: 'Kommentera' }).click();
  const mine = forumPanel.getByRole('article', { name: /^Frans Forum/ });
  await expect(mine).toContainText('Första utkastet');

  await commentButton(board, item).click();
  const boardPanel = board.getByRole('dialog', { name: `Kommentarer: ${item}` });
  const theirs = boardPanel.getByRole('article', { name: /^Frans Forum/ });
  await expect(theirs).toContainText('Första utkastet');
  await expect(theirs.getByRole('button', { name: 'Redigera' })).toHaveCount(0);

  await mine.getByRole('button', { name: 'Redigera' }).click();
  const editor = mine.getByRole('textbox', { name: 'Redigera kommentaren' });
  await editor.fill('Andra, bättre utkastet');
  await mine.getByRole('button', { name: 'Spara' }).click();
  await expect(theirs).toContainText('Andra, bättre utkastet');
  await expect(theirs).toContainText('(redigerad)');

  // The board member's page asks the server to change the forum member's comment anyway.
  const commentId = await theirs.getAttribute('data-comment-id');
  const refused = await board.evaluate(
    async ([id, header, value]: string[]) => {
      const plans = await (await fetch('/api/plans')).json();
      const res = await fetch(`/api/discussion/${plans.plans[0].id}/comments/${id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', [header]: value },
        body: JSON.stringify({ body: 'Kapad' }),
      });
      return { status: res.status, code: (await res.json()).error?.code };
    },
    [commentId ?? '', CSRF_HEADER, CSRF_HEADER_VALUE],
  );
  expect(refused).toEqual({ status: 403, code: 'NOT_YOURS' });
  await expect(mine).toContainText('Andra, bättre utkastet');
});
