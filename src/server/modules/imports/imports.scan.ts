// Distinct values of a few columns over a whole upload, with their row counts: the preview's value tables (stages,
// owners, countries) list every value of the file, not only those of its first rows, so nothing surprises the import.
// One pass with the import's own reader; the counts of each column are kept beside the upload (it never changes).
import { readFile, writeFile } from 'node:fs/promises';
import { readCsv } from './imports.csv';

/** Distinct values kept per column; a column with more (free text, not codes) reports the first ones. */
const MAX_DISTINCT = 2000;

export interface ColumnCounts { values: [string, number][]; truncated: boolean }

/** Counts of the distinct trimmed, non-blank values of `columns` (headers of the file). */
export async function columnCounts(path: string, file: { headers: string[]; delimiter: string; dataOffset: number }, columns: string[]) {
  const cachePath = `${path}.counts.json`;
  const cache: Record<string, ColumnCounts> = JSON.parse(await readFile(cachePath, 'utf8').catch(() => '{}'));
  const missing = [...new Set(columns)].filter((c) => !cache[c] && file.headers.includes(c));
  if (missing.length) {
    const idx = missing.map((c) => file.headers.indexOf(c));
    const counts = missing.map(() => new Map<string, number>());
    const truncated = missing.map(() => false);
    for await (const chunk of readCsv(path, { start: file.dataOffset, lines: 1, delimiter: file.delimiter })) {
      for (const { record } of chunk) {
        for (let k = 0; k < idx.length; k++) {
          const v = (record[idx[k]] ?? '').trim();
          if (!v) continue;
          const m = counts[k];
          const n = m.get(v);
          if (n !== undefined) m.set(v, n + 1);
          else if (m.size < MAX_DISTINCT) m.set(v, 1);
          else truncated[k] = true;
        }
      }
    }
    missing.forEach((c, k) => { cache[c] = { values: [...counts[k]].sort((a, b) => b[1] - a[1]), truncated: truncated[k] }; });
    await writeFile(cachePath, JSON.stringify(cache));
  }
  return Object.fromEntries(columns.filter((c) => cache[c]).map((c) => [c, cache[c]])) as Record<string, ColumnCounts>;
}
