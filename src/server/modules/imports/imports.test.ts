import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, eventually, type Client, type TestApp } from '../../../../test/helpers';
import { runToEnd, uploadCsv } from '../../../../test/imports';
import { sql } from 'drizzle-orm';
import { unnestRows } from '../../db/columns';
import { rowsOf } from './imports.repo';
import { importFile } from './imports.service';

let t: TestApp;
let dir: string;
let sales: Client;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vg-imports-'));
  t = await createTestApp({ workers: true, config: { dataDir: dir } });
  sales = await t.login('sales');
});
afterAll(async () => {
  await t?.close();
  await rm(dir, { recursive: true, force: true });
});

const HEADER = 'Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Pipeline,Associated Company,Company Domain';

describe('deal import through the API', () => {
  const rows = [
    '9001,Nordic Bank CMDB,closedwon,"$120,000.00",03/15/2024,01/10/2024 09:00 AM,default,Nordic Bank,nordicbank.example',
    '9002,Atlas Freight discovery,appointmentscheduled,45000,,02/01/2024,default,Atlas Freight,',
    '9003,Bad date deal,contractsent,1000,13/45/2024,02/01/2024,default,Atlas Freight,',
    '9004,Blank amount deal,qualifiedtobuy,,,02/01/2024,default,Atlas Freight,',
    '9005,Unknown stage deal,negotiating-ish,500,,02/01/2024,default,Atlas Freight,',
    '9001,Nordic Bank CMDB again,closedwon,1,03/15/2024,01/10/2024,default,Nordic Bank,nordicbank.example',
    '9006,Summit Telecom POC,decisionmakerboughtin,"€80.000,00",,02/20/2024,default,Summit Telecom,summit.example',
  ];
  const csv = [HEADER, ...rows].join('\n') + '\n';
  let jobId: string;

  it('previews the detected HubSpot mapping and the first rows parsed, with per-row problems', async () => {
    const up = await uploadCsv(sales, csv);
    expect(up.headers).toHaveLength(9);
    expect(up.mapping.columns).toMatchObject({ externalId: 'Record ID', name: 'Deal Name', stage: 'Deal Stage', amount: 'Amount', companyDomain: 'Company Domain' });
    expect(up.mappingErrors).toEqual([]);
    expect(up.rows).toHaveLength(7);
    expect(up.rows[0]).toMatchObject({ line: 2, ok: true, values: { stage: 'closed_won', amount: 12_000_000 } });
    expect(up.rows[2]).toMatchObject({ key: '9003', ok: false, errors: [{ field: 'closeDate' }] });
    // An open deal without an amount is kept, with a warning.
    expect(up.rows[3]).toMatchObject({ ok: true, values: { amount: null }, warnings: [{ field: 'amount', message: 'No amount: imported without one' }] });
    expect(up.coded.stage).toEqual(expect.arrayContaining([{ value: 'negotiating-ish', count: 1, mappedTo: null }, { value: 'closedwon', count: 2, mappedTo: 'closed_won' }]));
  });

  it('imports good rows and reports each bad row with its line and reason', async () => {
    const up = await uploadCsv(sales, csv);
    const job = await runToEnd(sales, { uploadId: up.uploadId, kind: 'deals' });
    jobId = job.id;
    expect(job).toMatchObject({ status: 'completed', rowsDone: 7, rowsInserted: 4, rowsUpdated: 0, rowsFailed: 3, rowsTotal: 7, percent: 100, rowsWarned: 1, warnings: { amount: 1 } });
    const errors = (await sales.get(`/api/imports/${job.id}/errors`)).body.items;
    // Each rejected row carries its record id, so it can be fixed and imported again.
    expect(errors.map((e: any) => [e.line, e.key, e.field])).toEqual([[4, '9003', 'closeDate'], [6, '9005', 'stage'], [7, '9001', null]]);
    expect(errors[2].message).toContain('line 2');
    const warnings = (await sales.get(`/api/imports/${job.id}/errors?level=warning`)).body.items;
    expect(warnings).toEqual([{ line: 5, key: '9004', field: 'amount', column: 'Amount', value: null, message: 'No amount: imported without one' }]);
    const opps = await t.deps.database.query<any>(`SELECT o.name, o.stage, o.amount, o.currency, o.close_date::text AS close_date, a.name AS account, a.domain
      FROM opportunities o JOIN accounts a ON a.id = o.account_id WHERE o.external_id LIKE '900%' ORDER BY o.external_id`);
    expect(opps).toEqual([
      { name: 'Nordic Bank CMDB', stage: 'closed_won', amount: 12_000_000, currency: 'USD', close_date: '2024-03-15', account: 'Nordic Bank', domain: 'nordicbank.example' },
      { name: 'Atlas Freight discovery', stage: 'discovery', amount: 4_500_000, currency: 'USD', close_date: null, account: 'Atlas Freight', domain: null },
      { name: 'Blank amount deal', stage: 'discovery', amount: null, currency: 'USD', close_date: null, account: 'Atlas Freight', domain: null },
      { name: 'Summit Telecom POC', stage: 'poc', amount: 8_000_000, currency: 'EUR', close_date: null, account: 'Summit Telecom', domain: 'summit.example' },
    ]);
    const csvErrors = await sales.raw(`/api/imports/${job.id}/errors.csv`, { method: 'GET' });
    expect(csvErrors.headers.get('content-type')).toContain('text/csv');
    const csvRows = parse(String(csvErrors.body)) as string[][];
    expect(csvRows[0]).toEqual(['line', 'key', 'field', 'column', 'value', 'message']);
    expect(csvRows.slice(1).map((r) => r.slice(0, 3))).toEqual([['4', '9003', 'closeDate'], ['6', '9005', 'stage'], ['7', '9001', '']]);
    expect(String(csvErrors.body)).toContain('Unknown stage ""negotiating-ish""');
  });

  it('re-importing the same file updates instead of duplicating', async () => {
    const before = await t.count('opportunities');
    const accounts = await t.count('accounts');
    const up = await uploadCsv(sales, csv);
    const job = await runToEnd(sales, { uploadId: up.uploadId, kind: 'deals' });
    expect(job).toMatchObject({ status: 'completed', rowsInserted: 0, rowsUpdated: 4, rowsFailed: 3 });
    expect(await t.count('opportunities')).toBe(before);
    expect(await t.count('accounts')).toBe(accounts);
    expect(jobId).not.toBe(job.id);
  });

  it('refuses an incomplete mapping with 422 and writes nothing', async () => {
    const up = await uploadCsv(sales, 'Title,Price\nA,1\n');
    expect(up.mappingErrors.map((e: any) => e.field)).toEqual(expect.arrayContaining(['name', 'stage']));
    const jobs = await t.count('import_jobs');
    const res = await sales.post('/api/imports', { uploadId: up.uploadId, kind: 'deals' });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: any) => e.path)).toEqual(expect.arrayContaining(['mapping.name', 'mapping.stage']));
    expect(await t.count('import_jobs')).toBe(jobs);
    expect((await sales.raw('/api/imports/uploads', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })).status).toBe(415);
  });
});

describe('any CSV through an explicit mapping saved as a template', () => {
  it('maps columns and stage values, saves the template, and reuses it', async () => {
    const csv = 'Opportunity,Phase,Value (EUR),Won on,Opened,Customer\nAlpha,Signed,"1.000,50",15.03.2024,01.02.2024,Alpha AS\nBeta,Talking,200,,01.02.2024,Beta AB\n';
    const up = await uploadCsv(sales, csv, 'deals', 'custom.csv');
    expect(up.mappingErrors.length).toBeGreaterThan(0);
    const mapping = {
      columns: { name: 'Opportunity', stage: 'Phase', amount: 'Value (EUR)', closeDate: 'Won on', createdAt: 'Opened', companyName: 'Customer' },
      values: { stage: { Signed: 'closed_won', Talking: 'discovery' } },
      dateOrder: 'dmy', defaults: { currency: 'EUR' },
    };
    const pv = await sales.post('/api/imports/preview', { uploadId: up.uploadId, kind: 'deals', mapping });
    expect(pv.status).toBe(200);
    expect(pv.body.rows.map((r: any) => r.ok)).toEqual([true, true]);
    expect(pv.body.coded.stage).toEqual([{ value: 'Signed', count: 1, mappedTo: 'closed_won' }, { value: 'Talking', count: 1, mappedTo: 'discovery' }]);
    const job = await runToEnd(sales, { uploadId: up.uploadId, kind: 'deals', mapping, saveAsTemplate: 'Legacy CRM deals' });
    expect(job).toMatchObject({ status: 'completed', rowsInserted: 2, rowsFailed: 0 });
    const templates = (await sales.get('/api/import-templates?kind=deals')).body.items;
    expect(templates.map((x: any) => x.name)).toContain('Legacy CRM deals');
    const tpl = templates.find((x: any) => x.name === 'Legacy CRM deals');
    const again = await uploadCsv(sales, csv.replace('Alpha,', 'Gamma,').replace('Alpha AS', 'Gamma AS'), 'deals', 'custom2.csv');
    const pv2 = await sales.post('/api/imports/preview', { uploadId: again.uploadId, kind: 'deals', templateId: tpl.id });
    expect(pv2.body.mappingErrors).toEqual([]);
    expect(pv2.body.rows[0].values).toMatchObject({ name: 'Gamma', stage: 'closed_won', amount: 100_050, currency: 'EUR', closeDate: { date: '2024-03-15' } });
    const bad = await sales.post('/api/import-templates', { name: 'x', kind: 'deals', mapping: { ...mapping, values: { stage: { a: 'nope' } } } });
    expect(bad.status).toBe(422);
  });
});

describe('resume after an interrupted import', () => {
  it('continues after the last committed batch and lands every row exactly once', async () => {
    const path = join(dir, 'resume.csv');
    const lines = [HEADER];
    for (let i = 1; i <= 95; i++) lines.push(`R${i},Resume deal ${i},closedwon,${i * 10},2024-03-${String((i % 28) + 1).padStart(2, '0')},2024-01-01,default,Resume Co ${i % 7},`);
    await writeFile(path, lines.join('\r\n'));
    const first = await importFile(t.deps, { kind: 'deals', path }, { batchRows: 10, stopAfterBatches: 3 });
    expect(first).toMatchObject({ status: 'interrupted', rowsDone: 30, rowsInserted: 30, linesDone: 31 });
    const view = (await sales.get(`/api/imports/${first.id}`)).body;
    expect(view.percent).toBeGreaterThan(25);
    expect(view.percent).toBeLessThan(40);
    const done = await importFile(t.deps, { kind: 'deals', path, resume: true }, { batchRows: 10 });
    expect(done).toMatchObject({ id: first.id, status: 'completed', rowsDone: 95, rowsInserted: 95, rowsFailed: 0, rowsTotal: 95 });
    const [{ n, distinct }] = await t.deps.database.query<any>(`SELECT count(*)::int AS n, count(DISTINCT external_id)::int AS distinct FROM opportunities WHERE external_id LIKE 'R%'`);
    expect([n, distinct]).toEqual([95, 95]);
    await expect(importFile(t.deps, { kind: 'deals', path, resume: true })).rejects.toThrow(/No unfinished import/);
  });

  it('resumes exactly at a record boundary with quoted fields, line breaks inside quotes and multi-byte text', async () => {
    const path = join(dir, 'resume-quoted.csv');
    const lines = [HEADER];
    for (let i = 1; i <= 47; i++) {
      const name = i % 3 === 0 ? `"Ærø deal ${i}, ""phase"" two\r\nsecond line"` : i % 3 === 1 ? `Ærø deal ${i}` : `"Plain ${i}"`;
      lines.push(`W${i},${name},closedwon,"${i},000.00",2024-03-01,2024-01-01,default,"Quote Co, ${i % 4}",`);
    }
    await writeFile(path, lines.join('\r\n') + '\r\n');
    const first = await importFile(t.deps, { kind: 'deals', path }, { batchRows: 7, stopAfterBatches: 2 });
    expect(first).toMatchObject({ status: 'interrupted', rowsDone: 14 });
    const done = await importFile(t.deps, { kind: 'deals', path, resume: true }, { batchRows: 7 });
    expect(done).toMatchObject({ status: 'completed', rowsDone: 47, rowsInserted: 47, rowsFailed: 0 });
    const rows = await t.deps.database.query<any>(`SELECT o.external_id, o.name, o.amount, a.name AS account FROM opportunities o JOIN accounts a ON a.id = o.account_id
      WHERE o.external_id LIKE 'W%' ORDER BY length(o.external_id), o.external_id`);
    expect(rows).toHaveLength(47);
    expect(rows[2]).toEqual({ external_id: 'W3', name: 'Ærø deal 3, "phase" two\r\nsecond line', amount: 300_000, account: 'Quote Co, 3' });
    expect(rows[45]).toMatchObject({ external_id: 'W46', name: 'Ærø deal 46', amount: 4_600_000 });
  });

  it('resumes through the API after a failure', async () => {
    const path = join(dir, 'resume-api.csv');
    const lines = [HEADER];
    for (let i = 1; i <= 25; i++) lines.push(`Q${i},Api deal ${i},appointmentscheduled,${i},,2024-01-01,default,Api Co,`);
    await writeFile(path, lines.join('\n'));
    const first = await importFile(t.deps, { kind: 'deals', path }, { batchRows: 10, stopAfterBatches: 1 });
    expect(first.rowsDone).toBe(10);
    const res = await sales.post(`/api/imports/${first.id}/resume`);
    expect(res.status).toBe(202);
    const done = await eventually(async () => { const j = (await sales.get(`/api/imports/${first.id}`)).body; return j.status === 'completed' ? j : null; });
    expect(done).toMatchObject({ rowsDone: 25, rowsInserted: 25 });
    expect((await sales.post(`/api/imports/${first.id}/resume`)).status).toBe(409);
  });
});

describe('companies, contacts and leads', () => {
  it('imports companies, then contacts matched to them, then leads', async () => {
    const companies = 'name,domain,industry,numberofemployees,country\nFjord Energy,fjord.example,Energy,"1,200",Norway\nFjord Energy dup,fjord.example,Energy,5,NO\nNo Domain Co,,Retail,abc,Denmark\n';
    const up = await uploadCsv(sales, companies, 'companies', 'companies.csv');
    const job = await runToEnd(sales, { uploadId: up.uploadId, kind: 'companies' });
    expect(job).toMatchObject({ status: 'completed', rowsInserted: 1, rowsFailed: 2 });
    const [acct] = await t.deps.database.query<any>(`SELECT id, employees, country, industry FROM accounts WHERE domain = 'fjord.example'`);
    expect(acct).toMatchObject({ employees: 1200, country: 'NO', industry: 'Energy' });

    const contacts = 'First Name,Last Name,Email,Job Title,Company Domain\nIngrid,Dahl,ingrid@fjord.example,CIO,fjord.example\nOla,Nord,ola@fjord.example,,\n';
    const cj = await runToEnd(sales, { uploadId: (await uploadCsv(sales, contacts, 'contacts', 'contacts.csv')).uploadId, kind: 'contacts' });
    expect(cj).toMatchObject({ status: 'completed', rowsInserted: 2, rowsFailed: 0 });
    const cs = await t.deps.database.query<any>(`SELECT account_id FROM contacts WHERE email LIKE '%@fjord.example'`);
    expect(cs.map((c) => c.account_id)).toEqual([acct.id, acct.id]);

    const leads = 'Email,Company,Lead Status,Original Source,Create Date\nnew@lead.example,Lead Co,IN_PROGRESS,ORGANIC_SEARCH,2024-05-01\nbad@lead.example,Lead Co,SOMETHING,,2024-05-01\n'
      + 'fresh@lead.example,Fresh Co,NEW,OFFLINE,2024-05-02\n';
    const lj = await runToEnd(sales, { uploadId: (await uploadCsv(sales, leads, 'leads', 'leads.csv')).uploadId, kind: 'leads' });
    expect(lj).toMatchObject({ status: 'completed', rowsInserted: 2, rowsFailed: 1 });
    const [lead] = await t.deps.database.query<any>(`SELECT status, source, created_at, sla_due_at FROM leads WHERE email = 'new@lead.example'`);
    expect(lead).toMatchObject({ status: 'working', source: 'seo_sem', sla_due_at: null });
    expect(new Date(lead.created_at).toISOString()).toBe('2024-05-01T00:00:00.000Z');
    // Imported leads are scored like captured ones; a new lead gets its SLA clocks from the import on.
    const scored = await t.deps.database.query<any>(`SELECT l.email, s.score, s.priority, s.scored_playbook_version FROM leads l JOIN lead_scores s ON s.lead_id = l.id
      WHERE l.email IN ('new@lead.example', 'fresh@lead.example') ORDER BY l.email`);
    expect(scored.map((r) => [r.email, r.priority !== null, r.scored_playbook_version !== null])).toEqual([['fresh@lead.example', true, true], ['new@lead.example', true, true]]);
    const [fresh] = await t.deps.database.query<any>(`SELECT id, sla_due_at, first_response_due_at FROM leads WHERE email = 'fresh@lead.example'`);
    expect(fresh.sla_due_at).not.toBeNull();
    expect(new Date(fresh.sla_due_at).getTime()).toBe(new Date(fresh.first_response_due_at).getTime());
    await eventually(async () => (await t.deps.database.query<any>(`SELECT 1 FROM timers WHERE entity_id = $1 AND kind = 'lead.sla.first_response'`, [fresh.id])).length > 0 || null);
  });
});

describe('bulk rows as column arrays', () => {
  it('carry any text, null, number, boolean and time unchanged through unnest()', async () => {
    const texts = ['plain', 'with "quotes"', 'back\\slash \\"', '{braces,comma}', 'NULL', '', '  spaced  ', 'Ærø ✓ 🚀', 'line\r\nbreak', null];
    const rows = texts.map((text, i) => ({ text, n: i === 3 ? null : i * 1_000_000_007, ok: i % 2 === 0, at: i === 5 ? null : new Date(Date.UTC(2024, 1, 29, i)).toISOString() }));
    const out = await rowsOf<{ text: string | null; n: number | null; ok: boolean; at: Date | string | null }>(t.deps.database.db, sql`SELECT * FROM ${unnestRows([
      { name: 'text', type: 'text', value: (r) => r.text }, { name: 'n', type: 'bigint', value: (r) => r.n },
      { name: 'ok', type: 'bool', value: (r) => r.ok }, { name: 'at', type: 'timestamptz', value: (r) => r.at },
    ], rows)}`);
    expect(out.map((r) => ({ ...r, at: r.at === null ? null : new Date(r.at).toISOString() }))).toEqual(rows);
  });
});

describe('export', () => {
  it('exports deals as CSV that imports back without a mapping and without duplicates', async () => {
    const res = await sales.raw('/api/exports/deals.csv', { method: 'GET' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('deals.csv');
    const text = String(res.body);
    const [header, ...rest] = (parse(text) as string[][]).map((r) => r.join(',')); // records, not lines: names may hold line breaks
    expect(header).toBe('hs_object_id,dealname,dealstage,amount,deal_currency_code,closedate,createdate,pipeline,hubspot_owner_id,company,company_domain,closed_lost_reason');
    const opps = await t.count('opportunities');
    expect(rest).toHaveLength(opps);
    expect(text).toContain('9001,Nordic Bank CMDB,closed_won,120000.00,USD,2024-03-15,2024-01-10T09:00:00.000Z');
    const up = await uploadCsv(sales, text, 'deals', 'export.csv');
    expect(up.mappingErrors).toEqual([]);
    const job = await runToEnd(sales, { uploadId: up.uploadId, kind: 'deals' });
    expect(job).toMatchObject({ status: 'completed', rowsInserted: 0, rowsUpdated: opps, rowsFailed: 0 });
    expect(await t.count('opportunities')).toBe(opps);
    for (const kind of ['companies', 'contacts', 'leads']) {
      const r = await sales.raw(`/api/exports/${kind}.csv`, { method: 'GET' });
      expect(r.status).toBe(200);
    }
  });
});

describe('access', () => {
  it('partner and customer users can neither import nor export; unknown jobs are 404', async () => {
    const partner = await t.login('partner');
    const customer = await t.login('customer');
    for (const c of [partner, customer]) {
      expect((await c.get('/api/imports')).status).toBe(403);
      expect((await c.get('/api/exports/deals.csv')).status).toBe(403);
      expect((await c.raw('/api/imports/uploads?kind=deals', { method: 'POST', body: 'a\n1', headers: { 'content-type': 'text/csv' } })).status).toBe(403);
    }
    expect((await sales.get('/api/imports/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await (await t.login('finance')).get('/api/imports')).status).toBe(403);
  });
});
