/**
 * Business-hours arithmetic over an IANA time zone.
 *
 * Model
 * -----
 * A business calendar opens every working day (ISO weekday, not a holiday) at
 * `startTime` and closes at `endTime`, both local wall-clock times. Business
 * time is counted in local wall-clock minutes: every open day contributes
 * exactly `endTime - startTime`, also on the days a DST transition happens.
 * For the usual 09:00–17:00 calendars this is identical to elapsed time;
 * only a calendar whose open hours straddle the transition itself (e.g.
 * 00:00–24:00) would see a 23 h or 25 h day counted as 24 business hours.
 *
 * A moment is open when its local date is an open day and its local time `t`
 * satisfies `startTime <= t < endTime` (closing time itself is closed).
 *
 * Algorithm
 * ---------
 * Instants are converted to a local (day number, millisecond-of-day) position
 * once, all counting is done with pure integer calendar arithmetic (whole
 * weeks are skipped at a time, holidays counted by binary search), and the
 * final local position is converted back to an instant once. Local→UTC uses
 * the zone offsets obtained from `Intl.DateTimeFormat#formatToParts` and
 * resolves DST edges as "the earliest instant (not before the starting
 * instant) whose local wall-clock time is at or after the requested time":
 * ambiguous times take their first occurrence, and times inside a
 * spring-forward gap resolve to the transition instant itself.
 */

export interface BusinessCalendar {
  /** IANA time zone, e.g. 'Europe/Copenhagen', 'America/New_York'. */
  timeZone: string;
  /** ISO weekday numbers, Mon=1 … Sun=7. */
  workingDays: number[];
  /** 'HH:MM' local opening time. */
  startTime: string;
  /** 'HH:MM' local closing time, later than startTime; at most '24:00'. */
  endTime: string;
  /** 'YYYY-MM-DD' local dates that are closed. */
  holidays: string[];
}

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

const TIME_RE = /^(\d{2}):(\d{2})$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

// ---------------------------------------------------------------------------
// Pure calendar arithmetic (proleptic Gregorian, day 0 = 1970-01-01)
// ---------------------------------------------------------------------------

/** Days since 1970-01-01 for a civil date (H. Hinnant's algorithm). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** ISO weekday (Mon=1 … Sun=7) of a day number; 1970-01-01 was a Thursday. */
function isoWeekday(dayNum: number): number {
  return ((((dayNum + 3) % 7) + 7) % 7) + 1;
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** Parses 'HH:MM' into minutes after midnight; `allow24` permits '24:00'. */
function parseTime(value: unknown, allow24: boolean): number | null {
  if (typeof value !== 'string') return null;
  const m = TIME_RE.exec(value);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59) return null;
  if (h === 24 && min === 0 && allow24) return 24 * 60;
  if (h > 23) return null;
  return h * 60 + min;
}

/** Parses 'YYYY-MM-DD' into a day number, or null when malformed/impossible. */
function parseDate(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const m = DATE_RE.exec(value);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return daysFromCivil(y, mo, d);
}

// ---------------------------------------------------------------------------
// Time-zone conversion
// ---------------------------------------------------------------------------

const formatterCache = new Map<string, Intl.DateTimeFormat>();

function getFormatter(timeZone: string): Intl.DateTimeFormat {
  let fmt = formatterCache.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatterCache.set(timeZone, fmt);
  }
  return fmt;
}

/**
 * Local wall-clock time of the whole second `secMs` (a multiple of 1000),
 * expressed as milliseconds since 1970-01-01T00:00 *local*.
 */
function wallOfSecond(fmt: Intl.DateTimeFormat, secMs: number): number {
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let bce = false;
  for (const part of fmt.formatToParts(new Date(secMs))) {
    switch (part.type) {
      case 'year':
        year = Number(part.value);
        break;
      case 'month':
        month = Number(part.value);
        break;
      case 'day':
        day = Number(part.value);
        break;
      case 'hour':
        hour = Number(part.value) % 24; // guard against legacy '24' at midnight
        break;
      case 'minute':
        minute = Number(part.value);
        break;
      case 'second':
        second = Number(part.value);
        break;
      case 'era':
        bce = /^B/i.test(part.value);
        break;
      default:
        break;
    }
  }
  if (bce) year = 1 - year;
  return (
    daysFromCivil(year, month, day) * MS_PER_DAY + hour * 3_600_000 + minute * MS_PER_MINUTE + second * 1000
  );
}

/** Local wall-clock milliseconds (since local 1970-01-01T00:00) of an instant. */
function toWall(fmt: Intl.DateTimeFormat, instant: number): number {
  const sec = Math.floor(instant / 1000) * 1000;
  return wallOfSecond(fmt, sec) + (instant - sec);
}

/** Zone offset (local − UTC, ms) in effect at an instant. */
function offsetAt(fmt: Intl.DateTimeFormat, instant: number): number {
  const sec = Math.floor(instant / 1000) * 1000;
  return wallOfSecond(fmt, sec) - sec;
}

/**
 * The earliest instant `t >= notBefore` whose local wall-clock time is at or
 * after `wall`. For ordinary local times this is simply the instant showing
 * `wall`; ambiguous (fall-back) times yield their first occurrence not before
 * `notBefore`; nonexistent (spring-forward gap) times yield the transition
 * instant, i.e. the first moment the clock shows a later time.
 */
function wallToInstant(fmt: Intl.DateTimeFormat, wall: number, notBefore: number): number {
  // `wall` read as UTC is within ±14 h of the real instant, so the offsets one
  // day either side are the offsets before and after any transition nearby.
  const offBefore = offsetAt(fmt, wall - MS_PER_DAY);
  const offAfter = offsetAt(fmt, wall + MS_PER_DAY);
  const offsets = new Set([offBefore, offsetAt(fmt, wall), offAfter]);
  offsets.add(offsetAt(fmt, wall - offsetAt(fmt, wall)));

  let best = Infinity;
  for (const off of offsets) {
    const t = wall - off;
    if (t >= notBefore && t < best && offsetAt(fmt, t) === off) best = t;
  }
  if (best !== Infinity) return best;

  // Spring-forward gap (or every candidate precedes `notBefore`): binary-search
  // the first whole second at which the wall clock reaches `wall`.
  let lo = Math.floor((wall - Math.max(offBefore, offAfter)) / 1000) - 1; // wall clock < `wall`
  let hi = Math.ceil((wall - Math.min(offBefore, offAfter)) / 1000) + 1; // wall clock >= `wall` (expected)
  if (toWall(fmt, hi * 1000) < wall || toWall(fmt, lo * 1000) >= wall) {
    // Pathological zone data: fall back to the "compatible" resolution.
    return Math.max(wall - offBefore, notBefore);
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (toWall(fmt, mid * 1000) >= wall) hi = mid;
    else lo = mid;
  }
  return Math.max(hi * 1000, notBefore);
}

// ---------------------------------------------------------------------------
// Compiled calendar
// ---------------------------------------------------------------------------

interface Compiled {
  fmt: Intl.DateTimeFormat;
  /** working[isoWeekday] */
  working: boolean[];
  workingPerWeek: number;
  startMs: number;
  endMs: number;
  dayMs: number;
  /** Sorted, de-duplicated day numbers of holidays that fall on working days. */
  holidayDays: number[];
  holidaySet: Set<number>;
}

function compile(cal: BusinessCalendar): Compiled {
  const problems = validateCalendar(cal);
  if (problems.length > 0) {
    throw new RangeError(`Invalid business calendar: ${problems.join('; ')}`);
  }
  const working: boolean[] = new Array<boolean>(8).fill(false);
  for (const d of cal.workingDays) working[d] = true;
  const startMs = (parseTime(cal.startTime, false) as number) * MS_PER_MINUTE;
  const endMs = (parseTime(cal.endTime, true) as number) * MS_PER_MINUTE;
  const holidaySet = new Set<number>();
  for (const h of cal.holidays) {
    const day = parseDate(h) as number;
    if (working[isoWeekday(day)]) holidaySet.add(day);
  }
  return {
    fmt: getFormatter(cal.timeZone),
    working,
    workingPerWeek: working.filter(Boolean).length,
    startMs,
    endMs,
    dayMs: endMs - startMs,
    holidayDays: [...holidaySet].sort((a, b) => a - b),
    holidaySet,
  };
}

function isOpenDay(c: Compiled, day: number): boolean {
  return c.working[isoWeekday(day)] && !c.holidaySet.has(day);
}

/** Index of the first element of sorted `arr` that is >= `value`. */
function lowerBound(arr: number[], value: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of open days in the inclusive day range [from, to]. */
function openDaysIn(c: Compiled, from: number, to: number): number {
  if (to < from) return 0;
  const n = to - from + 1;
  const weeks = Math.floor(n / 7);
  let count = weeks * c.workingPerWeek;
  for (let d = from + weeks * 7; d <= to; d++) if (c.working[isoWeekday(d)]) count++;
  const holidays = lowerBound(c.holidayDays, to + 1) - lowerBound(c.holidayDays, from);
  return count - holidays;
}

/** The n-th open day (n >= 1) strictly after `day`. */
function nthOpenDayAfter(c: Compiled, day: number, n: number): number {
  if (n < 1) return day;
  let cur = day;
  let need = n;
  // Skip whole weeks while more than a week's worth of open days remain.
  while (need > c.workingPerWeek) {
    const weeks = Math.floor((need - 1) / c.workingPerWeek);
    need -= openDaysIn(c, cur + 1, cur + weeks * 7);
    cur += weeks * 7;
  }
  for (;;) {
    cur++;
    if (isOpenDay(c, cur)) {
      need--;
      if (need === 0) return cur;
    }
  }
}

/** The first open day at or after `day`. */
function firstOpenDayFrom(c: Compiled, day: number): number {
  return isOpenDay(c, day) ? day : nthOpenDayAfter(c, day, 1);
}

interface Position {
  day: number;
  /** Milliseconds after local midnight. */
  ms: number;
}

function toPosition(c: Compiled, instant: number): Position {
  const wall = toWall(c.fmt, instant);
  const day = Math.floor(wall / MS_PER_DAY);
  return { day, ms: wall - day * MS_PER_DAY };
}

/** The position at which counting starts for a clock started at `pos`. */
function openingPosition(c: Compiled, pos: Position): Position {
  if (isOpenDay(c, pos.day) && pos.ms < c.endMs) {
    return { day: pos.day, ms: Math.max(pos.ms, c.startMs) };
  }
  return { day: nthOpenDayAfter(c, pos.day, 1), ms: c.startMs };
}

function instantOf(value: Date, name: string): number {
  const t = value instanceof Date ? value.getTime() : NaN;
  if (!Number.isFinite(t)) throw new RangeError(`${name} must be a valid Date`);
  return t;
}

// ---------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------

/**
 * Adds business minutes to `from`. A clock started outside business hours
 * starts at the next opening (so adding 0 to a closed moment returns the next
 * opening); a result that lands exactly on closing time is returned as
 * closing time. Fractional minutes are honoured to the millisecond.
 */
export function addBusinessMinutes(cal: BusinessCalendar, from: Date, minutes: number): Date {
  const c = compile(cal);
  const t0 = instantOf(from, 'from');
  if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError('minutes must be a finite number >= 0');
  }
  const amount = Math.round(minutes * MS_PER_MINUTE);
  const pos0 = toPosition(c, t0);
  const start = openingPosition(c, pos0);
  if (amount === 0 && start.day === pos0.day && start.ms === pos0.ms) {
    return new Date(t0); // already open: the clock does not move
  }

  let day = start.day;
  let ms: number;
  const availableToday = c.endMs - start.ms;
  if (amount <= availableToday) {
    ms = start.ms + amount;
  } else {
    const rest = amount - availableToday;
    const k = Math.ceil(rest / c.dayMs); // rest is consumed on the k-th open day after `day`
    day = nthOpenDayAfter(c, day, k);
    ms = c.startMs + (rest - (k - 1) * c.dayMs);
  }
  return new Date(wallToInstant(c.fmt, day * MS_PER_DAY + ms, t0));
}

/** Adds (possibly fractional) business hours to `from`; see addBusinessMinutes. */
export function addBusinessHours(cal: BusinessCalendar, from: Date, hours: number): Date {
  if (typeof hours !== 'number' || !Number.isFinite(hours) || hours < 0) {
    throw new RangeError('hours must be a finite number >= 0');
  }
  return addBusinessMinutes(cal, from, hours * 60);
}

/**
 * Business minutes elapsed between `from` and `to` (open time only); 0 when
 * `to <= from`. May be fractional when the instants are not on whole minutes.
 */
export function businessMinutesBetween(cal: BusinessCalendar, from: Date, to: Date): number {
  const c = compile(cal);
  const a = instantOf(from, 'from');
  const b = instantOf(to, 'to');
  if (b <= a) return 0;
  const pa = toPosition(c, a);
  const pb = toPosition(c, b);

  const clip = (ms: number): number => Math.min(Math.max(ms, c.startMs), c.endMs);
  let total: number;
  if (pa.day === pb.day) {
    total = isOpenDay(c, pa.day) ? Math.max(0, clip(pb.ms) - clip(pa.ms)) : 0;
  } else if (pb.day < pa.day) {
    total = 0; // only possible across a fall-back transition at midnight
  } else {
    total = 0;
    if (isOpenDay(c, pa.day)) total += c.endMs - clip(pa.ms);
    if (isOpenDay(c, pb.day)) total += clip(pb.ms) - c.startMs;
    total += openDaysIn(c, pa.day + 1, pb.day - 1) * c.dayMs;
  }
  return total / MS_PER_MINUTE;
}

/** Whether the calendar is open at `at` (closing time itself is closed). */
export function isOpen(cal: BusinessCalendar, at: Date): boolean {
  const c = compile(cal);
  const pos = toPosition(c, instantOf(at, 'at'));
  return isOpenDay(c, pos.day) && pos.ms >= c.startMs && pos.ms < c.endMs;
}

/** The next moment the calendar is open; a copy of `at` when already open. */
export function nextOpening(cal: BusinessCalendar, at: Date): Date {
  const c = compile(cal);
  const t = instantOf(at, 'at');
  const pos = toPosition(c, t);
  if (isOpenDay(c, pos.day) && pos.ms >= c.startMs && pos.ms < c.endMs) return new Date(t);
  const day = pos.ms < c.startMs ? firstOpenDayFrom(c, pos.day) : nthOpenDayAfter(c, pos.day, 1);
  return new Date(wallToInstant(c.fmt, day * MS_PER_DAY + c.startMs, t));
}

/** Human-readable problems with a calendar; [] when it is valid. */
export function validateCalendar(cal: BusinessCalendar): string[] {
  const problems: string[] = [];
  if (cal === null || typeof cal !== 'object') return ['calendar must be an object'];

  if (typeof cal.timeZone !== 'string' || cal.timeZone.trim() === '') {
    problems.push('timeZone must be a non-empty IANA time zone name');
  } else {
    try {
      getFormatter(cal.timeZone); // throws RangeError for unknown zones; cached when valid
    } catch {
      problems.push(`timeZone "${cal.timeZone}" is not a known IANA time zone`);
    }
  }

  if (!Array.isArray(cal.workingDays) || cal.workingDays.length === 0) {
    problems.push('workingDays must list at least one ISO weekday (Mon=1 … Sun=7)');
  } else {
    const bad = cal.workingDays.filter((d) => !Number.isInteger(d) || d < 1 || d > 7);
    if (bad.length > 0) {
      problems.push(`workingDays contains invalid ISO weekday(s) ${bad.map(String).join(', ')}; use 1 (Mon) … 7 (Sun)`);
    }
    const seen = new Set<number>();
    const dups = new Set<number>();
    for (const d of cal.workingDays) (seen.has(d) ? dups : seen).add(d);
    if (dups.size > 0) problems.push(`workingDays contains duplicate weekday(s) ${[...dups].join(', ')}`);
  }

  const start = parseTime(cal.startTime, false);
  const end = parseTime(cal.endTime, true);
  if (start === null) problems.push(`startTime "${String(cal.startTime)}" must be 'HH:MM' between 00:00 and 23:59`);
  if (end === null) problems.push(`endTime "${String(cal.endTime)}" must be 'HH:MM' between 00:00 and 24:00`);
  if (start !== null && end !== null && end <= start) {
    problems.push(`endTime ${cal.endTime} must be later than startTime ${cal.startTime}`);
  }

  if (!Array.isArray(cal.holidays)) {
    problems.push('holidays must be an array of YYYY-MM-DD dates');
  } else {
    for (const h of cal.holidays) {
      if (parseDate(h) === null) problems.push(`holiday "${String(h)}" is not a valid YYYY-MM-DD date`);
    }
  }
  return problems;
}
