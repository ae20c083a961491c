import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/auth/roles';
import { readThread } from '../../shared/discussion/schema';
import { commentServer, PLAN, type CommentServer, type Person } from './commentServer';

// Each role against each thing one can do in a discussion, over HTTP.

const ROLES: Role[] = ['styrelse', 'tjanstepersonforum', 'kansli'];
let s: CommentServer;
let people: Record<Role, Person>;
let author: Person;

beforeAll(async () => {
  s = await commentServer();
  people = { styrelse: await s.person('styrelse'), tjanstepersonforum: await s.person('tjanstepersonforum'), kansli: await s.person('kansli') };
  author = await s.person('tjanstepersonforum', 'Trådens författare');
});
afterAll(() => s.close());

async function thread(by: Person = author) {
  const res = await s.send('POST', `${PLAN}/items/${s.items.B}/threads`, by, { body: 'Öppningen' });
  return (await res.json()) as { threadId: string; commentId: string };
}
const status = async (res: Promise<Response>) => {
  const r = await res;
  return r.status === 200 || r.status === 201 ? r.status : `${r.status} ${(await r.json()).error.code}`;
};

describe('who may do what in a discussion', () => {
  it.each(ROLES)('%s may start a thread and reply', async (role) => {
    const { threadId } = await thread(people[role]);
    expect(await status(s.send('POST', `${PLAN}/threads/${threadId}/comments`, people[role], { body: 'svar' }))).toBe(201);
  });

  it.each(ROLES)('%s edits and deletes only their own comments', async (role) => {
    const mine = await thread(people[role]);
    const theirs = await thread(author);
    expect(await status(s.send('PATCH', `${PLAN}/comments/${theirs.commentId}`, people[role], { body: 'kapad' }))).toBe('403 NOT_YOURS');
    expect(await status(s.send('DELETE', `${PLAN}/comments/${theirs.commentId}`, people[role]))).toBe('403 NOT_YOURS');
    expect(readThread(s.discussion(), theirs.threadId)!.comments[0].state).toBe('visible');

    expect(await status(s.send('PATCH', `${PLAN}/comments/${mine.commentId}`, people[role], { body: 'ändrad' }))).toBe(200);
    expect(readThread(s.discussion(), mine.threadId)!.comments[0]).toMatchObject({ editedAt: s.clock.now, state: 'visible' });
    expect(await status(s.send('DELETE', `${PLAN}/comments/${mine.commentId}`, people[role]))).toBe(200);
    const deleted = readThread(s.discussion(), mine.threadId)!;
    expect(deleted.comments[0]).toMatchObject({ state: 'deleted', body: null });
    expect(await status(s.send('PATCH', `${PLAN}/comments/${mine.commentId}`, people[role], { body: 'igen' }))).toBe('409 COMMENT_GONE');
  });

  it('only the secretariat hides comments, and a hidden comment keeps its place without its words', async () => {
    const { threadId, commentId } = await thread();
    await s.send('POST', `${PLAN}/threads/${threadId}/comments`, people.styrelse, { body: 'svar' });
    expect(await status(s.send('POST', `${PLAN}/comments/${commentId}/hide`, people.styrelse))).toBe('403 FORBIDDEN');
    expect(await status(s.send('POST', `${PLAN}/comments/${commentId}/hide`, people.tjanstepersonforum))).toBe('403 FORBIDDEN');
    expect(await status(s.send('POST', `${PLAN}/comments/${commentId}/hide`, author))).toBe('403 FORBIDDEN');
    expect(await status(s.send('POST', `${PLAN}/comments/${commentId}/hide`, people.kansli))).toBe(200);
    const hidden = readThread(s.discussion(), threadId)!;
    expect(hidden.comments.map((c) => c.state)).toEqual(['hidden', 'visible']);
    expect(hidden.comments[0]).toMatchObject({ hiddenBy: people.kansli.id, body: null });
  });

  it('board, secretariat and the thread’s author resolve and reopen; another forum member may not', async () => {
    const { threadId } = await thread();
    expect(await status(s.send('POST', `${PLAN}/threads/${threadId}/resolve`, people.tjanstepersonforum))).toBe('403 FORBIDDEN');
    for (const who of [people.styrelse, people.kansli, author]) {
      expect(await status(s.send('POST', `${PLAN}/threads/${threadId}/resolve`, who))).toBe(200);
      expect(readThread(s.discussion(), threadId)).toMatchObject({ resolved: true, resolvedBy: who.id, resolvedByName: who.name });
      expect(await status(s.send('POST', `${PLAN}/threads/${threadId}/reopen`, who))).toBe(200);
      expect(readThread(s.discussion(), threadId)!.resolved).toBe(false);
    }
    expect(await status(s.send('POST', `${PLAN}/threads/${threadId}/reopen`, people.tjanstepersonforum))).toBe('403 FORBIDDEN');
  });

  it('a deactivated person can no longer comment', async () => {
    const leaving = await s.person('styrelse');
    await s.auth.people.updateUser(leaving.id, { active: false }, s.clock.now);
    expect(await status(s.send('POST', `${PLAN}/items/${s.items.B}/threads`, leaving, { body: 'hej' }))).toBe('401 NOT_SIGNED_IN');
  });
});
