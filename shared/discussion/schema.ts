import * as Y from 'yjs';
import type { CommentBody } from './commentBody';

// One discussion document per plan, named `discussion/<planId>`. Only the server
// writes it (on behalf of the signed-in person); every client reads it live.
//   threads   Y.Map<threadId, Y.Map>   itemId, createdBy, createdAt, resolved,
//                                      resolvedBy, resolvedByName, resolvedAt
//   comments  Y.Map<commentId, Y.Map>  threadId, parentId, authorId, authorName,
//                                      createdAt, editedAt, deletedAt, hiddenBy,
//                                      hiddenAt, body, mentions
// A thread's opening comment has parentId null; replies point at it (one level). A
// deleted or hidden comment keeps its map without its body, so the thread stays whole
// and the removed words are not handed to every reader. Times are the server's clock
// in milliseconds since 1970.

export type ThreadMap = Y.Map<unknown>;
export type CommentMap = Y.Map<unknown>;

export const discussionThreads = (doc: Y.Doc) => doc.getMap<ThreadMap>('threads');
export const discussionComments = (doc: Y.Doc) => doc.getMap<CommentMap>('comments');

export type CommentState = 'visible' | 'deleted' | 'hidden';

export interface CommentView {
  id: string;
  threadId: string;
  parentId: string | null;
  authorId: string;
  authorName: string;
  createdAt: number;
  editedAt: number | null;
  deletedAt: number | null;
  hiddenBy: string | null;
  hiddenAt: number | null;
  /** Null once the comment is deleted or hidden. */
  body: CommentBody | null;
  mentions: string[];
  state: CommentState;
}

export interface ThreadView {
  id: string;
  itemId: string;
  createdBy: string;
  createdAt: number;
  resolved: boolean;
  resolvedBy: string | null;
  resolvedByName: string | null;
  resolvedAt: number | null;
  /** The opening comment first, then the replies in the order they were written. */
  comments: CommentView[];
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const strOrNull = (v: unknown) => (typeof v === 'string' ? v : null);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const numOrNull = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function readComment(id: string, map: CommentMap): CommentView {
  const hiddenBy = strOrNull(map.get('hiddenBy'));
  const deletedAt = numOrNull(map.get('deletedAt'));
  const state: CommentState = hiddenBy ? 'hidden' : deletedAt !== null ? 'deleted' : 'visible';
  const body = map.get('body');
  const mentions = map.get('mentions');
  return {
    id,
    threadId: str(map.get('threadId')),
    parentId: strOrNull(map.get('parentId')),
    authorId: str(map.get('authorId')),
    authorName: str(map.get('authorName')),
    createdAt: num(map.get('createdAt')),
    editedAt: numOrNull(map.get('editedAt')),
    deletedAt,
    hiddenBy,
    hiddenAt: numOrNull(map.get('hiddenAt')),
    body: state === 'visible' && body && typeof body === 'object' ? (body as CommentBody) : null,
    mentions: Array.isArray(mentions) ? mentions.filter((m): m is string => typeof m === 'string') : [],
    state,
  };
}

const byTime = <T extends { createdAt: number; id: string }>(a: T, b: T) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Every comment, grouped by thread id, each group in the order written. */
function commentsByThread(doc: Y.Doc): Map<string, CommentView[]> {
  const groups = new Map<string, CommentView[]>();
  discussionComments(doc).forEach((map, id) => {
    const comment = readComment(id, map);
    const group = groups.get(comment.threadId);
    if (group) group.push(comment);
    else groups.set(comment.threadId, [comment]);
  });
  for (const group of groups.values()) group.sort((a, b) => (a.parentId === null ? -1 : b.parentId === null ? 1 : byTime(a, b)));
  return groups;
}

function threadView(id: string, map: ThreadMap, comments: CommentView[]): ThreadView {
  return {
    id,
    itemId: str(map.get('itemId')),
    createdBy: str(map.get('createdBy')),
    createdAt: num(map.get('createdAt')),
    resolved: map.get('resolved') === true,
    resolvedBy: strOrNull(map.get('resolvedBy')),
    resolvedByName: strOrNull(map.get('resolvedByName')),
    resolvedAt: numOrNull(map.get('resolvedAt')),
    comments,
  };
}

export function readThread(doc: Y.Doc, threadId: string): ThreadView | null {
  const map = discussionThreads(doc).get(threadId);
  if (!map) return null;
  return threadView(threadId, map, commentsByThread(doc).get(threadId) ?? []);
}

/** Threads in the order they were started; only those of one item when given. */
export function listThreads(doc: Y.Doc, itemId?: string): ThreadView[] {
  const comments = commentsByThread(doc);
  const out: ThreadView[] = [];
  discussionThreads(doc).forEach((map, id) => {
    if (itemId === undefined || map.get('itemId') === itemId) out.push(threadView(id, map, comments.get(id) ?? []));
  });
  return out.sort(byTime);
}
