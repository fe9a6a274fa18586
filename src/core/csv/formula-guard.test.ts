import { describe, expect, it } from 'vitest';
import { guardFormula, isFormulaLike, unguardFormula, unguardRecord } from './formula-guard';

describe('guardFormula', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`], ['-2+3', "'-2+3"], ['@SUM(A1)', "'@SUM(A1)"],
    ['+cmd', "'+cmd"], ['\t=1', "'\t=1"], ['\r=1', "'\r=1"], ['=1+1', "'=1+1"], ['-', "'-"], ['+1 555 0100', "'+1 555 0100"],
    ["'=1", "''=1"], ["''@x", "'''@x"],
  ])('quotes %j', (text, written) => expect(guardFormula(text)).toBe(written));

  it.each(['-12.5', '+3', '-0', '1e-3', '-1.5E+10', '.5', '-.5', '12.', 'Acme', '', ' =not first', "O'Brien", "'quoted'", "'-12.5", '2024-03-15', 'a=b'])(
    'leaves %j as it is', (text) => expect(guardFormula(text)).toBe(text),
  );

  it('never writes a cell a spreadsheet evaluates', () => {
    for (const s of ['=1', '-x', '@a', '+a', '\tz', "'=1", '-2+3']) expect(isFormulaLike(guardFormula(s))).toBe(false);
  });
});

describe('unguardFormula', () => {
  it('reads our exports back unchanged: unguard(guard(s)) === s for every string over the tricky alphabet', () => {
    const alphabet = ["'", '=', '-', '+', '@', '\t', '\r', '1', '.', 'e', 'a', ' '];
    let n = 0;
    const walk = (prefix: string, depth: number) => {
      expect(unguardFormula(guardFormula(prefix)), JSON.stringify(prefix)).toBe(prefix);
      n++;
      if (depth) for (const c of alphabet) walk(prefix + c, depth - 1);
    };
    walk('', 4);
    expect(n).toBe(1 + 12 + 144 + 1728 + 20736);
  });

  it('removes only a quote that guards a formula', () => {
    expect(unguardFormula("'=SUM(A1)")).toBe('=SUM(A1)');
    expect(unguardFormula("'-2+3")).toBe('-2+3');
    expect(unguardFormula("''=1")).toBe("'=1");
    expect(unguardFormula("'-12.5")).toBe("'-12.5");
    expect(unguardFormula("'quoted'")).toBe("'quoted'");
    expect(unguardFormula("'")).toBe("'");
    expect(unguardFormula('-12.5')).toBe('-12.5');
    expect(unguardFormula('=raw')).toBe('=raw'); // other tools' files: kept as written
  });
});

describe('unguardRecord', () => {
  it('unguards every cell of a record in place', () => {
    const record = ["'=1", "'-12.5", '-12.5', "''@x", 'plain'];
    expect(unguardRecord(record)).toBe(record);
    expect(record).toEqual(['=1', "'-12.5", '-12.5', "'@x", 'plain']);
  });
});
