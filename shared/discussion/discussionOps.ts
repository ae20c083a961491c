import * as Y from 'yjs';
import { newId } from '../plan/newId';
import { DiscussionError } from './DiscussionError';
import type { CommentBody } from './commentBody';
import { canChangeComment, canComment, canHideComment, canResolveThread, type Actor } from './discussionPermissions';
import { discussionComments, discussionThreads, readComment, readThread, type CommentMap, type CommentView } from './schema';
import type { SanitizedBody } from './sanitizeCommentBody';

// Operations on a discussion document. Every check runs before the first write and
// each operation is one transaction, so a refused operation changes nothing and an
// accepted one is one update on the wire. Bodies must come from sanitizeCommentBody;
// authors and times come from the caller (the server: the session and its clock).

interface Written {
  actor: Actor;
  /** The server's clock, in milliseconds. */
  at: number;
}

function requireCommenter(actor: Actor) {
  if (!canComment(actor)) throw new DiscussionError('FORBIDDEN', 'Din roll får inte kommentera.');
}

function newComment(threadId: string, parentId: string | null, { actor, at }: Written, content: SanitizedBody): CommentMap {
  const map: CommentMap = new Y.Map();
  map.set('threadId', threadId);
  map.set('parentId', parentId);
  map.set('authorId', actor.id);
  map.set('authorName', actor.name);
  map.set('createdAt', at);
  map.set('editedAt', null);
  map.set('deletedAt', null);
  map.set('hiddenBy', null);
  map.set('hiddenAt', null);
  map.set('body', content.body satisfies CommentBody);
  map.set('mentions', content.mentions);
  return map;
}

/** Starts a thread on an item with its opening comment. The caller checks the item exists. */
export function startThread(doc: Y.Doc, itemId: string, content: SanitizedBody, written: Written) {
  requireCommenter(written.actor);
  const threadId = newId();
  const commentId = newId();
  doc.transact(() => {
    const thread: Y.Map<unknown> = new Y.Map();
    thread.set('itemId', itemId);
    thread.set('createdBy', written.actor.id);
    thread.set('createdAt', written.at);
    thread.set('resolved', false);
    thread.set('resolvedBy', null);
    thread.set('resolvedByName', null);
    thread.set('resolvedAt', null);
    discussionThreads(doc).set(threadId, thread);
    discussionComments(doc).set(commentId, newComment(threadId, null, written, content));
  });
  return { threadId, commentId };
}

function requireThread(doc: Y.Doc, threadId: string) {
  const thread = readThread(doc, threadId);
  if (!thread) throw new DiscussionError('THREAD_NOT_FOUND', 'Tråden finns inte.');
  return thread;
}

/** Replies in a thread. Replies hang off the opening comment: one level, as in review threads. */
export function addReply(doc: Y.Doc, threadId: string, content: SanitizedBody, written: Written): { commentId: string } {
  requireCommenter(written.actor);
  const thread = requireThread(doc, threadId);
  const opening = thread.comments.find((c) => c.parentId === null);
  if (!opening) throw new DiscussionError('THREAD_NOT_FOUND', 'Tråden saknar sin första kommentar.');
  const commentId = newId();
  doc.transact(() => discussionComments(doc).set(commentId, newComment(threadId, opening.id, written, content)));
  return { commentId };
}

const gone = (state: CommentView['state']) => (state === 'hidden' ? 'Kommentaren har dolts av kansliet.' : 'Kommentaren har tagits bort.');

function requireComment(doc: Y.Doc, commentId: string) {
  const map = discussionComments(doc).get(commentId);
  if (!map) throw new DiscussionError('COMMENT_NOT_FOUND', 'Kommentaren finns inte.');
  return { map, comment: readComment(commentId, map) };
}

function requireOwnVisible(doc: Y.Doc, commentId: string, actor: Actor) {
  const found = requireComment(doc, commentId);
  if (found.comment.state !== 'visible') throw new DiscussionError('COMMENT_GONE', gone(found.comment.state));
  if (!canChangeComment(actor, found.comment)) throw new DiscussionError('NOT_YOURS', 'Bara den som skrev kommentaren får ändra den.');
  return found;
}

export function editComment(doc: Y.Doc, commentId: string, content: SanitizedBody, { actor, at }: Written): void {
  const { map } = requireOwnVisible(doc, commentId, actor);
  doc.transact(() => {
    map.set('body', content.body);
    map.set('mentions', content.mentions);
    map.set('editedAt', at);
  });
}

/** Deletes one's own comment: its place in the thread stays, shown as deleted. */
export function deleteComment(doc: Y.Doc, commentId: string, { actor, at }: Written): void {
  const { map } = requireOwnVisible(doc, commentId, actor);
  doc.transact(() => {
    map.set('deletedAt', at);
    map.set('body', null);
    map.set('mentions', []);
  });
}

/** The secretariat hides a comment: its place stays, shown as hidden by the secretariat. */
export function hideComment(doc: Y.Doc, commentId: string, { actor, at }: Written): void {
  const { map, comment } = requireComment(doc, commentId);
  if (actor.role !== 'kansli') throw new DiscussionError('FORBIDDEN', 'Bara kansliet får dölja kommentarer.');
  if (!canHideComment(actor, comment)) throw new DiscussionError('COMMENT_GONE', gone(comment.state));
  doc.transact(() => {
    map.set('hiddenBy', actor.id);
    map.set('hiddenAt', at);
    map.set('body', null);
    map.set('mentions', []);
  });
}

/** Resolves or reopens a thread. Doing what is already done changes nothing. */
export function setThreadResolved(doc: Y.Doc, threadId: string, resolved: boolean, { actor, at }: Written): void {
  const thread = requireThread(doc, threadId);
  if (!canResolveThread(actor, thread)) {
    throw new DiscussionError('FORBIDDEN', 'Bara styrelsen, kansliet och den som startade tråden får markera den som löst eller öppna den igen.');
  }
  if (thread.resolved === resolved) return;
  const map = discussionThreads(doc).get(threadId)!;
  doc.transact(() => {
    map.set('resolved', resolved);
    map.set('resolvedBy', resolved ? actor.id : null);
    map.set('resolvedByName', resolved ? actor.name : null);
    map.set('resolvedAt', resolved ? at : null);
  });
}
