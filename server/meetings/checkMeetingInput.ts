import { MEETING_KINDS, type MeetingKind } from '../store/MeetingStore';
import { MeetingError } from './MeetingError';

// Checks of what a request or the command line hands in, before anything is written.

export const NOTE_MAX = 2000;
export const TITLE_MAX = 200;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const PLAN_ID = /^[a-z0-9-]{1,64}$/;

function text(value: unknown, what: string, max: number, required: boolean): string {
  if (value === undefined && !required) return '';
  if (typeof value !== 'string') throw new MeetingError('INVALID_INPUT', `${what} ska vara text.`);
  const trimmed = value.trim();
  if (required && !trimmed) throw new MeetingError('INVALID_INPUT', `${what} saknas.`);
  if (trimmed.length > max) throw new MeetingError('INVALID_INPUT', `${what} får vara högst ${max} tecken.`);
  return trimmed;
}

/** A real calendar day as YYYY-MM-DD (2025-02-30 is refused). */
export function checkDate(value: unknown): string {
  const match = typeof value === 'string' ? DATE.exec(value) : null;
  const day = match ? new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])) : null;
  if (!match || !day || day.getUTCDate() !== +match[3] || day.getUTCMonth() !== +match[2] - 1) {
    throw new MeetingError('INVALID_INPUT', 'Datum ska skrivas ÅÅÅÅ-MM-DD, till exempel 2025-03-12.');
  }
  return value as string;
}

export function checkKind(value: unknown): MeetingKind {
  if (!(MEETING_KINDS as readonly unknown[]).includes(value)) {
    throw new MeetingError('INVALID_INPUT', `Mötestyp ska vara en av ${MEETING_KINDS.join(', ')}.`);
  }
  return value as MeetingKind;
}

export const checkTitle = (value: unknown) => text(value, 'Titel', TITLE_MAX, true);
/** A plan's version ("Version 1") and its text about the annual meeting; undefined when not given. */
export const checkVersion = (value: unknown) => (value === undefined || value === null ? undefined : text(value, 'Versionen', TITLE_MAX, false));
export const checkMeetingText = (value: unknown) => (value === undefined || value === null ? undefined : text(value, 'Årsmötestexten', NOTE_MAX, false));
export const checkNote = (value: unknown) => text(value, 'Anteckning', NOTE_MAX, false);

export function checkPlanId(value: unknown): string {
  if (typeof value !== 'string' || !PLAN_ID.test(value)) {
    throw new MeetingError('INVALID_INPUT', 'Planens id får bestå av a–z, 0–9 och bindestreck, högst 64 tecken.');
  }
  return value;
}

export function checkYear(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 2000 || value > 2200) {
    throw new MeetingError('INVALID_INPUT', 'Året ska vara ett heltal, till exempel 2026.');
  }
  return value;
}

function positiveId(value: unknown, what: string): number {
  const id = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(id) || id <= 0) throw new MeetingError('INVALID_INPUT', `Ogiltigt id för ${what}: ${String(value)}.`);
  return id;
}

/** Ids as a route or the command line writes them. */
export const checkSnapshotId = (value: unknown) => positiveId(value, 'ögonblicksbild');
export const checkMeetingId = (value: unknown) => positiveId(value, 'möte');
