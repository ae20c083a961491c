// Dates in the document are Swedish and in Swedish time, whatever the server's zone:
// a snapshot taken late in the evening belongs to that day's meeting.
const LONG = new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Stockholm' });
const SHORT = new Intl.DateTimeFormat('sv-SE', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'Europe/Stockholm' });
const TIME = new Intl.DateTimeFormat('sv-SE', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Stockholm' });

function toDate(value: string | Date): Date {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? new Date(0) : date;
}

/** "23 maj 2025" */
export const swedishDate = (value: string | Date) => LONG.format(toDate(value));

/** "2025-05-23", for file names. */
export const isoDay = (value: string | Date) => SHORT.format(toDate(value));

/** "2025-05-23 14:05", for comments. */
export const swedishDateTime = (value: string | Date) => `${isoDay(value)} ${TIME.format(toDate(value))}`;
