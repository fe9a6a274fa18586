// One page, one set of counts: the funnel is monotone, its Won is the win rate's won, the win rate is won ÷ (won + lost),
// SLA attainment counts the inbox's overdue leads as breaches, stage conversion leaves imported paths out and says n,
// money says minor units and currency, and the response says which period it shows.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, eventually, type Client, type TestApp } from '../../../../test/helpers';
import { metricDefinitionsMarkdown } from '../../../core/metrics';

let t: TestApp;
let dir: string;
let sales: Client;
let exec: Client;
let admin: Client;

const bant = { budget: true, authority: true, need: true, timelineMonths: 9, answers: { 'need.0': 'Shadow IT in three clouds' } };
const handoff = { requirements: 'Discover 4,000 servers; feed the ServiceNow CMDB.', meeting: { at: '2030-05-06T09:00:00+02:00', attendees: 'CIO' } };
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000);
const us = (d: Date) => `${String(d.getUTCMonth() + 1).padStart(2, '0')}/${String(d.getUTCDate()).padStart(2, '0')}/${d.getUTCFullYear()}`;

async function lead(email: string) {
  const res = await sales.post('/api/leads', { source: 'website', email, companyName: email.split('@')[1], servers: 2000, techStack: ['ServiceNow'] });
  expect(res.status).toBe(201);
  return res.body;
}
/** Moves a lead's creation and first-response clocks into the past, as if it had waited `days` days. */
async function waited(id: string, days: number) {
  await t.deps.database.query(`UPDATE leads SET created_at = now() - make_interval(days => $2::int), first_response_target_at = now() - make_interval(days => $2::int) + interval '1 hour',
    first_response_due_at = now() - make_interval(days => $2::int - 3), sla_due_at = CASE WHEN sla_due_at IS NULL THEN NULL ELSE now() - make_interval(days => $2::int - 3) END WHERE id = $1`, [id, days]);
}
async function opportunity(name: string) {
  const res = await sales.post('/api/opportunities', { accountId: (await t.account()).id, name, amount: 100_000_00, closeDate: '2030-12-31' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}
async function advance(id: string, ...stages: string[]) {
  for (const toStage of stages) expect((await exec.post(`/api/opportunities/${id}/advance`, { toStage, overrideReason: 'test path' })).status).toBe(200);
}
async function importDeals(text: string) {
  const up = await sales.raw('/api/imports/uploads?kind=deals&fileName=deals.csv', { method: 'POST', body: text, headers: { 'content-type': 'text/csv' } });
  expect(up.status).toBe(201);
  const start = await sales.post('/api/imports', { uploadId: up.body.uploadId, kind: 'deals' });
  return eventually(async () => { const j = (await sales.get(`/api/imports/${start.body.id}`)).body; return j.status === 'completed' ? j : null; }, 30_000);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vg-coherence-'));
  t = await createTestApp({ workers: true, config: { dataDir: dir } });
  [sales, exec, admin] = [await t.login('sales'), await t.login('executive'), await t.login('admin')];

  // Leads: one answered on time (a call), one answered late, two waiting 7 days past due, one not yet due, and
  // one worked (answered on time), qualified and converted.
  const onTime = await lead('a@ontime.io');
  expect((await sales.post(`/api/leads/${onTime.id}/activities`, { kind: 'call', subject: 'Intro' })).status).toBe(201);
  const late = await lead('b@late.io');
  await waited(late.id, 10);
  expect((await sales.post(`/api/leads/${late.id}/activities`, { kind: 'call', subject: 'Sorry for the wait' })).status).toBe(201);
  for (const e of ['c@overdue.io', 'd@overdue.io']) await waited((await lead(e)).id, 10);
  await lead('e@fresh.io');
  // A qualified lead converted into a deal that goes all the way: one journey from Lead to Won.
  const q = await lead('cio@journey.io');
  await sales.post(`/api/leads/${q.id}/status`, { version: 1, status: 'working' });
  await sales.put(`/api/leads/${q.id}/bant`, { version: 2, bant });
  const qualified = await sales.post(`/api/leads/${q.id}/status`, { version: 3, status: 'qualified' });
  const converted = await sales.post(`/api/leads/${q.id}/convert`, { version: qualified.body.version, amount: 120_000_00, ...handoff });
  expect(converted.status, JSON.stringify(converted.body)).toBe(200);

  // Deals whose path the product recorded: won through POC, won through Proposal, lost at Proposal, lost at Discovery, open.
  const fromLead = converted.body.opportunityId as string;
  await advance(fromLead, 'proposal', 'poc');
  const viaProposal = await opportunity('Won via proposal');
  await advance(viaProposal, 'proposal');
  for (const id of [fromLead, viaProposal]) expect((await exec.post(`/api/opportunities/${id}/close-won`, { overrideReason: 'test path' })).status).toBe(200);
  const lostAtProposal = await opportunity('Lost at proposal');
  await advance(lostAtProposal, 'proposal');
  for (const id of [lostAtProposal, await opportunity('Lost at discovery')]) {
    expect((await sales.post(`/api/opportunities/${id}/close-lost`, { reason: 'no_budget' })).status).toBe(200);
  }
  await opportunity('Still in discovery');

  // Imported history: three deals closed won without a path, one open deal a second file then shows won (an inferred move).
  const head = 'Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Associated Company';
  const rows = [1, 2, 3].map((i) => `H${i},Imported ${i},closedwon,"$50,000.00",${us(day(-20 * i))},${us(day(-60 * i))},Imported Co ${i}`);
  expect(await importDeals([head, ...rows, `H4,Imported 4,presentationscheduled,"$40,000.00",,${us(day(-90))},Imported Co 4`].join('\n'))).toMatchObject({ rowsInserted: 4 });
  expect(await importDeals([head, `H4,Imported 4,closedwon,"$40,000.00",${us(day(-5))},${us(day(-90))},Imported Co 4`].join('\n'))).toMatchObject({ rowsUpdated: 1 });
}, 120_000);
afterAll(async () => {
  await t?.close();
  await rm(dir, { recursive: true, force: true });
});

const byId = (body: any) => Object.fromEntries(body.metrics.map((m: any) => [m.id, m]));

describe('the sales dashboard agrees with itself', () => {
  it('funnel monotone, one won count, win rate = won ÷ (won + lost)', async () => {
    const res = await admin.get('/api/metrics/sales');
    expect(res.status).toBe(200);
    const m = byId(res.body);
    const counts = res.body.funnel.map((f: any) => f.count);
    for (let i = 1; i < counts.length; i++) expect(counts[i], `${res.body.funnel[i].label} ≤ ${res.body.funnel[i - 1].label}`).toBeLessThanOrEqual(counts[i - 1]);
    const won = res.body.funnel.at(-1);
    expect(won).toMatchObject({ label: 'Won', count: 6, fromLeads: 1, withoutLead: 5 });
    expect(m.won_deals.value).toBe(6);
    expect(m.lost_deals.value).toBe(2);
    expect(m.win_rate).toMatchObject({ value: 75, numerator: 6, denominator: 8 });
    // The converted lead is one journey: counted once at every stage from Lead to Won.
    expect(res.body.funnel.map((f: any) => f.fromLeads)).toEqual([6, 3, 1, 1, 1, 1, 1, 1]);
    expect(res.body.funnel[0]).toMatchObject({ label: 'Lead', count: 14, withoutLead: 8 });
  });

  it('SLA attainment counts leads still unanswered past due as breaches, exactly the inbox\'s overdue leads', async () => {
    const res = (await admin.get('/api/metrics/sales')).body;
    const inbox = (await admin.get('/api/leads/inbox?limit=500')).body.items;
    const overdue = inbox.filter((l: any) => !l.firstRespondedAt && new Date(l.slaDueAt).getTime() < Date.now());
    expect(overdue).toHaveLength(2);
    expect(res.sla.attainment).toEqual({ onTime: 2, late: 1, overdue: overdue.length, pending: 1 });
    expect(byId(res).first_response_sla).toMatchObject({ value: 40, numerator: 2, denominator: 5 });
    expect(res.sla).toMatchObject({ firstResponseHours: 24, firstResponseTargetBusinessHours: 1,
      slaLabel: 'SLA: first response within 24 business hours', targetLabel: 'Target: first response within 1 business hour' });
  });

  it('stage conversion uses recorded paths only and says on how many deals it rests', async () => {
    const m = byId((await admin.get('/api/metrics/sales')).body);
    // Without the rule the imported won deals would count as having passed every stage (5 of 6, 5 of 5).
    expect(m.proposal_win_rate.value).toBeCloseTo(200 / 3, 10);
    expect(m.proposal_win_rate).toMatchObject({ numerator: 2, denominator: 3, excluded: 4 });
    expect(m.poc_to_contract).toMatchObject({ value: 100, numerator: 1, denominator: 1, excluded: 4 });
    expect(m.discovery_to_proposal).toMatchObject({ value: 60, numerator: 3, denominator: 5, excluded: 4 });
    const [{ n }] = await t.deps.database.query<{ n: number }>('SELECT count(*)::int AS n FROM opportunity_stage_history WHERE inferred');
    expect(n).toBe(1);
  });

  it('money is integer minor units with its currency, in the response and the OpenAPI document', async () => {
    const body = (await admin.get('/api/metrics/sales')).body;
    const m = byId(body);
    expect(m.average_deal_size).toMatchObject({ unit: 'minor_units', currency: 'USD', numerator: 410_000_00, denominator: 6, value: Math.round(410_000_00 / 6) });
    for (const x of body.metrics) expect(x.currency).toBe(x.unit === 'minor_units' ? 'USD' : null);
    for (const p of body.pipeline) expect(p).toMatchObject({ unit: 'minor_units', currency: 'USD' });
    const doc = (await admin.get('/api/openapi.json')).body;
    const schema = doc.components.schemas.SalesMetrics.properties;
    expect(schema.pipeline.items.properties.amount.description).toMatch(/minor units .* of `currency`/);
    expect(doc.components.schemas.MetricValue.properties.unit.enum).toContain('minor_units');
  });

  it('says which period it shows; all time; an empty period points at the latest close', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const def = (await admin.get('/api/metrics/sales')).body.period;
    expect(def).toMatchObject({ preset: '365d', label: 'Last 365 days', to: today, days: 365, emptyHint: null });
    const all = (await admin.get('/api/metrics/sales?period=all')).body;
    expect(all.period).toMatchObject({ preset: 'all', to: today });
    expect(all.period.from <= day(-180).toISOString().slice(0, 10)).toBe(true);
    const empty = (await admin.get('/api/metrics/sales?from=1990-01-01&to=1990-12-31')).body;
    expect(empty.period).toMatchObject({ preset: 'custom', from: '1990-01-01', to: '1990-12-31', emptyHint: { latestClose: today } });
    expect(byId(empty).win_rate.value).toBeNull();
    expect((await admin.get('/api/metrics/sales?period=all&from=2020-01-01')).status).toBe(422);
    expect((await admin.get('/api/metrics/sales?period=fortnight')).status).toBe(422);
  });
});

describe('the README states the same definitions', () => {
  it('its "Metric definitions" table is the catalogue\'s (regenerate with npx tsx scripts/metric-definitions.ts)', async () => {
    const readme = await readFile(new URL('../../../../README.md', import.meta.url), 'utf8');
    const section = /<!-- metric-definitions:start -->\n([^]*?)\n<!-- metric-definitions:end -->/.exec(readme);
    expect(section?.[1]).toBe(metricDefinitionsMarkdown());
  });
});
