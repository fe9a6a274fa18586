// Demo data of value realization, loaded after every other stream's demo (it links KPIs to the delivery projects of
// the contracts when they exist). For each customer contract: the business case behind it (a value hypothesis, when
// the deal has none), its contracted KPIs (the contract's own, else derived from the hypothesis with the Committer:
// manual CMDB upkeep hours, CMDB accuracy, audit findings, discovery coverage), weekly measurements since the start
// (the last half year at most) following the trajectory with noise; a few KPIs drift more than the playbook threshold behind in
// the last weeks and carry an open alert (with a course-correction task when the project exists), and every account
// gets the Value Executor's weekly update. Built with the same pure core as the API; set-based inserts.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { benchmark, buildHypothesis, computeHypothesis, evaluate, kpisFromContract, num, proposeCommitment, type TrackedKpi } from '../../core/value';
import type { Database } from '../db/client';
import { currentPlaybook } from '../modules/platform/playbook.service';
import { factsFor } from '../modules/realization/realization.service';
import { weeklyUpdateOf } from '../modules/realization/weekly.service';
import type { DemoContext } from './context';

const DAY = 86_400_000;
const WEEK = 7 * DAY;
/** Contracts given tracked KPIs: every one in the 240-account demo, a bounded sample at benchmark scale. */
const MAX_CONTRACTS = 400;
const MAX_WEEKS = 26;
const DERIVED = ['cmdb_upkeep_hours', 'cmdb_accuracy', 'audit_findings'];
const PAINS = ['manual_cmdb_upkeep', 'audit_findings'];

interface ContractRow {
  id: string; accountId: string; accountName: string; opportunityId: string; startDate: string; endDate: string; arr: number; currency: string; kpis: unknown[];
  industry: string | null; employees: number | null; servers: number; cloudResources: number; networkDevices: number; complianceFrameworks: string[];
  techStack: string[]; hypothesisPains: { id: string; selected: boolean; annualBenefit: number }[] | null; projectId: string | null; managerId: string | null;
}

export async function loadRealizationDemo(database: Database, ctx: DemoContext): Promise<number> {
  const db = database.db;
  const { rng: r, now } = ctx;
  const { playbook } = await currentPlaybook(db);
  const threshold = playbook.valueRealization.varianceAlertPercent;
  const exec = <T>(q: ReturnType<typeof sql>) => db.execute(q).then((x) => (x as unknown as { rows: T[] }).rows);
  const contracts = await exec<ContractRow>(sql`SELECT c.id, c.account_id AS "accountId", a.name AS "accountName", c.opportunity_id AS "opportunityId",
      to_char(c.start_date, 'YYYY-MM-DD') AS "startDate", to_char(c.end_date, 'YYYY-MM-DD') AS "endDate", c.arr::float8 AS arr, c.currency, c.kpis,
      a.industry, a.employees, a.servers, a.cloud_resources AS "cloudResources", a.network_devices AS "networkDevices",
      a.compliance_frameworks AS "complianceFrameworks", a.tech_stack AS "techStack", h.results->'pains' AS "hypothesisPains",
      p.id AS "projectId", p.manager_id AS "managerId"
    FROM contracts c JOIN accounts a ON a.id = c.account_id AND a.deleted_at IS NULL
      LEFT JOIN value_hypotheses h ON h.opportunity_id = c.opportunity_id AND h.deleted_at IS NULL
      LEFT JOIN projects p ON p.contract_id = c.id AND p.deleted_at IS NULL
    WHERE c.deleted_at IS NULL AND c.status <> 'ended' AND c.start_date <= ${now.toISOString().slice(0, 10)}::date
    ORDER BY a.created_at, c.id LIMIT ${MAX_CONTRACTS}`);
  if (!contracts.length) return 0;

  await db.execute(sql`INSERT INTO value_graphs (account_id) SELECT DISTINCT unnest(${sql.param(contracts.map((c) => c.accountId))}::uuid[]) ON CONFLICT DO NOTHING`);
  const graphs = new Map((await exec<{ id: string; accountId: string }>(sql`SELECT id, account_id AS "accountId" FROM value_graphs WHERE deleted_at IS NULL`)).map((g) => [g.accountId, g.id]));

  const hyps: Record<string, unknown>[] = [];
  const contractKpis: { id: string; kpis: unknown[] }[] = [];
  const kpiRows: Record<string, unknown>[] = [];
  const points: { k: string; at: string; v: number }[] = [];
  const alerts: Record<string, unknown>[] = [];
  const seq = { project: 0, other: 0 };
  for (const c of contracts) {
    const profile = { name: c.accountName, industry: c.industry, employees: c.employees, servers: c.servers, cloudResources: c.cloudResources,
      networkDevices: c.networkDevices, complianceFrameworks: c.complianceFrameworks, techStack: c.techStack };
    let pains = c.hypothesisPains;
    let raw = Array.isArray(c.kpis) ? c.kpis : [];
    if (!pains || !raw.length) {
      // The business case the deal was won on, and the Committer's KPIs from it.
      // The deal was won on the CMDB pains whose KPIs are tracked below, so the promise and the KPIs cover the same value.
      const model = buildHypothesis({ account: profile, opportunity: { amount: c.arr, currency: c.currency }, playbook, discovery: { painIds: PAINS } });
      const results = computeHypothesis(model);
      if (!pains) {
        pains = results.pains;
        const accepted = new Date(Date.parse(`${c.startDate}T00:00:00Z`) - r.int(3, 20) * DAY);
        hyps.push({ vg: graphs.get(c.accountId), a: c.accountId, o: c.opportunityId, m: model, r: results, ab: results.annualBenefit, tb: results.totalBenefits,
          tc: results.totalCosts, npv: results.npv, roi: results.roiPercent, pb: results.paybackMonths, cur: results.currency, at: accepted.toISOString() });
      }
      if (!raw.length) {
        const proposal = proposeCommitment({ model, results, playbook, startDate: c.startDate, contacts: [], vendorOwnerId: null });
        raw = proposal.kpis.filter((k) => DERIVED.includes(k.id));
        if (raw.length < 3) {
          const deadline = (raw[0] as { deadline?: string } | undefined)?.deadline ?? c.endDate;
          raw.push({ id: 'discovery_coverage', painId: null, categoryId: 'data_quality', label: 'Discovery coverage', unit: 'percent', betterWhen: 'higher',
            baseline: r.int(55, 75), target: benchmark(playbook, 'discovery_coverage_target').value, deadline, ownerContactId: null, ownerContactName: null, ownerUserId: null,
            clause: `Discovery coverage of the estate reaches the target by ${deadline}.` });
        }
        contractKpis.push({ id: c.id, kpis: raw });
      }
    }
    const { kpis } = kpisFromContract(raw, { startDate: c.startDate, endDate: c.endDate, pains, categories: playbook.valueRealization.kpiCategories });
    for (const k of kpis) {
      const id = randomUUID();
      // KPIs on a delivery project drift more often, so the Delivery Command has alerts with course-correction tasks.
      const drifts = c.projectId ? seq.project++ % 5 === 2 : seq.other++ % 25 === 7;
      const series = measure(k, now, r, drifts);
      const last = series[series.length - 1];
      const e = last ? evaluate(k, { at: last.at, value: last.v }, threshold) : null;
      kpiRows.push({ id, a: c.accountId, vg: graphs.get(c.accountId), c: c.id, p: c.projectId, key: k.key, name: k.name, unit: k.unit, cat: k.categoryId,
        bw: k.betterWhen, b: k.baseline, t: k.target, s: k.startDate, d: k.deadline, o: k.ownerName, cl: k.clause, av: k.annualValueAtTarget,
        lv: last?.v ?? null, lm: last?.at ?? null, le: e?.expected ?? null, lvp: e?.variancePercent ?? null });
      for (const pt of series) points.push({ k: id, at: pt.at, v: pt.v });
      if (last && e?.alert) {
        alerts.push({ id: randomUUID(), k: id, a: c.accountId, p: c.projectId, m: c.managerId, at: last.at, v: last.v, e: e.expected, vp: e.variancePercent,
          name: k.name, unit: k.unit, b: k.baseline, t: k.target, d: k.deadline });
      }
    }
  }

  const json = (x: unknown) => JSON.stringify(x);
  if (hyps.length) {
    await db.execute(sql`INSERT INTO value_hypotheses (value_graph_id, account_id, opportunity_id, status, model, results, annual_benefit, total_benefits,
        total_costs, npv, roi_percent, payback_months, currency, accepted_at, created_at, updated_at, version)
      SELECT x.vg, x.a, x.o, 'accepted', x.m, x.r, x.ab, x.tb, x.tc, x.npv, x.roi, x.pb, x.cur, x.at, x.at, x.at, 2
      FROM json_to_recordset(${json(hyps)}::json) AS x(vg uuid, a uuid, o uuid, m jsonb, r jsonb, ab bigint, tb bigint, tc bigint, npv bigint, roi real, pb real, cur text, at timestamptz)
      ON CONFLICT DO NOTHING`);
  }
  if (contractKpis.length) {
    await db.execute(sql`UPDATE contracts c SET kpis = x.kpis FROM json_to_recordset(${json(contractKpis)}::json) AS x(id uuid, kpis jsonb)
      WHERE c.id = x.id AND c.kpis = '[]'::jsonb`);
  }
  await db.execute(sql`INSERT INTO value_kpis (id, account_id, value_graph_id, contract_id, project_id, key, name, unit, category_id, better_when, baseline, target,
      start_date, deadline, owner_name, clause, annual_value_at_target, last_value, last_measured_at, last_expected, last_variance_percent)
    SELECT x.id, x.a, x.vg, x.c, x.p, x.key, x.name, x.unit, x.cat, x.bw, x.b, x.t, x.s, x.d, x.o, x.cl, x.av, x.lv, x.lm, x.le, x.lvp
    FROM json_to_recordset(${json(kpiRows)}::json) AS x(id uuid, a uuid, vg uuid, c uuid, p uuid, key text, name text, unit text, cat text, bw text,
      b float8, t float8, s date, d date, o text, cl text, av bigint, lv float8, lm timestamptz, le float8, lvp float8)
    ON CONFLICT DO NOTHING`);
  for (let i = 0; i < points.length; i += 20_000) {
    const chunk = points.slice(i, i + 20_000);
    await db.execute(sql`INSERT INTO kpi_measurements (kpi_id, measured_at, value, source)
      SELECT k, at, v, 'demo' FROM unnest(${sql.param(chunk.map((p) => p.k))}::uuid[], ${sql.param(chunk.map((p) => p.at))}::timestamptz[],
        ${sql.param(chunk.map((p) => p.v))}::float8[]) AS u(k, at, v)
      ON CONFLICT DO NOTHING`);
  }
  if (alerts.length) await raiseDemoAlerts(database, alerts, threshold);
  await weeklyUpdates(database, ctx, [...new Set(kpiRows.map((k) => k.a as string))]);
  return kpiRows.length + points.length + alerts.length;
}

/** Weekly points from the start (the last half year at most): the trajectory with ±2 % noise; some KPIs lag or drift. */
function measure(k: TrackedKpi, now: Date, r: DemoContext['rng'], drifts: boolean): { at: string; v: number }[] {
  const start = Math.max(Date.parse(`${k.startDate}T00:00:00Z`) + WEEK, now.getTime() - MAX_WEEKS * WEEK);
  const last = now.getTime() - r.int(0, 6) * DAY - 9 * 3600_000;
  if (last < start) return [];
  // A drifting KPI falls beyond the threshold over its last 8 weeks; about one in six others lags steadily a little.
  const drift = drifts ? r.int(12, 22) / 100 : 0;
  const lag = !drift && r.next() < 0.17 ? r.int(2, 7) / 100 : 0;
  const out: { at: string; v: number }[] = [];
  const along = (t: number) => {
    const s = Date.parse(`${k.startDate}T00:00:00Z`);
    const d = Date.parse(`${k.deadline}T00:00:00Z`);
    return t >= d ? k.target : k.baseline + ((k.target - k.baseline) * (t - s)) / (d - s);
  };
  for (let t = last; t >= start; t -= WEEK) {
    const ramp = drift ? Math.max(0, 1 - (last - t) / (8 * WEEK)) : 0;
    const behind = drift * ramp + lag;
    const noise = drift && t === last ? 0 : (r.next() + r.next() + r.next() - 1.5) * 0.025;
    const sign = k.betterWhen === 'higher' ? -1 : 1;
    let v = along(t) * (1 + sign * behind + noise);
    if (k.unit === 'percent') v = Math.min(100, v);
    out.push({ at: new Date(t).toISOString(), v: Math.max(0, Math.round(v * 10) / 10) });
  }
  return out.reverse();
}

async function raiseDemoAlerts(database: Database, alerts: Record<string, unknown>[], threshold: number) {
  const db = database.db;
  const json = JSON.stringify;
  await db.execute(sql`INSERT INTO kpi_alerts (id, kpi_id, account_id, project_id, measured_at, actual, expected, variance_percent, threshold_percent, created_at)
    SELECT x.id, x.k, x.a, x.p, x.at, x.v, x.e, x.vp, ${threshold}, x.at FROM json_to_recordset(${json(alerts)}::json)
      AS x(id uuid, k uuid, a uuid, p uuid, at timestamptz, v float8, e float8, vp float8) ON CONFLICT DO NOTHING`);
  const fmt = (v: number, unit: unknown) => (unit === 'percent' ? `${num(v)} %` : `${num(v)} ${String(unit)}`);
  const texts = alerts.map((a) => {
    const behind = num(Math.abs(a.vp as number));
    const facts = `${a.name} measured ${fmt(a.v as number, a.unit)} on ${String(a.at).slice(0, 10)} against ${fmt(a.e as number, a.unit)} on the trajectory from `
      + `${fmt(a.b as number, a.unit)} to ${fmt(a.t as number, a.unit)} by ${a.d}: ${behind} % behind, beyond the ${num(threshold)} % threshold.`;
    return { ...a, task: a.p ? randomUUID() : null, title: `Course correction: ${a.name} ${behind} % behind trajectory`, facts, subject: `KPI behind trajectory: ${a.name} (${behind} %)` };
  });
  const withTask = texts.filter((x) => x.task);
  if (withTask.length) {
    // A course-correction task on the project, placed after the project's last task, due within a week.
    await db.execute(sql`INSERT INTO project_tasks (id, project_id, title, description, kind, owner_id, position, start_date, end_date,
        baseline_start_date, baseline_end_date, source_type, source_id)
      SELECT x.task, x.p, x.title, x.facts || ' Agree a course-correction plan with the KPI owner and record it here.', 'course_correction', x.m,
        (SELECT coalesce(max(position), 0) + 1 FROM project_tasks WHERE project_id = x.p), x.at::date, x.at::date + 6, x.at::date, x.at::date + 6, 'kpi_alert', x.id
      FROM json_to_recordset(${json(withTask)}::json) AS x(task uuid, p uuid, m uuid, id uuid, title text, facts text, at timestamptz)`);
    await db.execute(sql`UPDATE kpi_alerts al SET task_id = x.task FROM json_to_recordset(${json(withTask)}::json) AS x(id uuid, task uuid) WHERE al.id = x.id`);
  }
  await db.execute(sql`INSERT INTO activities (account_id, kind, subject, body, occurred_at, entity_type, entity_id)
    SELECT x.a, 'system', x.subject, x.facts, x.at, 'kpi_alert', x.id::text
    FROM json_to_recordset(${json(texts)}::json) AS x(a uuid, subject text, facts text, at timestamptz, id uuid)`);
}

/** The Value Executor's update for each account with KPIs: accepted for most (the customer portal shows those), a few drafts awaiting review. */
async function weeklyUpdates(database: Database, ctx: DemoContext, accountIds: string[]) {
  const db = database.db;
  const names = (await db.execute(sql`SELECT id, name FROM accounts WHERE id = ANY(${sql.param(accountIds)}::uuid[])`) as unknown as { rows: { id: string; name: string }[] }).rows;
  const reviewer = ctx.usersByRole.csm[0] ?? ctx.usersByRole.admin[0] ?? null;
  // The demo customer's own account always has an accepted update for the portal.
  const portal = new Set((await db.execute(sql`SELECT account_id FROM users WHERE role = 'customer' AND account_id IS NOT NULL`) as unknown as { rows: { account_id: string }[] }).rows.map((u) => u.account_id));
  for (let i = 0; i < names.length; i += 200) {
    const batch = names.slice(i, i + 200);
    const facts = await factsFor(db, { kind: 'all' }, batch, ctx.now);
    const docs = batch.map((a, k) => {
      const f = facts.get(a.id)!;
      const u = weeklyUpdateOf(f);
      return { a: a.id, g: f.kpis[0]?.valueGraphId, i: u.inputs, o: u.outputs, n: u.narrative, s: (i + k) % 4 === 3 && !portal.has(a.id) ? 'draft' : 'accepted' };
    }).filter((d) => d.g);
    // Accepted updates are published to the customer (weekly.service.ts does the same when someone accepts one).
    await db.execute(sql`INSERT INTO agent_artifacts (agent, value_graph_id, account_id, entity_type, entity_id, inputs, outputs, narrative, status, playbook_version,
        accepted_by, accepted_at, created_at, audience)
      SELECT 'executor', x.g, x.a, 'value_realization', x.g, x.i, x.o, x.n, x.s, (SELECT max(version) FROM playbooks),
        CASE WHEN x.s = 'accepted' THEN ${reviewer}::uuid END, CASE WHEN x.s = 'accepted' THEN ${ctx.now.toISOString()}::timestamptz END, ${ctx.now.toISOString()}::timestamptz,
        CASE WHEN x.s = 'accepted' THEN 'customer' ELSE 'internal' END
      FROM json_to_recordset(${JSON.stringify(docs)}::json) AS x(a uuid, g uuid, i jsonb, o jsonb, n text, s text)`);
  }
}
