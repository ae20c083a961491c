import type * as Y from 'yjs';
import { DiscussionError } from '../../shared/discussion/DiscussionError';
import { addReply, deleteComment, editComment, hideComment, setThreadResolved, startThread } from '../../shared/discussion/discussionOps';
import type { Actor } from '../../shared/discussion/discussionPermissions';
import { sanitizeCommentBody } from '../../shared/discussion/sanitizeCommentBody';
import { discussionComments, discussionThreads, readComment } from '../../shared/discussion/schema';
import { planItems } from '../../shared/plan/schema';
import type { DiscussionStore } from '../store/DiscussionStore';
import type { PlanStore } from '../store/PlanStore';
import { discussionDocName, parseDocName, planDocName } from '../sync/docName';
import type { DiscussionDocs, DiscussionPeople } from './DiscussionDocs';

// Comments written by the server on behalf of the signed-in person: the author comes
// from the session and the time from the server's clock, never from the request.
// Everything is checked before the one write to the discussion document, so a refused
// request leaves the document and the database exactly as they were.

export interface DiscussionServiceDeps {
  docs: DiscussionDocs;
  plans: Pick<PlanStore, 'get'>;
  people: DiscussionPeople;
  reads: DiscussionStore;
  now?: () => number;
  /** Told of every comment written, inside the transaction that stores it (mails are queued there). */
  notify?: (notice: CommentNotice) => void;
}

/** A comment just written: who it mentions anew, and whether it replies in a thread. */
export interface CommentNotice {
  planId: string;
  itemId: string;
  threadId: string;
  commentId: string;
  author: Actor;
  /** People the comment mentions who were not mentioned in it before (all of them for a new comment). */
  mentioned: string[];
  reply: boolean;
  /** The discussion document with the comment in it. */
  discussion: Y.Doc;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function checkId(value: unknown, what: string): string {
  if (typeof value !== 'string' || !ID.test(value)) throw new DiscussionError('INVALID_INPUT', `Ogiltigt id för ${what}.`);
  return value;
}

export class DiscussionService {
  private readonly now: () => number;

  constructor(private readonly deps: DiscussionServiceDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** The plan's id, when the plan exists. */
  async plan(planId: string): Promise<string> {
    if (!parseDocName(planDocName(planId)) || !(await this.deps.plans.get(planId))) {
      throw new DiscussionError('PLAN_NOT_FOUND', 'Planen finns inte.');
    }
    return planId;
  }

  /** Reads the document of a plan known to exist; used to check items and to name them. */
  readPlan<T>(planId: string, read: (doc: Y.Doc) => T): T {
    return this.deps.docs.read(planDocName(planId), read);
  }

  readDiscussion<T>(planId: string, read: (doc: Y.Doc) => T): T {
    return this.deps.docs.read(discussionDocName(planId), read);
  }

  private async body(raw: unknown) {
    const names = await this.deps.people.mentionNames();
    return sanitizeCommentBody(raw, { mentionName: (id) => names.get(id) ?? null });
  }

  /** Whether the plan has the item; deleted items count only when `includeDeleted`. */
  private requireItem(planId: string, itemId: unknown, includeDeleted = false): string {
    const id = checkId(itemId, 'punkten');
    const exists = this.readPlan(planId, (doc) => {
      const item = planItems(doc).get(id);
      return item !== undefined && (includeDeleted || item.get('deleted') !== true);
    });
    if (!exists) throw new DiscussionError('ITEM_NOT_FOUND', 'Punkten finns inte i planen.');
    return id;
  }

  private async write<T>(planId: string, actor: Actor, op: (doc: Y.Doc, at: number) => T): Promise<T> {
    let result: T | undefined;
    await this.deps.docs.change(discussionDocName(planId), actor.id, (doc) => {
      result = op(doc, this.now());
    });
    return result as T;
  }

  async startThread(actor: Actor, planId: string, itemId: unknown, rawBody: unknown) {
    await this.plan(planId);
    const content = await this.body(rawBody);
    const item = this.requireItem(planId, itemId);
    return this.write(planId, actor, (doc, at) => {
      const written = startThread(doc, item, content, { actor, at });
      this.deps.notify?.({ planId, itemId: item, ...written, author: actor, mentioned: content.mentions, reply: false, discussion: doc });
      return written;
    });
  }

  async reply(actor: Actor, planId: string, threadId: unknown, rawBody: unknown) {
    await this.plan(planId);
    const thread = checkId(threadId, 'tråden');
    const content = await this.body(rawBody);
    // A thread on a deleted item is archived: readable, but closed to replies.
    const itemId = this.readDiscussion(planId, (doc) => discussionThreads(doc).get(thread)?.get('itemId'));
    if (typeof itemId === 'string') this.requireItem(planId, itemId);
    return this.write(planId, actor, (doc, at) => {
      const written = addReply(doc, thread, content, { actor, at });
      if (typeof itemId === 'string') {
        this.deps.notify?.({ planId, itemId, threadId: thread, ...written, author: actor, mentioned: content.mentions, reply: true, discussion: doc });
      }
      return written;
    });
  }

  async edit(actor: Actor, planId: string, commentId: unknown, rawBody: unknown): Promise<void> {
    await this.plan(planId);
    const comment = checkId(commentId, 'kommentaren');
    const content = await this.body(rawBody);
    await this.write(planId, actor, (doc, at) => {
      const before = discussionComments(doc).get(comment);
      const had = before ? readComment(comment, before).mentions : [];
      editComment(doc, comment, content, { actor, at });
      const threadId = before ? readComment(comment, before).threadId : '';
      const itemId = discussionThreads(doc).get(threadId)?.get('itemId');
      const mentioned = content.mentions.filter((id) => !had.includes(id));
      if (typeof itemId === 'string' && mentioned.length) {
        this.deps.notify?.({ planId, itemId, threadId, commentId: comment, author: actor, mentioned, reply: false, discussion: doc });
      }
    });
  }

  async remove(actor: Actor, planId: string, commentId: unknown): Promise<void> {
    const comment = checkId(commentId, 'kommentaren');
    await this.plan(planId);
    await this.write(planId, actor, (doc, at) => deleteComment(doc, comment, { actor, at }));
  }

  async hide(actor: Actor, planId: string, commentId: unknown): Promise<void> {
    const comment = checkId(commentId, 'kommentaren');
    await this.plan(planId);
    await this.write(planId, actor, (doc, at) => hideComment(doc, comment, { actor, at }));
  }

  async setResolved(actor: Actor, planId: string, threadId: unknown, resolved: boolean): Promise<void> {
    const thread = checkId(threadId, 'tråden');
    await this.plan(planId);
    await this.write(planId, actor, (doc, at) => setThreadResolved(doc, thread, resolved, { actor, at }));
  }

  /** When the person last read each item's discussion. */
  async reads(actor: Actor, planId: string): Promise<Record<string, number>> {
    return this.deps.reads.readsOf(actor.id, await this.plan(planId));
  }

  /** Marks an item's discussion read now; deleted items too (their archive is readable). */
  async markRead(actor: Actor, planId: string, itemId: unknown): Promise<number> {
    await this.plan(planId);
    const item = this.requireItem(planId, itemId, true);
    const at = this.now();
    await this.deps.reads.markRead(actor.id, planId, item, at);
    return at;
  }

  mentionable() {
    return this.deps.people.mentionable();
  }
}
