import { describe, expect, it } from 'vitest';
import { formatDay, formatDayIn, formatDayRange, formatInstant } from './format';

describe('dates and instants in written texts', () => {
  it('writes days as day, month, year', () => {
    expect(formatDay('2026-11-25')).toBe('25 Nov 2026');
    expect(formatDay('2026-09-01T10:00:00.000Z')).toBe('1 Sep 2026');
    expect(formatDay(null)).toBe('—');
    expect(formatDayRange('2026-10-12', '2026-10-18')).toBe('12 Oct – 18 Oct 2026');
    expect(formatDayRange('2026-12-21', '2027-01-03')).toBe('21 Dec 2026 – 3 Jan 2027');
  });

  it('writes an instant in the company time zone with its abbreviation, never as ISO', () => {
    const at = new Date('2026-11-25T16:00:00.000Z');
    expect(formatInstant(at, 'Europe/Copenhagen')).toBe('25 Nov 2026, 17:00 CET');
    expect(formatInstant(new Date('2026-07-01T06:05:00Z'), 'Europe/Copenhagen')).toBe('1 Jul 2026, 08:05 CEST');
    expect(formatInstant(at, 'America/New_York')).toBe('25 Nov 2026, 11:00 GMT-5');
    // Midnight in UTC is still the previous evening in New York: the day follows the zone.
    expect(formatDayIn(new Date('2026-11-26T03:00:00Z'), 'America/New_York')).toBe('25 Nov 2026');
    expect(formatDayIn(new Date('2026-11-26T03:00:00Z'), 'Europe/Copenhagen')).toBe('26 Nov 2026');
  });
});
