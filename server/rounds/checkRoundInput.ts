import { daysBefore, parseStockholmDateTime, stockholmDateTime } from '../../shared/rounds/stockholmTime';
import { RoundError } from './RoundError';

// Checks of what a request hands in, before anything is read or written. Each refusal
// says what was wrong in words a secretary can act on.

export const QUESTION_MAX = 2000;
export const MAX_ITEMS = 300;
export const MAX_PEOPLE = 500;
export const MAX_REMINDER_DAYS = 60;
/** A deadline more than a year ahead is a typo in the year. */
export const MAX_DEADLINE_AHEAD_MS = 366 * 24 * 3600_000;

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const invalid = (message: string) => new RoundError('INVALID_INPUT', message);

export function checkId(value: unknown, what: string): string {
  if (typeof value !== 'string' || !ID.test(value)) throw invalid(`Ogiltigt id för ${what}: ${JSON.stringify(value) ?? String(value)}.`);
  return value;
}

export function checkQuestion(value: unknown): string {
  if (typeof value !== 'string') throw invalid('Frågan ska vara text.');
  const question = value.trim();
  if (!question) throw invalid('Skriv frågan som rundan ställer.');
  if (question.length > QUESTION_MAX) throw invalid(`Frågan får vara högst ${QUESTION_MAX} tecken.`);
  return question;
}

/** A deadline "YYYY-MM-DDTHH:MM" in Swedish time, after now and within a year. */
export function checkDeadline(value: unknown, now: number): number {
  const at = typeof value === 'string' ? parseStockholmDateTime(value) : null;
  if (at === null) throw invalid('Sista svarsdag ska vara ett datum och en tid, ÅÅÅÅ-MM-DDTTT:MM i svensk tid, till exempel 2025-03-12T17:00.');
  if (at <= now) throw new RoundError('DEADLINE_PASSED', `Sista svarsdag ${stockholmDateTime(at).replace('T', ' ')} har redan passerat. Välj en tid framåt.`);
  if (at - now > MAX_DEADLINE_AHEAD_MS) throw invalid('Sista svarsdag får ligga högst ett år fram i tiden.');
  return at;
}

/** Days before the deadline to remind, or null for no reminder. */
export function checkReminderDays(value: unknown): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_REMINDER_DAYS) {
    throw invalid(`Påminnelsen ska vara ett helt antal dagar före sista svarsdag, 1–${MAX_REMINDER_DAYS}, eller ingen (null).`);
  }
  return value;
}

/** When the reminder goes out; refused when that moment is already past. */
export function reminderMoment(deadline: number, days: number | null, now: number): number | null {
  if (days === null) return null;
  const at = daysBefore(deadline, days);
  if (at <= now) {
    throw new RoundError('DEADLINE_PASSED', `En påminnelse ${days} ${days === 1 ? 'dag' : 'dagar'} före sista svarsdag skulle gå ut ${stockholmDateTime(at).replace('T', ' ')}, som redan har passerat. Välj färre dagar eller ingen påminnelse.`);
  }
  return at;
}

/** Either chosen items or a whole direction, never both or neither. */
export function checkScope(input: { itemIds?: unknown; directionId?: unknown }): { itemIds: string[] } | { directionId: string } {
  const hasItems = input.itemIds !== undefined && input.itemIds !== null;
  const hasDirection = input.directionId !== undefined && input.directionId !== null;
  if (hasItems === hasDirection) throw invalid('Ange antingen punkterna (itemIds) eller en hel inriktning (directionId).');
  if (hasDirection) return { directionId: checkId(input.directionId, 'inriktningen') };
  if (!Array.isArray(input.itemIds) || input.itemIds.length === 0) throw invalid('itemIds ska vara en lista med minst en punkt.');
  if (input.itemIds.length > MAX_ITEMS) throw invalid(`En runda får fråga om högst ${MAX_ITEMS} punkter.`);
  return { itemIds: [...new Set(input.itemIds.map((id) => checkId(id, 'punkten')))] };
}

/** The whole forum ('forum') or chosen people by id. */
export function checkRecipients(value: unknown): 'forum' | string[] {
  if (value === 'forum') return 'forum';
  if (!Array.isArray(value) || value.length === 0) throw invalid('Ange vilka som tillfrågas: "forum" för hela tjänstepersonforumet eller en lista med personers id.');
  if (value.length > MAX_PEOPLE) throw invalid(`En runda får fråga högst ${MAX_PEOPLE} personer.`);
  return [...new Set(value.map((id) => checkId(id, 'personen')))];
}
