/** What the people of a consultation round are told, and when; the mail outbox turns it into mails. */
export interface RoundNotice {
  kind: 'round_opened' | 'round_reminder' | 'round_closed';
  roundId: string;
  planId: string;
  /** The question the round asks. */
  question: string;
  /** The deadline, milliseconds since the epoch (server time). */
  deadline: number;
  /** The items asked about, in board order. */
  items: { id: string; activity: string }[];
  /** Who is told: people ids. For a reminder, only those who have not answered. */
  recipientIds: string[];
}
