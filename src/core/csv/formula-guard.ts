// CSV injection (OWASP): a spreadsheet opening our CSV runs a cell that starts with = + - @ tab or CR as a formula
// (=HYPERLINK("http://evil", "click"), -2+3+cmd|' /C calc'!A0). Every text cell we write goes through
// guardFormula, which puts a single quote before such a cell: spreadsheets show the text, not a formula. Plain
// numbers (-12.5, +3, 1e-3) are left as they are, so numeric columns stay numbers.
// unguardFormula undoes exactly that when a file is imported, so our own exports read back unchanged:
// unguardFormula(guardFormula(s)) === s for every s. A value that itself starts with quotes before a formula
// character gets one more quote, so its own quotes survive the round trip too.

const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const QUOTE = 39; // '

/** A cell a spreadsheet would evaluate. */
export function isFormulaLike(text: string): boolean {
  return text.length > 0 && TRIGGERS.has(text[0]) && !PLAIN_NUMBER.test(text);
}

/** True when the text, less its leading quotes, is formula-like: such text gets (and loses) one quote. */
function guarded(text: string): boolean {
  let i = 0;
  while (text.charCodeAt(i) === QUOTE) i++;
  return isFormulaLike(i ? text.slice(i) : text);
}

/** The cell as written to a CSV file. */
export function guardFormula(text: string): string {
  return guarded(text) ? `'${text}` : text;
}

/** The cell as read from a CSV file: the quote guardFormula added is removed, anything else is kept. */
export function unguardFormula(text: string): string {
  // Fast path for the million-row importer: almost no cell starts with a quote.
  return text.charCodeAt(0) === QUOTE && guarded(text.slice(1)) ? text.slice(1) : text;
}

/** unguardFormula on every cell of a record read from a file, in place. */
export function unguardRecord(cells: string[]): string[] {
  for (let i = 0; i < cells.length; i++) if (cells[i].charCodeAt(0) === QUOTE) cells[i] = unguardFormula(cells[i]);
  return cells;
}
