/**
 * The playbook schema as a tree of form fields, so the admin form is rendered by walking the schema instead of
 * one hand-written form per section. Each node carries its schema path (`*` for list items and record values),
 * its metadata and what the schema allows (number bounds, enum options, list lengths).
 */
import { z } from 'zod';
import { PLAYBOOK_META, type FieldMeta, type MetaMap } from './meta';
import { playbookSchema } from './schema';
import { dayRangeSchema, moneySchema } from './schema-parts';

interface NodeBase {
  /** Schema path such as `pipeline.stages.*.probability`. */
  pattern: string;
  meta: FieldMeta;
  nullable: boolean;
  optional: boolean;
}
export type ScalarKind = 'string' | 'number' | 'boolean' | 'stringList';
export type ObjectNode = NodeBase & { kind: 'object'; fields: { key: string; node: FormNode }[] };
export type FormNode = NodeBase &
  (
    | { kind: 'object'; fields: { key: string; node: FormNode }[] }
    | { kind: 'array'; item: FormNode; minItems?: number; maxItems?: number }
    | { kind: 'record'; value: FormNode }
    | { kind: 'union'; discriminator: string; options: { value: string; node: ObjectNode }[] }
    | { kind: 'scalarUnion'; types: ScalarKind[] }
    | { kind: 'number'; int: boolean; min?: number; max?: number }
    | { kind: 'string'; format?: 'date'; minLength?: number }
    | { kind: 'enum'; options: string[] }
    | { kind: 'literal'; value: string | number | boolean | null }
    | { kind: 'boolean' }
    /** `{ min, max }` days, edited as one field. */
    | { kind: 'range' }
    /** `{ amountMinor, currency }`, edited as one field. */
    | { kind: 'money' }
  );

type AnySchema = z.core.$ZodType;
const ROLE_REF = /(^|\.)(r|[a-zA-Z]+R)oleIds?$/;
interface Check { _zod: { def: { check: string; value?: number; inclusive?: boolean; minimum?: number; maximum?: number; length?: number } } }
const checksOf = (s: AnySchema): Check['_zod']['def'][] =>
  ((s._zod.def as { checks?: Check[] }).checks ?? []).map((c) => c._zod.def);

/** Builds the field tree of `schema`; `pattern` is the path of `schema` itself. */
export function buildFormTree(schema: AnySchema, pattern = '', meta: MetaMap = PLAYBOOK_META): FormNode {
  let nullable = false;
  let optional = false;
  let s = schema;
  for (;;) {
    if (s instanceof z.ZodNullable) { nullable = true; s = s.unwrap(); }
    else if (s instanceof z.ZodOptional) { optional = true; s = s.unwrap(); }
    else if (s instanceof z.ZodDefault) s = s.unwrap();
    else break;
  }
  const own = meta[pattern] ?? {};
  // Fields naming roles (the same rule the schema checks them by) offer the declared roles.
  const base: NodeBase = { pattern, meta: ROLE_REF.test(pattern) && !own.ref ? { ...own, ref: 'roles' } : own, nullable, optional };
  const at = (key: string) => (pattern ? `${pattern}.${key}` : key);
  if (s === dayRangeSchema) return { ...base, kind: 'range' };
  if (s === moneySchema) return { ...base, kind: 'money' };
  if (s instanceof z.ZodObject) {
    const shape = s.shape as Record<string, AnySchema>;
    return { ...base, kind: 'object', fields: Object.entries(shape).map(([key, v]) => ({ key, node: buildFormTree(v, at(key), meta) })) };
  }
  if (s instanceof z.ZodArray) {
    const node: FormNode = { ...base, kind: 'array', item: buildFormTree(s.element as AnySchema, at('*'), meta) };
    for (const c of checksOf(s)) {
      if (c.check === 'min_length') node.minItems = c.minimum;
      if (c.check === 'max_length') node.maxItems = c.maximum;
      if (c.check === 'length_equals') { node.minItems = c.length; node.maxItems = c.length; }
    }
    return node;
  }
  if (s instanceof z.ZodRecord) return { ...base, kind: 'record', value: buildFormTree(s._zod.def.valueType as AnySchema, at('*'), meta) };
  if (s instanceof z.ZodDiscriminatedUnion) {
    const discriminator = (s._zod.def as unknown as { discriminator: string }).discriminator;
    const options = (s.options as AnySchema[]).map((o) => {
      const node = buildFormTree(o, pattern, meta) as ObjectNode;
      const lit = node.fields.find((f) => f.key === discriminator)?.node;
      return { value: String(lit?.kind === 'literal' ? lit.value : ''), node };
    });
    return { ...base, kind: 'union', discriminator, options };
  }
  if (s instanceof z.ZodUnion) {
    const types = (s.options as AnySchema[]).map((o): ScalarKind => {
      if (o instanceof z.ZodNumber) return 'number';
      if (o instanceof z.ZodBoolean) return 'boolean';
      if (o instanceof z.ZodArray) return 'stringList';
      return 'string';
    });
    return { ...base, kind: 'scalarUnion', types };
  }
  if (s instanceof z.ZodNumber) {
    const node: FormNode = { ...base, kind: 'number', int: !!s.isInt };
    for (const c of checksOf(s)) {
      if (c.check === 'greater_than') node.min = c.inclusive ? c.value : node.int ? (c.value ?? 0) + 1 : c.value;
      if (c.check === 'less_than') node.max = c.inclusive ? c.value : node.int ? (c.value ?? 0) - 1 : c.value;
    }
    return node;
  }
  if (s instanceof z.ZodEnum) return { ...base, kind: 'enum', options: s.options.map(String) };
  if (s instanceof z.ZodLiteral) return { ...base, kind: 'literal', value: s.value as string | number | boolean | null };
  if (s instanceof z.ZodBoolean) return { ...base, kind: 'boolean' };
  // String formats such as z.iso.date() are strings that are not ZodString instances.
  if (s._zod.def.type === 'string') {
    const format = (s._zod.def as { format?: string }).format === 'date' ? 'date' : undefined;
    return { ...base, kind: 'string', format, minLength: (s as z.ZodString).minLength ?? undefined };
  }
  throw new Error(`Playbook form: unsupported schema at "${pattern}" (${s._zod.def.type})`);
}

let tree: ObjectNode | undefined;
/** The playbook's field tree (built once). */
export function playbookFormTree(): ObjectNode {
  return (tree ??= buildFormTree(playbookSchema) as ObjectNode);
}

/** A field edited as one input: scalars, ranges, money and lists of scalars. */
export function isLeaf(node: FormNode): boolean {
  if (node.kind === 'object' || node.kind === 'record' || node.kind === 'union') return false;
  if (node.kind === 'array') return isLeaf(node.item) && node.item.kind !== 'array';
  return true;
}

/** Every leaf of the tree, depth first. */
export function leavesOf(node: FormNode): FormNode[] {
  if (isLeaf(node)) return [node];
  switch (node.kind) {
    case 'object': return node.fields.flatMap((f) => leavesOf(f.node));
    case 'array': return leavesOf(node.item);
    case 'record': return leavesOf(node.value);
    case 'union': {
      const seen = new Map<string, FormNode>();
      for (const o of node.options) for (const leaf of leavesOf(o.node)) seen.set(leaf.pattern, leaf);
      return [...seen.values()];
    }
    default: return [];
  }
}

/** A fresh value for a new list row or record entry: empty texts, lowest allowed numbers, first options. */
export function emptyValue(node: FormNode): unknown {
  if (node.optional) return undefined;
  if (node.nullable && node.kind !== 'string') return null;
  switch (node.kind) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const f of node.fields) { const v = emptyValue(f.node); if (v !== undefined) out[f.key] = v; }
      return out;
    }
    case 'array': return node.minItems ? Array.from({ length: node.minItems }, () => emptyValue(node.item)) : [];
    case 'record': return {};
    case 'union': return emptyValue(node.options[0].node);
    case 'scalarUnion': return '';
    case 'number': return node.min !== undefined && node.min > 0 ? node.min : 0;
    case 'string': return node.nullable ? null : '';
    case 'enum': return node.options[0];
    case 'literal': return node.value;
    case 'boolean': return false;
    case 'range': return { min: 0, max: 0 };
    case 'money': return { amountMinor: 0, currency: 'USD' };
  }
}

/** The value of a union row switched to another option, keeping the fields both options share. */
export function switchOption(node: FormNode & { kind: 'union' }, value: unknown, to: string): Record<string, unknown> {
  const option = node.options.find((o) => o.value === to) ?? node.options[0];
  const fresh = emptyValue(option.node) as Record<string, unknown>;
  const old = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  for (const f of option.node.fields) if (f.key !== node.discriminator && f.key in old) fresh[f.key] = old[f.key];
  return fresh;
}
