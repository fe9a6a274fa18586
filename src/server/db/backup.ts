// Backups as plain SQL that restores on PGlite or PostgreSQL: the schema comes from the migrations, the rows from
// `json_populate_recordset` inserts, so the file does not depend on either server's dump tools or version.
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import type { Database } from './client';

// Parents before children; transient tables (sessions, idempotency keys, login throttles) are not backed up.
export const BACKUP_TABLES = [
  'partners', 'users', 'accounts', 'contacts', 'activities', 'api_tokens', 'audit_log', 'playbooks', 'domain_events',
  'event_receipts', 'timers', 'webhooks', 'webhook_deliveries',
];
const SEQUENCES: Record<string, string> = { audit_log: 'id', domain_events: 'id', webhook_deliveries: 'id' };
const BATCH = 2000;

export async function backup(database: Database, file: string, onTable?: (table: string, rows: number) => void): Promise<Record<string, number>> {
  const out = createWriteStream(file);
  const write = (s: string) => new Promise<void>((res, rej) => out.write(s, (e) => (e ? rej(e) : res())));
  const tag = `$vg${randomBytes(6).toString('hex')}$`;
  const counts: Record<string, number> = {};
  await write(`-- Valuegraph backup ${new Date().toISOString()} (${database.kind}). Restore with: valuegraph restore FILE\nBEGIN;\n`);
  // A freshly migrated database holds the seed playbook as version 1; the backup brings its own versions.
  await write('DELETE FROM playbooks;\n');
  for (const table of BACKUP_TABLES) {
    let offset = 0;
    counts[table] = 0;
    for (;;) {
      // ORDER BY 1 (the first column, the primary key or its leading part) gives stable batches.
      const [row] = await database.query<{ data: string | null; n: number }>(
        `SELECT json_agg(t)::text AS data, count(*)::int AS n FROM (SELECT * FROM "${table}" ORDER BY 1 LIMIT ${BATCH} OFFSET ${offset}) t`);
      if (!row.n) break;
      if (row.data!.includes(tag)) throw new Error('Backup quoting collision; run the backup again.');
      await write(`INSERT INTO "${table}" SELECT * FROM json_populate_recordset(NULL::"${table}", ${tag}${row.data}${tag});\n`);
      counts[table] += row.n;
      offset += BATCH;
      if (row.n < BATCH) break;
    }
    onTable?.(table, counts[table]);
  }
  for (const [table, col] of Object.entries(SEQUENCES)) {
    await write(`SELECT setval(pg_get_serial_sequence('"${table}"', '${col}'), GREATEST((SELECT max(${col}) FROM "${table}"), 1));\n`);
  }
  await write('COMMIT;\n');
  await new Promise<void>((res, rej) => out.end((e?: Error | null) => (e ? rej(e) : res())));
  return counts;
}

/** Restores into a migrated, empty database. */
export async function restore(database: Database, file: string): Promise<void> {
  const [row] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
  if (row.n > 0) throw new Error('The target database already has data; restore needs an empty one.');
  const text = await readFile(file, 'utf8');
  if (!text.startsWith('-- Valuegraph backup')) throw new Error(`${file} is not a Valuegraph backup.`);
  await database.exec(text);
}
