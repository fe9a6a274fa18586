// Walks the API's own OpenAPI document for robustness tests: its operations, a plausible value for any request
// schema, and where the string and date fields of that value are. Only what the document says is used, so a new
// route is covered the day it is added.
type Schema = Record<string, any>;
export type FieldPath = (string | number)[];
export interface Field { path: FieldPath; format: 'text' | 'date' | 'date-time' }
export interface Param { name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema?: Schema }
export interface Operation { method: string; path: string; params: Param[]; body: Schema | null }

export const ZERO_UUID = '00000000-0000-4000-8000-000000000000';

export function operations(doc: Schema): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries<Schema>(doc.paths)) {
    for (const [method, op] of Object.entries<Schema>(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const body = op.requestBody?.content?.['application/json']?.schema ?? null;
      out.push({ method: method.toUpperCase(), path, params: (op.parameters ?? []) as Param[], body: body && deref(doc, body) });
    }
  }
  return out;
}

export function deref(doc: Schema, s: Schema): Schema {
  let x = s;
  while (x?.$ref) x = x.$ref.replace(/^#\//, '').split('/').reduce((o: Schema, k: string) => o[k], doc);
  return x;
}

/**
 * A value for `schema` that a validator would most likely accept (first enum value, minimum numbers, every
 * optional property present so each field gets exercised), noting each string leaf in `fields`.
 */
export function sample(doc: Schema, schema: Schema, fields: Field[] = [], at: FieldPath = [], depth = 0): unknown {
  const s = deref(doc, schema);
  if (!s || depth > 8) return null;
  if ('const' in s) return s.const;
  if (s.enum) return s.enum[0];
  const options: Schema[] | undefined = s.anyOf ?? s.oneOf;
  if (options) {
    const pick = options.map((o) => deref(doc, o)).find((o) => o.type !== 'null' && o.format !== 'date') ?? options[0];
    return sample(doc, pick, fields, at, depth + 1);
  }
  if (s.allOf) return Object.assign({}, ...s.allOf.map((p: Schema) => sample(doc, p, fields, at, depth + 1)));
  const type = Array.isArray(s.type) ? s.type.find((t: string) => t !== 'null') : s.type;
  switch (type) {
    case 'string': {
      const format = s.format === 'date' || s.format === 'date-time' ? s.format : 'text';
      fields.push({ path: at, format });
      return stringFor(s);
    }
    case 'integer': case 'number':
      return s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
    case 'boolean': return true;
    case 'array': return s.items ? [sample(doc, s.items, fields, [...at, 0], depth + 1)] : [];
    case 'object': case undefined: {
      const o: Record<string, unknown> = {};
      for (const [k, v] of Object.entries<Schema>(s.properties ?? {})) o[k] = sample(doc, v, fields, [...at, k], depth + 1);
      const extra = s.additionalProperties;
      if (extra && typeof extra === 'object' && !s.properties) o.key = sample(doc, extra, fields, [...at, 'key'], depth + 1);
      return o;
    }
    default: return null;
  }
}

function stringFor(s: Schema): string {
  switch (s.format) {
    case 'uuid': return ZERO_UUID;
    case 'email': return 'fuzz@example.com';
    case 'date': return '2026-03-02';
    case 'date-time': return '2026-03-02T10:00:00Z';
    case 'uri': case 'url': return 'https://example.com/x';
    default: return 'f'.repeat(Math.max(4, s.minLength ?? 0)).slice(0, s.maxLength ?? 64);
  }
}

/** A copy of `value` with `path` set to `leaf`. */
export function setAt(value: unknown, path: FieldPath, leaf: unknown): unknown {
  if (path.length === 0) return leaf;
  const [head, ...rest] = path;
  const copy: any = Array.isArray(value) ? [...value] : { ...(value as object) };
  copy[head] = setAt(copy[head], rest, leaf);
  return copy;
}

/** The dotted form the API reports field errors in ('contacts.0.email'). */
export const dotted = (path: FieldPath) => path.map(String).join('.') || '(root)';
