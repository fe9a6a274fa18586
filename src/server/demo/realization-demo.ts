// Demo data of value realization, loaded after every other stream's demo, from the storylines: every running
// contract's KPIs (the commitment's, valued from the business case's pains) are tracked from the contract's start,
// with a weekly measurement since then following the trajectory with a little noise. How they trend is the account's
// storyline: most on the trajectory, some ahead, and on a lagging account one KPI drifts beyond the playbook threshold
// over its last weeks and carries an open alert (with a course-correction task when the contract has a running
// project). Every account gets the Value Executor's weekly update. Built with the same pure core as the API;
// set-based inserts. At benchmark scale the contracts of the value loader's sample are tracked.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { evaluate, kpisFromContract, num, type TrackedKpi } from '../../core/value';
import type { Database } from '../db/client';
import { currentPlaybook } from '../modules/platform/playbook.service';
import { factsFor } from '../modules/realization/realization.service';
import { weeklyUpdateOf } from '../modules/realization/weekly.service';
import { insertRows } from './bulk';
import type { DemoContext } from './context';
import type { Story } from './storyline';
import { trackedDeals, valueGraphs } from './value-demo';

const DAY = 86_400_000;
const WEEK = 7 * DAY;
/** Weekly measurements since the contract started, three years at most. */
const MAX_WEEKS = 156;

const KPI = {
  id: 'uuid', accountId: 'uuid', valueGraphId: 'uuid', contractId: 'uuid', projectId: 'uuid', key: 'text', name: 'text', unit: 'text', categoryId: 'text',
  betterWhen: 'text', baseline: 'real', target: 'real', startDate: 'date', deadline: 'date', ownerName: 'text', clause: 'text', annualValueAtTarget: 'bigint',
  lastValue: 'real', lastMeasuredAt: 'timestamptz', lastExpected: 'real', lastVariancePercent: 'real',
} as const;

export async function loadRealizationDemo(database: Database, ctx: DemoContext): Promise<number> {
  const db = database.db;
  const { rng: r, now } = ctx;
  const { playbook } = await currentPlaybook(db);
  const threshold = playbook.valueRealization.varianceAlertPercent;
  const today = now.toISOString().slice(0, 10);
  const tracked = trackedDeals(ctx).filter(({ deal }) => deal.contract!.status !== 'ended' && deal.contract!.start <= today && deal.ids.kpis?.length);
  if (!tracked.length) return 0;
  const graphs = await valueGraphs(db, tracked.map((x) => x.a.id));

  const kpiRows: Record<string, unknown>[] = [];
  const points: { k: string; at: string; v: number }[] = [];
  const alerts: Record<string, unknown>[] = [];
  for (const { a, deal } of tracked) {
    const c = deal.contract!;
    const { kpis } = kpisFromContract(deal.ids.kpis!, { startDate: c.start, endDate: c.end, pains: deal.ids.pains, categories: playbook.valueRealization.kpiCategories });
    // On a lagging account the first KPI with a few weeks of history drifts behind.
    const drifting = a.story.realization === 'lagging' ? kpis.findIndex((k) => now.getTime() - Date.parse(`${k.startDate}T00:00:00Z`) > 3 * WEEK) : -1;
    kpis.forEach((k, n) => {
      const id = randomUUID();
      const series = measure(k, now, r, n === drifting ? 'drift' : a.story.realization);
      const last = series[series.length - 1];
      const e = last ? evaluate(k, { at: last.at, value: last.v }, threshold) : null;
      kpiRows.push({
        id, accountId: a.id, valueGraphId: graphs.get(a.id), contractId: deal.ids.contract, projectId: deal.ids.project ?? null, key: k.key, name: k.name, unit: k.unit,
        categoryId: k.categoryId, betterWhen: k.betterWhen, baseline: k.baseline, target: k.target, startDate: k.startDate, deadline: k.deadline, ownerName: k.ownerName,
        clause: k.clause, annualValueAtTarget: k.annualValueAtTarget, lastValue: last?.v ?? null, lastMeasuredAt: last?.at ?? null, lastExpected: e?.expected ?? null,
        lastVariancePercent: e?.variancePercent ?? null,
      });
      for (const pt of series) points.push({ k: id, at: pt.at, v: pt.v });
      if (last && e?.alert) {
        const project = deal.project && !deal.project.closed ? deal.ids.project : null;
        alerts.push({ id: randomUUID(), k: id, a: a.id, p: project ?? null, m: project ? deal.ids.projectManager ?? null : null, at: last.at, v: last.v, e: e.expected, vp: e.variancePercent,
          name: k.name, unit: k.unit, b: k.baseline, t: k.target, d: k.deadline });
      }
    });
  }
  await insertRows(db, 'value_kpis', KPI, kpiRows);
  await insertRows(db, 'kpi_measurements', { kpiId: 'uuid', measuredAt: 'timestamptz', value: 'float8', source: 'text' },
    points.map((p) => ({ kpiId: p.k, measuredAt: p.at, value: p.v, source: 'demo' })), 20_000);
  if (alerts.length) await raiseDemoAlerts(database, alerts, threshold);
  await weeklyUpdates(database, ctx, [...new Set(kpiRows.map((k) => k.accountId as string))]);
  return kpiRows.length + points.length + alerts.length;
}

/**
 * Weekly points from the start (three years at most): the trajectory with ±2.5 % noise. On track, about one in six
 * KPIs lags steadily a little (within the threshold); ahead, the KPI runs 3–8 % better; a drifting KPI falls 12–22 %
 * behind over its last 8 weeks.
 */
function measure(k: TrackedKpi, now: Date, r: DemoContext['rng'], trend: Story['realization'] | 'drift'): { at: string; v: number }[] {
  const start = Math.max(Date.parse(`${k.startDate}T00:00:00Z`) + WEEK, now.getTime() - MAX_WEEKS * WEEK);
  const last = now.getTime() - r.int(0, 6) * DAY - 9 * 3600_000;
  if (last < start) return [];
  const drift = trend === 'drift' ? r.int(12, 22) / 100 : 0;
  const lag = trend === 'on_track' && r.next() < 0.17 ? r.int(2, 6) / 100 : trend === 'ahead' ? -r.int(3, 8) / 100 : 0;
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
