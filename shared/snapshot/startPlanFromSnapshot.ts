import type * as Y from 'yjs';
import { writeBlocks } from '../plan/richText';
import { planItems, planMeta, planPreamble } from '../plan/schema';
import { restorePlanContent } from './restorePlanContent';

export interface NewPlanOptions {
  title: string;
  year: number;
  /** Start every item afresh (Ej påbörjad, no status note) instead of where it stood. */
  resetStatuses: boolean;
  /** The new plan's version ("Version 1"); the old plan's when absent. */
  version?: string;
  /** The text about the annual meeting that opens the document (its preamble); the old plan's when absent. */
  meetingText?: string;
}

/**
 * Fills an empty document with a new year's plan made from a snapshot of an earlier
 * one: the texts, directions and live items, under the new title and year. Items keep
 * their ids, so the two years' plans can later be compared item by item.
 */
export function startPlanFromSnapshot(target: Y.Doc, source: Y.Doc, options: NewPlanOptions): void {
  target.transact(() => {
    // Into an empty document this copies the live items only: what was deleted in the
    // old plan does not travel into the new one.
    restorePlanContent(target, source);
    planMeta(target).set('title', options.title);
    planMeta(target).set('year', options.year);
    if (options.version !== undefined) planMeta(target).set('version', options.version);
    if (options.meetingText !== undefined) writeBlocks(planPreamble(target), options.meetingText ? [{ type: 'paragraph', runs: [{ text: options.meetingText, bold: true }] }] : []);
    if (options.resetStatuses) {
      planItems(target).forEach((item) => {
        item.set('status', 'not_started');
        item.set('statusNote', '');
      });
    }
  });
}
