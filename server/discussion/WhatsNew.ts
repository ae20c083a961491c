import type * as Y from 'yjs';
import type { Actor } from '../../shared/discussion/discussionPermissions';
import { commentBodyText } from '../../shared/discussion/commentBody';
import { listThreads } from '../../shared/discussion/schema';
import { summarisePlanChanges, type PlanChange } from '../../shared/discussion/summarisePlanChanges';
import { EXCERPT_LENGTH, type NewOnItem, type WhatsNewReport } from '../../shared/discussion/WhatsNewReport';
import { byOrder, listDirections, planItems, readItem } from '../../shared/plan/schema';
import { namesOf } from '../auth/namesOf';
import type { DiscussionStore } from '../store/DiscussionStore';
import type { DiscussionPeople } from './DiscussionDocs';
import type { DiscussionService } from './DiscussionService';

// "Nytt sedan ditt senaste besök". The last visit is what the person marked as seen,
// themselves, up to the moment of the report they read; a person who never did is
// shown the last week, the rhythm of the forum's readers. Reading the news changes
// nothing. What others wrote comes from the discussion document, what others changed
// in the plan from the audit trail, which keeps every author however the stored
// updates were compacted since.

export const FIRST_LOOK_BACK_MS = 7 * 24 * 60 * 60 * 1000;

export interface WhatsNewDeps {
  service: DiscussionService;
  seen: Pick<DiscussionStore, 'seenUntil' | 'markSeen'>;
  people: Pick<DiscussionPeople, 'nameOf'>;
  /** The audit trail of a plan after one moment up to another, oldest first. */
  planChanges(planId: string, after: number, until: number): Promise<PlanChange[]>;
  now?: () => number;
}

export class WhatsNew {
  private readonly now: () => number;

  constructor(private readonly deps: WhatsNewDeps) {
    this.now = deps.now ?? Date.now;
  }

  /**
   * Marks everything up to `until` (a report's `until`, or now) as seen: the next
   * report starts there. A moment still to come counts as now; "seen" never moves back.
   */
  async markSeen(actor: Actor, planId: string, until?: number): Promise<{ since: number }> {
    const now = this.now();
    const at = until === undefined ? now : Math.min(until, now);
    return { since: await this.deps.seen.markSeen(actor.id, await this.deps.service.plan(planId), at) };
  }

  /** What others wrote and changed after the person's last visit, up to now. */
  async since(actor: Actor, planId: string): Promise<WhatsNewReport> {
    const until = this.now();
    return this.between(actor, planId, (await this.seenUntil(actor, planId)) ?? until - FIRST_LOOK_BACK_MS, until);
  }

  /** Up to when the person marked the plan's news seen, if they ever did. */
  async seenUntil(actor: Pick<Actor, 'id'>, planId: string): Promise<number | null> {
    return (await this.deps.seen.seenUntil(actor.id, await this.deps.service.plan(planId))) ?? null;
  }

  /** What others wrote and changed after `since` up to `until` (the digest's period). */
  async between(actor: Pick<Actor, 'id'>, planId: string, since: number, until: number): Promise<WhatsNewReport> {
    await this.deps.service.plan(planId);
    const entries = new Map<string, NewOnItem>();
    const entry = (itemId: string) => {
      let e = entries.get(itemId);
      if (!e) entries.set(itemId, (e = { itemId, activity: '', direction: '', deleted: false, comments: [], resolved: [], changes: [] }));
      return e;
    };
    const inPeriod = (at: number) => at > since && at <= until;
    this.deps.service.readDiscussion(planId, (doc) => {
      for (const thread of listThreads(doc)) {
        for (const c of thread.comments) {
          if (!inPeriod(c.createdAt) || c.authorId === actor.id || !c.body) continue;
          const text = commentBodyText(c.body);
          entry(thread.itemId).comments.push({
            threadId: thread.id,
            commentId: c.id,
            authorName: c.authorName,
            createdAt: c.createdAt,
            excerpt: text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 1)}…` : text,
            reply: c.parentId !== null,
            mentionsYou: c.mentions.includes(actor.id),
          });
        }
        if (thread.resolved && thread.resolvedAt !== null && inPeriod(thread.resolvedAt) && thread.resolvedBy !== actor.id) {
          entry(thread.itemId).resolved.push({ threadId: thread.id, name: thread.resolvedByName ?? '', at: thread.resolvedAt });
        }
      }
    });
    // One's own changes are not news; a change made by nobody signed in (userId null) is.
    const others = (await this.deps.planChanges(planId, since, until)).filter((c) => c.userId !== actor.id);
    const names = await namesOf(others.map((c) => c.userId), (id) => this.deps.people.nameOf(id));
    const name = (id: string) => names.get(id) ?? '';
    for (const [itemId, summaries] of summarisePlanChanges(others)) {
      entry(itemId).changes = summaries.map((s) => ({ change: s.change, names: s.userIds.map(name), at: s.at }));
    }
    return { since, until, items: this.deps.service.readPlan(planId, (doc) => inPlanOrder(doc, entries)) };
  }
}

/** Names each entry after its item and sorts them as the board shows them; deleted items last. */
function inPlanOrder(doc: Y.Doc, entries: Map<string, NewOnItem>): NewOnItem[] {
  const directions = listDirections(doc);
  const rank = new Map(directions.map((d, i) => [d.id, i]));
  const placed: Array<{ entry: NewOnItem; direction: number; order: string; id: string }> = [];
  for (const e of entries.values()) {
    const map = planItems(doc).get(e.itemId);
    if (!map) continue;
    const item = readItem(e.itemId, map);
    e.activity = item.activity;
    e.direction = directions.find((d) => d.id === item.directionId)?.title ?? '';
    e.deleted = map.get('deleted') === true;
    placed.push({ entry: e, direction: (e.deleted ? directions.length : 0) + (rank.get(item.directionId) ?? 0), order: item.order, id: item.id });
  }
  return placed.sort((a, b) => a.direction - b.direction || byOrder(a, b)).map((p) => p.entry);
}
