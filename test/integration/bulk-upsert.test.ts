// Bulk upserts over HTTP: accounts matched by domain (or id), contacts by email within their account; created,
// updated and unchanged records reported in order; a batch with any refused record changes nothing and names each
// refused record; Idempotency-Key replays; row scope holds for partners; the record cap is enforced.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../helpers';
import { createTestApp, type TestApp } from '../helpers';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(async () => { await t?.close(); });

const byDomain = async (domain: string) =>
  (await t.deps.database.query<{ id: string; name: string; version: number; employees: number | null }>(
    'SELECT id, name, version, employees FROM accounts WHERE domain = $1 AND deleted_at IS NULL', [domain]));

describe('POST /api/accounts/batch', () => {
  it('creates unknown domains, updates known ones, reports unchanged records without a new version', async () => {
    const known = await t.account({ name: 'Nordlys Energi', domain: 'nordlys.no', employees: 800 });
    const res = await admin.post('/api/accounts/batch', { records: [
      { domain: 'fjordbank.no', name: 'Fjordbank', industry: 'Banking', employees: 1200 },
      { domain: 'nordlys.no', employees: 950 },
      { domain: 'havtech.no', name: 'Havtech', arr: 1_250_000_00, currency: 'NOK' },
    ] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ created: 2, updated: 1, unchanged: 0 });
    expect(res.body.results.map((r: any) => [r.index, r.outcome, r.version])).toEqual([[0, 'created', 1], [1, 'updated', 2], [2, 'created', 1]]);
    expect(res.body.results[1].id).toBe(known.id);
    expect(await byDomain('nordlys.no')).toEqual([{ id: known.id, name: 'Nordlys Energi', version: 2, employees: 950 }]);
    expect(await byDomain('fjordbank.no')).toHaveLength(1);

    // The same batch again: nothing to write.
    const again = await admin.post('/api/accounts/batch', { records: [{ domain: 'NORDLYS.no', employees: 950 }] });
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 1, results: [{ index: 0, outcome: 'unchanged', id: known.id, version: 2 }] });
    const audits = await t.deps.database.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'account.update'", [known.id]);
    expect(audits[0].n).toBe(1);
  });

  it('changes nothing when one record is refused, and names every refused record', async () => {
    const before = await t.count('accounts');
    const auditBefore = await t.count('audit_log');
    const res = await admin.post('/api/accounts/batch', { records: [
      { domain: 'skagen-shipping.dk', name: 'Skagen Shipping' },
      { domain: 'nameless.dk' }, // a new account needs a name
      { domain: 'skagen-shipping.dk', name: 'Skagen again' }, // the same target twice
      { id: '00000000-0000-4000-8000-000000000001', name: 'Nobody' }, // no such account
    ] });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.detail).toBe('3 of 4 records were refused; nothing was changed.');
    expect(res.body.errors.map((e: any) => e.path).sort()).toEqual(['records.1.name', 'records.2.domain', 'records.3.id']);
    expect(await t.count('accounts')).toBe(before);
    expect(await t.count('audit_log')).toBe(auditBefore);
    expect(await byDomain('skagen-shipping.dk')).toHaveLength(0);
  });

  it('refuses a record without a match key and a batch above 100 records at the edge', async () => {
    const none = await admin.post('/api/accounts/batch', { records: [{ name: 'No key' }] });
    expect(none.status).toBe(422);
    expect(none.body.errors).toEqual([{ path: 'records.0.domain', message: 'send the account `id` or its `domain` to match on' }]);
    const big = await admin.post('/api/accounts/batch', { records: Array.from({ length: 101 }, (_, i) => ({ domain: `big${i}.io`, name: `Big ${i}` })) });
    expect(big.status).toBe(422);
    expect(big.body.errors[0].path).toBe('records');
    const full = await admin.post('/api/accounts/batch', { records: Array.from({ length: 100 }, (_, i) => ({ domain: `full${i}.io`, name: `Full ${i}` })) });
    expect(full.status).toBe(200);
    expect(full.body.created).toBe(100);
  });

  it('replays a batch sent again under the same Idempotency-Key', async () => {
    const body = { records: [{ domain: 'idem-batch.se', name: 'Idem AB' }] };
    const first = await admin.post('/api/accounts/batch', body, { 'idempotency-key': 'batch-1' });
    const second = await admin.post('/api/accounts/batch', body, { 'idempotency-key': 'batch-1' });
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(await byDomain('idem-batch.se')).toHaveLength(1);
  });

  it('keeps a partner to its own accounts: another partner\'s domain is not matched, its id is refused', async () => {
    const mine = await t.partner();
    const theirs = await t.account({ name: 'Theirs', domain: 'theirs.fi', partnerId: await t.partner() });
    const partner = await t.login('partner', { partnerId: mine });
    const res = await partner.post('/api/accounts/batch', { records: [{ id: theirs.id, employees: 5 }] });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ path: 'records.0.id', message: 'Account was not found.' }]);
    const created = await partner.post('/api/accounts/batch', { records: [{ domain: 'theirs.fi', name: 'Ours Oy' }] });
    expect(created.status).toBe(200);
    expect(created.body.results[0].outcome).toBe('created');
    const rows = await t.deps.database.query<{ partner_id: string }>("SELECT partner_id FROM accounts WHERE id = $1", [created.body.results[0].id]);
    expect(rows[0].partner_id).toBe(mine);
  });
});

describe('POST /api/contacts/batch', () => {
  it('matches contacts by email within the account named by id or domain; all or nothing', async () => {
    const acct = await t.account({ name: 'Kalmar Logistik', domain: 'kalmar-logistik.se' });
    await admin.post(`/api/accounts/${acct.id}/contacts`, { firstName: 'Sofia', lastName: 'Berg', email: 'Sofia.Berg@kalmar-logistik.se', title: 'IT Manager' });
    const res = await admin.post('/api/contacts/batch', { records: [
      { accountDomain: 'kalmar-logistik.se', email: 'sofia.berg@kalmar-logistik.se', title: 'CIO' },
      { accountId: acct.id, email: 'erik.lund@kalmar-logistik.se', firstName: 'Erik', lastName: 'Lund', roles: ['champion'] },
    ] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.results.map((r: any) => r.outcome)).toEqual(['updated', 'created']);
    const list = await admin.get(`/api/accounts/${acct.id}/contacts`);
    const sofia = list.body.items.find((c: any) => c.lastName === 'Berg');
    expect(sofia).toMatchObject({ title: 'CIO', email: 'Sofia.Berg@kalmar-logistik.se', version: 2 });
    expect(list.body.items.find((c: any) => c.lastName === 'Lund')).toMatchObject({ roles: ['champion'], email: 'erik.lund@kalmar-logistik.se' });

    const same = await admin.post('/api/contacts/batch', { records: [{ accountId: acct.id, email: 'SOFIA.BERG@kalmar-logistik.se', title: 'CIO' }] });
    expect(same.body.results[0]).toMatchObject({ outcome: 'unchanged', id: sofia.id, version: 2 });

    const contactsBefore = await t.count('contacts');
    const bad = await admin.post('/api/contacts/batch', { records: [
      { accountId: acct.id, email: 'new.person@kalmar-logistik.se', firstName: 'New', lastName: 'Person' },
      { accountDomain: 'no-such-domain.se', email: 'x@no-such-domain.se', firstName: 'X', lastName: 'Y' },
      { accountId: acct.id, email: 'half@kalmar-logistik.se', firstName: 'Half' },
      { accountId: acct.id, email: 'NEW.person@kalmar-logistik.se', firstName: 'Twice', lastName: 'Person' },
    ] });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: any) => e.path).sort()).toEqual(['records.1.accountDomain', 'records.2.lastName', 'records.3.email']);
    expect(await t.count('contacts')).toBe(contactsBefore);
  });
});
