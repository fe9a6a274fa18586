// What the contract test checks in the OpenAPI document: every operation documents each success it answers with a
// schema that says what is in it. Loose = no schema, `{}` (unknown), or an object whose keys are unknown, unless its
// description starts with "Free-form:" (core/api/shapes.ts freeForm: keys that are data, e.g. an audit entry's before).
type Schema = Record<string, any>;
export interface Loose { method: string; path: string; status: string; where: string }

const MEDIA_WITHOUT_SCHEMA = /^(application\/pdf|text\/csv|text\/calendar|text\/html|application\/octet-stream|image\/)/;

function resolve(doc: Schema, s: Schema): Schema {
  let x = s;
  while (x?.$ref) x = x.$ref.replace(/^#\//, '').split('/').reduce((o: Schema, k: string) => o?.[k], doc);
  return x;
}

function looseAt(doc: Schema, schema: Schema, at: string, seen: Set<Schema>): string | null {
  const s = resolve(doc, schema);
  if (!s || typeof s !== 'object') return `${at}: no schema`;
  if (seen.has(s)) return null;
  seen.add(s);
  if (typeof s.description === 'string' && s.description.startsWith('Free-form:')) return null;
  const options: Schema[] | undefined = s.anyOf ?? s.oneOf ?? s.allOf;
  if (options) {
    for (const o of options) { const l = looseAt(doc, o, at, seen); if (l) return l; }
    return null;
  }
  const keys = Object.keys(s).filter((k) => !['description', 'title', 'example', 'examples', 'default', 'deprecated'].includes(k));
  if (!keys.length) return `${at}: unknown value ({})`;
  if (s.type === 'array' || (Array.isArray(s.type) && s.type.includes('array'))) {
    return s.items ? looseAt(doc, s.items, `${at}[]`, seen) : `${at}: array of unknown items`;
  }
  if (s.type === 'object' || s.properties) {
    const props = Object.entries<Schema>(s.properties ?? {});
    const extra = s.additionalProperties;
    if (!props.length && (extra === undefined || extra === true || (extra && !Object.keys(extra).length))) {
      return `${at}: object of unknown keys`;
    }
    for (const [k, v] of props) { const l = looseAt(doc, v, `${at}.${k}`, seen); if (l) return l; }
    if (extra && typeof extra === 'object' && Object.keys(extra).length && !props.length) return looseAt(doc, extra, `${at}.*`, seen);
  }
  return null;
}

export function looseResponses(doc: Schema): Loose[] {
  const out: Loose[] = [];
  for (const [path, item] of Object.entries<Schema>(doc.paths ?? {})) {
    for (const [method, op] of Object.entries<Schema>(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const responses = Object.entries<Schema>(op.responses ?? {});
      if (!responses.some(([status]) => /^2/.test(status))) out.push({ method, path, status: '-', where: 'no success response documented' });
      for (const [status, r] of responses) {
        if (status === '204' || /^3/.test(status)) continue;
        const content = Object.entries<Schema>(resolve(doc, r).content ?? {});
        if (!content.length) { out.push({ method, path, status, where: 'no content documented' }); continue; }
        for (const [media, c] of content) {
          if (MEDIA_WITHOUT_SCHEMA.test(media)) continue;
          const where = looseAt(doc, c.schema, 'body', new Set());
          if (where) out.push({ method, path, status, where });
        }
      }
    }
  }
  return out;
}
