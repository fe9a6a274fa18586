import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, type CursorShape } from './pagination';

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const ID = '6f1c2b9e-3d4a-4f5b-8c7d-0e1f2a3b4c5d';
const refused = (cursor: string, shape: CursorShape) => {
  try { decodeCursor(cursor, shape); } catch (e) { return (e as { code: string; extra: { errors: unknown } }); }
  throw new Error(`accepted ${Buffer.from(cursor, 'base64url').toString()}`);
};

describe('decodeCursor', () => {
  it('returns the value and id of a cursor of the declared shape', () => {
    expect(decodeCursor(encodeCursor('2026-03-02', ID), { value: 'date', id: 'uuid' })).toEqual(['2026-03-02', ID]);
    expect(decodeCursor(encodeCursor(null, ID), { value: 'date', nullable: true, id: 'uuid' })).toEqual([null, ID]);
    expect(decodeCursor(encodeCursor('2026-03-02T10:00:00.123456Z', ID), { value: 'datetime', id: 'uuid' })[0]).toBe('2026-03-02T10:00:00.123456Z');
    expect(decodeCursor(encodeCursor(12, 345), { value: 'number', id: 'int' })).toEqual([12, 345]);
    expect(decodeCursor(encodeCursor(null, 7), { value: 'none', id: 'int' })).toEqual([null, 7]);
    expect(decodeCursor(encodeCursor('2026-03-02T10:00:00Z', 'audit-0000000000000000042'), { value: 'datetime', id: /^audit-\d{19}$/ })[1]).toBe('audit-0000000000000000042');
  });

  it('refuses every other shape with a 400 naming the cursor', () => {
    const date = { value: 'date', id: 'uuid' } as const;
    for (const c of ['garbage', 'W10', b64([1]), b64(['x', 'y', 'z']), b64([{}, 1]), b64([null, null]), b64(['2020-01-01', 'not-an-id']),
      b64(['0000-01-01', ID]), b64(['2026-02-30', ID]), b64([null, ID]), b64([20260302, ID]), b64({ 0: '2026-03-02', 1: ID })]) {
      expect(refused(c, date)).toMatchObject({ code: 'bad_request', extra: { errors: [{ path: 'cursor', message: 'invalid cursor' }] } });
    }
    expect(refused(b64(['2026-03-02', ID]), { value: 'datetime', id: 'uuid' }).code).toBe('bad_request');
    expect(refused(b64(['2201-01-01T00:00:00Z', ID]), { value: 'datetime', id: 'uuid' }).code).toBe('bad_request');
    expect(refused(b64([Infinity, 1]), { value: 'number', id: 'int' }).code).toBe('bad_request');
    expect(refused(b64([1, 1.5]), { value: 'number', id: 'int' }).code).toBe('bad_request');
    expect(refused(b64([1, '1']), { value: 'number', id: 'int' }).code).toBe('bad_request');
    expect(refused(b64(['x', 1]), { value: 'none', id: 'int' }).code).toBe('bad_request');
  });
});
