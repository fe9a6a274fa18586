// Dates and instants as people read them in texts the server writes (timeline entries, PDFs): "25 Nov 2026" and
// "25 Nov 2026, 17:00 CET" in the company's time zone, never a raw ISO string. Same day-month-year order as the web.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** '2026-11-25' (or a longer ISO string's date part) → '25 Nov 2026'; null → '—'. */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return '—';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return Number.isFinite(y) && m >= 1 && m <= 12 ? `${d} ${MONTHS[m - 1]} ${y}` : iso;
}

/** '2026-10-12', '2026-10-18' → '12 Oct – 18 Oct 2026' (the year once when both share it). */
export function formatDayRange(from: string, to: string): string {
  if (from.slice(0, 4) !== to.slice(0, 4)) return `${formatDay(from)} – ${formatDay(to)}`;
  return `${formatDay(from).replace(/ \d+$/, '')} – ${formatDay(to)}`;
}

const zoned = new Map<string, Intl.DateTimeFormat>();
function partsIn(at: Date, timeZone: string) {
  let f = zoned.get(timeZone);
  if (!f) {
    // en-GB names European zones (CET, BST) and gives the others as an offset (GMT-5): unambiguous either way.
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short',
    });
    zoned.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]));
  return { y: Number(p.year), m: Number(p.month), d: Number(p.day), time: `${p.hour.padStart(2, '0')}:${p.minute}`, zone: p.timeZoneName };
}

/** The calendar day of an instant in a time zone: '25 Nov 2026'. */
export function formatDayIn(at: Date, timeZone: string): string {
  const p = partsIn(at, timeZone);
  return `${p.d} ${MONTHS[p.m - 1]} ${p.y}`;
}

/** An instant in a time zone, with the zone's abbreviation: '25 Nov 2026, 17:00 CET'. */
export function formatInstant(at: Date, timeZone: string): string {
  const p = partsIn(at, timeZone);
  return `${p.d} ${MONTHS[p.m - 1]} ${p.y}, ${p.time} ${p.zone}`;
}
