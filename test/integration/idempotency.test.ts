// Idempotency-Key on POST: the key commits with the change and its response (http/idempotency.ts) through the ambient
// request transaction (db/ambient.ts). Streamed uploads are keyed by their description; concurrent duplicates wait for
// the first and replay it; a failed request leaves no key behind. The crash-and-retry run is in crash-retry.test.ts.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transaction, type Tx } from '../../src/server/db/client';
import { createTestApp, type Client, type TestApp } from '../helpers';

let t: TestApp;
let sales: Client;
beforeAll(async () => { t = await createTestApp(); sales = await t.login('sales'); });
afterAll(async () => { await t?.close(); });

const keyed = (key: string) => ({ 'idempotency-key': key });
const named = async (name: string) => (await t.deps.database.query<{ n: number }>('SELECT count(*)::int AS n FROM accounts WHERE name = $1', [name]))[0].n;

describe('Idempotency-Key', () => {
  it('keys a streamed CSV upload by its description: stored once, replayed, another file name refused', async () => {
    const upload = (fileName: string, key: string) => sales.raw(`/api/imports/uploads?fileName=${fileName}`, {
      method: 'POST', body: 'name,domain\nAcme,acme.test\n', headers: { 'content-type': 'text/csv', ...keyed(key) },
    });
    const first = await upload('acme.csv', 'upload-1');
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ fileName: 'acme.csv', bytes: 27, headers: ['name', 'domain'] });
    const again = await upload('acme.csv', 'upload-1');
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.uploadId).toBe(first.body.uploadId);
    expect((await upload('other.csv', 'upload-1')).status).toBe(422);
  });

  it('runs parallel duplicates once: the others wait for the first and replay its answer', async () => {
    const replies = await Promise.all(Array.from({ length: 12 }, () => sales.post('/api/accounts', { name: 'Parallel Retry Co' }, keyed('parallel-1'))));
    expect(replies.map((r) => r.status)).toEqual(Array(12).fill(201));
    expect(new Set(replies.map((r) => r.body.id)).size).toBe(1);
    expect(replies.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(11);
    expect(await named('Parallel Retry Co')).toBe(1);
  });

  it('keeps no key for a refused request: the corrected retry under the same key runs', async () => {
    expect((await sales.post('/api/accounts', { name: 'Fixed Co', servers: -1 }, keyed('fix-1'))).status).toBe(422);
    const fixed = await sales.post('/api/accounts', { name: 'Fixed Co' }, keyed('fix-1'));
    expect(fixed.status).toBe(201);
    expect(fixed.headers.get('idempotent-replayed')).toBeNull();
    expect(await named('Fixed Co')).toBe(1);
  });

  it('commits the outbox with the change: one account.created event and its dispatch job per key', async () => {
    const r = await sales.post('/api/accounts', { name: 'Outbox Co' }, keyed('outbox-1'));
    await sales.post('/api/accounts', { name: 'Outbox Co' }, keyed('outbox-1'));
    const [{ n }] = await t.deps.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM domain_events WHERE type = 'account.created' AND entity_id = $1", [r.body.id]);
    expect(n).toBe(1);
  });
});

describe('ambient transactions', () => {
  const database = () => t.deps.database;
  const probe = (name: string) => `SELECT count(*)::int AS n FROM partners WHERE name = '${name}'`;
  const insert = (tx: Tx, name: string) => tx.execute(sql`INSERT INTO partners (name) VALUES (${name})`);

  it('routes database.query and database.db inside a transaction through it, and nested transactions to savepoints', async () => {
    const seen = await transaction(database(), async (tx) => {
      await insert(tx, 'Ambient A');
      const viaQuery = (await database().query<{ n: number }>(probe('Ambient A')))[0].n;
      // A nested transaction that fails rolls back to its savepoint only.
      await transaction(database(), async (inner) => { await insert(inner, 'Ambient B'); throw new Error('undo B'); }).catch(() => {});
      const b = (await database().query<{ n: number }>(probe('Ambient B')))[0].n;
      return { viaQuery, b };
    });
    expect(seen).toEqual({ viaQuery: 1, b: 0 });
    expect((await database().query<{ n: number }>(probe('Ambient A')))[0].n).toBe(1);
  });

  it('runs parallel nested transactions one after another inside a deferred transaction, all rolled back with it', async () => {
    const request = database().deferred(async () => {});
    const count = () => database().query<{ n: number }>("SELECT count(*)::int AS n FROM partners WHERE name LIKE 'Parallel %'");
    const inside = await request.run(async () => {
      await Promise.all(Array.from({ length: 5 }, (_, i) => transaction(database(), (tx) => insert(tx, `Parallel ${i}`))));
      return count();
    });
    expect(inside).toEqual([{ n: 5 }]);
    await request.end(false);
    expect(await count()).toEqual([{ n: 0 }]);
  });

  it('sends work a transaction left running to the outer handle once the transaction ended', async () => {
    let late: Promise<unknown> = Promise.resolve();
    await transaction(database(), async () => {
      late = new Promise((r) => setTimeout(r, 50)).then(() => database().query(probe('none')));
    });
    await expect(late).resolves.toEqual([{ n: 0 }]);
  });
});
