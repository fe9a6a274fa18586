// The communication plan as calendar events (003 Meeting Cadence): default meeting series of a project and an
// RFC 5545 feed of them (recurrences as RRULE) plus the milestones as all-day events.
import { addDays, toDay } from './dates';
import type { DeliveryPlaybook } from './plan';

export const MEETING_FREQUENCIES = ['daily', 'weekly', 'biweekly', 'monthly', 'quarterly', 'yearly', 'once'] as const;
export type MeetingFrequency = (typeof MEETING_FREQUENCIES)[number];

export interface MeetingSeries {
  key: string | null; title: string; frequency: MeetingFrequency; firstStartsAt: Date; untilDate: string | null;
  durationMinutes: number; timezone: string;
}

/** Offset in ms of `tz` from UTC at instant t (local − UTC). Unknown zones count as UTC. */
function tzOffset(t: number, tz: string): number {
  try {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    }).formatToParts(new Date(t));
    const v = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    return Date.UTC(v('year'), v('month') - 1, v('day'), v('hour'), v('minute'), v('second')) - Math.floor(t / 1000) * 1000;
  } catch {
    return 0;
  }
}

/** The instant of a local wall-clock time in a time zone. */
export function zonedTime(date: string, hour: number, minute: number, tz: string): Date {
  const wall = Date.parse(`${date}T00:00:00Z`) + (hour * 60 + minute) * 60_000;
  let t = wall - tzOffset(wall, tz);
  const again = wall - tzOffset(t, tz); // across a DST change the first guess is an hour off
  if (again !== t) t = again;
  return new Date(t);
}

/** The date itself when it is Monday–Friday, else the next Monday. */
export function weekdayOnOrAfter(date: string): string {
  const dow = new Date(toDay(date) * 86_400_000).getUTCDay(); // 0 = Sunday
  return dow === 6 ? addDays(date, 2) : dow === 0 ? addDays(date, 1) : date;
}

/**
 * Default series (assumption, not in seed: 003 gives the cadence and lengths, not the times): stand-up 09:00 from the
 * first working day, status meeting 10:00 from day 5, steering committee 14:00 from day 12, executive briefing 15:00
 * from day 26, each moved to a weekday, in the account's time zone, until the planned end. Ad-hoc meetings get no series.
 */
const DEFAULT_SLOTS: Record<string, { day: number; hour: number }> = {
  daily: { day: 0, hour: 9 }, weekly: { day: 4, hour: 10 }, biweekly: { day: 11, hour: 14 }, monthly: { day: 25, hour: 15 },
  quarterly: { day: 25, hour: 15 }, yearly: { day: 25, hour: 15 },
};

export function defaultMeetings(d: Pick<DeliveryPlaybook, 'meetings'>, input: { startDate: string; endDate: string; timeZone: string }): MeetingSeries[] {
  return d.meetings.filter((m) => m.frequency !== 'ad_hoc').map((m) => {
    const slot = DEFAULT_SLOTS[m.frequency] ?? { day: 0, hour: 9 };
    const day = weekdayOnOrAfter(addDays(input.startDate, slot.day));
    return {
      key: m.id, title: m.label, frequency: m.frequency as MeetingFrequency, firstStartsAt: zonedTime(day, slot.hour, 0, input.timeZone),
      untilDate: input.endDate, durationMinutes: m.durationMinutes ?? 30, timezone: input.timeZone,
    };
  });
}

// ---------------------------------------------------------------- RFC 5545

/** TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, newline. */
export const icsText = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** Folds a content line at 75 octets (§3.1): CRLF + one space, never inside a UTF-8 sequence. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let cur = '';
  let bytes = 0;
  for (const ch of line) {
    const cp = ch.codePointAt(0)!;
    const n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; // UTF-8 octets
    if (bytes + n > (out.length === 0 ? 75 : 74)) { out.push(cur); cur = ''; bytes = 0; }
    cur += ch;
    bytes += n;
  }
  out.push(cur);
  return out.join('\r\n ');
}

const utcStamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
const dateValue = (s: string) => s.replace(/-/g, '');

/** The recurrence rule of a series; the stand-up skips weekends. */
export function rrule(m: Pick<MeetingSeries, 'frequency' | 'untilDate'>): string | null {
  const base: Record<MeetingFrequency, string | null> = {
    daily: 'FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR', weekly: 'FREQ=WEEKLY', biweekly: 'FREQ=WEEKLY;INTERVAL=2',
    monthly: 'FREQ=MONTHLY', quarterly: 'FREQ=MONTHLY;INTERVAL=3', yearly: 'FREQ=YEARLY', once: null,
  };
  const r = base[m.frequency];
  if (!r) return null;
  return m.untilDate ? `${r};UNTIL=${dateValue(m.untilDate)}T235959Z` : r;
}

export interface CalendarInput {
  projectId: string; projectName: string; domain: string; now: Date;
  meetings: (MeetingSeries & { id: string })[];
  milestones: { id: string; name: string; forecastDate: string; status: string }[];
}

/** The project's calendar: one VEVENT per meeting series (with RRULE) and one all-day VEVENT per milestone. */
export function projectCalendar(c: CalendarInput): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Valuegraph//Delivery//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsText(c.projectName)}`];
  const stamp = utcStamp(c.now);
  for (const m of c.meetings) {
    const end = new Date(m.firstStartsAt.getTime() + m.durationMinutes * 60_000);
    const rule = rrule(m);
    lines.push('BEGIN:VEVENT', `UID:meeting-${m.id}@${c.domain}`, `DTSTAMP:${stamp}`, `DTSTART:${utcStamp(m.firstStartsAt)}`,
      `DTEND:${utcStamp(end)}`, ...(rule ? [`RRULE:${rule}`] : []), `SUMMARY:${icsText(`${c.projectName}: ${m.title}`)}`,
      `DESCRIPTION:${icsText(`${m.title} (${m.frequency}, ${m.durationMinutes} min) of the ${c.projectName} project.`)}`, 'END:VEVENT');
  }
  for (const ms of c.milestones) {
    lines.push('BEGIN:VEVENT', `UID:milestone-${ms.id}@${c.domain}`, `DTSTAMP:${stamp}`, `DTSTART;VALUE=DATE:${dateValue(ms.forecastDate)}`,
      `DTEND;VALUE=DATE:${dateValue(addDays(ms.forecastDate, 1))}`, `SUMMARY:${icsText(`${c.projectName}: milestone ${ms.name}`)}`,
      `DESCRIPTION:${icsText(`Milestone ${ms.name} (${ms.status}).`)}`, 'TRANSP:TRANSPARENT', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
