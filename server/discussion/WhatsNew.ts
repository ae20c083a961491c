import * as Y from 'yjs';
import type { Actor } from '../../shared/discussion/discussionPermissions';
import { commentBodyText } from '../../shared/discussion/commentBody';
import { planChangesSince, type UpdateRow } from '../../shared/discussion/planChangesSince';
import { listThreads } from '../../shared/discussion/schema';
import { summarisePlanChanges } from '../../shared/discussion/summarisePlanChanges';
import { EXCERPT_LENGTH, type NewOnItem, type WhatsNewReport } from '../../shared/discussion/WhatsNewReport';
import { byOrder, listDirections, planItems, readItem } from '../../shared/plan/schema';
import type { DiscussionStore, Visit } from '../store/DiscussionStore';
import type { DiscussionPeople } from './DiscussionDocs';
import type { DiscussionService } from './DiscussionService';

// "Nytt sedan ditt senaste besök". A visit is a run of activity on a plan without a
// pause of an hour or more; what is new is what others did after the previous visit
// ended. The first visit looks back a week, the rhythm of the forum's readers. Plan
// changes are worked out from the stored updates; rows merged by compaction keep no
// author, so changes inside them are listed without names.

export const VISIT_GAP_MS = 60 * 60 * 1000;
export const FIRST_LOOK_BACK_MS = 7 * 24 * 60 * 60 * 1000;
/** The plan's state is kept at most this often, and for this long (see plan_baselines). */
export const BASELINE_EVERY_MS = 60 * 60 * 1000;
export const KEEP_BASELINES_MS = 120 * 24 * 60 * 60 * 1000;

export function nextVisit(current: Visit | undefined, now: number): Visit {
  if (!current) return { sinceAt: now - FIRST_LOOK_BACK_MS, seenAt: now };
  if (now - current.seenAt >= VISIT_GAP_MS) return { sinceAt: current.seenAt, seenAt: now };
  return { sinceAt: current.sinceAt, seenAt: Math.max(now, current.seenAt) };
}

export interface WhatsNewDeps {
  service: DiscussionService;
  visits: Pick<DiscussionStore, 'updateVisit' | 'baselineAt' | 'lastBaselineAt' | 'saveBaseline'>;
  people: Pick<DiscussionPeople, 'nameOf'>;
  /** The stored updates of a plan's document, oldest first, with author and time. */
  planHistory(planId: string): UpdateRow[];
  now?: () => number;
}

export class WhatsNew {
  private readonly now: () => number;

  constructor(private readonly deps: WhatsNewDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Records activity of the person on the plan; returns where "new" starts. */
  touch(actor: Actor, planId: string): Visit {
    const now = this.now();
    const { visits, service } = this.deps;
    const visit = visits.updateVisit(actor.id, service.plan(planId), (current) => nextVisit(current, now));
    // Keep the plan as it is while people are here, so that what changed after they
    // left can be told even once the stored updates of that time are compacted.
    const last = visits.lastBaselineAt(planId);
    if (last === null || now - last >= BASELINE_EVERY_MS) {
      visits.saveBaseline(planId, now, service.readPlan(planId, (doc) => Y.encodeStateAsUpdate(doc)), now - KEEP_BASELINES_MS);
    }
    return visit;
  }

  /** The stored updates from the newest kept state at or before the moment on. */
  private historySince(planId: string, since: number): UpdateRow[] {
    const rows = this.deps.planHistory(planId);
    const base = this.deps.visits.baselineAt(planId, since);
    return base ? [{ update: base.state, userId: null, at: base.takenAt }, ...rows.filter((r) => r.at > base.takenAt)] : rows;
  }

  /** Starts "new since" afresh: everything up to now counts as seen. */
  markSeen(actor: Actor, planId: string): { since: number } {
    const now = this.now();
    this.deps.visits.updateVisit(actor.id, this.deps.service.plan(planId), () => ({ sinceAt: now, seenAt: now }));
    return { since: now };
  }

  since(actor: Actor, planId: string): WhatsNewReport {
    const since = this.touch(actor, planId).sinceAt;
    const entries = new Map<string, NewOnItem>();
    const entry = (itemId: string) => {
      let e = entries.get(itemId);
      if (!e) entries.set(itemId, (e = { itemId, activity: '', direction: '', deleted: false, comments: [], resolved: [], changes: [] }));
      return e;
    };
    this.deps.service.readDiscussion(planId, (doc) => {
      for (const thread of listThreads(doc)) {
        for (const c of thread.comments) {
          if (c.createdAt <= since || c.authorId === actor.id || !c.body) continue;
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
        if (thread.resolved && thread.resolvedAt !== null && thread.resolvedAt > since && thread.resolvedBy !== actor.id) {
          entry(thread.itemId).resolved.push({ threadId: thread.id, name: thread.resolvedByName ?? '', at: thread.resolvedAt });
        }
      }
    });
    const others = planChangesSince(this.historySince(planId, since), since).filter((c) => c.userId !== actor.id);
    const name = (id: string) => this.deps.people.nameOf(id) ?? '';
    for (const [itemId, summaries] of summarisePlanChanges(others)) {
      entry(itemId).changes = summaries.map((s) => ({ change: s.change, names: s.userIds.map(name), at: s.at }));
    }
    return { since, items: this.deps.service.readPlan(planId, (doc) => inPlanOrder(doc, entries)) };
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
