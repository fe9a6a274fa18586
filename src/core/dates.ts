// The one range of calendar years the product accepts, and the zod schemas every date and date-time input uses.
// JavaScript and zod accept year 0000 and 9999, PostgreSQL refuses year 0 and business rules (terms, schedules,
// ages) make no sense centuries away, so every date from outside — JSON, query, CSV, cursor — is held to this range.
import { z } from 'zod';

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

export const yearInRange = (year: number) => Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;

const RANGE = `must be between ${MIN_YEAR}-01-01 and ${MAX_YEAR}-12-31`;
// The year as written: '2200-12-31T23:00:00-05:00' is inside the range although it is 2201 in UTC.
// A value that does not even start with a year already failed the format check; one error per field is enough.
const writtenYearInRange = (s: string) => !/^\d{4}/.test(s) || yearInRange(Number(s.slice(0, 4)));

/** A calendar date, YYYY-MM-DD, that exists and lies in the accepted range. */
export const isoDate = z.iso.date().refine(writtenYearInRange, RANGE);

/** An ISO 8601 instant with a zone (Z or ±hh:mm) in the accepted range. */
export const isoDateTime = z.iso.datetime({ offset: true }).refine(writtenYearInRange, RANGE);

/** True for a real YYYY-MM-DD date in range (cursors and other values checked outside zod). */
export const isDateInRange = (s: string) => isoDate.safeParse(s).success;

/** True for an ISO 8601 instant with a zone, any fraction of seconds, in range. */
export const isDateTimeInRange = (s: string) => isoDateTime.safeParse(s).success;
