import { commentBodyText } from '../../shared/discussion/commentBody';
import { discussionComments, readComment, readThread } from '../../shared/discussion/schema';
import { MAIL_EXCERPT_LENGTH, type CommentEvent } from '../../shared/mail/MailEvent';
import { planItems, readItem } from '../../shared/plan/schema';
import type { CommentNotice } from '../discussion/DiscussionService';
import type { DiscussionDocs } from '../discussion/DiscussionDocs';
import { PlanStore } from '../store/PlanStore';
import type { StagedWrites } from '../store/StagedWrites';
import { planDocName } from '../sync/docName';
import type { Outbox } from './Outbox';

// The mails a comment causes: one to each person it mentions anew, and for a reply one
// to everyone else who wrote in the thread. Nobody is mailed about their own comment,
// and someone both mentioned and in the thread gets the mention only.

/**
 * Told of each comment while it is written (synchronously, inside the document's
 * change): reads who is to be told from the discussion as it is then, and stages the
 * mails into `staged`, the writes stored in the transaction of the comment itself.
 */
export function commentMail(outbox: Outbox, staged: StagedWrites, docs: Pick<DiscussionDocs, 'read'>) {
  return (notice: CommentNotice): void => {
    const map = discussionComments(notice.discussion).get(notice.commentId);
    const comment = map && readComment(notice.commentId, map);
    if (!comment?.body) return;
    const text = commentBodyText(comment.body);
    const activity = docs.read(planDocName(notice.planId), (doc) => {
      const item = planItems(doc).get(notice.itemId);
      return item ? readItem(notice.itemId, item).activity : '';
    });
    const mentioned = new Set(notice.mentioned.filter((id) => id !== notice.author.id));
    const thread = notice.reply ? readThread(notice.discussion, notice.threadId) : null;
    const writers = new Set((thread?.comments ?? []).map((c) => c.authorId).filter((id) => id && id !== notice.author.id && !mentioned.has(id)));
    if (mentioned.size === 0 && writers.size === 0) return;
    staged.add(async (tx) => {
      const planTitle = (await new PlanStore(tx).get(notice.planId))?.title;
      const event = (kind: CommentEvent['kind']): CommentEvent => ({
        kind,
        planId: notice.planId,
        planTitle: planTitle ?? notice.planId,
        itemId: notice.itemId,
        activity,
        threadId: notice.threadId,
        authorName: notice.author.name,
        excerpt: text.length > MAIL_EXCERPT_LENGTH ? `${text.slice(0, MAIL_EXCERPT_LENGTH - 1)}…` : text,
      });
      const mails = outbox.on(tx);
      if (mentioned.size) await mails.queueAll(mentioned, event('mention'));
      if (writers.size) await mails.queueAll(writers, event('reply'));
    });
  };
}
