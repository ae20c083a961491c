// When digests are made: every day at the digest hour, and for weekly ones on Mondays
// at that hour, in the server's time zone. A slot is the scheduled moment itself; a
// person's digest for a slot is made at the first look at or after it, once.

export type DigestSchedule = 'daily' | 'weekly';

/** The latest scheduled moment at or before `now`. */
export function digestSlot(now: number, schedule: DigestSchedule, hour: number): number {
  const day = new Date(now);
  day.setHours(hour, 0, 0, 0);
  if (day.getTime() > now) day.setDate(day.getDate() - 1);
  // getDay: Sunday 0 … Saturday 6; back to the Monday of that week.
  if (schedule === 'weekly') day.setDate(day.getDate() - ((day.getDay() + 6) % 7));
  return day.getTime();
}
