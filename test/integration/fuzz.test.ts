// Fuzzing from the API's own OpenAPI document, as an admin over demo data: every list gets cursors of the wrong
// shape, every query and JSON body gets control characters and out-of-range dates in each of its fields. Bad input
// is a 4xx naming the field — never a 5xx — and writes nothing. The public form counts every post against its
// per-IP limit, whatever the post's fate.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTROL_CHAR_MESSAGE } from '../../src/core/control-chars';
import { loadDemo } from '../../src/server/demo/demo';
import { runImport } from '../../src/server/modules/imports/imports.runner';
import { formToken } from '../../src/server/modules/leads/forms.service';
import { PASSWORD, createTestApp, type Client, type Res, type TestApp } from '../helpers';
import { ZERO_UUID, dotted, operations, sample, setAt, type Field, type Operation } from '../openapi-walk';

let t: TestApp;
let dir: string;
let admin: Client;
let importId: string;
let doc: Record<string, any>;
let ops: Operation[];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vg-fuzz-'));
  t = await createTestApp({ config: { dataDir: dir } });
  await loadDemo(t.deps.database, { accounts: 30 });
  admin = await t.login('admin');
  // An import with bad rows — a NUL in a cell among them — run here (no workers), so its errors can be paged.
  const csv = 'name,domain\nAcme Fuzz,acme.example\nNul\u0000Co,nul.example\nBad Co,not a domain\nTab\tCo,tab.example\n';
  const up = await admin.raw('/api/imports/uploads?kind=companies', { method: 'POST', body: csv, headers: { 'content-type': 'text/csv' } });
  const start = await admin.post('/api/imports', { uploadId: up.body.uploadId, kind: 'companies' });
  expect(start.status).toBe(202);
  importId = start.body.id;
  await runImport(t.deps, importId);
  doc = (await admin.get('/api/openapi.json')).body;
  ops = operations(doc);
}, 180_000);
afterAll(async () => { await t?.close(); if (dir) await rm(dir, { recursive: true, force: true }); });

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const WRONG_CURSORS = ['W10', b64([1]), b64(['x', 'y', 'z']), b64([{}, 1]), b64([null, null]), b64(['2020-01-01', 'not-an-id'])];
const BAD_DATES = { date: ['0000-01-01', '1899-12-31', '2201-01-01'], 'date-time': ['0000-01-01T00:00:00Z', '2201-01-01T00:00:00.000Z'] };
const NUL = 'x\u0000y';

/** The first item of a list answer (pages or plain arrays), to fill path parameters with real ids. */
const firstItems = new Map<string, any>();
async function firstOf(path: string): Promise<any> {
  if (!firstItems.has(path)) {
    const res = await admin.get(`/api${path}`);
    const items = Array.isArray(res.body) ? res.body : res.body?.items;
    firstItems.set(path, Array.isArray(items) ? items.find((x: unknown) => x && typeof x === 'object') : undefined);
  }
  return firstItems.get(path);
}

/** The operation's path with each parameter filled from the list before it (`/accounts` for `/accounts/{id}`). */
async function concrete(op: Operation): Promise<string> {
  let out = '';
  for (const part of op.path.split('/').slice(1)) {
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    if (!name) { out += `/${part}`; continue; }
    const schema = op.params.find((p) => p.in === 'path' && p.name === name)?.schema ?? {};
    const first = schema.enum ? undefined : await firstOf(out);
    out += `/${encodeURIComponent(String(schema.enum?.[0] ?? first?.[name] ?? first?.id ?? ZERO_UUID))}`;
  }
  return out;
}

/** Required query parameters with plausible values, plus `extra`. */
function query(op: Operation, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  for (const p of op.params) if (p.in === 'query' && p.required && !(p.name in extra)) q.set(p.name, String(sample(doc, p.schema ?? {})));
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

const names = (res: Res): string[] => (res.body?.errors ?? []).map((e: { path: string }) => e.path);
/** '' when the answer is the expected 4xx naming `path`, otherwise a line for the failure list. */
function check(what: string, res: Res, status: number, path: string): string {
  return res.status === status && names(res).includes(path) ? '' : `${what} → ${res.status} ${JSON.stringify(names(res))}`;
}

async function tableCounts(): Promise<Record<string, number>> {
  const tables = await t.deps.database.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`);
  const out: Record<string, number> = {};
  for (const { name } of tables) out[name] = await t.count(`"${name}"`);
  return out;
}

describe('fuzzing every route from the OpenAPI document', () => {
  it('lists refuse cursors of the wrong shape with 400 naming the cursor, and accept their own', async () => {
    const lists = ops.filter((o) => o.method === 'GET' && o.params.some((p) => p.in === 'query' && p.name === 'cursor'));
    expect(lists.length).toBeGreaterThanOrEqual(15);
    const failures: string[] = [];
    let paged = 0;
    for (const op of lists) {
      const path = `/api${await concrete(op)}`;
      const first = await admin.get(`${path}${query(op, op.params.some((p) => p.name === 'limit') ? { limit: '1' } : {})}`);
      if (first.status !== 200) failures.push(`${op.path} first page → ${first.status}`);
      // A board pages one column at a time: its cursors go with the column's stage.
      const column = first.body?.columns?.find((c: { nextCursor: string | null }) => c.nextCursor) ?? first.body?.columns?.[0];
      const extra: Record<string, string> = column ? { stage: column.stage } : {};
      for (const cursor of WRONG_CURSORS) {
        failures.push(check(`${op.path} cursor=${cursor}`, await admin.get(`${path}${query(op, { ...extra, cursor })}`), 400, 'cursor'));
      }
      // A real next page still works: each list's declared cursor shape matches what it hands out.
      const real: string | null | undefined = column ? column.nextCursor : first.body?.nextCursor;
      if (real) {
        paged++;
        const next = await admin.get(`${path}${query(op, { ...extra, limit: '1', cursor: real })}`);
        if (next.status !== 200) failures.push(`${op.path} next page → ${next.status} ${JSON.stringify(next.body)}`);
      }
    }
    expect(failures.filter(Boolean)).toEqual([]);
    expect(paged).toBeGreaterThanOrEqual(12);
  });

  it('queries and path parameters with control characters or out-of-range dates are 422 naming the parameter', async () => {
    const failures: string[] = [];
    for (const op of ops.filter((o) => o.method === 'GET')) {
      const path = `/api${await concrete(op)}`;
      for (const p of op.params.filter((x) => x.in === 'query' && x.name !== 'cursor')) {
        failures.push(check(`${op.path} ${p.name}=NUL`, await admin.get(`${path}${query(op, { [p.name]: NUL })}`), 422, p.name));
        const format = p.schema?.format as keyof typeof BAD_DATES;
        for (const d of BAD_DATES[format] ?? []) failures.push(check(`${op.path} ${p.name}=${d}`, await admin.get(`${path}${query(op, { [p.name]: d })}`), 422, p.name));
      }
      const param = op.params.find((x) => x.in === 'path');
      if (param) {
        const bad = `/api${op.path.replace(`{${param.name}}`, encodeURIComponent(NUL)).replace(/\{\w+\}/g, ZERO_UUID)}`;
        failures.push(check(`${op.path} ${param.name}=NUL`, await admin.get(bad), 422, param.name));
      }
    }
    // Headers kept as data: the user agent of a session, the idempotency key of a replay.
    const agent = { 'user-agent': 'agent\u0001x' };
    failures.push(check('GET user-agent', await admin.raw('/api/accounts', { headers: agent }), 422, 'headers.user-agent'));
    const login = await t.client({}).raw('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', ...agent }, body: JSON.stringify({ email: admin.user.email, password: PASSWORD }) });
    failures.push(check('login user-agent', login, 422, 'headers.user-agent'));
    expect(failures.filter(Boolean)).toEqual([]);
  });

  it('JSON bodies with a control character or an out-of-range date in any field are 422 naming it, and change nothing', async () => {
    const writes = ops.filter((o) => ['POST', 'PUT', 'PATCH'].includes(o.method) && o.body);
    expect(writes.length).toBeGreaterThanOrEqual(80);
    const before = await tableCounts();
    const failures: string[] = [];
    let sent = 0;
    for (const op of writes) {
      const path = `/api${await concrete(op)}${query(op)}`;
      const fields: Field[] = [];
      const body = sample(doc, op.body!, fields);
      const send = (value: unknown) => { sent++; return admin.raw(path, { method: op.method, body: JSON.stringify(value), headers: { 'content-type': 'application/json' } }); };
      for (const f of fields) {
        const name = dotted(f.path);
        failures.push(check(`${op.method} ${op.path} ${name}=NUL`, await send(setAt(body, f.path, NUL)), 422, name));
        if (f.format !== 'text') {
          for (const d of BAD_DATES[f.format]) failures.push(check(`${op.method} ${op.path} ${name}=${d}`, await send(setAt(body, f.path, d)), 422, name));
        }
      }
    }
    expect(failures.filter(Boolean)).toEqual([]);
    expect(sent).toBeGreaterThan(400);
    expect(await tableCounts()).toEqual(before);
  });
});

describe('the public web form', () => {
  it('answers 422 to posts with control characters and counts each against the per-IP limit, then 429', async () => {
    const { body: form } = await admin.post('/api/lead-forms', { name: 'Fuzzed form', source: 'website', minFillSeconds: 0, rateLimitPerHour: 15 });
    const limit: number = form.rateLimitPerHour;
    const [{ secret }] = await t.deps.database.query<{ secret: string }>('SELECT secret FROM lead_forms WHERE id = $1', [form.id]);
    const token = () => formToken(secret, form.id, Date.now() - 5000);
    const anon = t.client({});
    const url = `/api/forms/${form.id}/submit`;
    const fields = (i: number) => ({ email: `nul${i}@fuzz.io`, firstName: 'Ann', companyName: 'Fuzz Oy', message: 'hello', token: token() });
    const post = (i: number, field: string, value: string): Promise<Res> => {
      const body: Record<string, string> = { ...fields(i), [field]: value };
      if (i % 3 === 0) return anon.post(url, body);
      if (i % 3 === 1) return anon.raw(url, { method: 'POST', body: new URLSearchParams(body).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      const multipart = new FormData();
      for (const [k, v] of Object.entries(body)) multipart.set(k, v);
      return anon.raw(url, { method: 'POST', body: multipart });
    };
    const leads = await t.count('leads');
    const failures: string[] = [];
    const targets = ['message', 'companyName', 'firstName', 'email', 'title'];
    for (let i = 0; i < limit; i++) {
      const field = targets[i % targets.length];
      failures.push(check(`post ${i} ${field}`, await post(i, field, `a\u0000b${field === 'email' ? '@fuzz.io' : ''}`), 422, field));
    }
    expect(failures.filter(Boolean)).toEqual([]);
    // The limit is reached by the refused posts alone: a clean post and another bad one are both turned away.
    const clean = await anon.post(url, fields(99));
    expect(clean.status).toBe(429);
    expect(clean.headers.get('retry-after')).toBe('3600');
    expect((await post(100, 'message', 'a\u0000b')).status).toBe(429);
    expect(await t.count('leads')).toBe(leads);
    const outcomes = await t.deps.database.query<{ outcome: string; n: number }>(
      'SELECT outcome, count(*)::int AS n FROM lead_form_submissions WHERE form_id = $1 GROUP BY 1 ORDER BY 1', [form.id]);
    expect(outcomes).toEqual([{ outcome: 'invalid', n: limit }, { outcome: 'rate_limited', n: 2 }]);
  });
});

describe('CSV files', () => {
  it('report a row with a control character in a cell as a bad row and take the others', async () => {
    const job = (await admin.get(`/api/imports/${importId}`)).body;
    expect(job.status).toBe('completed');
    const errors = (await admin.get(`/api/imports/${importId}/errors`)).body.items;
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatchObject({ line: 3, field: 'name', column: 'name', value: 'Nul\uFFFDCo', message: CONTROL_CHAR_MESSAGE });
    expect(errors[1]).toMatchObject({ line: 4, field: 'domain' });
    expect(await t.count(`accounts WHERE name IN ('Acme Fuzz', E'Tab\\tCo')`)).toBe(2);

    const header = await admin.raw('/api/imports/uploads?kind=companies', { method: 'POST', body: 'na\u0000me,domain\nA,a.example\n', headers: { 'content-type': 'text/csv' } });
    expect(header.status).toBe(422);
    expect(header.body.errors).toEqual([{ path: 'headers.0', message: CONTROL_CHAR_MESSAGE }]);

    const kpi = (await admin.get('/api/kpis?openProjects=true&measurements=0')).body.items[0];
    const measurements = `kpi_id,measured_at,value\n${kpi.id},2026-01-05,10\n${kpi.id},2026-01-06,1\u00002\n\u0000,2026-01-07,3\n`;
    const res = await admin.raw('/api/kpis/measurements/csv', { method: 'POST', body: measurements, headers: { 'content-type': 'text/csv' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ received: 3, rejected: 2 });
    expect(res.body.errors).toEqual([
      { line: 3, column: 'value', value: '1\uFFFD2', message: CONTROL_CHAR_MESSAGE },
      { line: 4, column: 'kpi_id', value: '\uFFFD', message: CONTROL_CHAR_MESSAGE },
    ]);
  });
});
