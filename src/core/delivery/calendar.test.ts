import { describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../playbook';
import { defaultMeetings, foldLine, icsText, projectCalendar, rrule, weekdayOnOrAfter, zonedTime } from './calendar';

describe('meeting series', () => {
  it('creates the 003 cadence in the account time zone, weekdays only', () => {
    const ms = defaultMeetings(defaultPlaybook.delivery, { startDate: '2026-03-02', endDate: '2026-05-24', timeZone: 'Europe/Copenhagen' });
    expect(ms.map((m) => [m.key, m.frequency, m.durationMinutes])).toEqual([
      ['standup', 'daily', 15], ['status', 'weekly', 30], ['steering', 'biweekly', 60], ['executive_briefing', 'monthly', 30],
    ]);
    expect(ms[0].firstStartsAt.toISOString()).toBe('2026-03-02T08:00:00.000Z'); // 09:00 CET
    expect(ms[2].firstStartsAt.toISOString()).toBe('2026-03-13T13:00:00.000Z');
    expect(zonedTime('2026-07-01', 9, 0, 'Europe/Copenhagen').toISOString()).toBe('2026-07-01T07:00:00.000Z'); // CEST
    expect(zonedTime('2026-07-01', 9, 0, 'Not/AZone').toISOString()).toBe('2026-07-01T09:00:00.000Z');
    expect(weekdayOnOrAfter('2026-03-07')).toBe('2026-03-09');
  });
  it('maps frequencies to RRULEs', () => {
    expect(rrule({ frequency: 'daily', untilDate: '2026-05-24' })).toBe('FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;UNTIL=20260524T235959Z');
    expect(rrule({ frequency: 'biweekly', untilDate: null })).toBe('FREQ=WEEKLY;INTERVAL=2');
    expect(rrule({ frequency: 'once', untilDate: null })).toBeNull();
  });
});

describe('RFC 5545', () => {
  it('escapes text and folds long lines at 75 octets without splitting characters', () => {
    expect(icsText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const folded = foldLine(`SUMMARY:${'é'.repeat(60)}`);
    const parts = folded.split('\r\n');
    expect(parts.length).toBe(2);
    for (const p of parts) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(75);
    expect(parts[1].startsWith(' ')).toBe(true);
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(`SUMMARY:${'é'.repeat(60)}`);
  });
  it('writes a calendar with CRLF line ends', () => {
    const ics = projectCalendar({
      projectId: 'p', projectName: 'Acme, Inc.: CMDB', domain: 'example.com', now: new Date('2026-03-01T12:00:00Z'),
      meetings: [{ id: 'm1', key: 'standup', title: 'Team stand-up', frequency: 'daily', firstStartsAt: new Date('2026-03-02T08:00:00Z'), untilDate: '2026-05-24', durationMinutes: 15, timezone: 'UTC' }],
      milestones: [{ id: 'k', name: 'Design approved', forecastDate: '2026-03-22', status: 'pending' }],
    });
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(ics).toContain('DTSTART:20260302T080000Z\r\nDTEND:20260302T081500Z\r\nRRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;UNTIL=20260524T235959Z');
    expect(ics).toContain('DTSTART;VALUE=DATE:20260322\r\nDTEND;VALUE=DATE:20260323');
    expect(ics).toContain('SUMMARY:Acme\\, Inc.: CMDB: Team stand-up');
  });
});
