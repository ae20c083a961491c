import type { ItemFieldChange } from '../plan/itemChanges';
import type { PlanFieldChange } from '../plan/planTextChanges';

// Someone who comes by once a week wants the net effect, not every keystroke: per item
// and field, from the value before the first change to the value after the last, with
// everyone who took part. A field that ended where it started is left out; an item
// created in the period is reported as created, with no list of its first edits.

/** One field change of one item as the audit trail keeps it: who (null: nobody signed in) and when. */
export interface PlanChange {
  itemId: string;
  userId: string | null;
  /** The server's clock. */
  at: number;
  change: ItemFieldChange;
}

export interface FieldSummary<C extends PlanFieldChange = ItemFieldChange> {
  change: C;
  userIds: string[];
  at: number;
}

/** A change with who made it and when; the plan's texts are summarised like an item's fields. */
type Summarised<C extends PlanFieldChange> = Omit<PlanChange, 'change'> & { change: C };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function summarisePlanChanges<C extends PlanFieldChange = ItemFieldChange>(changes: Array<Summarised<C>>): Map<string, Array<FieldSummary<C>>> {
  const byItem = new Map<string, Array<Summarised<C>>>();
  for (const c of changes) {
    const list = byItem.get(c.itemId);
    if (list) list.push(c);
    else byItem.set(c.itemId, [c]);
  }
  const out = new Map<string, Array<FieldSummary<C>>>();
  for (const [itemId, list] of byItem) {
    const users = (of: Array<Summarised<C>>) => [...new Set(of.map((c) => c.userId).filter((u): u is string => u !== null))];
    const lifecycle = list.filter((c) => c.change.field === 'created' || c.change.field === 'deleted' || c.change.field === 'restored');
    const created = lifecycle.find((c) => c.change.field === 'created');
    const last = lifecycle[lifecycle.length - 1];
    const summaries: Array<FieldSummary<C>> = [];
    if (created) {
      summaries.push({ change: created.change, userIds: users([created]), at: created.at });
      if (last.change.field === 'deleted') summaries.push({ change: last.change, userIds: users([last]), at: last.at });
    } else {
      // Deleted and restored again is no change; the last word counts otherwise.
      const net = lifecycle.length % 2 === 1 ? last : undefined;
      if (net) summaries.push({ change: net.change, userIds: users(lifecycle), at: net.at });
      const fields = new Map<string, Array<Summarised<C>>>();
      for (const c of list) {
        if (!('from' in c.change)) continue;
        const group = fields.get(c.change.field);
        if (group) group.push(c);
        else fields.set(c.change.field, [c]);
      }
      for (const group of fields.values()) {
        const first = group[0].change as Extract<PlanFieldChange, { from: unknown }>;
        const end = group[group.length - 1];
        const to = (end.change as typeof first).to;
        if (same(first.from, to)) continue;
        summaries.push({ change: { ...first, to } as C, userIds: users(group), at: end.at });
      }
    }
    if (summaries.length) out.set(itemId, summaries);
  }
  return out;
}
