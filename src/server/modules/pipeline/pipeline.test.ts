// Pipeline over HTTP on a real database: gates refuse with the missing list and change nothing, overrides are audited,
// the POC gates Negotiation, closing won creates one contract with the playbook's payment schedule, forecast figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../../../core/playbook';
import { fireTimerJob } from '../../jobs/timers';
import { rebuildTotals } from './totals';
import { createTestApp, type Client, type TestApp } from '../../../../test/helpers';

let t: TestApp;
let sales: Client;
let exec: Client;
beforeAll(async () => {
  t = await createTestApp();
  sales = await t.login('sales');
  exec = await t.login('executive');
});
afterAll(async () => { await t?.close(); });

const stages = defaultPlaybook.pipeline.stages;
const criteriaOf = (id: string) => stages.find((s) => s.id === id)!.exitCriteria.map((c) => c.id);
const q = <T = any>(sql: string, params: unknown[] = []) => t.deps.database.query<T>(sql, params);

async function newOpp(client: Client = sales, extra: Record<string, unknown> = {}) {
  const a = await t.account({ name: `Gate ${Math.random().toString(36).slice(2, 7)} AS` });
  const res = await client.post('/api/opportunities', { accountId: a.id, name: 'CMDB discovery', amount: 120_000_00, closeDate: '2030-03-15', ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; accountId: string; version: number; stage: string };
}
async function tick(client: Client, id: string, stage: string) {
  for (const c of criteriaOf(stage)) {
    const r = await client.post(`/api/opportunities/${id}/criteria/${c}`, { stage, note: 'done' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  }
}

describe('opportunities', () => {
  it('creates in Discovery with the stage probability, history and a stage timer; updates with versions', async () => {
    const o = await newOpp();
    expect(o.stage).toBe('discovery');
    const got = (await sales.get(`/api/opportunities/${o.id}`)).body;
    expect(got.probability).toBe(20);
    expect(got.forecastCategory).toBe('pipeline');
    expect(got.ownerId).toBe(sales.user.id);
    expect(got.history.map((h: any) => h.toStage)).toEqual(['discovery']);
    expect(got.stages.find((s: any) => s.id === 'discovery').criteria).toHaveLength(5);
    const [timer] = await q<{ due_at: Date; status: string }>("SELECT due_at, status FROM timers WHERE entity_id = $1 AND kind = 'opportunity.stage_overdue'", [o.id]);
    expect(timer.status).toBe('pending');
    expect(Math.round((new Date(timer.due_at).getTime() - Date.now()) / 86400_000)).toBe(21);

    const up = await sales.patch(`/api/opportunities/${o.id}`, { version: 1, amount: 150_000_00, probability: 35 });
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ amount: 150_000_00, probability: 35, probabilityManual: true, version: 2 });
    expect((await sales.patch(`/api/opportunities/${o.id}`, { version: 1, amount: 1 })).status).toBe(409);
    expect((await sales.patch(`/api/opportunities/${o.id}`, { version: 2, probability: 101 })).status).toBe(422);
  });

  it('lists by account and filters; customers are refused and partners see only their partner\'s deals', async () => {
    const partnerId = await t.partner();
    const partner = await t.login('partner', { partnerId });
    const a = await t.account({ partnerId });
    const mine = await partner.post('/api/opportunities', { accountId: a.id, name: 'Partner deal', amount: 50_000_00 });
    expect(mine.status).toBe(201);
    expect(mine.body.partnerId).toBe(partnerId);
    const other = await newOpp();
    expect((await partner.get(`/api/opportunities/${other.id}`)).status).toBe(404);
    expect((await partner.post(`/api/opportunities/${other.id}/advance`, { toStage: 'proposal' })).status).toBe(404);
    expect((await partner.post(`/api/opportunities/${other.id}/criteria/technical_deep_dive`, {})).status).toBe(404);
    expect((await partner.post('/api/opportunities', { accountId: other.accountId, name: 'x' })).status).toBe(404);
    const list = await partner.get('/api/opportunities?limit=500');
    expect(list.body.items.map((i: any) => i.id)).toEqual([mine.body.id]);
    const board = await partner.get("/api/pipeline/board");
    expect(board.status, JSON.stringify(board.body)).toBe(200);
    expect(board.body.columns[0].count).toBe(1);
    const customer = await t.login('customer');
    expect((await customer.get('/api/opportunities')).status).toBe(403);
    expect((await customer.get('/api/pipeline/board')).status).toBe(403);
    const byAccount = await sales.get(`/api/accounts/${a.id}/opportunities`);
    expect(byAccount.body.items.map((i: any) => i.id)).toEqual([mine.body.id]);
  });
});

describe('stage gates', () => {
  it('refuses with the missing criteria and changes nothing', async () => {
    const o = await newOpp();
    await sales.post(`/api/opportunities/${o.id}/criteria/technical_deep_dive`, { note: 'Held 3 March' });
    const before = (await sales.get(`/api/opportunities/${o.id}`)).body;
    const audits = await t.count('audit_log');
    const res = await sales.post(`/api/opportunities/${o.id}/advance`, { toStage: 'proposal' });
    expect(res.status).toBe(422);
    expect(res.body.missing.map((m: any) => m.id)).toEqual(criteriaOf('discovery').filter((c) => c !== 'technical_deep_dive'));
    expect(res.body.errors[0]).toEqual({ path: 'criteria.discovery.current_state_assessed', message: 'Discovery: Current state assessed' });
    expect(res.body.canOverride).toBe(false);
    // Skipping a stage lists the skipped stage's criteria too.
    const skip = await sales.post(`/api/opportunities/${o.id}/advance`, { toStage: 'poc' });
    expect(new Set(skip.body.missing.map((m: any) => m.stage))).toEqual(new Set(['discovery', 'proposal']));
    const after = (await sales.get(`/api/opportunities/${o.id}`)).body;
    expect(after).toMatchObject({ stage: 'discovery', version: before.version, probability: 20 });
    expect(after.history).toHaveLength(1);
    expect(await t.count('audit_log')).toBe(audits);
  });

  it('advances once ticked, takes the stage probability, reschedules the timer; moving back is recorded', async () => {
    const o = await newOpp();
    await tick(sales, o.id, 'discovery');
    const res = await sales.post(`/api/opportunities/${o.id}/advance`, { toStage: 'proposal' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ stage: 'proposal', probability: 40, forecastCategory: 'pipeline' });
    const timers = await q<{ status: string; due_at: Date; payload: any }>("SELECT status, due_at, payload FROM timers WHERE entity_id = $1 ORDER BY created_at", [o.id]);
    expect(timers.map((x) => x.status)).toEqual(['cancelled', 'pending']);
    expect(timers[1].payload.stage).toBe('proposal');
    expect(Math.round((new Date(timers[1].due_at).getTime() - Date.now()) / 86400_000)).toBe(7);
    const back = await sales.post(`/api/opportunities/${o.id}/advance`, { toStage: 'discovery' });
    expect(back.status).toBe(200);
    expect(back.body.probability).toBe(20);
    const d = (await sales.get(`/api/opportunities/${o.id}`)).body;
    expect(d.history.map((h: any) => `${h.fromStage}→${h.toStage}`)).toEqual(['null→discovery', 'discovery→proposal', 'proposal→discovery']);
    // The ticks stay: going forward again needs nothing new.
    expect((await sales.post(`/api/opportunities/${o.id}/advance`, { toStage: 'proposal' })).status).toBe(200);
  });

  it('a manual forecast category survives a stage change until reset', async () => {
    const o = await newOpp();
    const up = await sales.patch(`/api/opportunities/${o.id}`, { version: o.version, forecastCategory: 'commit' });
    expect(up.body.forecastCategory).toBe('commit');
    await tick(sales, o.id, 'discovery');
    const moved = await sales.post(`/api/opportunities/${o.id}/advance`, { toStage: 'proposal' });
    expect(moved.body).toMatchObject({ forecastCategory: 'commit', probability: 40 });
    const reset = await sales.patch(`/api/opportunities/${o.id}`, { version: moved.body.version, forecastCategory: null });
    expect(reset.body).toMatchObject({ forecastCategory: 'pipeline', forecastCategoryManual: false });
  });

  it('override: refused for sales, allowed for an executive with a reason, audited with the missing list', async () => {
    const o = await newOpp();
    const denied = await sales.post(`/api/opportunities/${o.id}/advance`, { toStage: 'proposal', overrideReason: 'Customer in a hurry' });
    expect(denied.status).toBe(403);
    const ok = await exec.post(`/api/opportunities/${o.id}/advance`, { toStage: 'proposal', overrideReason: 'CIO mandate, discovery done offline' });
    expect(ok.status).toBe(200);
    const [row] = await q<{ after: any; actor_id: string }>("SELECT after, actor_id FROM audit_log WHERE entity_id = $1 AND action = 'opportunity.gate_override'", [o.id]);
    expect(row.actor_id).toBe(exec.user.id);
    expect(row.after.reason).toBe('CIO mandate, discovery done offline');
    expect(row.after.missing.map((m: any) => m.id)).toEqual(criteriaOf('discovery'));
    const [h] = await q<{ override_reason: string; missing_criteria: any[] }>("SELECT override_reason, missing_criteria FROM opportunity_stage_history WHERE opportunity_id = $1 AND to_stage = 'proposal'", [o.id]);
    expect(h.override_reason).toBe('CIO mandate, discovery done offline');
    expect(h.missing_criteria).toHaveLength(5);
  });

  it('unknown criteria, stages and closed moves are refused', async () => {
    const o = await newOpp();
    expect((await sales.post(`/api/opportunities/${o.id}/criteria/nope`, {})).status).toBe(422);
    expect((await sales.post(`/api/opportunities/${o.id}/criteria/pricing_configured`, { stage: 'discovery' })).status).toBe(422);
    expect((await sales.post(`/api/opportunities/${o.id}/advance`, { toStage: 'nowhere' })).status).toBe(422);
    expect((await sales.post(`/api/opportunities/${o.id}/advance`, { toStage: 'closed_won' })).status).toBe(422);
    // Unticking removes the check.
    await sales.post(`/api/opportunities/${o.id}/criteria/technical_deep_dive`, {});
    const un = await sales.post(`/api/opportunities/${o.id}/criteria/technical_deep_dive`, { checked: false });
    expect(un.body.gateChecks.discovery.technical_deep_dive).toBeUndefined();
    const audit = await q<{ action: string }>("SELECT action FROM audit_log WHERE entity_id = $1 AND action LIKE 'opportunity.criterion%' ORDER BY at", [o.id]);
    expect(audit.map((a) => a.action)).toEqual(['opportunity.criterion_check', 'opportunity.criterion_uncheck']);
  });
});

describe('POC and closing', () => {
  async function toPoc() {
    const o = await newOpp();
    await tick(sales, o.id, 'discovery');
    await sales.post(`/api/opportunities/${o.id}/advance`, { toStage: 'proposal' });
    await tick(sales, o.id, 'proposal');
    expect((await sales.post(`/api/opportunities/${o.id}/advance`, { toStage: 'poc' })).status).toBe(200);
    await tick(sales, o.id, 'poc');
    return o;
  }

  it('the POC outcome gates Negotiation', async () => {
    const o = await toPoc();
    const noPoc = await sales.post(`/api/opportunities/${o.id}/advance`, { toStage: 'negotiation' });
    expect(noPoc.status).toBe(422);
    expect(noPoc.body.missing).toEqual([{ stage: 'poc', stageName: 'POC', id: 'poc_outcome', label: 'POC completed with every success criterion validated' }]);
    const poc = await sales.post(`/api/opportunities/${o.id}/poc`, {
      scope: 'Discovery of 2 data centres', startDate: '2030-01-06', fee: 25_000_00,
      successCriteria: [{ measure: 'Servers discovered', target: '≥ 95 % of CMDB' }, { measure: 'Dependency maps', target: '3 business services' }],
    });
    expect(poc.status, JSON.stringify(poc.body)).toBe(201);
    expect(poc.body.plan.map((w: any) => [w.week, w.startDate, w.endDate])).toEqual([
      [1, '2030-01-06', '2030-01-12'], [2, '2030-01-13', '2030-01-19'], [3, '2030-01-20', '2030-01-26'], [4, '2030-01-27', '2030-02-02'],
    ]);
    expect(poc.body.endDate).toBe('2030-02-02');
    expect(poc.body.environmentChecklist).toHaveLength(4);
    expect(poc.body.feeCredited).toBe(true);
    await sales.patch(`/api/opportunities/${o.id}/poc`, { version: poc.body.version, status: 'completed', findings: '97 % discovered' });
    const stillNot = await sales.post(`/api/opportunities/${o.id}/advance`, { toStage: 'negotiation' });
    expect(stillNot.status).toBe(422);
    const [c1, c2] = poc.body.successCriteria;
    expect(c1.id).toBe('servers_discovered');
    await sales.post(`/api/opportunities/${o.id}/poc/criteria/${c1.id}`, { validated: true, result: '97 %', evidence: 'Collector report' });
    const v2 = await sales.post(`/api/opportunities/${o.id}/poc/criteria/${c2.id}`, { validated: true, result: '3 maps' });
    expect(v2.body.passed).toBe(true);
    const go = await sales.post(`/api/opportunities/${o.id}/advance`, { toStage: 'negotiation' });
    expect(go.status, JSON.stringify(go.body)).toBe(200);
    expect(go.body).toMatchObject({ stage: 'negotiation', probability: 80, forecastCategory: 'commit' });
  });

  it('close won needs the negotiation criteria, then creates exactly one contract and emits contract.signed', async () => {
    const o = await toPoc();
    const poc = await sales.post(`/api/opportunities/${o.id}/poc`, { fee: 20_000_00, status: 'completed', successCriteria: [{ measure: 'Coverage', target: '95 %', validated: true }] });
    expect(poc.body.passed).toBe(true);
    await sales.post(`/api/opportunities/${o.id}/advance`, { toStage: 'negotiation' });
    const refused = await sales.post(`/api/opportunities/${o.id}/close-won`, { servicesFee: 100_000_00 });
    expect(refused.status).toBe(422);
    expect(refused.body.missing.map((m: any) => m.id)).toEqual(criteriaOf('negotiation'));
    expect(await q('SELECT 1 FROM contracts WHERE opportunity_id = $1', [o.id])).toHaveLength(0);
    await tick(sales, o.id, 'negotiation');
    const won = await sales.post(`/api/opportunities/${o.id}/close-won`, {
      servicesFee: 100_000_00, termMonths: 36, startDate: '2030-04-01', modules: ['Discovery', 'Service mapping'],
    });
    expect(won.status, JSON.stringify(won.body)).toBe(200);
    const c = won.body.contract;
    expect(c).toMatchObject({ arr: 120_000_00, termMonths: 36, startDate: '2030-04-01', endDate: '2033-03-31', servicesFee: 100_000_00, pocFeeCredit: 20_000_00, status: 'signed' });
    // Net fee 80,000.00 over the playbook's paying milestones 25/25/25/20/5 %.
    expect(c.paymentSchedule.map((l: any) => [l.milestoneId, l.percent, l.amount, l.plannedDate])).toEqual([
      ['design_approved', 25, 20_000_00, '2030-04-15'], ['development_complete', 25, 20_000_00, '2030-05-06'],
      ['uat_complete', 25, 20_000_00, '2030-05-27'], ['go_live', 20, 16_000_00, '2030-06-03'], ['project_closure', 5, 4_000_00, '2030-06-17'],
    ]);
    expect(won.body.opportunity).toMatchObject({ stage: 'closed_won', probability: 100, forecastCategory: 'closed' });
    const [acc] = await q<{ lifecycle_stage: string; arr: number }>('SELECT lifecycle_stage, arr FROM accounts WHERE id = $1', [o.accountId]);
    expect(acc).toEqual({ lifecycle_stage: 'implementation', arr: 120_000_00 });
    const events = await q<{ type: string }>("SELECT type FROM domain_events WHERE account_id = $1 AND type IN ('contract.signed', 'opportunity.won') ORDER BY id", [o.accountId]);
    expect(events.map((e) => e.type)).toEqual(['opportunity.won', 'contract.signed']);
    expect((await sales.post(`/api/opportunities/${o.id}/close-won`, {})).status).toBe(409);
    expect(await q('SELECT 1 FROM contracts WHERE opportunity_id = $1', [o.id])).toHaveLength(1);
    expect((await sales.get(`/api/opportunities/${o.id}`)).body.contract.id).toBe(c.id);
    const [timer] = await q<{ status: string }>("SELECT status FROM timers WHERE entity_id = $1 AND status = 'pending'", [o.id]);
    expect(timer).toBeUndefined();
  });

  it('close won copies the contracted KPIs of the accepted value commitment', async () => {
    const o = await newOpp();
    // A KPI as value commitments hold it (core/value/commitment.ts kpiSchema).
    const kpis = [{
      id: 'cmdb_accuracy', painId: null, categoryId: 'cmdb', label: 'CMDB accuracy', unit: 'percent', betterWhen: 'higher',
      baseline: 62, target: 95, deadline: '2031-06-30', ownerContactId: null, ownerContactName: 'CIO', ownerUserId: null,
      clause: 'CMDB accuracy rises from 62% to 95% by 30 June 2031.',
    }];
    const [g] = await q<{ id: string }>('INSERT INTO value_graphs (account_id) VALUES ($1) RETURNING id', [o.accountId]);
    await q("INSERT INTO value_commitments (value_graph_id, account_id, opportunity_id, status, kpis) VALUES ($1, $2, $3, 'accepted', $4::jsonb)", [g.id, o.accountId, o.id, JSON.stringify(kpis)]);
    const won = await exec.post(`/api/opportunities/${o.id}/close-won`, { overrideReason: 'KPI test', servicesFee: 999 });
    expect(won.status, JSON.stringify(won.body)).toBe(200);
    expect(won.body.contract.kpis).toEqual(kpis);
    expect(won.body.contract.paymentSchedule.reduce((s: number, l: any) => s + l.amount, 0)).toBe(999);
    const [override] = await q<{ after: any }>("SELECT after FROM audit_log WHERE entity_id = $1 AND action = 'opportunity.gate_override'", [o.id]);
    expect(override.after.missing.length).toBe(criteriaOf('discovery').length + criteriaOf('proposal').length + criteriaOf('poc').length + 1 + criteriaOf('negotiation').length);
  });

  it('close lost requires a playbook loss reason', async () => {
    const o = await newOpp();
    expect((await sales.post(`/api/opportunities/${o.id}/close-lost`, {})).status).toBe(422);
    const bad = await sales.post(`/api/opportunities/${o.id}/close-lost`, { reason: 'bored' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].path).toBe('reason');
    const ok = await sales.post(`/api/opportunities/${o.id}/close-lost`, { reason: 'no_budget', notes: 'FY freeze' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ stage: 'closed_lost', lossReason: 'no_budget', lossNotes: 'FY freeze', probability: 0, forecastCategory: 'omitted' });
    expect((await q("SELECT 1 FROM domain_events WHERE entity_id = $1 AND type = 'opportunity.lost'", [o.id]))).toHaveLength(1);
    expect((await sales.post(`/api/opportunities/${o.id}/advance`, { toStage: 'proposal' })).status).toBe(409);
  });
});

describe('board, forecast and timers', () => {
  it('board and forecast figures by hand', async () => {
    const rep = await t.login('sales');
    const mk = async (amount: number, closeDate: string) => (await rep.post('/api/opportunities', { accountId: (await t.account()).id, name: `F ${amount}`, amount, closeDate })).body;
    const a = await mk(100_000_00, '2031-01-10'); // discovery 20 %
    const b = await mk(50_000_00, '2031-02-20'); // → proposal 40 %
    const c = await mk(30_000_00, '2031-04-05'); // → lost (excluded)
    const d = await mk(80_000_00, '2031-03-31'); // → best case by hand, 20 %
    const e = await mk(40_000_00, '2031-05-01'); // → won
    await exec.post(`/api/opportunities/${b.id}/advance`, { toStage: 'proposal', overrideReason: 'test data' });
    await rep.post(`/api/opportunities/${c.id}/close-lost`, { reason: 'no_decision', closeDate: '2031-04-05' });
    await rep.patch(`/api/opportunities/${d.id}`, { version: d.version, forecastCategory: 'best_case' });
    await exec.post(`/api/opportunities/${e.id}/close-won`, { overrideReason: 'test data', closeDate: '2031-05-01' });

    const board = (await rep.get(`/api/pipeline/board?ownerId=${rep.user.id}&limit=1`)).body;
    const col = (s: string) => board.columns.find((x: any) => x.stage === s);
    expect(col('discovery')).toMatchObject({ count: 2, amount: 180_000_00, weighted: 36_000_00 });
    expect(col('discovery').items.map((i: any) => i.id)).toEqual([a.id]);
    expect(col('proposal')).toMatchObject({ count: 1, amount: 50_000_00, weighted: 20_000_00 });
    const more = (await rep.get(`/api/pipeline/board?ownerId=${rep.user.id}&limit=1&stage=discovery&cursor=${col('discovery').nextCursor}`)).body;
    expect(more.columns[0].items.map((i: any) => i.id)).toEqual([d.id]);
    expect(more.columns[0].nextCursor).toBeNull();

    const fr = await rep.get(`/api/pipeline/forecast?period=quarter&owner=${rep.user.id}&from=2031-01-01&to=2031-06-30`);
    expect(fr.status, JSON.stringify(fr.body)).toBe(200);
    const f = fr.body;
    expect(f.periods.map((p: any) => p.label)).toEqual(['2031 Q1', '2031 Q2']);
    expect(f.items).toEqual([
      expect.objectContaining({ period: '2031-01-01', pipeline: 150_000_00, bestCase: 80_000_00, commit: 0, closedWon: 0, weighted: 20_000_00 + 20_000_00 + 16_000_00, open: 3 }),
      expect.objectContaining({ period: '2031-04-01', pipeline: 0, bestCase: 0, commit: 0, closedWon: 40_000_00, weighted: 0, won: 1 }),
    ]);
    const m = (await rep.get(`/api/pipeline/forecast?period=month&owner=${rep.user.id}&from=2031-01-01&to=2031-05-31`)).body;
    expect(m.periods.map((p: any) => [p.label, p.pipeline, p.bestCase, p.weighted, p.closedWon])).toEqual([
      ['2031-01', 100_000_00, 0, 20_000_00, 0], ['2031-02', 50_000_00, 0, 20_000_00, 0], ['2031-03', 0, 80_000_00, 16_000_00, 0],
      ['2031-04', 0, 0, 0, 0], ['2031-05', 0, 0, 0, 40_000_00],
    ]);
  });

  it('the stage timer marks the opportunity overdue, writes the timeline and emits the event', async () => {
    const o = await newOpp();
    const [timer] = await q<{ id: string }>("SELECT id FROM timers WHERE entity_id = $1 AND status = 'pending'", [o.id]);
    await fireTimerJob.handle(t.deps, { timerId: timer.id }, { id: 'test', retryCount: 0 });
    const d = (await sales.get(`/api/opportunities/${o.id}`)).body;
    expect(d.overdue).toBe(true);
    const act = await q<{ subject: string }>("SELECT subject FROM activities WHERE account_id = $1 AND subject LIKE 'Opportunity overdue%'", [o.accountId]);
    expect(act).toHaveLength(1);
    expect(await q("SELECT 1 FROM domain_events WHERE entity_id = $1 AND type = 'opportunity.stage_overdue'", [o.id])).toHaveLength(1);
    const board = (await sales.get(`/api/pipeline/board?stage=discovery&limit=100&closeFrom=2030-03-15&closeTo=2030-03-15`)).body;
    // Over time in its stage, but the close date (2030) is ahead: not past its close date.
    expect(board.columns[0].items.find((i: any) => i.id === o.id)).toMatchObject({ overdue: true, closeDatePassed: false });
    expect(d.closeDatePassed).toBe(false);
    expect((await sales.patch(`/api/opportunities/${o.id}`, { version: d.version, closeDate: '2020-01-31' })).status).toBe(200);
    const late = (await sales.get(`/api/pipeline/board?stage=discovery&limit=100&closeFrom=2020-01-31&closeTo=2020-01-31`)).body;
    expect(late.columns[0].items.find((i: any) => i.id === o.id)).toMatchObject({ overdue: true, closeDatePassed: true });
    expect((await sales.get(`/api/opportunities/${o.id}`)).body.closeDatePassed).toBe(true);
    // Leaving the stage clears the flag.
    const moved = await exec.post(`/api/opportunities/${o.id}/advance`, { toStage: 'proposal', overrideReason: 'test' });
    expect(moved.body.stageOverdueAt).toBeNull();
  });

  it('the board totals rollup equals a direct aggregate after every kind of change, and after a rebuild', async () => {
    const direct = `SELECT stage, count(*)::int AS n, sum(amount)::bigint AS amount, sum(amount * probability)::bigint AS w
      FROM opportunities WHERE deleted_at IS NULL AND stage NOT IN ('closed_won', 'closed_lost') GROUP BY stage ORDER BY stage`;
    const rollup = `SELECT stage, sum(count)::int AS n, sum(amount)::bigint AS amount, sum(weighted_raw)::bigint AS w
      FROM pipeline_totals WHERE dim = 'all' GROUP BY stage HAVING sum(count) > 0 ORDER BY stage`;
    const byDim = (dim: string) => `SELECT key::text AS k, sum(count)::int AS n, sum(amount)::bigint AS a FROM pipeline_totals WHERE dim = '${dim}'
      GROUP BY key HAVING sum(count) <> 0 ORDER BY key`;
    const directBy = (col: string) => `SELECT ${col}::text AS k, count(*)::int AS n, sum(amount)::bigint AS a FROM opportunities
      WHERE deleted_at IS NULL AND stage NOT IN ('closed_won', 'closed_lost') AND ${col} IS NOT NULL GROUP BY ${col} ORDER BY ${col}`;
    const same = async () => {
      expect(await q(rollup)).toEqual(await q(direct));
      expect(await q(byDim('owner'))).toEqual(await q(directBy('owner_id')));
      expect(await q(byDim('partner'))).toEqual(await q(directBy('partner_id')));
      expect(await q(byDim('owner_partner'))).toEqual(await q(directBy("md5(owner_id::text || ':' || partner_id::text)::uuid")));
    };
    await same();
    const o = await newOpp(sales, { closeDate: null, partnerId: await t.partner() });
    await sales.patch(`/api/opportunities/${o.id}`, { version: o.version, amount: 77_000_00, closeDate: '2032-02-02', ownerId: exec.user.id });
    await exec.post(`/api/opportunities/${o.id}/advance`, { toStage: 'negotiation', overrideReason: 'rollup test' });
    await same();
    await rebuildTotals(t.deps.database);
    await same();
    const board = (await sales.get(`/api/pipeline/board?ownerId=${exec.user.id}&closeFrom=2032-02-01&closeTo=2032-02-28`)).body;
    expect(board.columns.find((c: any) => c.stage === 'negotiation')).toMatchObject({ count: 1, amount: 77_000_00, weighted: 61_600_00 });
  });
});

