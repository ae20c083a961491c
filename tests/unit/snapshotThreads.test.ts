import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { plainTextBody } from '../../shared/discussion/commentBody';
import { addReply, deleteComment, editComment, hideComment, setThreadResolved, startThread } from '../../shared/discussion/discussionOps';
import { sanitizeCommentBody } from '../../shared/discussion/sanitizeCommentBody';
import { diffPlans } from '../../shared/snapshot/diffPlans';
import { readKeyedPlan } from '../../shared/snapshot/readKeyedPlan';
import { readKeyedThreads } from '../../shared/snapshot/readKeyedThreads';
import { listItems } from '../../shared/plan/schema';
import { replicas } from '../helpers/planFixture';

// The discussion half of a snapshot, read from a real discussion document written by
// the same operations the server uses for comments.

const anna = { id: 'u-anna', name: 'Anna Berg', role: 'tjanstepersonforum' as const };
const kim = { id: 'u-kim', name: 'Kim Styrelse', role: 'styrelse' as const };
const kansli = { id: 'u-kansli', name: 'Karin Kansli', role: 'kansli' as const };
const body = (text: string) => sanitizeCommentBody(plainTextBody(text));

describe('snapshots of the discussion', () => {
  it('report comments added, edited, deleted and hidden, and threads resolved', () => {
    const [plan] = replicas(1);
    const [a, b] = listItems(plan);
    const discussion = new Y.Doc();
    const t1 = startThread(discussion, a.id, body('Borde vi prioritera detta?'), { actor: anna, at: 1000 });
    const t2 = startThread(discussion, b.id, body('Vem äger frågan?'), { actor: anna, at: 2000 });
    const before = readKeyedPlan(plan, readKeyedThreads(discussion));

    addReply(discussion, t1.threadId, body('Ja, på nästa möte.'), { actor: kim, at: 3000 });
    editComment(discussion, t2.commentId, body('Vem äger frågan i kansliet?'), { actor: anna, at: 4000 });
    setThreadResolved(discussion, t1.threadId, true, { actor: kim, at: 5000 });
    const t3 = startThread(discussion, b.id, body('Olämpligt'), { actor: anna, at: 6000 });
    hideComment(discussion, t3.commentId, { actor: kansli, at: 7000 });
    const after = readKeyedPlan(plan, readKeyedThreads(discussion));

    const diff = diffPlans(before, after);
    expect(diff.comments.added.map((c) => [c.authorName, c.body, c.state, c.activity])).toEqual([
      ['Kim Styrelse', 'Ja, på nästa möte.', 'visible', a.activity],
      ['Anna Berg', '', 'hidden', b.activity],
    ]);
    expect(diff.comments.changed).toEqual([
      { id: t2.commentId, threadId: t2.threadId, body: { from: 'Vem äger frågan?', to: 'Vem äger frågan i kansliet?' }, state: { from: 'visible', to: 'edited' } },
    ]);
    expect(diff.threads.resolved.map((t) => t.id)).toEqual([t1.threadId]);
    expect(diff.threads.added.map((t) => t.id)).toEqual([t3.threadId]);

    deleteComment(discussion, t2.commentId, { actor: anna, at: 8000 });
    const [deleted] = diffPlans(after, readKeyedPlan(plan, readKeyedThreads(discussion))).comments.changed;
    expect(deleted).toMatchObject({ body: { to: '' }, state: { from: 'edited', to: 'deleted' } });
  });
});
