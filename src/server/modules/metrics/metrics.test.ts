// Imported data reproduces its own figures: win rate, average won amount and median days to close of a
// generated deals CSV come back exactly from the metrics endpoint.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, eventually, type Client, type TestApp } from '../../../../test/helpers';
import { median, daysBetween } from '../../../core/metrics';

let t: TestApp;
let dir: string;
let sales: Client;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vg-metrics-'));
  t = await createTestApp({ workers: true, config: { dataDir: dir } });
  sales = await t.login('sales');
});
afterAll(async () => {
  await t?.close();
  await rm(dir, { recursive: true, force: true });
});

function lcg(seed: number) {
  let s = seed >>> 0;
  return () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 2 ** 32; };
}
const pad = (n: number) => String(n).padStart(2, '0');
const us = (d: Date, withTime: boolean) => {
  const base = `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${d.getUTCFullYear()}`;
  if (!withTime) return base;
  const h = d.getUTCHours(), ampm = h >= 12 ? 'PM' : 'AM';
  return `${base} ${((h + 11) % 12) + 1}:${pad(d.getUTCMinutes())} ${ampm}`;
};

async function importCsv(c: Client, text: string, kind: string) {
  const up = await c.raw(`/api/imports/uploads?kind=${kind}&fileName=${kind}.csv`, { method: 'POST', body: text, headers: { 'content-type': 'text/csv' } });
  expect(up.status).toBe(201);
  const start = await c.post('/api/imports', { uploadId: up.body.uploadId, kind });
  expect(start.status).toBe(202);
  return eventually(async () => { const j = (await c.get(`/api/imports/${start.body.id}`)).body; return j.status === 'completed' ? j : null; }, 30_000);
}

describe('metrics reproduce an imported deals file exactly', () => {
  const rnd = lcg(2019);
  const expected = { won: 0, lost: 0, wonAmount: 0, days: [] as number[], ownerWon: 0, ownerLost: 0, ownerAmount: 0, ownerDays: [] as number[], open: {} as Record<string, number> };
  const lines = ['Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Associated Company,Deal owner'];
  const stages = ['closedwon', 'closedlost', 'closedwon', 'appointmentscheduled', 'presentationscheduled', 'decisionmakerboughtin', 'contractsent', 'closedlost'];
  const ours: Record<string, string> = { appointmentscheduled: 'discovery', presentationscheduled: 'proposal', decisionmakerboughtin: 'poc', contractsent: 'negotiation' };
  let ownerEmail = '';

  beforeAll(() => {
    ownerEmail = sales.user.email;
    for (let i = 1; i <= 400; i++) {
      const stage = stages[Math.floor(rnd() * stages.length)];
      const cents = Math.floor(rnd() * 50_000_000) + 100;
      const created = new Date(Date.UTC(2019, 0, 1) + Math.floor(rnd() * 180 * 86_400_000));
      const close = new Date(created.getTime() + Math.floor(rnd() * 170) * 86_400_000);
      const mine = i % 3 === 0;
      const amount = `"$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}"`;
      const closed = stage === 'closedwon' || stage === 'closedlost';
      lines.push(`M${i},Deal ${i},${stage},${amount},${closed ? us(close, false) : ''},${us(created, true)},Metric Co ${i % 11},${mine ? ownerEmail : ''}`);
      if (stage === 'closedwon') {
        const days = daysBetween(created.toISOString().slice(0, 10), close.toISOString().slice(0, 10));
        expected.won++; expected.wonAmount += cents; expected.days.push(days);
        if (mine) { expected.ownerWon++; expected.ownerAmount += cents; expected.ownerDays.push(days); }
      } else if (stage === 'closedlost') {
        expected.lost++;
        if (mine) expected.ownerLost++;
      } else {
        expected.open[ours[stage]] = (expected.open[ours[stage]] ?? 0) + 1;
      }
    }
    // Bad rows are reported and must not bend the figures.
    lines.push('M901,Bad amount,closedwon,,01/15/2019,01/01/2019,Metric Co 1,');
    lines.push('M902,Bad date,closedwon,100,02/30/2019,01/01/2019,Metric Co 1,');
    lines.push('M903,Bad stage,won-ish,100,01/15/2019,01/01/2019,Metric Co 1,');
    lines.push('M5,Duplicate,closedwon,999999,01/15/2019,01/01/2019,Metric Co 1,');
  });

  it('win rate, average won amount and median days to close are exactly right', async () => {
    const job = await importCsv(sales, lines.join('\n'), 'deals');
    expect(job).toMatchObject({ rowsDone: 404, rowsInserted: 400, rowsFailed: 4 });
    const res = await sales.get('/api/metrics/sales?from=2019-01-01&to=2019-12-31');
    expect(res.status).toBe(200);
    const m = Object.fromEntries(res.body.metrics.map((x: any) => [x.id, x]));
    expect(m.win_rate).toMatchObject({ value: (expected.won / (expected.won + expected.lost)) * 100, numerator: expected.won, denominator: expected.won + expected.lost });
    expect(m.average_deal_size).toMatchObject({ value: Math.round(expected.wonAmount / expected.won), unit: 'minor_units', currency: 'USD', numerator: expected.wonAmount, denominator: expected.won });
    expect(m.median_days_to_close.value).toBe(median(expected.days));
    expect(m.median_days_to_close.target).toMatchObject({ metricId: 'deal_velocity', target: 72, comparator: 'lte' });
    expect(m.median_days_to_close.status).toBe(median(expected.days)! <= 72 ? 'on_target' : 'off_target');
    expect(res.body.funnel.find((f: any) => f.label === 'Won').count).toBe(expected.won);
    expect(res.body.funnel.find((f: any) => f.label === 'Opportunity').count).toBe(400);

    const mine = (await sales.get(`/api/metrics/sales?from=2019-01-01&to=2019-12-31&owner=${sales.user.id}`)).body;
    const mm = Object.fromEntries(mine.metrics.map((x: any) => [x.id, x]));
    expect(mm.win_rate.value).toBe((expected.ownerWon / (expected.ownerWon + expected.ownerLost)) * 100);
    expect(mm.average_deal_size.value).toBe(Math.round(expected.ownerAmount / expected.ownerWon));
    expect(mm.median_days_to_close.value).toBe(median(expected.ownerDays));
  });

  it('lists the open pipeline by stage, and nothing for a period without deals', async () => {
    const res = (await sales.get('/api/metrics/sales?from=2019-01-01&to=2019-12-31')).body;
    const byStage = Object.fromEntries(res.pipeline.map((p: any) => [p.stage, p.deals]));
    // The pipeline is a snapshot of all open deals; the imported ones are part of it.
    for (const [stage, n] of Object.entries(expected.open)) expect(byStage[stage]).toBeGreaterThanOrEqual(n);
    const empty = (await sales.get('/api/metrics/sales?from=1990-01-01&to=1990-12-31')).body;
    const e = Object.fromEntries(empty.metrics.map((x: any) => [x.id, x]));
    expect(e.win_rate).toMatchObject({ value: null, status: 'no_target' });
    expect(e.median_days_to_close).toMatchObject({ value: null, status: 'no_data' });
    expect((await sales.get('/api/metrics/sales?from=2020-01-01&to=2019-01-01')).status).toBe(422);
  });

  it('lead volume by channel and lead conversion of imported leads', async () => {
    const leads = ['Email,Company,Lead Status,Original Source,Create Date'];
    const src = ['ORGANIC_SEARCH', 'OFFLINE', 'OFFLINE', 'EMAIL_MARKETING'];
    const status = ['NEW', 'IN_PROGRESS', 'OPEN_DEAL', 'UNQUALIFIED', 'OPEN_DEAL'];
    for (let i = 0; i < 20; i++) leads.push(`lead${i}@metrics.example,Lead Co ${i},${status[i % 5]},${src[i % 4]},2019-0${(i % 9) + 1}-15`);
    await importCsv(sales, leads.join('\n'), 'leads');
    const res = (await sales.get('/api/metrics/sales?from=2019-01-01&to=2019-12-31')).body;
    expect(res.leadVolume).toEqual([
      { source: 'event', label: 'Event registration', leads: 10 },
      { source: 'email', label: 'Email inquiry', leads: 5 },
      { source: 'seo_sem', label: 'SEO/SEM campaign', leads: 5 },
    ]);
    const m = Object.fromEntries(res.metrics.map((x: any) => [x.id, x]));
    // 16 worked (not NEW) → MQL; 8 OPEN_DEAL → qualified (SQL)
    expect(m.mql_to_sql).toMatchObject({ numerator: 8, denominator: 16, value: 50 });
    expect(m.lead_to_opportunity).toMatchObject({ value: 0, status: 'off_target', target: { target: 30, comparator: 'gt' } });
  });

  it('partners see only their own figures; customers and finance are refused', async () => {
    const partner = await t.login('partner');
    const res = await partner.get('/api/metrics/sales?from=2019-01-01&to=2019-12-31');
    expect(res.status).toBe(200);
    expect(res.body.funnel.every((f: any) => f.count === 0)).toBe(true);
    expect((await (await t.login('customer')).get('/api/metrics/sales')).status).toBe(403);
    expect((await (await t.login('finance')).get('/api/metrics/sales')).status).toBe(403);
  });
});
