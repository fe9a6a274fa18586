// The demo dataset tells one story per account: accepted business cases return a positive, plausible ROI; contract
// dates, projects and KPI histories agree with the account's lifecycle stage; realized value on mature accounts is
// positive next to its realization %; consultants carry at most a week's hours; projects differ in risks and issues;
// the customer portal's account is an expansion customer whose add-on project waits for its design acceptance.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bantCheck } from '../../src/core/leads/transitions';
import { loadDemo } from '../../src/server/demo/demo';
import { currentPlaybook } from '../../src/server/modules/platform/playbook.service';
import { backend, createTestApp, type Client, type TestApp } from '../helpers';

let t: TestApp;
let admin: Client;
const q = <T>(text: string, params: unknown[] = []) => t.deps.database.query<T>(text, params);
const DAY = 86_400_000;
// The demo's dates are UTC days; so are the ones compared here (not the database session's time zone).
const TODAY = "(now() AT TIME ZONE 'UTC')::date";

beforeAll(async () => {
  t = await createTestApp();
  await loadDemo(t.deps.database, { accounts: 120, contactsPerAccount: 2, activitiesPerAccount: 2 });
  admin = await t.login('admin');
}, 300_000);
afterAll(async () => { await t?.close(); });

describe(`demo storylines (${backend})`, () => {
  it('accepted business cases return 115–245 % over three years and pay back within a year; drafts are positive', async () => {
    const rows = await q<{ status: string; n: number; min_roi: number; max_roi: number; min_pb: number; max_pb: number }>(`
      SELECT status, count(*)::int AS n, min(roi_percent)::float8 AS min_roi, max(roi_percent)::float8 AS max_roi,
        min(payback_months)::float8 AS min_pb, max(payback_months)::float8 AS max_pb FROM value_hypotheses GROUP BY status`);
    const accepted = rows.find((r) => r.status === 'accepted')!;
    expect(accepted.n).toBeGreaterThan(30);
    expect(accepted.min_roi).toBeGreaterThanOrEqual(110);
    expect(accepted.max_roi).toBeLessThanOrEqual(250);
    expect(accepted.min_pb).toBeGreaterThan(3);
    expect(accepted.max_pb).toBeLessThan(12);
    const drafts = rows.find((r) => r.status === 'draft');
    if (drafts) expect(drafts.min_roi).toBeGreaterThan(50);
  });

  it('contracts follow the stage: churned ended, renewal ending within 90 days, ARR is the running contracts', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const rows = await q<{ stage: string; status: string; start: string; end: string }>(`SELECT a.lifecycle_stage AS stage, c.status,
      c.start_date::text AS start, c.end_date::text AS end FROM contracts c JOIN accounts a ON a.id = c.account_id`);
    for (const c of rows.filter((x) => x.stage === 'churned')) expect(c.status === 'ended' && c.end < today, JSON.stringify(c)).toBe(true);
    for (const c of rows.filter((x) => x.stage === 'renewal')) {
      expect(c.end > today && Date.parse(c.end) - Date.parse(today) <= 90 * DAY, JSON.stringify(c)).toBe(true);
    }
    for (const c of rows) expect(c.start <= today).toBe(true);
    expect(rows.every((c) => c.stage !== 'prospect')).toBe(true);
    const arr = await q<{ id: string }>(`SELECT a.id FROM accounts a WHERE a.arr <> coalesce((SELECT sum(c.arr) FROM contracts c
      WHERE c.account_id = a.id AND c.status <> 'ended'), 0)`);
    expect(arr).toEqual([]);
  });

  it('projects sit where the stage says: implementation in its plan weeks, adoption closed in the last weeks, KPI history no older than the contract', async () => {
    const projects = await q<{ stage: string; kind: string; status: string; week: number; weeks: number; closed_days: number | null }>(`
      SELECT a.lifecycle_stage AS stage, o.name AS kind, p.status, (${TODAY} - p.start_date) / 7 + 1 AS week, p.weeks,
        (${TODAY} - (p.closed_at AT TIME ZONE 'UTC')::date) AS closed_days
      FROM projects p JOIN accounts a ON a.id = p.account_id JOIN opportunities o ON o.id = p.opportunity_id`);
    const impl = projects.filter((p) => p.stage === 'implementation');
    expect(impl.length).toBeGreaterThan(0);
    for (const p of impl) {
      expect(['active', 'hypercare']).toContain(p.status);
      expect(p.week).toBeGreaterThanOrEqual(1);
      expect(p.week).toBeLessThanOrEqual(p.weeks);
    }
    for (const p of projects.filter((x) => x.stage === 'adoption')) {
      expect(p.status).toBe('closed');
      expect(p.closed_days).toBeLessThanOrEqual(17 * 7);
    }
    for (const p of projects.filter((x) => !['implementation', 'expansion'].includes(x.stage))) expect(p.status).toBe('closed');
    // Measurements start after the contract and come weekly: never more than the contract's age in weeks.
    const kpis = await q<{ stage: string; n: number; weeks: number; first_ok: boolean }>(`
      SELECT a.lifecycle_stage AS stage, count(m.id)::int AS n, (${TODAY} - c.start_date) / 7 + 1 AS weeks,
        coalesce(min(m.measured_at) >= c.start_date::timestamptz, true) AS first_ok
      FROM value_kpis k JOIN contracts c ON c.id = k.contract_id JOIN accounts a ON a.id = k.account_id
      LEFT JOIN kpi_measurements m ON m.kpi_id = k.id GROUP BY k.id, a.lifecycle_stage, c.start_date`);
    expect(kpis.length).toBeGreaterThan(50);
    for (const k of kpis) {
      expect(k.first_ok).toBe(true);
      expect(k.n).toBeLessThanOrEqual(k.weeks);
    }
    expect(Math.max(...kpis.filter((k) => k.stage === 'implementation').map((k) => k.n))).toBeLessThanOrEqual(17);
  });

  it('mature accounts realize value: positive actual ROI, mostly on track, a few laggards with alerts', async () => {
    const accounts = await q<{ id: string; stage: string }>(`SELECT DISTINCT a.id, a.lifecycle_stage AS stage FROM accounts a JOIN value_kpis k ON k.account_id = a.id
      WHERE a.lifecycle_stage IN ('value_realization', 'renewal') ORDER BY a.id`);
    expect(accounts.length).toBeGreaterThan(10);
    let alerts = 0;
    for (const a of accounts) {
      const r = (await admin.get(`/api/value/accounts/${a.id}/realization`)).body;
      expect(r.hypothesisRoiPercent).toBeGreaterThanOrEqual(110);
      expect(r.realizationPercent).toBeGreaterThanOrEqual(40);
      expect(r.actualRoiPercent, `${a.stage}: ${r.realizationPercent} % realized`).toBeGreaterThan(0);
      if (r.openAlerts) alerts++;
    }
    expect(alerts).toBeGreaterThan(0);
    expect(alerts).toBeLessThan(accounts.length / 2);
  });

  it('staffs the projects: no consultant above 40 planned hours a week, at most three open projects each, nothing unassigned', async () => {
    const delivery = await t.login('delivery');
    const load = (await delivery.get('/api/tasks/load?weeks=8')).body as { rows: { ownerId: string | null; weeks: { hours: number }[] }[] };
    expect(load.rows.length).toBeGreaterThan(5);
    expect(load.rows.filter((r) => !r.ownerId)).toEqual([]);
    for (const r of load.rows) for (const w of r.weeks) expect(w.hours).toBeLessThanOrEqual(41);
    const spread = await q<{ n: number }>(`SELECT count(DISTINCT t.project_id)::int AS n FROM project_tasks t JOIN projects p ON p.id = t.project_id
      WHERE p.status IN ('active', 'hypercare') AND t.status <> 'done' AND t.start_date <= ${TODAY} + 56 GROUP BY t.owner_id`);
    expect(Math.max(...spread.map((s) => s.n))).toBeLessThanOrEqual(3);
    const managers = await q<{ n: number }>(`SELECT count(*)::int AS n FROM projects WHERE status IN ('active', 'hypercare') GROUP BY manager_id`);
    expect(Math.max(...managers.map((m) => m.n))).toBeLessThanOrEqual(3);
  });

  it('projects differ: risks, issues and slips vary per project', async () => {
    const open = await q<{ risks: string; issues: number; slip: number }>(`
      SELECT (SELECT string_agg(r.title || ':' || r.probability || ':' || r.status, ',' ORDER BY r.title) FROM project_risks r WHERE r.project_id = p.id) AS risks,
        (SELECT count(*)::int FROM project_issues i WHERE i.project_id = p.id AND i.status = 'open') AS issues,
        (p.forecast_end_date - p.baseline_end_date) AS slip
      FROM projects p WHERE p.status IN ('active', 'hypercare')`);
    expect(open.length).toBeGreaterThan(2);
    expect(new Set(open.map((p) => p.risks)).size).toBeGreaterThan(open.length / 2);
    expect(new Set(open.map((p) => p.issues)).size).toBeGreaterThan(1);
    expect(new Set(open.map((p) => p.slip)).size).toBeGreaterThan(1);
  });

  it("the portal's account is an expansion customer realizing value, with its add-on project's design awaiting acceptance", async () => {
    const [me] = await q<{ account_id: string; stage: string }>(`SELECT u.account_id, a.lifecycle_stage AS stage FROM users u JOIN accounts a ON a.id = u.account_id
      WHERE u.email = 'customer@demo.valuegraph.dev'`);
    expect(me.stage).toBe('expansion');
    const customer = await t.login('customer', { accountId: me.account_id });
    const { items } = (await customer.get('/api/projects')).body as { items: { id: string; status: string; startDate: string }[] };
    expect(items[0].status).toBe('active');
    expect(Math.floor((Date.now() - Date.parse(items[0].startDate)) / (7 * DAY)) + 1).toBe(3);
    const milestones = (await customer.get(`/api/projects/${items[0].id}/milestones`)).body as { key: string; status: string }[];
    expect(milestones.find((m) => m.key === 'kickoff_complete')!.status).toBe('accepted');
    expect(milestones.find((m) => m.key === 'design_approved')!.status).toBe('submitted');
    const r = (await customer.get(`/api/value/accounts/${me.account_id}/realization`)).body;
    expect(r.realizationPercent).toBeGreaterThan(60);
    expect(r.actualRoiPercent).toBeGreaterThan(50);
  });

  it('the delivery login manages the portal project and at most three open projects in different states, and closed ones', async () => {
    const [lead] = await q<{ id: string }>("SELECT id FROM users WHERE email = 'delivery@demo.valuegraph.dev'");
    const rows = await q<{ status: string; portal: boolean; go_live_in: number }>(`SELECT p.status,
        EXISTS (SELECT 1 FROM users u WHERE u.role = 'customer' AND u.account_id = p.account_id) AS portal,
        (p.forecast_end_date - ${TODAY}) AS go_live_in
      FROM projects p WHERE p.manager_id = $1`, [lead.id]);
    const open = rows.filter((p) => p.status !== 'closed');
    expect(open.length).toBeGreaterThanOrEqual(2);
    expect(open.length).toBeLessThanOrEqual(3);
    expect(open.filter((p) => p.portal)).toHaveLength(1);
    expect(new Set(open.map((p) => p.status === 'hypercare' ? 'hypercare' : p.go_live_in > 28 ? 'early' : 'late')).size).toBe(open.length);
    expect(rows.filter((p) => p.status === 'closed').length).toBeGreaterThan(0);
    // What the workspace asks for: the login's own open projects.
    const res = await admin.get(`/api/projects?managerId=${lead.id}&status=open&limit=50`);
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(open.length);
  });

  it('leads tell one story: disqualified ones miss a BANT criterion their reason names; qualified ones meet all; scores follow', async () => {
    const { playbook } = await currentPlaybook(t.deps.database.db);
    const leads = await q<{ status: string; bant: Record<string, unknown>; reason: string | null; score: number }>(`
      SELECT l.status, l.bant, l.disqualification_reason AS reason, s.score FROM leads l JOIN lead_scores s ON s.lead_id = l.id`);
    const disqualified = leads.filter((l) => l.status === 'disqualified');
    expect(disqualified.length).toBeGreaterThan(10);
    const criterionOf: Record<string, string> = {
      no_budget: 'budget', no_authority: 'authority', no_need: 'need', existing_tools: 'need', timeline_beyond_12_months: 'timeline', no_capacity: 'timeline',
    };
    for (const l of disqualified) {
      const check = bantCheck(playbook.leads, l.bant);
      expect(check.ok, JSON.stringify(l)).toBe(false);
      expect(check.missing.map((m) => m.id), JSON.stringify(l)).toContain(criterionOf[l.reason!]);
    }
    for (const l of leads.filter((x) => x.status === 'qualified' || x.status === 'converted')) expect(bantCheck(playbook.leads, l.bant).ok).toBe(true);
    // The answers agree with the flags: no "No budget this year" on a lead with a budget.
    expect(leads.filter((l) => l.bant.budget === true && (l.bant.answers as Record<string, string> | undefined)?.['budget.0'] === 'No budget this year')).toEqual([]);
    const mean = (xs: { score: number }[]) => xs.reduce((sum, x) => sum + x.score, 0) / xs.length;
    expect(mean(disqualified)).toBeLessThan(mean(leads.filter((l) => l.status === 'qualified' || l.status === 'converted')));
  });
});
