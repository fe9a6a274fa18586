// KPI measurements from a CSV file: columns for the KPI (key or id), when it was measured and the value, in any
// order, recognised by header (case, spaces and punctuation ignored). Uses the importer's helpers for the delimiter,
// header normalisation and date formats (ISO, US, European; the file's day/month order is detected from its rows).
// Every bad row is reported with its line, column and reason; the good rows are ingested.
import { parse } from 'csv-parse/sync';
import { CONTROL_CHAR_MESSAGE, hasControlChar, visibleControlChars } from '../../../core/control-chars';
import { detectDateOrder, detectDelimiter, normalizeHeader, parseDate } from '../../../core/imports';

export const MAX_CSV_ROWS = 100_000;

const COLUMNS = {
  kpiId: ['kpiid', 'kpiuuid'],
  kpi: ['kpi', 'kpikey', 'key', 'id', 'kpiname'],
  measuredAt: ['measuredat', 'measured', 'date', 'datetime', 'timestamp', 'time', 'at', 'measurementdate'],
  value: ['value', 'actual', 'measurement', 'measuredvalue', 'kpivalue'],
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface CsvError { line: number; column: string | null; value: string | null; message: string }
export interface CsvRow { line: number; kpiId: string | null; key: string | null; measuredAt: string; value: number }

/** Parses the file; throws a message when the header lacks a required column. */
export function parseMeasurementsCsv(text: string): { rows: CsvRow[]; errors: CsvError[]; headers: string[] } {
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'));
  const delimiter = detectDelimiter(firstLine);
  const records = parse(text, { delimiter, bom: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  if (!records.length) throw new Error('The file is empty.');
  const headers = records[0];
  const norm = headers.map(normalizeHeader);
  const find = (names: string[]) => { const i = norm.findIndex((h) => names.includes(h)); return i === -1 ? null : i; };
  const col = { kpiId: find(COLUMNS.kpiId), kpi: find(COLUMNS.kpi), measuredAt: find(COLUMNS.measuredAt), value: find(COLUMNS.value) };
  const missing = [
    col.kpiId === null && col.kpi === null ? 'kpi (its key or id)' : null, col.measuredAt === null ? 'measured_at' : null, col.value === null ? 'value' : null,
  ].filter(Boolean);
  if (missing.length) throw new Error(`The header has no ${missing.join(', ')} column (found: ${headers.join(', ') || 'nothing'}).`);
  if (records.length - 1 > MAX_CSV_ROWS) throw new Error(`The file has ${records.length - 1} rows; send at most ${MAX_CSV_ROWS.toLocaleString('en-US')} per file.`);

  const body = records.slice(1);
  const order = detectDateOrder(body.slice(0, 500).map((r) => r[col.measuredAt!] ?? ''));
  const rows: CsvRow[] = [];
  const errors: CsvError[] = [];
  body.forEach((r, i) => {
    const line = i + 2;
    const cell = (c: number | null) => (c === null ? '' : (r[c] ?? '').trim());
    const bad = (c: number | null, message: string) => errors.push({ line, column: c === null ? null : headers[c], value: c === null ? null : visibleControlChars(cell(c)) || null, message });
    // A control character in a cell makes the row bad, not the file: it is reported like any other bad value.
    const tainted = [col.kpiId, col.kpi, col.measuredAt, col.value].find((c) => c !== null && hasControlChar(cell(c)));
    if (tainted !== undefined) return bad(tainted, CONTROL_CHAR_MESSAGE);
    const idCell = cell(col.kpiId);
    const kpiCell = cell(col.kpi);
    let kpiId: string | null = null;
    let key: string | null = null;
    if (idCell) { if (UUID.test(idCell)) kpiId = idCell.toLowerCase(); else return bad(col.kpiId, 'not a KPI id (uuid)'); }
    else if (kpiCell) { if (UUID.test(kpiCell)) kpiId = kpiCell.toLowerCase(); else key = kpiCell; }
    else return bad(col.kpiId ?? col.kpi, 'the KPI is missing');
    const date = parseDate(cell(col.measuredAt), order);
    if (!date.ok) return bad(col.measuredAt, date.error);
    if (!date.value) return bad(col.measuredAt, 'the date is missing');
    const raw = cell(col.value).replace(/[\s%]/g, '');
    const normalised = delimiter === ';' && /^-?\d+,\d+$/.test(raw) ? raw.replace(',', '.') : raw.replace(/,(?=\d{3}(\D|$))/g, '');
    const value = normalised === '' ? NaN : Number(normalised);
    if (!Number.isFinite(value)) return bad(col.value, raw ? 'not a number' : 'the value is missing');
    rows.push({ line, kpiId, key, measuredAt: new Date(date.value.ms).toISOString(), value });
  });
  return { rows, errors, headers };
}
