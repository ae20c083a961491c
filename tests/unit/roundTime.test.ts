import { describe, expect, it } from 'vitest';
import { daysBefore, fromStockholm, parseStockholmDateTime, stockholmDateTime, stockholmParts } from '../../shared/rounds/stockholmTime';

// A deadline is written in Swedish time whatever the zone of the server or browser
// (vitest runs with the machine's zone; these moments are checked against UTC).

describe('Swedish time for deadlines', () => {
  it('reads a winter and a summer time with their own offsets', () => {
    expect(fromStockholm('2025-03-12', '17:00')).toBe(Date.parse('2025-03-12T16:00:00Z'));
    expect(fromStockholm('2025-06-12', '17:00')).toBe(Date.parse('2025-06-12T15:00:00Z'));
    expect(stockholmParts(Date.parse('2025-06-12T15:00:00Z'))).toEqual({ date: '2025-06-12', time: '17:00' });
    expect(stockholmDateTime(Date.parse('2025-12-31T23:30:00Z'))).toBe('2026-01-01T00:30');
  });

  it('refuses days and times that do not exist in the calendar', () => {
    for (const [date, time] of [['2025-02-29', '12:00'], ['2025-02-30', '12:00'], ['2025-13-01', '12:00'], ['2025-1-1', '12:00'], ['2025-03-12', '24:00'], ['2025-03-12', '12:60'], ['2025-03-12', '7:00']]) {
      expect([date, time, fromStockholm(date, time)]).toEqual([date, time, null]);
    }
    expect(parseStockholmDateTime('2025-03-12 17:00')).toBeNull();
    expect(parseStockholmDateTime('2025-03-12T17:00Z')).toBeNull();
  });

  it('moves a time skipped in spring an hour on, and takes the first of a time that occurs twice in autumn', () => {
    // 30 March 2025: 02:00 becomes 03:00.
    expect(stockholmParts(fromStockholm('2025-03-30', '02:30')!)).toEqual({ date: '2025-03-30', time: '03:30' });
    // 26 October 2025: 02:30 happens at 00:30Z (summer time) and again at 01:30Z.
    expect(fromStockholm('2025-10-26', '02:30')).toBe(Date.parse('2025-10-26T00:30:00Z'));
  });

  it('reminds at the same time of day a number of days before, across a clock change', () => {
    const deadline = fromStockholm('2025-04-01', '17:00')!;
    const reminder = daysBefore(deadline, 3);
    expect(stockholmDateTime(reminder)).toBe('2025-03-29T17:00');
    // Summer time began in between: three calendar days are 71 hours here.
    expect(deadline - reminder).toBe(71 * 3600_000);
  });
});
