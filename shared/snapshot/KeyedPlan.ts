import type { PlainItem } from '../plan/types';
import type { RoundView } from '../rounds/RoundView';

// The plan's plain form with the ids of the shared document kept, so that two
// snapshots of one plan can be compared item by item even after cards moved, were
// renamed or changed direction. A KeyedPlan is also a valid PlainPlan (the extra
// fields are ignored there), which is what a snapshot stores as its plain JSON.

export interface KeyedItem extends PlainItem {
  id: string;
  /** The fractional order key within the direction; ties break by id. */
  order: string;
}

export interface KeyedDirection {
  id: string;
  title: string;
  order: string;
  items: KeyedItem[];
}

/** A comment as the discussion shows it; `body` is its plain text. */
export interface KeyedComment {
  id: string;
  authorId: string;
  authorName: string;
  /** Milliseconds since the epoch, from the server's clock. */
  createdAt: number;
  body: string;
  /** Edited, deleted by its author, or hidden by the secretariat. */
  state: 'visible' | 'edited' | 'deleted' | 'hidden';
}

export interface KeyedThread {
  id: string;
  itemId: string;
  createdAt: number;
  resolved: boolean;
  comments: KeyedComment[];
}

export interface KeyedPlan {
  title: string;
  year: number;
  /**
   * The strategy and the focus text as plain text (one line per paragraph, heading or
   * list item). Snapshots stored before these were kept lack them: absent means not
   * known, which a comparison leaves out rather than report as a text written anew.
   */
  strategy?: string;
  focus?: string;
  directions: KeyedDirection[];
  threads: KeyedThread[];
  /**
   * The plan's consultation rounds as they stood, whole (answers so far for an open
   * one). Snapshots stored before rounds were kept lack it: absent means not known.
   */
  rounds?: RoundView[];
}

/** Sorts threads and comments by time, then id. */
export const byCreated = <T extends { createdAt: number; id: string }>(a: T, b: T) =>
  a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
