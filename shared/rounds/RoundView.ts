// A consultation round ("remissrunda") as the server hands it out and a snapshot keeps
// it: the question, the deadline, the items and people asked, the answers and the
// round's own audit trail. Times are the server's, in milliseconds since the epoch.

export type RoundAudience = 'forum' | 'people';

export interface RoundPersonRef {
  id: string;
  name: string;
}

export interface RoundPerson extends RoundPersonRef {
  /** A deactivated person is no longer waited for, reminded or told. */
  active: boolean;
}

export interface RoundItem {
  id: string;
  /** The item's Vad (and its direction's title), as it is now or was when the round closed. */
  activity: string;
  direction: string;
  /** Deleted from the plan: nothing more can be answered on it. */
  deleted: boolean;
}

/** One comment that counts as an answer (see collectAnswers). */
export interface RoundAnswer {
  itemId: string;
  personId: string;
  personName: string;
  commentId: string;
  threadId: string;
  at: number;
  /** The comment's words as plain text. */
  text: string;
}

export type RoundEventDetail =
  | { kind: 'opened'; items: number; recipients: number }
  | { kind: 'changed'; deadline?: { from: number; to: number }; reminderDays?: { from: number | null; to: number | null } }
  | { kind: 'reminded'; recipients: RoundPersonRef[] }
  | { kind: 'closed'; early: boolean; answers: number };

export type RoundEventKind = RoundEventDetail['kind'];

export interface RoundEvent {
  at: number;
  /** Null: the server itself (a reminder, the closing at the deadline). */
  by: RoundPersonRef | null;
  detail: RoundEventDetail;
}

export interface RoundView {
  id: string;
  planId: string;
  question: string;
  /** Set when the round asks about a whole direction. */
  directionId: string | null;
  audience: RoundAudience;
  deadline: number;
  /** Days before the deadline the reminder goes out; null for none. */
  reminderDays: number | null;
  remindAt: number | null;
  remindedAt: number | null;
  openedAt: number;
  openedBy: RoundPersonRef;
  closedAt: number | null;
  /** Who closed it early; null when it closed at its deadline (or is open). */
  closedBy: RoundPersonRef | null;
  /** In board order. */
  items: RoundItem[];
  /**
   * The people asked. A viewer who may not run rounds sees only themselves here (when
   * asked): who else was asked and is still silent is the board's business.
   */
  recipients: RoundPerson[];
  /** Open: the answers so far. Closed: the answers as they stood when it closed. */
  answers: RoundAnswer[];
  /** Oldest first; empty for viewers who may not run rounds. */
  events: RoundEvent[];
}

export const isOpen = (round: Pick<RoundView, 'closedAt'>) => round.closedAt === null;

/** The end of the answering window: the deadline, or the moment the round was closed early. */
export const answersUntil = (round: Pick<RoundView, 'deadline' | 'closedAt'>) =>
  round.closedAt === null ? round.deadline : Math.min(round.deadline, round.closedAt);
