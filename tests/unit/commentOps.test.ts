import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { commentBodyText } from '../../shared/discussion/commentBody';
import { addReply, deleteComment, editComment, hideComment, setThreadResolved, startThread } from '../../shared/discussion/discussionOps';
import type { Actor } from '../../shared/discussion/discussionPermissions';
import { itemDiscussionStats } from '../../shared/discussion/itemDiscussionStats';
import { sanitizeCommentBody } from '../../shared/discussion/sanitizeCommentBody';
import { listThreads, readThread } from '../../shared/discussion/schema';
import { codeOf } from './commentFixtures';

const forum: Actor = { id: 'f1', name: 'Frida Forum', role: 'tjanstepersonforum' };
const forum2: Actor = { id: 'f2', name: 'Fredrik Forum', role: 'tjanstepersonforum' };
const board: Actor = { id: 's1', name: 'Sara Styrelse', role: 'styrelse' };
const office: Actor = { id: 'k1', name: 'Karin Kansli', role: 'kansli' };
const text = (s: string) => sanitizeCommentBody(s);

function discussion() {
  const doc = new Y.Doc();
  const { threadId, commentId } = startThread(doc, 'item1', text('Hur går det med detta?'), { actor: forum, at: 1000 });
  return { doc, threadId, commentId };
}

describe('discussion operations', () => {
  it('a thread holds its opening comment and one level of replies, author and time as given by the server', () => {
    const { doc, threadId, commentId } = discussion();
    addReply(doc, threadId, text('Det går bra'), { actor: board, at: 2000 });
    addReply(doc, threadId, text('Tack!'), { actor: forum, at: 3000 });
    const thread = readThread(doc, threadId)!;
    expect(thread.itemId).toBe('item1');
    expect(thread.comments.map((c) => [c.authorName, c.createdAt, commentBodyText(c.body!)])).toEqual([
      ['Frida Forum', 1000, 'Hur går det med detta?'],
      ['Sara Styrelse', 2000, 'Det går bra'],
      ['Frida Forum', 3000, 'Tack!'],
    ]);
    expect(thread.comments.slice(1).every((c) => c.parentId === commentId)).toBe(true);
  });

  it('each operation is one update, and a refused one none', () => {
    const { doc, threadId, commentId } = discussion();
    let updates = 0;
    doc.on('update', () => updates++);
    addReply(doc, threadId, text('Svar'), { actor: board, at: 2000 });
    editComment(doc, commentId, text('Ändrad'), { actor: forum, at: 2500 });
    setThreadResolved(doc, threadId, true, { actor: board, at: 3000 });
    expect(updates).toBe(3);
    expect(codeOf(() => editComment(doc, commentId, text('Kapad'), { actor: forum2, at: 4000 }))).toBe('NOT_YOURS');
    expect(codeOf(() => addReply(doc, 'nope', text('x'), { actor: board, at: 4000 }))).toBe('THREAD_NOT_FOUND');
    expect(updates).toBe(3);
  });

  it('only the author edits or deletes a comment; the thread stays whole and shows it deleted', () => {
    const { doc, threadId, commentId } = discussion();
    addReply(doc, threadId, text('Svar'), { actor: board, at: 2000 });
    for (const other of [forum2, board, office]) expect(codeOf(() => deleteComment(doc, commentId, { actor: other, at: 3000 }))).toBe('NOT_YOURS');
    editComment(doc, commentId, text('Hur går det nu?'), { actor: forum, at: 2500 });
    expect(readThread(doc, threadId)!.comments[0]).toMatchObject({ editedAt: 2500, state: 'visible' });
    deleteComment(doc, commentId, { actor: forum, at: 3000 });
    const [opening, reply] = readThread(doc, threadId)!.comments;
    expect(opening).toMatchObject({ state: 'deleted', deletedAt: 3000, body: null, authorName: 'Frida Forum' });
    expect(commentBodyText(reply.body!)).toBe('Svar');
    expect(codeOf(() => editComment(doc, commentId, text('igen'), { actor: forum, at: 4000 }))).toBe('COMMENT_GONE');
  });

  it('only the secretariat hides, and a hidden comment no longer carries its words', () => {
    const { doc, threadId, commentId } = discussion();
    expect(codeOf(() => hideComment(doc, commentId, { actor: board, at: 2000 }))).toBe('FORBIDDEN');
    expect(codeOf(() => hideComment(doc, commentId, { actor: forum, at: 2000 }))).toBe('FORBIDDEN');
    hideComment(doc, commentId, { actor: office, at: 2000 });
    expect(readThread(doc, threadId)!.comments[0]).toMatchObject({ state: 'hidden', hiddenBy: 'k1', body: null });
    expect(Buffer.from(Y.encodeStateAsUpdate(doc)).toString('utf8')).not.toContain('Hur går det');
    expect(codeOf(() => editComment(doc, commentId, text('tillbaka'), { actor: forum, at: 3000 }))).toBe('COMMENT_GONE');
  });

  it('board, secretariat and the thread’s author resolve and reopen; other forum members may not', () => {
    const { doc, threadId } = discussion();
    expect(codeOf(() => setThreadResolved(doc, threadId, true, { actor: forum2, at: 2000 }))).toBe('FORBIDDEN');
    for (const actor of [forum, board, office]) {
      setThreadResolved(doc, threadId, true, { actor, at: 2000 });
      expect(readThread(doc, threadId)).toMatchObject({ resolved: true, resolvedBy: actor.id, resolvedByName: actor.name, resolvedAt: 2000 });
      setThreadResolved(doc, threadId, false, { actor, at: 3000 });
      expect(readThread(doc, threadId)).toMatchObject({ resolved: false, resolvedBy: null, resolvedAt: null });
    }
  });

  it('counts readable comments per item and what is unread by the person looking', () => {
    const { doc, threadId, commentId } = discussion();
    addReply(doc, threadId, text('Svar'), { actor: board, at: 2000 });
    startThread(doc, 'item2', text('Annat'), { actor: board, at: 2500 });
    deleteComment(doc, commentId, { actor: forum, at: 3000 });
    const forBoard = itemDiscussionStats(doc, board.id, { item1: 1500 });
    expect(forBoard.get('item1')).toEqual({ count: 1, unread: 0, open: 1 });
    const forForum = itemDiscussionStats(doc, forum.id, {});
    expect(forForum.get('item1')).toEqual({ count: 1, unread: 1, open: 1 });
    expect(forForum.get('item2')).toEqual({ count: 1, unread: 1, open: 1 });
    expect(itemDiscussionStats(doc, forum.id, { item2: 2500 }).get('item2')!.unread).toBe(0);
    expect(listThreads(doc, 'item2')).toHaveLength(1);
  });
});
