// A real CRM's export through the generic mapping: its sales team as users, its accounts (revenue in millions, a
// misspelt country), then its opportunities (open deals without a value, owners our users do not know).
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/helpers';
import { runToEnd as run, uploadCsv as upload } from '../../../../test/imports';

let t: TestApp;
let dir: string;
let admin: Client;
let sales: Client;

const fixture = (name: string) => readFile(new URL(`../../../../test/fixtures/${name}`, import.meta.url), 'utf8');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vg-imports-crm-'));
  t = await createTestApp({ workers: true, config: { dataDir: dir } });
  admin = await t.login('admin');
  sales = await t.login('sales');
});
afterAll(async () => {
  await t?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('users and teams', () => {
  it('are imported by admins only: inactive, without a password, with role, team, manager and territories', async () => {
    const csv = await fixture('crm-sales-teams.csv');
    const denied = await sales.raw('/api/imports/uploads?kind=users&fileName=team.csv', { method: 'POST', body: csv, headers: { 'content-type': 'text/csv' } });
    expect(denied.status).toBe(403);

    const up = await upload(admin, csv, 'users', 'team.csv');
    expect(up.mappingErrors).toEqual([]);
    expect(up.coded.role).toEqual(expect.arrayContaining([
      { value: 'Sales Rep', count: 3, mappedTo: 'sales' }, { value: 'BDR', count: 1, mappedTo: 'sdr' }, { value: 'partner', count: 1, mappedTo: null },
    ]));
    const job = await run(admin, { uploadId: up.uploadId, kind: 'users' });
    expect(job).toMatchObject({ status: 'completed', rowsDone: 9, rowsInserted: 7, rowsFailed: 2, rowsWarned: 1, warnings: { manager: 1 } });
    const errors = (await admin.get(`/api/imports/${job.id}/errors`)).body.items;
    expect(errors.map((e: any) => [e.line, e.key, e.field])).toEqual([[9, 'not-an-email', 'email'], [10, 'boss.partner@maven.example', 'role']]);
    const warnings = (await admin.get(`/api/imports/${job.id}/errors?level=warning`)).body.items;
    expect(warnings).toMatchObject([{ line: 7, key: 'anna.snelling@maven.example', field: 'manager', value: 'Rocco Neubert' }]);

    const users = await t.deps.database.query<any>(`SELECT u.email, u.role, u.active, u.password_hash, u.team, m.email AS manager, p.territories
      FROM users u LEFT JOIN users m ON m.id = u.manager_id LEFT JOIN sales_profiles p ON p.user_id = u.id
      WHERE u.email LIKE '%@maven.example' ORDER BY u.email`);
    expect(users.map((u) => [u.email.split('@')[0], u.role, u.active, u.password_hash, u.team, u.manager?.split('@')[0] ?? null, u.territories])).toEqual([
      ['anna.snelling', 'sdr', false, null, 'Central', null, ['Central']],
      ['darcel.schlecht', 'sales', false, null, 'Central', 'dustin.brinkmann', ['Central', 'EMEA']],
      ['dustin.brinkmann', 'sales', false, null, 'Central', null, ['Central']],
      ['melvin.marxen', 'sales', false, null, 'West', null, ['West']],
      ['moses.frase', 'sales', false, null, 'Central', 'dustin.brinkmann', ['Central']],
      ['vicki.laflamme', 'sales', false, null, 'West', 'melvin.marxen', ['West', 'NA']],
      ['zane.levy', 'sales', false, null, 'West', 'melvin.marxen', ['West']],
    ]);
    const login = await t.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'zane.levy@maven.example', password: 'x'.repeat(12) }) });
    expect(login.status).toBe(401);
    const [{ n }] = await t.deps.database.query<any>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'user.create' AND after->>'email' LIKE '%@maven.example'`);
    expect(n).toBe(7);
  });
});

describe('accounts', () => {
  it('recognise the account header, scale revenue in millions, and report unknown countries by name (mappable)', async () => {
    const csv = await fixture('crm-accounts.csv');
    const up = await upload(sales, csv, 'companies', 'accounts.csv');
    expect(up.mappingErrors).toEqual([]);
    expect(up.mapping.columns).toMatchObject({ name: 'account', annualRevenue: 'revenue', country: 'office_location', industry: 'sector' });
    expect(up.countries).toEqual([{ value: 'Philipines', count: 1, mappedTo: null }, { value: 'Narnia', count: 1, mappedTo: null }]);
    const mapping = { ...up.mapping, scale: { annualRevenue: 1_000_000 }, values: { country: { Philipines: 'PH' } } };
    const pv = await sales.post('/api/imports/preview', { uploadId: up.uploadId, kind: 'companies', mapping });
    expect(pv.body.countries).toEqual([{ value: 'Philipines', count: 1, mappedTo: 'PH' }, { value: 'Narnia', count: 1, mappedTo: null }]);
    expect(pv.body.rows[5]).toMatchObject({ ok: true, values: { country: null }, warnings: [{ field: 'country', value: 'Narnia' }] });

    const job = await run(sales, { uploadId: up.uploadId, kind: 'companies', mapping });
    expect(job).toMatchObject({ status: 'completed', rowsInserted: 7, rowsFailed: 0, rowsWarned: 1, warnings: { country: 1 } });
    const warnings = (await sales.get(`/api/imports/${job.id}/errors?level=warning`)).body.items;
    expect(warnings).toEqual([{ line: 7, key: 'line 7', field: 'country', column: 'office_location', value: 'Narnia',
      message: 'Unknown country "Narnia": imported without a country (map it to a country code in the mapping)' }]);
    const accounts = await t.deps.database.query<any>(`SELECT name, annual_revenue, country, industry FROM accounts
      WHERE name IN ('Cancity', 'Hatfan', 'J-Texon', 'Zumgoity') ORDER BY name`);
    expect(accounts).toEqual([
      { name: 'Cancity', annual_revenue: 71_862_000_000, country: 'US', industry: 'retail' },
      { name: 'Hatfan', annual_revenue: 79_246_000_000, country: 'PH', industry: 'services' },
      { name: 'J-Texon', annual_revenue: 138_867_000_000, country: null, industry: 'retail' },
      { name: 'Zumgoity', annual_revenue: 44_108_000_000, country: 'KR', industry: 'medical' },
    ]);
  });
});

describe('sales opportunities through the generic mapping', () => {
  let mapping: any;
  let jobId: string;

  it('preview lists the owners nobody matches, with row counts over the whole file, and warns about blank amounts', async () => {
    mapping = JSON.parse(await fixture('crm-sales-opportunities.mapping.json'));
    const up = await upload(sales, await fixture('crm-sales-opportunities.csv'), 'deals', 'sales_pipeline.csv');
    // Everything but the deal name maps itself; the product names the deal.
    expect(up.mappingErrors.map((e: any) => e.field)).toEqual(['name']);
    const { owners: _o, ...withoutOwners } = mapping;
    const bare = await sales.post('/api/imports/preview', { uploadId: up.uploadId, kind: 'deals', mapping: withoutOwners });
    expect(bare.body.mappingErrors).toEqual([]);
    expect(bare.body.owners.filter((o: any) => o.how === 'unmatched').map((o: any) => [o.value, o.count]))
      .toEqual([['Markita Hansen', 2], ['Former Rep', 1], ['James Ascencio', 1], ['M. Frase', 1]]);
    const pv = await sales.post('/api/imports/preview', { uploadId: up.uploadId, kind: 'deals', mapping });
    const how = Object.fromEntries(pv.body.owners.map((o: any) => [o.value, o.how]));
    expect(how).toMatchObject({ 'Markita Hansen': 'unmatched', 'James Ascencio': 'unmatched', 'M. Frase': 'mapped', 'Former Rep': 'unowned', 'Zane Levy': 'user' });
    expect(pv.body.options.users.map((u: any) => u.email)).toContain('moses.frase@maven.example');
    expect(pv.body.rows[4]).toMatchObject({ key: 'PE84CX4O', ok: false, errors: [{ field: 'amount', message: 'A won deal needs an amount (revenue figures count it)' }] });
    expect(pv.body.rows[5]).toMatchObject({ key: 'ZNBS69V1', ok: true, values: { amount: null, stage: 'proposal' }, warnings: [{ field: 'amount' }] });

    const job = await run(sales, { uploadId: up.uploadId, kind: 'deals', mapping });
    jobId = job.id;
    expect(job).toMatchObject({ status: 'completed', rowsDone: 12, rowsInserted: 10, rowsFailed: 2, rowsWarned: 6, warnings: { amount: 6, owner: 2 } });
  });

  it('keeps the open pipeline without amounts, owners as mapped, and reports rejected rows by their opportunity id', async () => {
    const deals = await t.deps.database.query<any>(`SELECT o.external_id, o.stage, o.amount, u.email AS owner FROM opportunities o
      LEFT JOIN users u ON u.id = o.owner_id WHERE o.external_id IN ('1C1I7A6R', 'MV1LWRNH', 'ZNBS69V1', '7GN8Q4LL', 'NL3JZH1Z') ORDER BY o.external_id`);
    expect(deals).toEqual([
      { external_id: '1C1I7A6R', stage: 'closed_won', amount: 105_400, owner: 'moses.frase@maven.example' },
      { external_id: '7GN8Q4LL', stage: 'proposal', amount: null, owner: null },
      { external_id: 'MV1LWRNH', stage: 'closed_lost', amount: 0, owner: 'moses.frase@maven.example' },
      { external_id: 'NL3JZH1Z', stage: 'discovery', amount: null, owner: null },
      { external_id: 'ZNBS69V1', stage: 'proposal', amount: null, owner: 'anna.snelling@maven.example' },
    ]);
    const report = await sales.raw(`/api/imports/${jobId}/errors.csv`, { method: 'GET' });
    const rows = parse(String(report.body)) as string[][];
    expect(rows.map((r) => r.slice(0, 3))).toEqual([['line', 'key', 'field'], ['6', 'PE84CX4O', 'amount'], ['11', 'HAXMC4IX', '']]);
    const warnings = parse(String((await sales.raw(`/api/imports/${jobId}/errors.csv?level=warning`, { method: 'GET' })).body)) as string[][];
    expect(warnings.filter((r) => r[2] === 'owner').map((r) => [r[1], r[4]])).toEqual([['7GN8Q4LL', 'Markita Hansen'], ['OLK9LKZB', 'Markita Hansen']]);
  });

  it('the board, forecast and sales metrics count deals without an amount as deals and add nothing for them', async () => {
    const board = await sales.get('/api/pipeline/board');
    expect(board.status).toBe(200);
    const col = (stage: string) => board.body.columns.find((c: any) => c.stage === stage);
    const [expected] = await t.deps.database.query<any>(`SELECT count(*)::int AS n, coalesce(sum(amount), 0)::bigint AS amount, count(amount)::int AS priced
      FROM opportunities WHERE stage = 'proposal' AND deleted_at IS NULL`);
    expect(expected.n - expected.priced).toBe(4);
    expect(col('proposal')).toMatchObject({ count: expected.n, amount: Number(expected.amount) });
    const card = col('proposal').items.find((c: any) => c.amount === null);
    expect(card).toMatchObject({ amount: null, weighted: null });
    expect((await sales.get('/api/pipeline/forecast')).status).toBe(200);
  });

  it('winning a deal without an amount takes the contract ARR as its amount, or is refused without one', async () => {
    const [opp] = await t.deps.database.query<any>(`SELECT id, version FROM opportunities WHERE external_id = 'S8DX3XOU'`);
    const refused = await admin.post(`/api/opportunities/${opp.id}/close-won`, { version: opp.version, termMonths: 12, overrideReason: 'imported deal' });
    expect(refused.status, JSON.stringify(refused.body)).toBe(422);
    expect(refused.body.errors).toEqual([{ path: 'arr', message: 'required: the opportunity has no amount' }]);
    const won = await admin.post(`/api/opportunities/${opp.id}/close-won`, { version: opp.version, termMonths: 12, arr: 2_000_000, overrideReason: 'imported deal' });
    expect(won.status, JSON.stringify(won.body)).toBe(200);
    const [after] = await t.deps.database.query<any>(`SELECT o.amount, c.arr FROM opportunities o JOIN contracts c ON c.opportunity_id = o.id WHERE o.id = $1`, [opp.id]);
    expect(after).toEqual({ amount: 2_000_000, arr: 2_000_000 });
  });
});
