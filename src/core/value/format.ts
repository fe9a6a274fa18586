// Formatting shared by narratives, the PDF and the browser (pure: Intl only). Formatters are cached: building an
// Intl.NumberFormat costs far more than using one, and the editor recomputes on every keystroke.
const cache = new Map<string, Intl.NumberFormat>();
function nf(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
  let f = cache.get(key);
  if (!f) { f = make(); cache.set(key, f); }
  return f;
}

/** 16_320_000 minor USD → "$163,200" (whole units; business cases are not read to the cent). */
export function money(minor: number, currency: string): string {
  return nf(`m:${currency}`, () => new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0, minimumFractionDigits: 0 })).format(minor / 100);
}

/** 2_300_000_00 minor → "$2.3M", 76_704_00 → "$76.7K". */
export function moneyShort(minor: number, currency: string): string {
  return nf(`s:${currency}`, () => new Intl.NumberFormat('en-US', { style: 'currency', currency, notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 })).format(minor / 100);
}

export function num(x: number, digits = 1): string {
  return nf(`n:${digits}`, () => new Intl.NumberFormat('en-US', { maximumFractionDigits: digits })).format(x);
}

export function months(m: number | null): string {
  if (m === null) return 'not within the horizon';
  return `${num(m)} months`;
}
