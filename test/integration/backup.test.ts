// A backup restores into an empty database of either kind with every row, and the restored app works.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BACKUP_TABLES, backup, restore } from '../../src/server/db/backup';
import { openDatabase } from '../../src/server/db/client';
import { migrate } from '../../src/server/db/migrate';
import { loadDemo } from '../../src/server/demo/demo';
import { backend, createTestApp, freshDatabase, type TestApp } from '../helpers';

const apps: TestApp[] = [];
afterAll(async () => { for (const a of apps) await a.close(); });

async function counts(db: { query<T>(s: string): Promise<T[]> }) {
  const out: Record<string, number> = {};
  for (const t of BACKUP_TABLES) out[t] = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`))[0].n;
  return out;
}

describe(`backup and restore (${backend})`, () => {
  it('round-trips every row into an empty embedded database and into one of the same kind', async () => {
    const t = await createTestApp();
    apps.push(t);
    await loadDemo(t.deps.database, { accounts: 30 });
    const admin = await t.login('admin');
    const a = (await admin.get('/api/accounts?limit=1')).body.items[0];
    await admin.patch(`/api/accounts/${a.id}`, { version: a.version, description: 'Ünïcödé — "quotes" and $dollar$ signs' });
    const file = join(await mkdtemp(join(tmpdir(), 'vg-backup-')), 'backup.sql');
    const written = await backup(t.deps.database, file);
    expect(written.accounts).toBe(30);
    expect(await readFile(file, 'utf8')).toMatch(/^-- Valuegraph backup/);
    const source = await counts(t.deps.database);

    // Into embedded PGlite, whatever the source was.
    const embedded = await openDatabase({ memory: true });
    await migrate(embedded);
    await restore(embedded, file);
    expect(await counts(embedded)).toEqual(source);
    const [row] = await embedded.query<{ description: string }>('SELECT description FROM accounts WHERE id = $1', [a.id]);
    expect(row.description).toBe('Ünïcödé — "quotes" and $dollar$ signs');
    await expect(restore(embedded, file)).rejects.toThrow(/empty/);
    await embedded.close();

    // Into a fresh database of the test backend (PostgreSQL under npm run test:pg).
    const { database } = await freshDatabase();
    await restore(database, file);
    expect(await counts(database)).toEqual(source);
    // Sequences continue after the restored ids.
    await database.query("INSERT INTO audit_log (actor_label, action, entity_type, entity_id) VALUES ('t', 't', 't', 't')");
    await database.close();
  });
});
