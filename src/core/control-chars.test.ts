import { describe, expect, it } from 'vitest';
import { controlCharPaths, hasControlChar, jsonMayHaveControlChar, visibleControlChars } from './control-chars';
import { isoDate, isoDateTime } from './dates';

describe('control characters', () => {
  it('finds C0, DEL and C1 controls but allows tab, line feed and carriage return', () => {
    for (const c of ['\u0000', '\u0001', '\b', '\u000b', '\f', '\u001f', '\u007f', '\u0085', '\u009f']) expect(hasControlChar(`a${c}b`), JSON.stringify(c)).toBe(true);
    expect(hasControlChar('line one\r\nline two\tindented — ünïcödé 🙂')).toBe(false);
    expect(visibleControlChars('a\u0000b\nc')).toBe('a\uFFFDb\nc');
  });

  it('names every string and key that has one, with the dotted paths of field errors', () => {
    const body = { name: 'ok', contacts: [{ email: 'a@b.c' }, { email: 'x\u0000' }], tags: ['fine', 'bad\u0007'], ['k\u0000']: 1, nested: { deep: { v: '\u007f' } } };
    expect(controlCharPaths(body).sort()).toEqual(['contacts.1.email', 'k\u0000', 'nested.deep.v', 'tags.1'].sort());
    expect(controlCharPaths('\u0000')).toEqual(['(root)']);
    expect(controlCharPaths({ a: 'x\ty\n' })).toEqual([]);
  });

  it('walks a body nested far deeper than the call stack allows', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(controlCharPaths(deep)).toHaveLength(1);
  });

  it('screens JSON text cheaply: no false negatives, escaped tab and newline pass', () => {
    for (const v of ['\u0000', '\b', '\f', '\u001f', '\u007f', '\u0090']) expect(jsonMayHaveControlChar(JSON.stringify({ v }))).toBe(true);
    expect(jsonMayHaveControlChar(JSON.stringify({ v: 'a\tb\nc\rd', w: 'plain ünïcödé' }))).toBe(false);
    expect(jsonMayHaveControlChar('{"v":"\\u0009\\u000A\\u000d"}')).toBe(false);
  });
});

describe('dates in range', () => {
  it('accepts real dates from 1900 to 2200 and refuses the rest', () => {
    for (const d of ['1900-01-01', '2026-02-28', '2024-02-29', '2200-12-31']) expect(isoDate.safeParse(d).success, d).toBe(true);
    for (const d of ['0000-01-01', '1899-12-31', '2201-01-01', '9999-12-31', '2026-02-29', '2026-13-01', '2026-3-1']) expect(isoDate.safeParse(d).success, d).toBe(false);
    expect(isoDateTime.safeParse('2026-03-02T10:00:00.123+02:00').success).toBe(true);
    expect(isoDateTime.safeParse('2026-03-02T10:00:00').success).toBe(false); // no zone
    expect(isoDateTime.safeParse('0000-01-01T00:00:00Z').success).toBe(false);
    expect(isoDateTime.safeParse('2201-01-01T00:00:00Z').success).toBe(false);
  });
});
