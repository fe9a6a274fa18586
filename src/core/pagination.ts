// Opaque keyset cursors: base64url of [sortValue, id]. A tampered cursor is a 400, never a 500.
import { AppError } from './errors';

export type CursorValue = string | number | null;

export function encodeCursor(value: CursorValue, id: string | number): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

export function decodeCursor(cursor: string): [CursorValue, string | number] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2
      && (parsed[0] === null || ['string', 'number'].includes(typeof parsed[0]))
      && ['string', 'number'].includes(typeof parsed[1])) {
      return parsed as [CursorValue, string | number];
    }
  } catch { /* fall through */ }
  throw new AppError('bad_request', 'The cursor is not valid; use the nextCursor value of a previous page.', {
    errors: [{ path: 'cursor', message: 'invalid cursor' }],
  });
}

export interface Page<T> { items: T[]; nextCursor: string | null }

/** Given limit+1 fetched rows, trims to limit and builds the next cursor from the last row kept. */
export function toPage<T>(rows: T[], limit: number, key: (row: T) => [CursorValue, string | number]): Page<T> {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  const last = items[items.length - 1];
  return { items, nextCursor: more && last ? encodeCursor(...key(last)) : null };
}
