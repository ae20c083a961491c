import type { ItemFieldChange } from '../plan/itemChanges';

// "Nytt sedan ditt senaste besök": what the server answers, item by item in plan order
// (items deleted since come last). Shared so the client renders exactly this shape.

export interface NewComment {
  threadId: string;
  commentId: string;
  authorName: string;
  createdAt: number;
  /** The start of the comment as plain text. */
  excerpt: string;
  reply: boolean;
  mentionsYou: boolean;
}

export interface NewChange {
  change: ItemFieldChange;
  /** Who made it, by name. */
  names: string[];
  at: number;
}

export interface NewOnItem {
  itemId: string;
  activity: string;
  direction: string;
  deleted: boolean;
  comments: NewComment[];
  /** Threads resolved since, by whom. */
  resolved: Array<{ threadId: string; name: string; at: number }>;
  changes: NewChange[];
}

export interface WhatsNewReport {
  /** Where the person last marked the news seen (or a week back): everything after it is listed. */
  since: number;
  /** The server's time of the report: everything up to it is listed, and marking seen hands it back. */
  until: number;
  items: NewOnItem[];
}

export const EXCERPT_LENGTH = 280;
