import { commentBodyText } from '../../shared/discussion/commentBody';
import { discussionComments, readComment, readThread } from '../../shared/discussion/schema';
import { MAIL_EXCERPT_LENGTH, type CommentEvent } from '../../shared/mail/MailEvent';
import { planItems, readItem } from '../../shared/plan/schema';
import type { CommentNotice } from '../discussion/DiscussionService';
import type { DiscussionDocs } from '../discussion/DiscussionDocs';
import type { PlanStore } from '../store/PlanStore';
import { planDocName } from '../sync/docName';
import type { Outbox } from './Outbox';

// The mails a comment causes: one to each person it mentions anew, and for a reply one
// to everyone else who wrote in the thread. Nobody is mailed about their own comment,
// and someone both mentioned and in the thread gets the mention only.

export function commentMail(outbox: Outbox, plans: Pick<PlanStore, 'get'>, docs: Pick<DiscussionDocs, 'read'>) {
  return (notice: CommentNotice): void => {
    const map = discussionComments(notice.discussion).get(notice.commentId);
    const comment = map && readComment(notice.commentId, map);
    if (!comment?.body) return;
    const text = commentBodyText(comment.body);
    const activity = docs.read(planDocName(notice.planId), (doc) => {
      const item = planItems(doc).get(notice.itemId);
      return item ? readItem(notice.itemId, item).activity : '';
    });
    const event = (kind: CommentEvent['kind']): CommentEvent => ({
      kind,
      planId: notice.planId,
      planTitle: plans.get(notice.planId)?.title ?? notice.planId,
      itemId: notice.itemId,
      activity,
      threadId: notice.threadId,
      authorName: notice.author.name,
      excerpt: text.length > MAIL_EXCERPT_LENGTH ? `${text.slice(0, MAIL_EXCERPT_LENGTH - 1)}…` : text,
    });
    const mentioned = new Set(notice.mentioned.filter((id) => id !== notice.author.id));
    if (mentioned.size) outbox.queueAll(mentioned, event('mention'));
    if (!notice.reply) return;
    const thread = readThread(notice.discussion, notice.threadId);
    const writers = new Set((thread?.comments ?? []).map((c) => c.authorId).filter((id) => id && id !== notice.author.id && !mentioned.has(id)));
    if (writers.size) outbox.queueAll(writers, event('reply'));
  };
}
