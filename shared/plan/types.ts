// The plan's plain form: what the importer produces, what JSON export writes, what
// snapshot diffs compare. Free of Yjs so that every side can use it.

export const STATUSES = ['not_started', 'planned', 'in_progress', 'paused', 'done'] as const;
export type Status = (typeof STATUSES)[number];

export const PRIORITIES = [1, 2, 3] as const;
export type Priority = 1 | 2 | 3 | null;

export interface PlainItem {
  /** Vad. A continuation row carries the activity of the row above. */
  activity: string;
  /** Hur, as plain text (the document keeps it as rich text). */
  how: string;
  /** Vem: known parties in their canonical form, unknown names kept whole. */
  who: string[];
  /** När/Resurs. */
  when: string;
  status: Status;
  /** The document's own status text, kept as written. */
  statusNote: string;
  priority: Priority;
  /**
   * Hur as rich text, when it holds more than plain lines (lists, bold, italic, links).
   * Only the plan document carries it; the plain form (JSON, snapshot diffs) has `how`.
   */
  howRich?: Block[];
}

export interface PlainDirection {
  title: string;
  items: PlainItem[];
}

export interface PlainPlan {
  title: string;
  year: number;
  directions: PlainDirection[];
}

// Rich text, as a small block model that maps one to one onto the Tiptap schema
// (StarterKit + Link) and onto Word and Markdown.
export interface TextRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  link?: string;
}

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; runs: TextRun[] }
  | { type: 'paragraph'; runs: TextRun[] }
  | { type: 'bulletList'; items: TextRun[][] }
  | { type: 'orderedList'; items: TextRun[][] };

/** Everything a plan document holds: the plain plan plus the texts around it. */
export interface PlanDocument {
  plan: PlainPlan;
  /** Lines under the title, e.g. the organisation's name and "Version 2". */
  organisation: string;
  version: string;
  /** The bold preamble ("Redovisas vid föreningens årsmöte …"). */
  preamble: TextRun[];
  /** Verksamhetsstrategi: vision, organisation, directions. */
  strategy: Block[];
  /** The focus text under "Handlingsplan för YEAR". */
  focus: Block[];
}
