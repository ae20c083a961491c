// A round's deadline is a date and a time in Swedish time, whatever the zone of the
// server or of the browser that sets it: "17.00 on 12 March" means 17.00 in Stockholm
// for a board member travelling abroad too. These convert between that wall-clock time
// and the server's milliseconds, daylight saving included.

export const ROUND_TIME_ZONE = 'Europe/Stockholm';

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: ROUND_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

function wallClock(ms: number) {
  const p = Object.fromEntries(PARTS.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return { year: +p.year, month: +p.month, day: +p.day, hour: +p.hour, minute: +p.minute, second: +p.second };
}

/** How far Stockholm's clock is ahead of UTC at this moment, in milliseconds. */
function offsetAt(ms: number): number {
  const w = wallClock(ms);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(ms / 1000) * 1000;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The moment as Stockholm's calendar day and time: { date: '2025-03-12', time: '17:00' }. */
export function stockholmParts(ms: number): { date: string; time: string } {
  const w = wallClock(ms);
  return { date: `${w.year}-${pad(w.month)}-${pad(w.day)}`, time: `${pad(w.hour)}:${pad(w.minute)}` };
}

/**
 * The moment a Stockholm date (YYYY-MM-DD) and time (HH:MM) name, or null when either
 * is not a real one (2025-02-30, 24:00). A time skipped when the clocks go forward
 * lands an hour later; one that occurs twice in autumn is the first.
 */
export function fromStockholm(date: string, time: string): number | null {
  const d = DATE.exec(date);
  const t = TIME.exec(time);
  if (!d || !t) return null;
  const [year, month, day] = [+d[1], +d[2], +d[3]];
  const wall = Date.UTC(year, month - 1, day, +t[1], +t[2]);
  const check = new Date(wall);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  // The offset before and after a change differ; the earlier reading wins when both fit.
  const candidates = [wall - offsetAt(wall - 12 * 3600_000), wall - offsetAt(wall + 12 * 3600_000)];
  return candidates.find((ms) => offsetAt(ms) + ms === wall) ?? Math.max(...candidates);
}

/** "2025-03-12T17:00", the form a deadline is written in. */
export function stockholmDateTime(ms: number): string {
  const { date, time } = stockholmParts(ms);
  return `${date}T${time}`;
}

/** Reads "YYYY-MM-DDTHH:MM" as Stockholm time; null when it is not one. */
export function parseStockholmDateTime(value: string): number | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(value);
  return m ? fromStockholm(m[1], m[2]) : null;
}

/** The same Stockholm time of day, `days` calendar days earlier (23 or 25 hours across a clock change). */
export function daysBefore(ms: number, days: number): number {
  const { date, time } = stockholmParts(ms);
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - days);
  return fromStockholm(day.toISOString().slice(0, 10), time)!;
}
