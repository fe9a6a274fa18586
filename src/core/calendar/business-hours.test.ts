import { describe, it, expect } from 'vitest';
import {
  addBusinessHours,
  addBusinessMinutes,
  businessMinutesBetween,
  isOpen,
  nextOpening,
  validateCalendar,
  type BusinessCalendar,
} from './index';

const MON_FRI = [1, 2, 3, 4, 5];
const ALL_WEEK = [1, 2, 3, 4, 5, 6, 7];

function calendar(timeZone: string, overrides: Partial<BusinessCalendar> = {}): BusinessCalendar {
  return { timeZone, workingDays: MON_FRI, startTime: '09:00', endTime: '17:00', holidays: [], ...overrides };
}

const CPH = calendar('Europe/Copenhagen');
const NYC = calendar('America/New_York');

const at = (iso: string): Date => new Date(iso);
const iso = (d: Date): string => d.toISOString();

describe('required case: lead created Friday 17:55 (Mon–Fri 09:00–17:00)', () => {
  it('Europe/Copenhagen: +1 h is Monday 10:00, +24 h is Wednesday 17:00', () => {
    const lead = at('2026-01-09T17:55:00+01:00'); // Friday
    expect(iso(addBusinessHours(CPH, lead, 1))).toBe('2026-01-12T09:00:00.000Z'); // Mon 10:00 CET
    expect(iso(addBusinessHours(CPH, lead, 24))).toBe('2026-01-14T16:00:00.000Z'); // Wed 17:00 CET
  });

  it('America/New_York: +1 h is Monday 10:00, +24 h is Wednesday 17:00', () => {
    const lead = at('2026-01-09T17:55:00-05:00'); // Friday
    expect(iso(addBusinessHours(NYC, lead, 1))).toBe('2026-01-12T15:00:00.000Z'); // Mon 10:00 EST
    expect(iso(addBusinessHours(NYC, lead, 24))).toBe('2026-01-14T22:00:00.000Z'); // Wed 17:00 EST
  });
});

describe('addBusinessHours basics (Europe/Copenhagen, winter = UTC+1)', () => {
  it('weekend start counts from Monday opening', () => {
    const saturday = at('2026-01-10T12:00:00+01:00');
    expect(iso(addBusinessHours(CPH, saturday, 1))).toBe('2026-01-12T09:00:00.000Z');
    expect(iso(addBusinessHours(CPH, at('2026-01-11T23:59:00+01:00'), 2.5))).toBe('2026-01-12T10:30:00.000Z');
  });

  it('a Monday holiday pushes the result to Tuesday', () => {
    const cal = calendar('Europe/Copenhagen', { holidays: ['2026-01-12'] });
    const lead = at('2026-01-09T17:55:00+01:00');
    expect(iso(addBusinessHours(cal, lead, 1))).toBe('2026-01-13T09:00:00.000Z'); // Tue 10:00
    expect(iso(addBusinessHours(cal, lead, 24))).toBe('2026-01-15T16:00:00.000Z'); // Thu 17:00
  });

  it('skips consecutive holidays (Danish Easter 2026: Thu, Fri, Mon)', () => {
    const cal = calendar('Europe/Copenhagen', { holidays: ['2026-04-02', '2026-04-03', '2026-04-06'] });
    const wednesday = at('2026-04-01T16:00:00+02:00');
    expect(iso(addBusinessHours(cal, wednesday, 2))).toBe('2026-04-07T08:00:00.000Z'); // Tue 10:00 CEST
    expect(iso(nextOpening(cal, at('2026-04-01T17:00:00+02:00')))).toBe('2026-04-07T07:00:00.000Z');
  });

  it('ignores holidays that fall on non-working days', () => {
    const cal = calendar('Europe/Copenhagen', { holidays: ['2026-01-10', '2026-01-11'] });
    expect(iso(addBusinessHours(cal, at('2026-01-09T17:55:00+01:00'), 1))).toBe('2026-01-12T09:00:00.000Z');
  });

  it('start before opening counts from opening', () => {
    expect(iso(addBusinessHours(CPH, at('2026-01-13T07:00:00+01:00'), 1.5))).toBe('2026-01-13T09:30:00.000Z');
  });

  it('start exactly at closing time counts from the next morning', () => {
    const close = at('2026-01-13T17:00:00+01:00'); // Tuesday 17:00
    expect(iso(addBusinessHours(CPH, close, 1))).toBe('2026-01-14T09:00:00.000Z'); // Wed 10:00
    expect(iso(addBusinessHours(CPH, close, 0))).toBe('2026-01-14T08:00:00.000Z'); // Wed 09:00
  });

  it('landing exactly on closing time returns closing time', () => {
    expect(iso(addBusinessHours(CPH, at('2026-01-13T09:00:00+01:00'), 8))).toBe('2026-01-13T16:00:00.000Z');
    expect(iso(addBusinessHours(CPH, at('2026-01-13T16:00:00+01:00'), 1))).toBe('2026-01-13T16:00:00.000Z');
    // Friday afternoon landing on Friday's close, not Monday morning.
    expect(iso(addBusinessHours(CPH, at('2026-01-05T09:00:00+01:00'), 40))).toBe('2026-01-09T16:00:00.000Z');
  });

  it('fractional hours and minutes', () => {
    expect(iso(addBusinessHours(CPH, at('2026-01-13T16:45:00+01:00'), 0.5))).toBe('2026-01-14T08:15:00.000Z');
    expect(iso(addBusinessHours(CPH, at('2026-01-13T10:00:00+01:00'), 0.25))).toBe('2026-01-13T09:15:00.000Z');
    expect(iso(addBusinessHours(CPH, at('2026-01-13T10:00:00+01:00'), 0.1))).toBe('2026-01-13T09:06:00.000Z');
    expect(iso(addBusinessMinutes(CPH, at('2026-01-13T16:00:00+01:00'), 90))).toBe('2026-01-14T08:30:00.000Z');
    expect(iso(addBusinessMinutes(CPH, at('2026-01-13T10:00:00+01:00'), 0.5))).toBe('2026-01-13T09:00:30.000Z');
  });

  it('zero hours: open moment is unchanged, closed moment moves to next opening', () => {
    const open = at('2026-01-13T10:17:23.456+01:00');
    expect(iso(addBusinessHours(CPH, open, 0))).toBe(open.toISOString());
    expect(iso(addBusinessHours(CPH, at('2026-01-09T17:55:00+01:00'), 0))).toBe('2026-01-12T08:00:00.000Z');
    expect(iso(addBusinessMinutes(CPH, at('2026-01-13T08:59:59+01:00'), 0))).toBe('2026-01-13T08:00:00.000Z');
  });

  it('a 7-day calendar counts weekends', () => {
    const cal = calendar('Europe/Copenhagen', { workingDays: ALL_WEEK });
    expect(iso(addBusinessHours(cal, at('2026-01-09T17:55:00+01:00'), 1))).toBe('2026-01-10T09:00:00.000Z'); // Sat 10:00
    expect(iso(addBusinessHours(cal, at('2026-01-10T16:00:00+01:00'), 2))).toBe('2026-01-11T09:00:00.000Z'); // Sun 10:00
    expect(iso(addBusinessHours(cal, at('2026-01-09T17:55:00+01:00'), 24))).toBe('2026-01-12T16:00:00.000Z'); // Mon 17:00
  });

  it('rejects negative or non-finite amounts and invalid dates', () => {
    expect(() => addBusinessHours(CPH, at('2026-01-13T10:00:00Z'), -1)).toThrow(RangeError);
    expect(() => addBusinessMinutes(CPH, at('2026-01-13T10:00:00Z'), Number.NaN)).toThrow(RangeError);
    expect(() => addBusinessHours(CPH, new Date('nope'), 1)).toThrow(RangeError);
  });
});

describe('DST transitions', () => {
  it('Europe/Copenhagen spring forward (Sun 2026-03-29): Friday +1, Monday +2', () => {
    const friday = at('2026-03-27T16:00:00+01:00');
    expect(iso(addBusinessHours(CPH, friday, 2))).toBe('2026-03-30T08:00:00.000Z'); // Mon 10:00 CEST
    expect(iso(addBusinessHours(CPH, friday, 9))).toBe('2026-03-30T15:00:00.000Z'); // Mon 17:00 CEST
    // The whole DST week: 5 working days × 8 h.
    expect(businessMinutesBetween(CPH, at('2026-03-23T00:00:00+01:00'), at('2026-04-06T00:00:00+02:00'))).toBe(
      10 * 480,
    );
  });

  it('Europe/Copenhagen spring forward: the change day itself is 8 business hours on a 7-day calendar', () => {
    const cal = calendar('Europe/Copenhagen', { workingDays: ALL_WEEK });
    expect(iso(addBusinessHours(cal, at('2026-03-28T16:00:00+01:00'), 2))).toBe('2026-03-29T08:00:00.000Z'); // Sun 10:00 CEST
    expect(iso(addBusinessHours(cal, at('2026-03-29T09:00:00+02:00'), 8))).toBe('2026-03-29T15:00:00.000Z'); // Sun 17:00 CEST
    expect(iso(nextOpening(cal, at('2026-03-29T00:30:00+01:00')))).toBe('2026-03-29T07:00:00.000Z');
    expect(businessMinutesBetween(cal, at('2026-03-29T00:00:00+01:00'), at('2026-03-30T00:00:00+02:00'))).toBe(480);
  });

  it('Europe/Copenhagen fall back (Sun 2026-10-25)', () => {
    const friday = at('2026-10-23T16:00:00+02:00');
    expect(iso(addBusinessHours(CPH, friday, 2))).toBe('2026-10-26T09:00:00.000Z'); // Mon 10:00 CET
    const cal = calendar('Europe/Copenhagen', { workingDays: ALL_WEEK });
    expect(iso(addBusinessHours(cal, at('2026-10-24T16:00:00+02:00'), 2))).toBe('2026-10-25T09:00:00.000Z'); // Sun 10:00 CET
    expect(iso(addBusinessHours(cal, at('2026-10-25T09:00:00+01:00'), 8))).toBe('2026-10-25T16:00:00.000Z'); // Sun 17:00 CET
    expect(businessMinutesBetween(cal, at('2026-10-25T00:00:00+02:00'), at('2026-10-26T00:00:00+01:00'))).toBe(480);
    expect(businessMinutesBetween(CPH, at('2026-10-19T00:00:00+02:00'), at('2026-10-26T00:00:00+01:00'))).toBe(
      5 * 480,
    );
  });

  it('America/New_York spring forward (Sun 2026-03-08)', () => {
    const friday = at('2026-03-06T16:00:00-05:00');
    expect(iso(addBusinessHours(NYC, friday, 2))).toBe('2026-03-09T14:00:00.000Z'); // Mon 10:00 EDT
    const cal = calendar('America/New_York', { workingDays: ALL_WEEK });
    expect(iso(addBusinessHours(cal, at('2026-03-07T16:00:00-05:00'), 2))).toBe('2026-03-08T14:00:00.000Z'); // Sun 10:00 EDT
    expect(iso(addBusinessHours(cal, at('2026-03-08T09:00:00-04:00'), 8))).toBe('2026-03-08T21:00:00.000Z'); // Sun 17:00 EDT
    expect(businessMinutesBetween(cal, at('2026-03-08T00:00:00-05:00'), at('2026-03-09T00:00:00-04:00'))).toBe(480);
    expect(businessMinutesBetween(NYC, at('2026-03-02T00:00:00-05:00'), at('2026-03-09T00:00:00-04:00'))).toBe(
      5 * 480,
    );
  });

  it('America/New_York fall back (Sun 2026-11-01)', () => {
    const friday = at('2026-10-30T16:00:00-04:00');
    expect(iso(addBusinessHours(NYC, friday, 2))).toBe('2026-11-02T15:00:00.000Z'); // Mon 10:00 EST
    expect(iso(addBusinessHours(NYC, friday, 18))).toBe('2026-11-04T15:00:00.000Z'); // Wed 10:00 EST
    const cal = calendar('America/New_York', { workingDays: ALL_WEEK });
    expect(iso(addBusinessHours(cal, at('2026-11-01T09:00:00-05:00'), 8))).toBe('2026-11-01T22:00:00.000Z'); // Sun 17:00 EST
    expect(businessMinutesBetween(cal, at('2026-11-01T00:00:00-04:00'), at('2026-11-02T00:00:00-05:00'))).toBe(480);
  });

  it('a 00:00–24:00 calendar does not crash at DST edges (wall-clock hours count)', () => {
    const cal = calendar('America/New_York', { workingDays: ALL_WEEK, startTime: '00:00', endTime: '24:00' });
    // 24 wall-clock hours on the 23-hour spring-forward day end at local midnight.
    expect(iso(addBusinessHours(cal, at('2026-03-08T00:00:00-05:00'), 24))).toBe('2026-03-09T04:00:00.000Z');
    // 25-hour fall-back day.
    expect(iso(addBusinessHours(cal, at('2026-11-01T00:00:00-04:00'), 24))).toBe('2026-11-02T05:00:00.000Z');
    // Landing in the nonexistent 02:30 resolves to the transition instant (03:00 EDT).
    expect(iso(addBusinessHours(cal, at('2026-03-08T00:00:00-05:00'), 2.5))).toBe('2026-03-08T07:00:00.000Z');
    expect(isOpen(cal, at('2026-03-08T07:30:00Z'))).toBe(true);
    expect(isOpen(cal, at('2026-11-01T06:30:00Z'))).toBe(true);
    expect(nextOpening(cal, at('2026-11-01T06:30:00Z')).toISOString()).toBe('2026-11-01T06:30:00.000Z');
  });

  it('opening times inside a gap or an ambiguous hour resolve sensibly', () => {
    const gap = calendar('America/New_York', { workingDays: ALL_WEEK, startTime: '02:30', endTime: '10:00' });
    // 02:30 does not exist on 2026-03-08: opening is the transition instant (03:00 EDT = 07:00Z).
    expect(iso(nextOpening(gap, at('2026-03-08T01:00:00-05:00')))).toBe('2026-03-08T07:00:00.000Z');
    expect(isOpen(gap, at('2026-03-08T07:00:00Z'))).toBe(true);
    expect(isOpen(gap, at('2026-03-08T06:59:59Z'))).toBe(false);

    const amb = calendar('America/New_York', { workingDays: ALL_WEEK, startTime: '01:30', endTime: '10:00' });
    // 01:30 happens twice on 2026-11-01: the first occurrence (EDT) opens.
    expect(iso(nextOpening(amb, at('2026-11-01T00:00:00-04:00')))).toBe('2026-11-01T05:30:00.000Z');
    // From 01:10 EST (second pass, wall clock before opening again) the next 01:30 is 01:30 EST.
    expect(iso(nextOpening(amb, at('2026-11-01T06:10:00Z')))).toBe('2026-11-01T06:30:00.000Z');
  });
});

describe('non-hour offsets', () => {
  it('Asia/Kolkata (+05:30)', () => {
    const cal = calendar('Asia/Kolkata');
    const friday = at('2026-01-09T16:30:00+05:30');
    expect(iso(addBusinessHours(cal, friday, 1))).toBe('2026-01-12T04:00:00.000Z'); // Mon 09:30 IST
    expect(iso(nextOpening(cal, friday))).toBe(friday.toISOString());
    expect(iso(nextOpening(cal, at('2026-01-09T17:00:00+05:30')))).toBe('2026-01-12T03:30:00.000Z');
    expect(isOpen(cal, at('2026-01-12T03:30:00Z'))).toBe(true);
    expect(isOpen(cal, at('2026-01-12T03:29:59Z'))).toBe(false);
  });

  it('Asia/Kathmandu (+05:45)', () => {
    const cal = calendar('Asia/Kathmandu');
    expect(iso(addBusinessHours(cal, at('2026-01-09T17:55:00+05:45'), 1))).toBe('2026-01-12T04:15:00.000Z');
  });
});

describe('isOpen / nextOpening', () => {
  it('treats opening as open and closing as closed', () => {
    expect(isOpen(CPH, at('2026-01-13T09:00:00+01:00'))).toBe(true);
    expect(isOpen(CPH, at('2026-01-13T16:59:59.999+01:00'))).toBe(true);
    expect(isOpen(CPH, at('2026-01-13T17:00:00+01:00'))).toBe(false);
    expect(isOpen(CPH, at('2026-01-10T12:00:00+01:00'))).toBe(false); // Saturday
    expect(isOpen(calendar('Europe/Copenhagen', { holidays: ['2026-01-13'] }), at('2026-01-13T12:00:00+01:00'))).toBe(
      false,
    );
  });

  it('returns `at` when open, otherwise the next opening', () => {
    const open = at('2026-01-13T12:34:56+01:00');
    expect(nextOpening(CPH, open).getTime()).toBe(open.getTime());
    expect(iso(nextOpening(CPH, at('2026-01-13T06:00:00+01:00')))).toBe('2026-01-13T08:00:00.000Z');
    expect(iso(nextOpening(CPH, at('2026-01-13T17:00:00+01:00')))).toBe('2026-01-14T08:00:00.000Z');
    expect(iso(nextOpening(CPH, at('2026-01-09T20:00:00+01:00')))).toBe('2026-01-12T08:00:00.000Z');
    expect(iso(nextOpening(CPH, at('2026-01-11T23:00:00Z')))).toBe('2026-01-12T08:00:00.000Z'); // Mon 00:00 local
  });
});

describe('businessMinutesBetween', () => {
  it('counts only open time', () => {
    expect(businessMinutesBetween(CPH, at('2026-01-09T17:55:00+01:00'), at('2026-01-12T10:00:00+01:00'))).toBe(60);
    expect(businessMinutesBetween(CPH, at('2026-01-13T10:00:00+01:00'), at('2026-01-13T10:30:00+01:00'))).toBe(30);
    expect(businessMinutesBetween(CPH, at('2026-01-12T00:00:00+01:00'), at('2026-01-19T00:00:00+01:00'))).toBe(2400);
    expect(businessMinutesBetween(CPH, at('2026-01-10T00:00:00+01:00'), at('2026-01-11T23:00:00+01:00'))).toBe(0);
    expect(businessMinutesBetween(CPH, at('2026-01-13T16:30:00+01:00'), at('2026-01-14T09:15:00+01:00'))).toBe(45);
  });

  it('is 0 when to <= from', () => {
    const t = at('2026-01-13T12:00:00+01:00');
    expect(businessMinutesBetween(CPH, t, t)).toBe(0);
    expect(businessMinutesBetween(CPH, t, at('2026-01-13T10:00:00+01:00'))).toBe(0);
  });

  it('subtracts holidays', () => {
    const cal = calendar('Europe/Copenhagen', { holidays: ['2026-01-13', '2026-01-14', '2026-01-17'] });
    expect(businessMinutesBetween(cal, at('2026-01-12T00:00:00+01:00'), at('2026-01-19T00:00:00+01:00'))).toBe(
      3 * 480,
    );
  });

  it('is the inverse of addBusinessMinutes (seeded random sample)', () => {
    // mulberry32 PRNG with a fixed seed for reproducibility.
    let seed = 0x5eed1234;
    const random = (): number => {
      seed = (seed + 0x6d2b79f5) | 0;
      let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
    };
    const calendars: BusinessCalendar[] = [
      calendar('Europe/Copenhagen', { holidays: ['2026-03-30', '2026-04-02', '2026-04-03', '2026-12-24'] }),
      calendar('America/New_York', { holidays: ['2026-07-03', '2026-11-26', '2026-11-27'] }),
      calendar('Asia/Kolkata', { workingDays: [1, 2, 3, 4, 5, 6], startTime: '09:30', endTime: '18:15' }),
      calendar('Australia/Sydney', { workingDays: ALL_WEEK, startTime: '08:00', endTime: '20:00' }),
    ];
    const base = Date.parse('2026-01-01T00:00:00Z');
    const span = 365 * 86_400_000;
    for (let i = 0; i < 400; i++) {
      const cal = calendars[i % calendars.length];
      const from = new Date(base + Math.floor(random() * span));
      const minutes = Math.floor(random() * 20_000);
      const to = addBusinessMinutes(cal, from, minutes);
      expect(to.getTime()).toBeGreaterThanOrEqual(from.getTime());
      expect(businessMinutesBetween(cal, from, to)).toBe(minutes);
      expect(isOpen(cal, to) || minutes > 0).toBe(true);
    }
  });
});

describe('validateCalendar', () => {
  it('accepts a valid calendar (including endTime 24:00)', () => {
    expect(validateCalendar(CPH)).toEqual([]);
    expect(validateCalendar(calendar('Asia/Kolkata', { startTime: '00:00', endTime: '24:00' }))).toEqual([]);
    expect(validateCalendar(calendar('UTC', { holidays: ['2024-02-29'] }))).toEqual([]);
  });

  it('reports each problem', () => {
    expect(validateCalendar(calendar('Mars/Olympus_Mons'))).toEqual([
      expect.stringContaining('Mars/Olympus_Mons'),
    ]);
    expect(validateCalendar(calendar('Europe/Copenhagen', { workingDays: [] }))).toEqual([
      expect.stringMatching(/workingDays/),
    ]);
    expect(validateCalendar(calendar('Europe/Copenhagen', { workingDays: [0, 1, 8] }))).toEqual([
      expect.stringMatching(/invalid ISO weekday.*0, 8/),
    ]);
    expect(validateCalendar(calendar('Europe/Copenhagen', { startTime: '17:00', endTime: '09:00' }))).toEqual([
      expect.stringMatching(/later than startTime/),
    ]);
    expect(validateCalendar(calendar('Europe/Copenhagen', { startTime: '09:00', endTime: '09:00' }))).toHaveLength(1);
    expect(validateCalendar(calendar('Europe/Copenhagen', { startTime: '9:00' }))).toEqual([
      expect.stringMatching(/startTime/),
    ]);
    expect(validateCalendar(calendar('Europe/Copenhagen', { endTime: '24:01' }))).toEqual([
      expect.stringMatching(/endTime/),
    ]);
    expect(validateCalendar(calendar('Europe/Copenhagen', { startTime: '24:00' }))).toHaveLength(1);
    expect(
      validateCalendar(calendar('Europe/Copenhagen', { holidays: ['2026-02-30', '2026/01/01', '2026-01-01'] })),
    ).toEqual([expect.stringContaining('2026-02-30'), expect.stringContaining('2026/01/01')]);
  });

  it('collects several problems at once', () => {
    const problems = validateCalendar({
      timeZone: 'Not/AZone',
      workingDays: [],
      startTime: '18:00',
      endTime: '08:00',
      holidays: ['tomorrow'],
    });
    expect(problems).toHaveLength(4);
  });

  it('the arithmetic functions throw RangeError for an invalid calendar', () => {
    const bad = calendar('Nowhere/Land');
    const t = at('2026-01-13T12:00:00Z');
    expect(() => addBusinessHours(bad, t, 1)).toThrow(RangeError);
    expect(() => businessMinutesBetween(bad, t, t)).toThrow(/Invalid business calendar/);
    expect(() => isOpen(bad, t)).toThrow(RangeError);
    expect(() => nextOpening(calendar('UTC', { workingDays: [] }), t)).toThrow(RangeError);
  });
});

describe('performance sanity', () => {
  it('adds 10,000 business hours (1,250 working days) by skipping whole days', () => {
    // Mon 2026-01-05 09:00 CET; 1,250 Mon–Fri days = 250 weeks, ending on the
    // Friday 249 weeks + 4 days later (2030-10-18) at 17:00 CEST.
    const from = at('2026-01-05T09:00:00+01:00');
    const to = addBusinessHours(CPH, from, 10_000);
    expect(iso(to)).toBe('2030-10-18T15:00:00.000Z');
    expect(businessMinutesBetween(CPH, from, to)).toBe(600_000);

    // Three holidays on working days push the end three working days later.
    const withHolidays = calendar('Europe/Copenhagen', { holidays: ['2026-12-24', '2027-01-01', '2030-10-18'] });
    expect(iso(addBusinessHours(withHolidays, from, 10_000))).toBe('2030-10-23T15:00:00.000Z'); // Wed 17:00 CEST
  });

  it('also handles very large amounts', () => {
    const from = at('2026-01-05T09:00:00+01:00');
    const to = addBusinessHours(calendar('UTC'), from, 8 * 5 * 52 * 100); // 100 × 52 weeks
    expect(iso(to)).toBe(new Date(Date.UTC(2026, 0, 5 + 100 * 52 * 7 - 3, 17)).toISOString());
  });
});
