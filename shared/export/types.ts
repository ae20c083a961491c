import type { PlanDocument } from '../plan/types';
import type { RoundView } from '../rounds/RoundView';

// What an export is made from and how. Renderers take the same three inputs so that a
// snapshot, the live plan and the command line all produce the same files.

export const EXPORT_FORMATS = ['docx', 'pdf', 'md', 'txt', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const COMMENT_FILTERS = ['none', 'open', 'resolved', 'all'] as const;
export type CommentFilter = (typeof COMMENT_FILTERS)[number];

/** Which consultation rounds' answers ("Remissvar") to include: none, the closed ones, or all (open ones with their answers so far). */
export const ROUND_FILTERS = ['none', 'closed', 'all'] as const;
export type RoundFilter = (typeof ROUND_FILTERS)[number];

export interface ExportOptions {
  /** Directions to include, by title or by 0-based index; all when absent or empty. */
  directions?: Array<string | number>;
  /** Show the document's own status text next to the status category. */
  statusNotes: boolean;
  /** Which comment threads to include (when comments are given). */
  comments: CommentFilter;
  /** Which rounds' answers to include (when rounds are given); none when absent. */
  rounds?: RoundFilter;
}

export const DEFAULT_EXPORT_OPTIONS: ExportOptions = { statusNotes: true, comments: 'none' };

export interface ExportComment {
  author: string;
  /** ISO time, as the server stamped it. */
  at: string;
  text: string;
}

export interface ExportThread {
  resolved: boolean;
  comments: ExportComment[];
}

/** The discussion of one item; itemKey matches an entry of ExportSource.itemKeys. */
export interface ItemThreads {
  itemKey: string;
  threads: ExportThread[];
}

export interface ExportSource {
  document: PlanDocument;
  /**
   * The key (item id) of each item, parallel to document.plan.directions[d].items.
   * Without it, an item's key is `d/i` (its direction and item index).
   */
  itemKeys?: string[][];
  comments?: ItemThreads[];
  /** The plan's consultation rounds, whole, newest first. */
  rounds?: RoundView[];
}

export interface ExportMeta {
  /** When the content is from: the snapshot's time, or now for the live plan (ISO or Date). */
  date: string | Date;
  /** The snapshot's name (e.g. its meeting); absent for the live plan. */
  snapshotLabel?: string;
}
