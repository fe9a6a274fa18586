// CSV exports never carry a live spreadsheet formula (OWASP CSV injection): text cells starting with = + - @ tab or
// CR get a leading quote, plain numbers stay numbers, and the importer reads our own export back to the same values.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, eventually, type Client, type TestApp } from '../helpers';

let t: TestApp;
let dir: string;
let admin: Client;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vg-csv-injection-'));
  t = await createTestApp({ workers: true, config: { dataDir: dir } });
  admin = await t.login('admin');
});
afterAll(async () => {
  await t?.close();
  await rm(dir, { recursive: true, force: true });
});

const NAMES = ['=HYPERLINK("http://x","y")', '-2+3', '@SUM(A1)', '+cmd|\' /C calc\'!A0', "'=already quoted"];

async function upload(text: string, kind: string) {
  const res = await admin.raw(`/api/imports/uploads?kind=${kind}&fileName=${kind}.csv`, { method: 'POST', body: text, headers: { 'content-type': 'text/csv' } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function runImport(uploadId: string, kind: string) {
  const start = await admin.post('/api/imports', { uploadId, kind });
  expect(start.status, JSON.stringify(start.body)).toBe(202);
  return eventually(async () => {
    const j = (await admin.get(`/api/imports/${start.body.id}`)).body;
    return j.status === 'completed' || j.status === 'failed' ? j : null;
  }, 30_000);
}

describe('formula-looking text in CSV files', () => {
  it('exports neutralised cells and re-imports them to the identical names', async () => {
    const ids: string[] = [];
    for (const name of NAMES) ids.push((await t.account({ name, description: '-12.5' })).id);

    const res = await admin.get('/api/exports/companies.csv');
    expect(res.status).toBe(200);
    const rows = parse(res.body as string, { columns: true }) as Record<string, string>[];
    const mine = ids.map((id) => rows.find((r) => r.hs_object_id === id)!);
    expect(mine.map((r) => r.name)).toEqual([
      `'=HYPERLINK("http://x","y")`, "'-2+3", "'@SUM(A1)", "'+cmd|' /C calc'!A0", "''=already quoted",
    ]);
    expect(mine.map((r) => r.description)).toEqual(NAMES.map(() => '-12.5')); // a plain number stays a number
    for (const r of rows) for (const cell of Object.values(r)) expect(cell, cell).not.toMatch(/^[=+@\t\r]|^-(?![\d.])/);

    // Change the names, then import the export: the names come back exactly as they were.
    await t.deps.database.query(`UPDATE accounts SET name = 'renamed ' || id WHERE id = ANY($1::uuid[])`, [ids]);
    const up = await upload(res.body as string, 'companies');
    const job = await runImport(up.uploadId, 'companies');
    expect(job).toMatchObject({ status: 'completed', rowsFailed: 0 });
    const back = await t.deps.database.query<{ id: string; name: string }>('SELECT id, name FROM accounts WHERE id = ANY($1::uuid[])', [ids]);
    expect(ids.map((id) => back.find((b) => b.id === id)!.name)).toEqual(NAMES);
  });

  it('neutralises the cells of the error report', async () => {
    const up = await upload('name,numberofemployees\nFormula Employees Inc,=1+1\n', 'companies');
    const job = await runImport(up.uploadId, 'companies');
    expect(job.rowsFailed).toBe(1);
    const report = await admin.get(`/api/imports/${job.id}/errors.csv`);
    expect(report.status).toBe(200);
    const [row] = parse(report.body as string, { columns: true }) as Record<string, string>[];
    expect(row.value).toBe("'=1+1");
    expect(row.field).toBe('employees');
  });
});
