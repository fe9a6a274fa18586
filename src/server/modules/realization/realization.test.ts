// Value realization over HTTP: KPIs from a signed contract, measurements by hand / bulk / CSV, the drift alert with
// its course-correction task (12 % behind → exactly one, re-sent → none, 8 % → none), row scope, the realized value
// and the weekly value update.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, eventually, type Client, type TestApp } from '../../../../test/helpers';
import { ok } from '../../../client';
import { addDays } from '../../../core/value';
import { transaction } from '../../db/client';
import { systemCtx } from '../../http/env';
import type { EventName, EventPayloadInput } from '../../../core/events';
import { emit, type DomainEvent } from '../../jobs/events';
import { openOpportunity } from '../pipeline/opportunities.service';
import { contractFacts, ensureGraph, syncContractKpis } from './contract-kpis.service';

let t: TestApp;
let admin: Client;
let delivery: Client;
beforeAll(async () => {
  t = await createTestApp({ workers: true });
  admin = await t.login('admin');
  delivery = await t.login('delivery');
});
afterAll(async () => { await t?.close(); });

// Half-way along a 100-day trajectory: today 00:00 UTC is 50 days after the start and 50 before the deadline.
const TODAY = new Date().toISOString().slice(0, 10);
const START = addDays(TODAY, -50);
const DEADLINE = addDays(TODAY, 50);
const NOW = `${TODAY}T00:00:00Z`;
const KPIS = [
  { id: 'cmdb_accuracy', painId: 'manual_cmdb_upkeep', categoryId: 'data_quality', label: 'CMDB accuracy', unit: 'percent', betterWhen: 'higher', baseline: 60, target: 98, deadline: DEADLINE, ownerContactName: 'Kari Lund', clause: 'Schedule V.1' },
  { id: 'cmdb_upkeep_hours', painId: 'manual_cmdb_upkeep', categoryId: 'efficiency', label: 'Manual CMDB upkeep', unit: 'hours/month', betterWhen: 'lower', baseline: 160, target: 80, deadline: DEADLINE },
  { name: 'Audit findings', unit: 'count/year', baseline: 10, target: 5, deadline: DEADLINE },
];
const q = <T = any>(text: string, params: unknown[] = []) => t.deps.database.query<T>(text, params);
const n = async (text: string, params: unknown[]) => (await q<{ n: number }>(text, params))[0].n;

/** An account with a won deal: hypothesis ($200K a year), contract with KPIs, optionally a project. */
async function signed(opts: { partnerId?: string; project?: boolean; kpis?: unknown[] } = {}) {
  const acc = await t.account({ name: `Fjord ${Math.random().toString(36).slice(2, 7)}`, ...(opts.partnerId ? { partnerId: opts.partnerId } : {}) });
  const opp = await transaction(t.deps.database, (tx) => openOpportunity(systemCtx(t.deps), tx, { accountId: acc.id, name: 'Discovery rollout', amount: 12_000_000 }));
  const graphId = await transaction(t.deps.database, (tx) => ensureGraph(tx, acc.id));
  await q(`INSERT INTO value_hypotheses (value_graph_id, account_id, opportunity_id, status, model, results, annual_benefit, total_benefits, total_costs, roi_percent)
    VALUES ($1, $2, $3, 'accepted', '{}', $4, 20000000, 50000000, 20000000, 150)`,
  [graphId, acc.id, opp.id, JSON.stringify({ pains: [{ id: 'manual_cmdb_upkeep', selected: true, annualBenefit: 20_000_000 }] })]);
  const [contract] = await q<{ id: string }>(`INSERT INTO contracts (account_id, opportunity_id, partner_id, arr, term_months, start_date, end_date, kpis)
    VALUES ($1, $2, $3, 12000000, 36, $4, $5, $6) RETURNING id`, [acc.id, opp.id, opts.partnerId ?? null, START, addDays(START, 3 * 365), JSON.stringify(opts.kpis ?? KPIS)]);
  let projectId: string | null = null;
  if (opts.project !== false) {
    [{ id: projectId }] = await q<{ id: string }>(`INSERT INTO projects (account_id, contract_id, opportunity_id, partner_id, name, weeks, start_date, baseline_end_date, forecast_end_date)
      VALUES ($1, $2, $3, $4, 'Rollout', 12, $5, $6, $6) RETURNING id`, [acc.id, contract.id, opp.id, opts.partnerId ?? null, START, addDays(START, 84)]);
  }
  await transaction(t.deps.database, async (tx) => syncContractKpis(systemCtx(t.deps), tx, (await contractFacts(tx, contract.id))!, projectId));
  const rows = await q<{ id: string; key: string }>('SELECT id, key FROM value_kpis WHERE contract_id = $1', [contract.id]);
  const kpi = Object.fromEntries(rows.map((r) => [r.key, r.id]));
  return { acc, opp, contractId: contract.id, projectId, kpi };
}

const alerts = (kpiId: string) => n('SELECT count(*)::int AS n FROM kpi_alerts WHERE kpi_id = $1', [kpiId]);
const tasks = (projectId: string) => n("SELECT count(*)::int AS n FROM project_tasks WHERE project_id = $1 AND kind = 'course_correction'", [projectId]);

describe('KPIs from a signed contract', () => {
  it('contract.signed creates the tracked KPIs once; project.created links them to the project', async () => {
    const acc = await t.account({ name: 'Event Co' });
    const contract = async () => {
      const opp = await transaction(t.deps.database, (tx) => openOpportunity(systemCtx(t.deps), tx, { accountId: acc.id, name: 'Deal', amount: 1 }));
      const [c] = await q<any>(`INSERT INTO contracts (account_id, opportunity_id, arr, term_months, start_date, end_date, kpis)
        VALUES ($1, $2, 100, 12, $3, $4, $5) RETURNING id, account_id AS "accountId", opportunity_id AS "opportunityId", to_char(start_date, 'YYYY-MM-DD') AS "startDate",
        to_char(end_date, 'YYYY-MM-DD') AS "endDate", kpis, partner_id AS "partnerId", arr::int AS arr, currency, term_months AS "termMonths",
        services_fee::int AS "servicesFee", status, signed_at AS "signedAt"`, [acc.id, opp.id, START, addDays(START, 365), JSON.stringify(KPIS)]);
      return { c, opp };
    };
    const signal = <N extends EventName>(type: N, entityId: string, payload: EventPayloadInput<N>) =>
      transaction(t.deps.database, (tx) => emit(systemCtx(t.deps), tx, { type, entityType: 'contract', entityId, accountId: acc.id, payload } as DomainEvent));
    const kpisOf = (contractId: string, n: number) => eventually(async () => {
      const r = await q<any>("SELECT *, to_char(start_date, 'YYYY-MM-DD') AS start, to_char(deadline, 'YYYY-MM-DD') AS due FROM value_kpis WHERE contract_id = $1 ORDER BY key", [contractId]);
      return r.length === n ? r : null;
    }) as Promise<any[]>;

    const a = await contract();
    await signal('contract.signed', a.c.id, { contract: a.c, opportunity: { id: a.opp.id, name: 'Deal', ownerId: null, partnerId: null } });
    const kpis = await kpisOf(a.c.id, 3);
    expect(kpis.map((k) => [k.key, k.better_when, k.baseline, k.target, k.annual_value_at_target, k.start, k.due])).toEqual([
      ['audit_findings', 'lower', 10, 5, 0, START, DEADLINE], ['cmdb_accuracy', 'higher', 60, 98, 0, START, DEADLINE], ['cmdb_upkeep_hours', 'lower', 160, 80, 0, START, DEADLINE],
    ]);
    expect(kpis[0].value_graph_id).toBeTruthy();
    // The contract's KPIs synced again (a redelivered event) create nothing more.
    await transaction(t.deps.database, async (tx) => expect(await syncContractKpis(systemCtx(t.deps), tx, (await contractFacts(tx, a.c.id))!)).toMatchObject({ created: 0 }));
    const timeline = await admin.get(`/api/accounts/${acc.id}/timeline`);
    expect(timeline.body.items.map((i: any) => i.subject)).toContain('Tracking 3 contracted KPIs');

    // project.created for a contract whose KPIs are not tracked yet creates them, on the project.
    const b = await contract();
    const [project] = await q<{ id: string }>(`INSERT INTO projects (account_id, contract_id, name, weeks, start_date, baseline_end_date, forecast_end_date)
      VALUES ($1, $2, 'P', 12, $3, $3, $3) RETURNING id`, [acc.id, b.c.id, START]);
    await signal('project.created', b.c.id, { projectId: project.id, contractId: b.c.id, accountId: acc.id });
    expect((await kpisOf(b.c.id, 3)).map((k) => k.project_id)).toEqual([project.id, project.id, project.id]);
  });

  it('values each KPI from the hypothesis pain it is linked to', async () => {
    const s = await signed();
    const rows = await q<{ key: string; v: number }>('SELECT key, annual_value_at_target AS v FROM value_kpis WHERE contract_id = $1 ORDER BY key', [s.contractId]);
    expect(rows.map((r) => [r.key, Number(r.v)])).toEqual([['audit_findings', 0], ['cmdb_accuracy', 10_000_000], ['cmdb_upkeep_hours', 10_000_000]]);
  });
});

describe('drift alerts', () => {
  it('a measurement 12 % behind raises exactly one alert and one course-correction task; re-sending it raises none', async () => {
    const s = await signed();
    const id = s.kpi.cmdb_accuracy;
    // Expected half-way: 60 + 38 × 0.5 = 79; 69.52 is 9.48 below = 12 % behind.
    const res = await delivery.post(`/api/kpis/${id}/measurements`, { measuredAt: NOW, value: 69.52 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ outcome: 'inserted', evaluation: { expected: 79, variancePercent: -12, progressPercent: 25.1, alert: true } });
    expect(res.body.alert).toMatchObject({ kpiId: id, variancePercent: -12 });
    expect(await alerts(id)).toBe(1);
    expect(await tasks(s.projectId!)).toBe(1);
    const [task] = await q<any>("SELECT * FROM project_tasks WHERE project_id = $1 AND kind = 'course_correction'", [s.projectId]);
    expect(task).toMatchObject({ source_type: 'kpi_alert', source_id: res.body.alert.alertId, title: 'Course correction: CMDB accuracy 12 % behind trajectory' });
    const [alert] = await q<any>('SELECT * FROM kpi_alerts WHERE kpi_id = $1', [id]);
    expect(alert).toMatchObject({ status: 'open', task_id: task.id, project_id: s.projectId, threshold_percent: 10, expected: 79 });
    const events = await q<any>("SELECT payload FROM domain_events WHERE type = 'kpi.alert_raised' AND entity_id = $1", [alert.id]);
    expect(events).toHaveLength(1);
    expect(events[0].payload).toMatchObject({ alertId: alert.id, kpiId: id, accountId: s.acc.id, projectId: s.projectId, variancePercent: -12 });
    const timeline = await admin.get(`/api/accounts/${s.acc.id}/timeline`);
    expect(timeline.body.items.map((i: any) => i.subject)).toContain('KPI behind trajectory: CMDB accuracy (12 %)');
    const audit = await admin.get(`/api/audit?entityType=kpi_alert&entityId=${alert.id}`);
    expect(audit.body.items.map((e: any) => e.action)).toEqual(['kpi_alert.raise']);

    // The same measurement again: nothing written, nothing raised.
    const again = await delivery.post(`/api/kpis/${id}/measurements`, { measuredAt: NOW, value: 69.52 });
    expect(again.body).toMatchObject({ outcome: 'unchanged', evaluation: null, alert: null });
    // A later measurement still behind while the alert is open: no second alert.
    await delivery.post(`/api/kpis/${id}/measurements`, { measuredAt: `${TODAY}T00:00:01Z`, value: 60 });
    expect(await alerts(id)).toBe(1);
    expect(await tasks(s.projectId!)).toBe(1);
    // Resolved, then the first measurement re-sent: still nothing (identical measurements are never evaluated again).
    expect((await delivery.post(`/api/kpis/alerts/${alert.id}/resolve`, { note: 'Plan agreed' })).status).toBe(200);
    await delivery.post(`/api/kpis/${id}/measurements`, { measuredAt: NOW, value: 69.52 });
    expect(await alerts(id)).toBe(1);
  });

  it('8 % behind raises none, and exactly 10 % raises none (the rule is MORE than the threshold)', async () => {
    const s = await signed();
    const id = s.kpi.cmdb_upkeep_hours; // lower is better: expected 120 hours half-way
    const eight = await delivery.post(`/api/kpis/${id}/measurements`, { measuredAt: NOW, value: 129.6 });
    expect(eight.body.evaluation).toMatchObject({ expected: 120, variancePercent: -8, alert: false, status: 'behind' });
    const ten = await delivery.post(`/api/kpis/${id}/measurements`, { measuredAt: NOW, value: 132 }); // a correction of the same instant
    expect(ten.body).toMatchObject({ outcome: 'corrected', evaluation: { variancePercent: -10, alert: false } });
    expect(await alerts(id)).toBe(0);
    expect(await tasks(s.projectId!)).toBe(0);
    const kpi = await delivery.get(`/api/kpis/${id}`);
    expect(kpi.body).toMatchObject({ lastValue: 132, lastVariancePercent: -10, status: 'behind', progressPercent: 35 });
    expect(kpi.body.expectedNow).toBeGreaterThan(119.19); // 120 at 00:00 UTC, 0.8 hours less each day
    expect(kpi.body.expectedNow).toBeLessThanOrEqual(120);
    expect(kpi.body.measurements).toEqual([{ measuredAt: new Date(NOW).toISOString(), value: 132, source: 'manual' }]);
    expect(kpi.body.trajectory).toEqual([{ date: START, value: 160 }, { date: DEADLINE, value: 80 }]);
  });

  it('an alert on a KPI without a project gets its course-correction task when the project is created', async () => {
    const s = await signed({ project: false });
    const res = await delivery.post(`/api/kpis/${s.kpi.cmdb_upkeep_hours}/measurements`, { measuredAt: NOW, value: 134.4 });
    expect(res.body.alert).toMatchObject({ variancePercent: -12, taskId: null });
    const [project] = await q<{ id: string }>(`INSERT INTO projects (account_id, contract_id, name, weeks, start_date, baseline_end_date, forecast_end_date)
      VALUES ($1, $2, 'Late project', 12, $3, $3, $3) RETURNING id`, [s.acc.id, s.contractId, START]);
    await transaction(t.deps.database, async (tx) => syncContractKpis(systemCtx(t.deps), tx, (await contractFacts(tx, s.contractId))!, project.id));
    const [alert] = await q<any>('SELECT * FROM kpi_alerts WHERE id = $1', [res.body.alert.alertId]);
    expect(alert.project_id).toBe(project.id);
    const [task] = await q<any>('SELECT * FROM project_tasks WHERE id = $1', [alert.task_id]);
    expect(task).toMatchObject({ kind: 'course_correction', source_type: 'kpi_alert', source_id: alert.id, project_id: project.id });
    await transaction(t.deps.database, async (tx) => syncContractKpis(systemCtx(t.deps), tx, (await contractFacts(tx, s.contractId))!, project.id));
    expect(await tasks(project.id)).toBe(1);
  });

  it('lists unresolved alerts for the Delivery Command and takes them through acknowledge and resolve', async () => {
    const s = await signed();
    // Through the typed client the web's Delivery Command uses.
    const measured = await ok(delivery.api.POST('/kpis/{id}/measurements', { params: { path: { id: s.kpi.cmdb_accuracy } }, body: { measuredAt: NOW, value: 50 } }));
    const raised = measured.alert!;
    expect(measured).toMatchObject({ outcome: 'inserted', evaluation: { status: 'alert', alert: true } });
    const list = await ok(delivery.api.GET('/kpis/alerts', { params: { query: { projectId: s.projectId! } } }));
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ id: raised.alertId, kpiName: 'CMDB accuracy', accountName: s.acc.name, status: 'open', taskStatus: 'todo' });
    const alertPath = { params: { path: { id: raised.alertId } }, body: {} };
    expect((await ok(delivery.api.POST('/kpis/alerts/{id}/acknowledge', alertPath))).status).toBe('acknowledged');
    expect((await delivery.post(`/api/kpis/alerts/${raised.alertId}/acknowledge`, {})).status).toBe(409);
    expect(await ok(delivery.api.POST('/kpis/alerts/{id}/resolve', alertPath))).toMatchObject({ status: 'resolved', resolvedBy: delivery.user.id });
    expect((await delivery.post(`/api/kpis/alerts/${raised.alertId}/resolve`, {})).status).toBe(409);
    expect((await delivery.get(`/api/kpis/alerts?projectId=${s.projectId}`)).body.items).toHaveLength(0);
    expect((await delivery.get(`/api/kpis/alerts?projectId=${s.projectId}&status=resolved`)).body.items).toHaveLength(1);
    // Resolved: the next drift beyond the threshold raises a new alert.
    await delivery.post(`/api/kpis/${s.kpi.cmdb_accuracy}/measurements`, { measuredAt: `${TODAY}T00:00:05Z`, value: 50 });
    expect(await alerts(s.kpi.cmdb_accuracy)).toBe(2);
    expect((await (await t.login('finance')).post(`/api/kpis/alerts/${raised.alertId}/resolve`, {})).status).toBe(403);
  });
});

describe('bulk and CSV ingestion', () => {
  it('takes measurements with an API token, idempotently, and evaluates only each KPI\'s newest', async () => {
    const s = await signed();
    const token = (await admin.post('/api/tokens', { name: 'telemetry', scopes: ['kpis:write'], userId: delivery.user.id })).body.token;
    const api = t.client({ authorization: `Bearer ${token}` });
    // 300 days of history per KPI on the trajectory, the newest (today) 12 % behind for the upkeep KPI only.
    const days = Array.from({ length: 40 }, (_, i) => addDays(TODAY, -i));
    const body = { measurements: days.flatMap((d, i) => [
      { kpiId: s.kpi.cmdb_accuracy, measuredAt: `${d}T00:00:00Z`, value: 79 - i * 0.38 },
      { kpiId: s.kpi.cmdb_upkeep_hours, measuredAt: `${d}T00:00:00Z`, value: i === 0 ? 134.4 : 120 + i * 0.8 },
    ]) };
    const first = await api.post('/api/kpis/measurements/bulk', body);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ received: 80, inserted: 80, corrected: 0, unchanged: 0, rejected: [], evaluated: 2 });
    expect(first.body.alertsRaised).toHaveLength(1);
    expect(first.body.alertsRaised[0]).toMatchObject({ kpiId: s.kpi.cmdb_upkeep_hours, variancePercent: -12 });
    expect(await tasks(s.projectId!)).toBe(1);
    // Re-sent as is: nothing written, nothing evaluated, nothing raised.
    const again = await api.post('/api/kpis/measurements/bulk', body);
    expect(again.body).toMatchObject({ received: 80, inserted: 0, corrected: 0, unchanged: 80, evaluated: 0, alertsRaised: [] });
    expect(await n('SELECT count(*)::int AS n FROM kpi_measurements WHERE kpi_id = ANY($1)', [[s.kpi.cmdb_accuracy, s.kpi.cmdb_upkeep_hours]])).toBe(80);
    expect(await alerts(s.kpi.cmdb_upkeep_hours)).toBe(1);
    // A correction of an old point, a duplicate within the request, an unknown KPI, a point in the future.
    const ghost = '00000000-0000-4000-8000-000000000001';
    const mixed = await api.post('/api/kpis/measurements/bulk', { measurements: [
      { kpiId: s.kpi.cmdb_accuracy, measuredAt: `${days[10]}T00:00:00Z`, value: 1 },
      { kpiId: s.kpi.cmdb_accuracy, measuredAt: `${days[10]}T00:00:00Z`, value: 75 },
      { kpiId: ghost, measuredAt: NOW, value: 1 },
      { kpiId: s.kpi.cmdb_accuracy, measuredAt: addDays(TODAY, 30), value: 1 },
    ] });
    expect(mixed.body).toMatchObject({ received: 4, inserted: 0, corrected: 1, duplicates: 1, evaluated: 0 });
    expect(mixed.body.rejected).toEqual([
      { index: 2, kpiId: ghost, message: 'No such KPI' }, { index: 3, kpiId: s.kpi.cmdb_accuracy, message: 'measuredAt is in the future' },
    ]);
    const [fixed] = await q<{ value: number }>('SELECT value FROM kpi_measurements WHERE kpi_id = $1 AND measured_at = $2', [s.kpi.cmdb_accuracy, `${days[10]}T00:00:00Z`]);
    expect(fixed.value).toBe(75);
    // Bad input is refused whole, with the path.
    const bad = await api.post('/api/kpis/measurements/bulk', { measurements: [{ kpiId: s.kpi.cmdb_accuracy, measuredAt: 'yesterday', value: 1 }] });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].path).toBe('measurements.0.measuredAt');
  });

  it('needs a token with kpis:write, and a role that records measurements', async () => {
    const s = await signed();
    const body = { measurements: [{ kpiId: s.kpi.cmdb_accuracy, measuredAt: NOW, value: 79 }] };
    expect((await t.client({}).post('/api/kpis/measurements/bulk', body)).status).toBe(401);
    expect((await t.client({ authorization: 'Bearer vg_nope' }).post('/api/kpis/measurements/bulk', body)).status).toBe(401);
    const readOnly = (await admin.post('/api/tokens', { name: 'ro', scopes: ['kpis:read'], userId: delivery.user.id })).body.token;
    expect((await t.client({ authorization: `Bearer ${readOnly}` }).post('/api/kpis/measurements/bulk', body)).status).toBe(403);
    const sales = await t.login('sales');
    const salesToken = (await admin.post('/api/tokens', { name: 's', scopes: ['*'], userId: sales.user.id })).body.token;
    expect((await t.client({ authorization: `Bearer ${salesToken}` }).post('/api/kpis/measurements/bulk', body)).status).toBe(403);
    const customer = await t.login('customer', { accountId: s.acc.id });
    expect((await customer.post('/api/kpis/measurements/bulk', body)).status).toBe(403);
    expect((await customer.post(`/api/kpis/${s.kpi.cmdb_accuracy}/measurements`, { value: 1 })).status).toBe(403);
  });

  it('imports a CSV by KPI key with per-row errors', async () => {
    const s = await signed();
    const csv = ['kpi;Measured at;Value', `cmdb_accuracy;${addDays(TODAY, -2)};78,5`, `cmdb_upkeep_hours;${addDays(TODAY, -1)}T12:00:00Z;121`,
      `nope;${TODAY};1`, `cmdb_accuracy;31/02/2026;1`, `cmdb_accuracy;${TODAY};lots`, `${s.kpi.audit_findings};${TODAY};7.5`].join('\n'); // audit findings on their trajectory (10 → 5, half-way)
    const res = await delivery.raw(`/api/kpis/measurements/csv?accountId=${s.acc.id}`, { method: 'POST', body: csv, headers: { 'content-type': 'text/csv' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ received: 6, inserted: 3, rejected: 3, alertsRaised: [] });
    expect(res.body.errors.map((e: any) => [e.line, e.message])).toEqual([
      [4, 'no KPI "nope" on this account'], [5, expect.stringContaining('not a valid')], [6, 'not a number'],
    ]);
    const [m] = await q<{ value: number; source: string }>('SELECT value, source FROM kpi_measurements WHERE kpi_id = $1', [s.kpi.cmdb_accuracy]);
    expect(m).toEqual({ value: 78.5, source: 'csv' });
    const noCols = await delivery.raw('/api/kpis/measurements/csv', { method: 'POST', body: 'a,b\n1,2', headers: { 'content-type': 'text/csv' } });
    expect(noCols.status).toBe(422);
    const keysWithoutAccount = await delivery.raw('/api/kpis/measurements/csv', { method: 'POST', body: `kpi,date,value\ncmdb_accuracy,${TODAY},1`, headers: { 'content-type': 'text/csv' } });
    expect(keysWithoutAccount.body.errors[0].message).toContain('accountId');
  });
});

describe('reads and row scope', () => {
  it('customers read their own account\'s KPIs; another account\'s are 404; partners see their partner\'s', async () => {
    const partnerId = await t.partner();
    const mine = await signed({ partnerId });
    const other = await signed();
    await delivery.post(`/api/kpis/${mine.kpi.cmdb_accuracy}/measurements`, { measuredAt: NOW, value: 80 });
    const customer = await t.login('customer', { accountId: mine.acc.id });
    const list = await customer.get(`/api/kpis?accountId=${mine.acc.id}`);
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(3);
    const acc = list.body.items.find((k: any) => k.key === 'cmdb_accuracy');
    expect(acc).toMatchObject({ lastValue: 80, status: 'ahead', progressPercent: 52.6, thresholdPercent: 10 });
    expect(acc.expectedNow).toBeGreaterThanOrEqual(79);
    expect(acc.expectedNow).toBeLessThan(79.39);
    expect(acc.measurements).toHaveLength(1);
    expect((await customer.get(`/api/kpis/${other.kpi.cmdb_accuracy}`)).status).toBe(404);
    expect((await customer.get(`/api/kpis?accountId=${other.acc.id}`)).status).toBe(404);
    expect((await customer.get(`/api/value/accounts/${other.acc.id}/realization`)).status).toBe(404);
    expect((await customer.get(`/api/kpis?projectId=${mine.projectId}`)).body.items).toHaveLength(3);
    const partner = await t.login('partner', { partnerId });
    expect((await partner.get(`/api/kpis/${mine.kpi.cmdb_accuracy}`)).status).toBe(200);
    expect((await partner.get(`/api/kpis/${other.kpi.cmdb_accuracy}`)).status).toBe(404);
    expect((await partner.get(`/api/kpis?accountId=${other.acc.id}`)).status).toBe(404);
    expect((await delivery.get('/api/kpis')).status).toBe(422);
  });

  it('sums the realized value against the hypothesis and writes the weekly update from the numbers', async () => {
    const s = await signed();
    await delivery.post(`/api/kpis/${s.kpi.cmdb_accuracy}/measurements`, { measuredAt: NOW, value: 69.576 }); // 25.2 % → $25,200; 11.9 % behind: alert
    await delivery.post(`/api/kpis/${s.kpi.cmdb_upkeep_hours}/measurements`, { measuredAt: NOW, value: 129.6 }); // 38 % → $38,000; 8 % behind
    const r = await ok(delivery.api.GET('/value/accounts/{id}/realization', { params: { path: { id: s.acc.id } } }));
    // realized 2,520,000 + 3,800,000 = 6,320,000 of 20,000,000 = 31.6 %; benefits 50M × 0.316 = 15,800,000 → (15.8 − 20) / 20 = −21 %
    expect(r).toMatchObject({
      week: 8, realizedAnnualValue: 6_320_000, promisedAnnualValue: 20_000_000, promisedSource: 'hypothesis', realizationPercent: 31.6,
      hypothesisRoiPercent: 150, actualRoiPercent: -21, openAlerts: 1, currency: 'USD',
    });
    expect(Object.fromEntries(r.kpis.map((k) => [k.key, [k.realizedAnnualValue, k.status]]))).toEqual({
      cmdb_accuracy: [2_520_000, 'alert'], cmdb_upkeep_hours: [3_800_000, 'behind'], audit_findings: [0, 'not_measured'],
    });

    const gen = await delivery.post(`/api/value/accounts/${s.acc.id}/weekly-updates`);
    expect(gen.status).toBe(201);
    expect(gen.body).toMatchObject({ agent: 'executor', entityType: 'value_realization', status: 'draft', outputs: { week: 8, realizedAnnualValue: 6_320_000, realizationPercent: 31.6, behind: 1, onTrack: 1 } });
    expect(gen.body.narrative).toMatch(/^Week 8: \$63\.2K realized, 32 % of target \(\$200K a year promised in the business case\) for Fjord /);
    expect(gen.body.narrative).toContain('1 of 2 measured KPIs are within 10 % of their trajectory (1 not measured yet).');
    expect(gen.body.narrative).toContain('CMDB accuracy is 11.9 % behind: 69.6 % against 79 % on the trajectory');
    expect(gen.body.narrative).toContain('At this rate the ROI is -21 % against 150 % in the business case.');
    expect(gen.body.inputs.kpis).toHaveLength(3);

    const customer = await t.login('customer', { accountId: s.acc.id });
    expect((await customer.get(`/api/value/accounts/${s.acc.id}/weekly-updates`)).body.items).toHaveLength(0); // drafts are internal
    expect((await customer.post(`/api/value/weekly-updates/${gen.body.id}/accept`)).status).toBe(403);
    const accepted = await ok(delivery.api.POST('/value/weekly-updates/{id}/accept', { params: { path: { id: gen.body.id } } }));
    expect(accepted).toMatchObject({ id: gen.body.id, status: 'accepted', narrative: gen.body.narrative });
    expect((await delivery.post(`/api/value/weekly-updates/${gen.body.id}/accept`)).status).toBe(409);
    const seen = await customer.get(`/api/value/accounts/${s.acc.id}/weekly-updates`);
    expect(seen.body.items.map((i: any) => i.id)).toEqual([gen.body.id]);
    const timeline = await customer.get(`/api/accounts/${s.acc.id}/timeline`);
    expect(timeline.body.items.find((i: any) => i.subject === 'Weekly value update, week 8')?.body).toBe(gen.body.narrative);
  });

  it('the weekly job drafts one update per account with KPIs, once a week', async () => {
    const s = await signed();
    const { generateWeeklyDrafts } = await import('./weekly.service');
    const made = await generateWeeklyDrafts(t.deps);
    expect(made).toBeGreaterThan(0);
    expect(await n("SELECT count(*)::int AS n FROM agent_artifacts WHERE account_id = $1 AND entity_type = 'value_realization'", [s.acc.id])).toBe(1);
    expect(await generateWeeklyDrafts(t.deps)).toBe(0);
    const [art] = await q<any>("SELECT narrative, outputs FROM agent_artifacts WHERE account_id = $1 AND entity_type = 'value_realization'", [s.acc.id]);
    expect(art.narrative).toContain('None of the 3 contracted KPIs has a measurement yet.');
    expect(art.outputs).toMatchObject({ week: 8, realizedAnnualValue: 0, kpis: 3, measured: 0 });
  });
});
