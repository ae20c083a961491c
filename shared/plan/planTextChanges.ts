import type * as Y from 'yjs';
import type { ItemFieldChange } from './itemChanges';
import { readPlainText } from './richText';
import { planFocus, planStrategy } from './schema';

// The plan's own texts beside its items: the strategy (Verksamhetsstrategi) and the
// focus of the year's action plan. Their changes are read, recorded and compared as
// plain text, one line per paragraph, heading or list item, like an item's Hur.

export const PLAN_TEXTS = ['strategy', 'focus'] as const;
export type PlanTextField = (typeof PLAN_TEXTS)[number];

export interface PlanTextChange {
  field: PlanTextField;
  from: string;
  to: string;
}

/** Every change the audit trail keeps: of an item's field, or of one of the plan's texts. */
export type PlanFieldChange = ItemFieldChange | PlanTextChange;

/**
 * The item id the audit trail files the plan's texts under. They belong to no item;
 * the field (strategy or focus) is what tells their changes apart.
 */
export const PLAN_TEXT_ITEM_ID = '';

export const isPlanTextChange = (change: { field: string }): change is PlanTextChange =>
  (PLAN_TEXTS as readonly string[]).includes(change.field);

export const planTextFragment = (doc: Y.Doc, field: PlanTextField): Y.XmlFragment =>
  field === 'strategy' ? planStrategy(doc) : planFocus(doc);

export const readPlanText = (doc: Y.Doc, field: PlanTextField): string => readPlainText(planTextFragment(doc, field));
