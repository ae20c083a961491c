import type { NewOnItem } from '../discussion/WhatsNewReport';
import type { RoundNotice } from '../rounds/RoundNotice';
import type { MeetingKind } from '../snapshot/meetingRecords';
import type { DigestFrequency } from './MailKind';

// What happened, as much as a mail about it needs: the renderer (renderMail) turns one
// event and the reader's language into the mail. Every text in here may have been
// written by a person and is escaped where it is put into HTML.

export interface SignInLinkEvent {
  kind: 'sign_in_link';
  purpose: 'invite' | 'reset';
  url: string;
  expiresAt: number;
}

/** A comment that mentions the reader, or a reply in a thread the reader wrote in. */
export interface CommentEvent {
  kind: 'mention' | 'reply';
  planId: string;
  planTitle: string;
  itemId: string;
  activity: string;
  threadId: string;
  authorName: string;
  /** The start of the comment as plain text. */
  excerpt: string;
}

export interface RoundEvent {
  kind: 'round';
  notice: RoundNotice;
  planTitle: string;
}

export interface MeetingEvent {
  kind: 'meeting';
  change: 'scheduled' | 'opened';
  planId: string;
  planTitle: string;
  title: string;
  /** YYYY-MM-DD */
  date: string;
  meetingKind: MeetingKind;
  actorName: string;
}

/** A mail that was over the hourly limit and is told in the next digest instead. */
export interface GatheredMail {
  subject: string;
  url: string;
  at: number;
}

export interface DigestPlan {
  planId: string;
  planTitle: string;
  items: NewOnItem[];
}

export interface DigestEvent {
  kind: 'digest';
  frequency: DigestFrequency;
  since: number;
  until: number;
  plans: DigestPlan[];
  gathered: GatheredMail[];
}

export type MailEvent = SignInLinkEvent | CommentEvent | RoundEvent | MeetingEvent | DigestEvent;

/** The start of a comment, for a mail: short enough to read in a preview pane. */
export const MAIL_EXCERPT_LENGTH = 500;
