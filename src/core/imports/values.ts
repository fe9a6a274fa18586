// Parsing of CSV cell values: dates in ISO, US and European formats, money with currency symbols and thousand
// separators, integers, e-mail addresses, domains and countries. Every parser returns a value or a reason.
import { MAX_YEAR, MIN_YEAR, yearInRange } from '../dates';

/** A value, or a reason it is not one. A warning keeps the row but says what was left out (an unknown country). */
export type Parsed<T> = { ok: true; value: T; warning?: string } | { ok: false; error: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (error: string): Parsed<never> => ({ ok: false, error });

/** Day/month order of slash dates: HubSpot's US exports write 03/15/2024, European ones 15/03/2024. */
export type DateOrder = 'mdy' | 'dmy';

export interface ParsedDate {
  /** The calendar date as written, YYYY-MM-DD. */
  date: string;
  /** The instant in UTC milliseconds (a date without time is midnight UTC; a time without zone is UTC). */
  ms: number;
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
const SLASH = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]\.?M\.?)?)?$/i;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function daysInMonth(y: number, m: number) {
  return m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0) ? 29 : MONTH_DAYS[m - 1];
}
const two = (n: number) => (n < 10 ? `0${n}` : String(n));

function build(y: number, m: number, d: number, hh = 0, mi = 0, ss = 0, ms = 0, offsetMin = 0): Parsed<ParsedDate> {
  if (m < 1 || m > 12) return bad(`month ${m} is not 1–12`);
  if (d < 1 || d > daysInMonth(y, m)) return bad(`day ${d} does not exist in ${y}-${String(m).padStart(2, '0')}`);
  if (hh > 23 || mi > 59 || ss > 59) return bad('time of day is out of range');
  if (!yearInRange(y)) return bad(`year ${y} is out of range (${MIN_YEAR}–${MAX_YEAR})`);
  const date = `${y}-${two(m)}-${two(d)}`;
  return ok({ date, ms: Date.UTC(y, m - 1, d, hh, mi, ss, ms) - offsetMin * 60_000 });
}

/** Parses ISO (2024-03-15, 2024-03-15T10:00:00Z, 2024-03-15 10:00), US (03/15/2024 2:30 PM) and EU (15/03/2024, 15.03.2024). */
export function parseDate(raw: string, order: DateOrder = 'mdy'): Parsed<ParsedDate | null> {
  const s = raw.trim();
  if (!s) return ok(null);
  let m = ISO.exec(s);
  if (m) {
    let offset = 0;
    if (m[8] && m[8].toUpperCase() !== 'Z') {
      const z = m[8].replace(':', '');
      offset = (z[0] === '-' ? -1 : 1) * (Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5)));
    }
    const frac = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
    const r = build(+m[1], +m[2], +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), frac, offset);
    if (!r.ok) return bad(`"${s}" is not a valid date: ${r.error}`);
    // The calendar date is the one written, whatever the zone (build made the value for this call alone).
    r.value.date = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
    return r;
  }
  m = SLASH.exec(s);
  if (m) {
    // Dots are European (15.03.2024) whatever the file's order; slashes and dashes follow the file's order.
    const dmy = m[2] === '.' || order === 'dmy';
    const a = +m[1], b = +m[3];
    let y = +m[4];
    if (m[4].length === 2) y += y < 70 ? 2000 : 1900;
    let hh = m[5] ? +m[5] : 0;
    const ampm = m[8]?.replace(/\./g, '').toUpperCase();
    if (ampm) {
      if (hh < 1 || hh > 12) return bad(`"${s}" is not a valid date: hour ${hh} with ${ampm}`);
      hh = (hh % 12) + (ampm === 'PM' ? 12 : 0);
    }
    const r = build(y, dmy ? b : a, dmy ? a : b, hh, m[6] ? +m[6] : 0, m[7] ? +m[7] : 0);
    return r.ok ? r : bad(`"${s}" is not a valid ${dmy ? 'day/month/year' : 'month/day/year'} date: ${r.error}`);
  }
  if (/^\d{12,13}$/.test(s)) { // epoch ms (HubSpot API)
    const date = new Date(Number(s)).toISOString().slice(0, 10);
    return yearInRange(Number(date.slice(0, 4))) ? ok({ ms: Number(s), date }) : bad(`"${s}" is out of range (${MIN_YEAR}–${MAX_YEAR})`);
  }
  return bad(`"${s}" is not a date (use 2024-03-15, 03/15/2024 or 15.03.2024)`);
}

/**
 * Which order the slash dates of a sample use: a first part above 12 can only be a day, a second part above 12
 * only a day too. Undecidable samples keep the fallback.
 */
export function detectDateOrder(samples: string[], fallback: DateOrder = 'mdy'): DateOrder {
  let dmy = 0, mdy = 0;
  for (const s of samples) {
    const m = SLASH.exec(s.trim());
    if (!m || m[2] === '.') continue;
    if (+m[1] > 12) dmy++;
    else if (+m[3] > 12) mdy++;
  }
  if (dmy > mdy) return 'dmy';
  if (mdy > dmy) return 'mdy';
  return fallback;
}

const SYMBOLS: Record<string, string> = { $: 'USD', US$: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR', 'CHF': 'CHF', 'kr.': 'DKK', kr: 'DKK' };

export interface Money {
  /** Minor units (cents). */
  minor: number;
  /** Currency named in the cell (symbol or ISO code), if any. */
  currency: string | null;
}

/**
 * "$12,500.50", "12.500,50 €", "EUR 1 234,56", "1,234", "-1,000", "(250.00)" → minor units. With both separators
 * the last one is the decimal point; a single separator followed by exactly three digits is a thousands
 * separator (money has two decimals); blank is null.
 */
const PLAIN_MONEY = /^(\d{1,13})(?:\.(\d{1,2}))?$/;
/**
 * `scale` multiplies the figure written (1000 for a column in thousands, 1000000 for millions) before rounding to
 * minor units, so "1,137.42" in millions is 1,137,420,000.00 exactly, not the cent-rounded figure times a million.
 */
export function parseMoney(raw: string, scale = 1): Parsed<Money | null> {
  // Fast path: plain digits with up to two decimals (what exports write), the same result as the general rules.
  const plain = scale === 1 ? PLAIN_MONEY.exec(raw) : null;
  if (plain) return ok({ minor: Number(plain[1]) * 100 + (plain[2] ? Number(plain[2].length === 1 ? `${plain[2]}0` : plain[2]) : 0), currency: null });
  let s = raw.trim();
  if (!s) return ok(null);
  let currency: string | null = null;
  const code = /^([A-Z]{3})\s*|\s*([A-Z]{3})$/.exec(s);
  if (code) { currency = code[1] ?? code[2]; s = s.replace(code[0], ''); }
  for (const [sym, cur] of Object.entries(SYMBOLS)) {
    if (s.startsWith(sym) || s.endsWith(sym)) {
      currency ??= cur;
      s = s.startsWith(sym) ? s.slice(sym.length) : s.slice(0, -sym.length);
      break;
    }
  }
  s = s.trim();
  let negative = false;
  if (/^\(.*\)$/.test(s)) { negative = true; s = s.slice(1, -1).trim(); }
  if (s.startsWith('-')) { negative = !negative; s = s.slice(1).trim(); }
  for (const [sym, cur] of Object.entries(SYMBOLS)) {
    if (s.startsWith(sym)) { currency ??= cur; s = s.slice(sym.length).trim(); break; }
  }
  s = s.replace(/[\s\u00a0\u202f']/g, '');
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return bad(`"${raw.trim()}" is not an amount`);
  const lastDot = s.lastIndexOf('.'), lastComma = s.lastIndexOf(',');
  let intPart = s, frac = '';
  if (lastDot >= 0 && lastComma >= 0) {
    const dec = Math.max(lastDot, lastComma);
    intPart = s.slice(0, dec); frac = s.slice(dec + 1);
  } else {
    const sep = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : '';
    if (sep) {
      const parts = s.split(sep);
      const thousands = parts.length > 2 || parts[1].length === 3;
      if (thousands) {
        if (!parts.slice(1).every((p) => p.length === 3)) return bad(`"${raw.trim()}" has misplaced thousand separators`);
        intPart = parts.join('');
      } else { intPart = parts[0]; frac = parts[1]; }
    }
  }
  intPart = intPart.replace(/[.,]/g, '');
  if (!/^\d*$/.test(frac) || (!intPart && !frac)) return bad(`"${raw.trim()}" is not an amount`);
  const cents = scale !== 1
    ? Math.round(Number(`${intPart || '0'}.${frac || '0'}`) * 100 * scale)
    : Number(intPart || '0') * 100 + Number((frac + '00').slice(0, 2)) + (Number(frac[2] ?? '0') >= 5 ? 1 : 0);
  if (!Number.isSafeInteger(cents)) return bad(`"${raw.trim()}" is too large`);
  return ok({ minor: negative ? -cents : cents, currency });
}

/** "1,200", "1 200", "1200" → 1200; decimals are refused; blank is null. */
export function parseInteger(raw: string): Parsed<number | null> {
  const s = raw.trim().replace(/[\s\u00a0,']/g, '');
  if (!s) return ok(null);
  if (!/^-?\d+(\.0+)?$/.test(s)) return bad(`"${raw.trim()}" is not a whole number`);
  const n = Number.parseInt(s, 10);
  return Number.isSafeInteger(n) ? ok(n) : bad(`"${raw.trim()}" is too large`);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export function parseEmail(raw: string): Parsed<string | null> {
  const s = raw.trim().toLowerCase();
  if (!s) return ok(null);
  return EMAIL.test(s) && s.length <= 320 ? ok(s) : bad(`"${raw.trim()}" is not an e-mail address`);
}

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
/** "https://www.Example.com/about" → "example.com". */
export function parseDomain(raw: string): Parsed<string | null> {
  let s = raw.trim().toLowerCase();
  if (!s) return ok(null);
  s = s.replace(/^[a-z]+:\/\//, '').replace(/[/?#].*$/, '').replace(/:\d+$/, '').replace(/^www\./, '');
  return DOMAIN.test(s) ? ok(s) : bad(`"${raw.trim()}" is not a domain`);
}

/** Region codes Intl names that are not countries. */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ']);
/** Names CRMs write that Intl spells otherwise (keys normalised as countryKey does). */
const COUNTRY_ALIASES: Record<string, string> = {
  usa: 'US', us: 'US', 'united states of america': 'US', america: 'US', uk: 'GB', 'great britain': 'GB', britain: 'GB', england: 'GB',
  scotland: 'GB', wales: 'GB', 'northern ireland': 'GB', 'the netherlands': 'NL', holland: 'NL', korea: 'KR', 'republic of korea': 'KR',
  'korea republic of': 'KR', 'czech republic': 'CZ', turkey: 'TR', 'ivory coast': 'CI', 'cote divoire': 'CI', 'hong kong': 'HK', macau: 'MO',
  macao: 'MO', burma: 'MM', myanmar: 'MM', 'russian federation': 'RU', 'viet nam': 'VN', uae: 'AE', 'u a e': 'AE', 'democratic republic of the congo': 'CD',
  'republic of the congo': 'CG', congo: 'CG', palestine: 'PS', 'vatican': 'VA', 'holy see': 'VA', macedonia: 'MK', swaziland: 'SZ',
  'cape verde': 'CV', 'cabo verde': 'CV', deutschland: 'DE', espana: 'ES', brasil: 'BR', 'south africa': 'ZA', 'the philippines': 'PH', 'the bahamas': 'BS', 'the gambia': 'GM',
};
/** "Côte d’Ivoire", "U.S.A." → "cote divoire", "usa": lower case, no accents, dots or apostrophes, & as "and". */
const countryKey = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/&/g, ' and ')
  .replace(/[.'’]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();

let countryNames: Map<string, string> | null = null;
function countryTable() {
  if (countryNames) return countryNames;
  countryNames = new Map();
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const name = names.of(code);
      if (!name || name === code || NOT_COUNTRIES.has(code)) continue;
      countryNames.set(code.toLowerCase(), code);
      countryNames.set(countryKey(name), code);
      // "Hong Kong SAR China", "Myanmar (Burma)", "Congo - Kinshasa": the part before the qualifier names it too.
      const short = countryKey(name.replace(/\s*(\(.*\)|SAR China| - .*)$/, ''));
      if (short && !countryNames.has(short)) countryNames.set(short, code);
    }
  }
  for (const [alias, code] of Object.entries(COUNTRY_ALIASES)) countryNames.set(countryKey(alias), code);
  return countryNames;
}

/**
 * ISO 3166 alpha-2 code from a code or an English country name (accents, case and dots ignored; common CRM
 * spellings like "USA", "UK", "Korea"); null when unknown. Two letters must be a code that exists ("UK" is GB).
 */
export function countryCode(raw: string): string | null {
  const s = raw.trim();
  if (!s) return null;
  return countryTable().get(countryKey(s)) ?? null;
}

/** Whether a two-letter code is a country code we know (mapping targets are checked with it). */
export const isCountryCode = (code: string) => /^[A-Z]{2}$/.test(code) && countryTable().get(code.toLowerCase()) === code;

export function parseCurrency(raw: string): Parsed<string | null> {
  const s = raw.trim().toUpperCase();
  if (!s) return ok(null);
  return /^[A-Z]{3}$/.test(s) ? ok(s) : bad(`"${raw.trim()}" is not an ISO 4217 currency code`);
}
