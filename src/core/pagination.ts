// Opaque keyset cursors: base64url of [sortValue, id]. Each list declares the shape of its cursor (what kind of
// sort value, what kind of id), and a cursor of any other shape — tampered, or from another list — is a 400 naming
// the cursor, never a 500 from a query that compared a date with an object.
import { isDateInRange, isDateTimeInRange } from './dates';
import { AppError } from './errors';

export type CursorValue = string | number | null;

export interface CursorShape {
  /** The sort value: any string, a finite number, a YYYY-MM-DD date, an ISO instant; 'none' = always null (id order). */
  value: 'string' | 'number' | 'date' | 'datetime' | 'none';
  /** The sort value may be null (rows without it sort last). */
  nullable?: boolean;
  /** The tie-breaking id: a uuid, a safe integer, or a string matching a pattern. */
  id: 'uuid' | 'int' | RegExp;
}

// Distributive, so a list choosing among shapes (one per sort) gets the union of their values.
type ValueOf<S extends CursorShape> = S extends CursorShape
  ? (S['value'] extends 'none' ? null : S['value'] extends 'number' ? number : string) | (S['nullable'] extends true ? null : never) : never;
type IdOf<S extends CursorShape> = S extends CursorShape ? (S['id'] extends 'int' ? number : string) : never;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function valueFits(shape: CursorShape, v: unknown): boolean {
  if (v === null) return shape.value === 'none' || !!shape.nullable;
  switch (shape.value) {
    case 'none': return false;
    case 'number': return typeof v === 'number' && Number.isFinite(v);
    case 'string': return typeof v === 'string' && v.length <= 1000;
    case 'date': return typeof v === 'string' && isDateInRange(v);
    case 'datetime': return typeof v === 'string' && isDateTimeInRange(v);
  }
}

function idFits(shape: CursorShape, id: unknown): boolean {
  if (shape.id === 'int') return Number.isSafeInteger(id);
  if (typeof id !== 'string') return false;
  return shape.id === 'uuid' ? UUID.test(id) : shape.id.test(id);
}

/** The 400 of a cursor this list did not hand out. */
export function invalidCursor(): AppError {
  return new AppError('bad_request', 'The cursor is not valid; use the nextCursor value of a previous page.', {
    errors: [{ path: 'cursor', message: 'invalid cursor' }],
  });
}

export function encodeCursor(value: CursorValue, id: string | number): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

/** The [value, id] of a cursor of `shape`; anything else throws the 400 of invalidCursor. */
export function decodeCursor<const S extends CursorShape>(cursor: string, shape: S): [ValueOf<S>, IdOf<S>] {
  let parsed: unknown;
  try { parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')); } catch { throw invalidCursor(); }
  if (!Array.isArray(parsed) || parsed.length !== 2 || !valueFits(shape, parsed[0]) || !idFits(shape, parsed[1])) throw invalidCursor();
  return parsed as [ValueOf<S>, IdOf<S>];
}

export interface Page<T> { items: T[]; nextCursor: string | null }

/** Given limit+1 fetched rows, trims to limit and builds the next cursor from the last row kept. */
export function toPage<T>(rows: T[], limit: number, key: (row: T) => [CursorValue, string | number]): Page<T> {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  const last = items[items.length - 1];
  return { items, nextCursor: more && last ? encodeCursor(...key(last)) : null };
}
