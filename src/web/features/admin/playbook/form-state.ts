// Shared state of the schema-walking playbook form: an immutable setter by dotted path, the server's field errors,
// and the option lists that id fields refer to. Kept in contexts so unchanged subtrees skip re-rendering.
import { createContext, useContext } from 'react';
import type { FieldMeta, FormNode, RefSource, Unit } from '../../../../core/playbook';
import { humanize } from '../../../lib/format';

export interface FormActions {
  /** Replaces the value at a dotted path (`leads.sla.firstResponseHours`); `undefined` removes an object key. */
  set(path: string, value: unknown): void;
}
export interface FormErrors {
  /** Messages at exactly this path. */
  at(path: string): string[];
  /** Messages at this path or below it. */
  under(path: string): string[];
}
export type RefOptions = Partial<Record<RefSource, { value: string; label: string }[]>>;

export const ActionsContext = createContext<FormActions>({ set: () => {} });
export const ErrorsContext = createContext<FormErrors>({ at: () => [], under: () => [] });
export const RefsContext = createContext<RefOptions>({});
export const useActions = () => useContext(ActionsContext);
export const useErrors = () => useContext(ErrorsContext);
export const useRefs = () => useContext(RefsContext);

/** Field errors indexed by path (without the `playbook.` prefix the API puts on them). */
export function indexErrors(errors: { path: string; message: string }[]): FormErrors {
  const exact = new Map<string, string[]>();
  for (const e of errors) {
    const p = e.path.replace(/^playbook\.?/, '');
    exact.set(p, [...(exact.get(p) ?? []), e.message]);
  }
  return {
    at: (path) => exact.get(path) ?? [],
    under: (path) => [...exact].filter(([p]) => p === path || p.startsWith(`${path}.`)).flatMap(([, m]) => m),
  };
}

export const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));

/** Immutable update of `root` at `segments`. */
export function setAt(root: unknown, segments: string[], value: unknown): unknown {
  if (!segments.length) return value;
  const [head, ...rest] = segments;
  if (Array.isArray(root)) {
    const copy = [...root];
    copy[Number(head)] = setAt(copy[Number(head)], rest, value);
    return copy;
  }
  const obj = { ...((root ?? {}) as Record<string, unknown>) };
  const next = setAt(obj[head], rest, value);
  if (next === undefined) delete obj[head];
  else obj[head] = next;
  return obj;
}

/** A field's title: its metadata's, else its key in words ("ownerRoleIds" → "Owner role"). */
export const titleOf = (meta: FieldMeta, key: string) => meta.title ?? humanize(key === 'id' ? key : key.replace(/Ids?$/, ''));

const UNIT_SUFFIX: Partial<Record<Unit, string>> = {
  percent: '%', points: 'pts', minutes: 'min', hours: 'h', businessHours: 'business h', days: 'days', weeks: 'weeks',
  months: 'months', years: 'years', employees: 'employees',
};
export const unitSuffix = (unit?: Unit) => (unit ? UNIT_SUFFIX[unit] : undefined);

/** A row's title from its metadata's `rowTitle` fields (ids of references shown by their labels). */
export function rowTitle(node: FormNode, row: unknown, index: number, refs: RefOptions): string {
  const r = (row ?? {}) as Record<string, unknown>;
  for (const key of node.meta.rowTitle ?? ['label', 'name', 'id']) {
    const v = r[key];
    if (typeof v === 'string' && v.trim()) return /RoleId$|^roleId$/.test(key) ? refs.roles?.find((o) => o.value === v)?.label ?? v : v;
  }
  return `#${index + 1}`;
}

/** Fields shown together in a grid rather than as their own block. */
export function isInline(node: FormNode): boolean {
  switch (node.kind) {
    case 'object': case 'record': case 'union': return false;
    case 'array': return !!node.meta.ref || node.meta.widget === 'weekdays';
    case 'string': return node.meta.widget !== 'textarea';
    default: return true;
  }
}

/** Can this field be a table cell (a scalar, a list of scalars, or an object of scalars flattened into columns)? */
export function isCell(node: FormNode, depth = 0): boolean {
  if (node.kind === 'object') return depth === 0 && !node.nullable && node.fields.every((f) => isCell(f.node, 1));
  if (node.kind === 'record' || node.kind === 'union') return false;
  if (node.kind === 'array') return node.item.kind === 'string' || node.item.kind === 'enum' || node.item.kind === 'number';
  return node.meta.widget !== 'textarea';
}
