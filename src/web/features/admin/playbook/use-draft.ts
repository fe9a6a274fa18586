// The playbook being edited: one draft document in a small store outside React state, so a keystroke re-renders
// only the section that subscribes to it (not the page, the accordion and every other open section). Sections are
// edited field by field through the form, or as JSON text that writes through to the draft whenever it parses.
import { useCallback, useLayoutEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { FormActions, RefOptions } from './form-state';
import { setAt } from './form-state';

const stringify = (v: unknown) => JSON.stringify(v, null, 2);
/** JSON with object keys sorted: the stored document (jsonb) may order keys differently from the form's draft. */
const canonical = (v: unknown) => JSON.stringify(v, (_k, x: unknown) =>
  (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : x));
type Doc = Record<string, unknown>;
type Row = { id?: unknown; label?: unknown; name?: unknown };

const optionsOf = (rows: unknown) => (Array.isArray(rows) ? (rows as Row[]) : [])
  .filter((r) => typeof r?.id === 'string' && r.id)
  .map((r) => ({ value: r.id as string, label: `${String(r.label ?? r.name ?? r.id)} (${String(r.id)})` }));
const get = (doc: Doc, ...keys: string[]) => keys.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Doc)[k] : undefined), doc);

/** The lists id fields may name, rebuilt only when one of them changes. */
function refOptions(values: Doc, previous?: { sources: unknown[]; refs: RefOptions }) {
  const sources = [get(values, 'roles'), get(values, 'delivery', 'phases'), get(values, 'valueRealization', 'kpiCategories'), get(values, 'customerSuccess', 'segments'), get(values, 'metricTargets')];
  if (previous && sources.every((s, i) => s === previous.sources[i])) return previous;
  const [roles, phases, categories, segments, metrics] = sources;
  return {
    sources,
    refs: {
      roles: optionsOf(roles), 'delivery.phases': optionsOf(phases), 'valueRealization.kpiCategories': optionsOf(categories),
      'customerSuccess.segments': optionsOf(segments),
      metricTargets: Object.entries((metrics ?? {}) as Record<string, Row>).map(([id, m]) => ({ value: id, label: `${String(m?.label ?? id)} (${id})` })),
    } satisfies RefOptions,
  };
}

class DraftStore {
  values: Doc;
  source: Doc;
  /** Each section of the active version as JSON text (for the JSON view and reverting). */
  original: Record<string, string> = {};
  /** The same with sorted keys: what "edited" is measured against. */
  private baseline: Record<string, string> = {};
  /** Edited section keys, comma-joined (a stable snapshot for the page). */
  dirty = '';
  private dirtySet = new Set<string>();
  private refsState: { sources: unknown[]; refs: RefOptions };
  private listeners = new Set<() => void>();
  constructor(source: Doc, private keys: string[]) {
    this.source = this.values = source;
    this.rebase(source);
    this.refsState = refOptions(source);
  }
  get refs() { return this.refsState.refs; }
  subscribe = (fn: () => void) => { this.listeners.add(fn); return () => { this.listeners.delete(fn); }; };
  /**
   * A new active version. When it is what the draft already holds (we just saved it), the draft keeps its values,
   * so nothing re-renders; otherwise (someone else's version) the draft becomes that version.
   */
  rebase(source: Doc) {
    this.source = source;
    this.original = Object.fromEntries(this.keys.map((k) => [k, stringify(source[k])]));
    this.baseline = Object.fromEntries(this.keys.map((k) => [k, canonical(source[k])]));
    const same = this.keys.every((k) => canonical(this.values[k]) === this.baseline[k]);
    this.dirtySet.clear();
    this.replace(same ? this.values : source, true);
  }
  replace(values: Doc, all = false) {
    // Only sections whose value changed identity are compared again (a keystroke changes one).
    for (const k of this.keys) {
      if (!all && values[k] === this.values[k]) continue;
      if (canonical(values[k]) === this.baseline[k]) this.dirtySet.delete(k); else this.dirtySet.add(k);
    }
    this.values = values;
    this.refsState = refOptions(values, this.refsState);
    this.dirty = this.keys.filter((k) => this.dirtySet.has(k)).join(',');
    this.listeners.forEach((fn) => fn());
  }
  set = (path: string, value: unknown) => this.replace(setAt(this.values, path.split('.'), value) as Doc);
  reset(key?: string) {
    this.replace(key === undefined ? this.source : { ...this.values, [key]: JSON.parse(this.original[key]) });
  }
}

export function usePlaybookDraft(source: Doc, sectionKeys: string[]) {
  const [store] = useState(() => new DraftStore(source, sectionKeys));
  useLayoutEffect(() => { if (store.source !== source) store.rebase(source); }, [store, source]);
  const [json, setJson] = useState<Record<string, string>>({});
  const actions = useMemo<FormActions>(() => ({ set: store.set }), [store]);
  const dirtyKeys = useSyncExternalStore(store.subscribe, () => store.dirty);
  const refs = useSyncExternalStore(store.subscribe, () => store.refs);

  const parseErrors = useMemo(() => Object.fromEntries(Object.entries(json).flatMap(([k, text]) => {
    try { JSON.parse(text); return []; } catch (e) { return [[k, (e as Error).message]]; }
  })) as Record<string, string>, [json]);
  const dirty = useMemo(() => [...new Set([...(dirtyKeys ? dirtyKeys.split(',') : []), ...Object.keys(parseErrors)])], [dirtyKeys, parseErrors]);

  const editJson = useCallback((key: string, text: string) => {
    setJson((j) => ({ ...j, [key]: text }));
    try { store.set(key, JSON.parse(text)); } catch { /* shown as a parse error until it parses */ }
  }, [store]);

  /** Switches a section between form and JSON; refuses to leave JSON while the text does not parse. */
  const setView = useCallback((key: string, view: 'form' | 'json'): boolean => {
    if (view === 'json') { setJson((j) => ({ ...j, [key]: stringify(store.values[key]) })); return true; }
    if (parseErrors[key] !== undefined) return false;
    setJson(({ [key]: _, ...rest }) => rest);
    return true;
  }, [store, parseErrors]);

  const reset = useCallback((key?: string) => {
    store.reset(key);
    setJson((j) => (key === undefined ? {} : key in j ? { ...j, [key]: store.original[key] } : j));
  }, [store]);

  return { store, json, actions, parseErrors, dirty, editJson, setView, reset, refs };
}

/** One section's (or top-level field's) draft value; re-renders only when it changes. */
export function useDraftValue(store: DraftStore, key: string): unknown {
  return useSyncExternalStore(store.subscribe, () => store.values[key]);
}

export type { DraftStore };
