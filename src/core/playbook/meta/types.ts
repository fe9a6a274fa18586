/**
 * UI metadata for the playbook schema, kept beside it in core: what a field is called, its unit, where its
 * value comes from in the seed documents (000–004) or why the product chose it, and how to edit it.
 * Keys are schema paths with `*` for array items and record values (`pipeline.stages.*.probability`).
 */

/** How a number is measured; the form shows it as a suffix (money shows the currency instead). */
export type Unit =
  | 'percent' | 'points' | 'minutes' | 'hours' | 'businessHours' | 'days' | 'weeks' | 'months' | 'years'
  | 'minorUnits' | 'count' | 'employees' | 'level' | 'weekday';

/** A place in a seed document, e.g. `004 §1.2`, with the seed's own wording where it states the value. */
export interface Citation {
  ref: string;
  quote?: string;
}

/** Lists whose ids another field may name; the form offers them as choices. */
export type RefSource = 'roles' | 'delivery.phases' | 'valueRealization.kpiCategories' | 'metricTargets' | 'customerSuccess.segments';

/** A threshold scale drawn under a bands object: each band starts at a field's value, the first at 0. */
export interface BandScale {
  max: number;
  /** Lowest band first; `from` is a path relative to the object (omitted for the bottom band). */
  bands: { label: string; color: string; from?: string }[];
}

export interface FieldMeta {
  title?: string;
  help?: string;
  unit?: Unit;
  /** Seed citations for this field (or, on a list, for its rows' fields). */
  seed?: Citation[];
  /** Why the value is the product's decision rather than a seed's. */
  productSpecific?: string;
  /** Per-row citations of a list's or record's default rows, keyed by row id (or record key). */
  rows?: Record<string, Citation[]>;
  widget?: 'textarea' | 'time' | 'timeZone' | 'date' | 'weekdays';
  /** The field holds ids of another list; the form offers that list's entries. */
  ref?: RefSource;
  /** The numbers of this object's fields, or of `field` across this list's rows, must add up to `total`. */
  sum?: { total: number; field?: string; label: string };
  scale?: BandScale;
  /** Shown in an empty nullable input, e.g. "open-ended". */
  nullLabel?: string;
  optionLabels?: Record<string, string>;
  /** A row's title in cards and headers: the first of these fields that has a value. */
  rowTitle?: string[];
}

export type MetaMap = Record<string, FieldMeta>;

/** `seed('004 §1.2', 'Initiative planned within 6-12 months')`; several refs may be joined with `; `. */
export function seed(ref: string, quote?: string): Citation[] {
  return ref.split('; ').map((r, i) => (i === 0 && quote ? { ref: r, quote } : { ref: r }));
}

/** Several citations, each `[ref, quote?]`. */
export function seeds(...items: (string | [string, string])[]): Citation[] {
  return items.map((it) => (typeof it === 'string' ? { ref: it } : { ref: it[0], quote: it[1] }));
}

/** The seed documents by number, for tooltips. */
export const SEED_DOCUMENTS: Record<string, string> = {
  '000': 'Value streams',
  '001': 'Customer success framework',
  '002': 'Value realization lifecycle',
  '003': 'Product delivery process',
  '004': 'Lead generation process',
};
