// KPI measurements in (by hand, bulk API, CSV) and the variance check after them. One transaction per request:
// measurements are written set-based; only the newest written measurement of each KPI touched is evaluated (older
// back-filled points do not change a KPI's state); the KPIs' latest state is updated in one statement and alerts are
// inserted in one statement. A new alert (at most one unresolved per KPI) creates a course-correction task on the
// KPI's project, a timeline entry and an audit entry, and emits `kpi.alert_raised`.
//
// Idempotency and corrections: (kpi, measured_at) is unique. Re-sending a measurement with the same value writes
// nothing and evaluates nothing, so it can never raise a second alert. A different value for the same KPI and instant
// is a correction: it replaces the stored value (source and recorder updated too) and, when it is the KPI's latest
// measurement, is evaluated again. Alerts are never resolved automatically: a person acknowledges or resolves them.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { AppError, notFound } from '../../../core/errors';
import { defaultPlaybook } from '../../../core/playbook';
import { evaluate, formatKpiValue, num, type Evaluation } from '../../../core/value';
import { transaction, type Executor, type Tx } from '../../db/client';
import type { Ctx } from '../../http/env';
import { emit } from '../../jobs/events';
import { logSystemActivity } from '../accounts/timeline.service';
import { createTaskTx } from '../delivery/tasks.service';
import { audit } from '../platform/audit';
import { parseMeasurementsCsv, type CsvError } from './measurements.csv';
import * as repo from './realization.repo';

export type Source = 'api' | 'csv' | 'manual' | 'demo';
export interface Item { kpiId: string; measuredAt: string; value: number; ref: number }
export interface Rejected { ref: number; kpiId: string | null; message: string }
export interface RaisedAlert { alertId: string; kpiId: string; accountId: string; variancePercent: number; taskId: string | null }
export interface IngestResult {
  received: number; inserted: number; corrected: number; unchanged: number; duplicates: number; rejected: Rejected[];
  evaluated: number; alertsRaised: RaisedAlert[];
  /** Evaluation of each KPI whose state changed, by KPI id. */
  evaluations: Map<string, Evaluation & { measuredAt: string; value: number }>;
}

const actorId = (ctx: Ctx) => (ctx.actor.via === 'system' ? null : ctx.actor.id);
/** A measurement dated further ahead than this is a clock or unit error, not telemetry. */
const FUTURE_TOLERANCE_MS = 24 * 3600_000;

/** The playbook's drift threshold, read without parsing the whole playbook (this runs on every ingestion). */
export async function varianceThreshold(db: Executor): Promise<number> {
  const [r] = await repo.rows<{ t: number | null }>(db, sql`SELECT (body->'valueRealization'->>'varianceAlertPercent')::float8 AS t FROM playbooks ORDER BY version DESC LIMIT 1`);
  return r?.t ?? defaultPlaybook.valueRealization.varianceAlertPercent;
}

/** Writes measurements and raises alerts in the caller's transaction. */
export async function ingestTx(ctx: Ctx, tx: Tx, items: Item[], source: Source): Promise<IngestResult> {
  const rejected: Rejected[] = [];
  // Normalise instants, sort by (kpi, instant) so concurrent requests take index locks in the same order, and keep
  // the last of duplicates (same KPI, same instant) within the request.
  const latest = Date.now() + FUTURE_TOLERANCE_MS;
  const norm: { kpiId: string; ms: number; value: number; ref: number }[] = [];
  for (const it of items) {
    const ms = Date.parse(it.measuredAt.length === 10 ? `${it.measuredAt}T00:00:00Z` : it.measuredAt);
    if (Number.isNaN(ms)) rejected.push({ ref: it.ref, kpiId: it.kpiId, message: 'measuredAt is not a date' });
    else if (ms > latest) rejected.push({ ref: it.ref, kpiId: it.kpiId, message: 'measuredAt is in the future' });
    else norm.push({ kpiId: it.kpiId.toLowerCase(), ms, value: it.value, ref: it.ref });
  }
  norm.sort((a, b) => (a.kpiId < b.kpiId ? -1 : a.kpiId > b.kpiId ? 1 : a.ms - b.ms || a.ref - b.ref));
  const unique: typeof norm = [];
  for (const x of norm) {
    const prev = unique[unique.length - 1];
    if (prev && prev.kpiId === x.kpiId && prev.ms === x.ms) unique[unique.length - 1] = x;
    else unique.push(x);
  }
  const duplicates = norm.length - unique.length;
  const result: IngestResult = {
    received: items.length, inserted: 0, corrected: 0, unchanged: 0, duplicates, rejected, evaluated: 0, alertsRaised: [], evaluations: new Map(),
  };
  if (!unique.length) return result;

  const written = await repo.writeMeasurements(tx, {
    kpiIds: unique.map((r) => r.kpiId), at: unique.map((r) => new Date(r.ms).toISOString()), values: unique.map((r) => r.value),
  }, source, actorId(ctx));
  const known = written.unknown.size ? unique.filter((x) => {
    if (!written.unknown.has(x.kpiId)) return true;
    rejected.push({ ref: x.ref, kpiId: x.kpiId, message: 'No such KPI' });
    return false;
  }).length : unique.length;
  rejected.sort((a, b) => a.ref - b.ref);
  result.inserted = written.inserted;
  result.corrected = written.corrected;
  result.unchanged = known - written.inserted - written.corrected;
  if (!written.newest.length) return result;

  const threshold = written.threshold ?? defaultPlaybook.valueRealization.varianceAlertPercent;
  const evaluated = written.newest.map((n) => ({ n, e: evaluate(n, { at: n.measuredAt, value: n.value }, threshold) }));
  result.evaluated = evaluated.length;
  for (const { n, e } of evaluated) result.evaluations.set(n.id, { ...e, measuredAt: new Date(n.measuredAt).toISOString(), value: n.value });
  await repo.updateLatest(tx, {
    ids: evaluated.map((x) => x.n.id), values: evaluated.map((x) => x.n.value), at: evaluated.map((x) => x.n.measuredAt),
    expected: evaluated.map((x) => x.e.expected), variance: evaluated.map((x) => x.e.variancePercent),
  });
  const alerting = evaluated.filter((x) => x.e.alert);
  const raised = await repo.insertAlerts(tx, {
    kpiIds: alerting.map((x) => x.n.id), accountIds: alerting.map((x) => x.n.accountId), projectIds: alerting.map((x) => x.n.projectId),
    measurementIds: alerting.map((x) => x.n.measurementId), at: alerting.map((x) => x.n.measuredAt), actual: alerting.map((x) => x.n.value),
    expected: alerting.map((x) => x.e.expected), variance: alerting.map((x) => x.e.variancePercent), threshold,
  });
  const byKpi = new Map(alerting.map((x) => [x.n.id, x.n]));
  for (const alert of raised) result.alertsRaised.push(await alertRaised(ctx, tx, alert, byKpi.get(alert.kpiId)!));
  return result;
}

type AlertKpi = Pick<repo.NewestRow, 'name' | 'unit' | 'baseline' | 'target' | 'deadline' | 'currency' | 'projectId'>;

function alertFacts(alert: repo.AlertRow, k: AlertKpi) {
  const behind = num(Math.abs(alert.variancePercent));
  const fmt = (v: number) => formatKpiValue(v, k.unit, k.currency);
  const facts = `${k.name} measured ${fmt(alert.actual)} on ${new Date(alert.measuredAt).toISOString().slice(0, 10)} against ${fmt(alert.expected)} on the trajectory `
    + `from ${fmt(k.baseline)} to ${fmt(k.target)} by ${k.deadline}: ${behind} % behind, beyond the ${num(alert.thresholdPercent)} % threshold.`;
  return { behind, facts };
}

/**
 * The course-correction task of an alert on the KPI's project (delivery's shared `createTaskTx`), owned by the
 * project manager. Null when the KPI has no live project yet; the task is created when the project arrives.
 */
export async function courseCorrection(ctx: Ctx, tx: Tx, alert: repo.AlertRow, k: AlertKpi): Promise<string | null> {
  const project = k.projectId ? await liveProject(tx, k.projectId) : null;
  if (!project) return null;
  const { behind, facts } = alertFacts(alert, k);
  const task = await createTaskTx(ctx, tx, {
    projectId: project.id, kind: 'course_correction', sourceType: 'kpi_alert', sourceId: alert.id, ownerId: project.managerId,
    title: `Course correction: ${k.name} ${behind} % behind trajectory`,
    description: `${facts} Agree a course-correction plan with the KPI owner and record it here.`,
  });
  await repo.setAlertTask(tx, alert.id, task.id, project.id);
  return task.id;
}

/** What a new alert sets off: the course-correction task, the timeline entry, the audit entry and the event. */
async function alertRaised(ctx: Ctx, tx: Tx, alert: repo.AlertRow, k: repo.NewestRow): Promise<RaisedAlert> {
  const taskId = await courseCorrection(ctx, tx, alert, k);
  const { behind, facts } = alertFacts(alert, k);
  await audit(ctx, tx, { action: 'kpi_alert.raise', entityType: 'kpi_alert', entityId: alert.id, accountId: alert.accountId, after: { ...alert, taskId } });
  await logSystemActivity(ctx, tx, alert.accountId, `KPI behind trajectory: ${k.name} (${behind} %)`,
    `${facts}${taskId ? ' A course-correction task was added to the project.' : ' The KPI has no project yet: its course-correction task is created with the project.'}`, { type: 'kpi_alert', id: alert.id });
  await emit(ctx, tx, {
    type: 'kpi.alert_raised', entityType: 'kpi_alert', entityId: alert.id, accountId: alert.accountId,
    payload: { alertId: alert.id, kpiId: alert.kpiId, accountId: alert.accountId, projectId: k.projectId, variancePercent: alert.variancePercent, taskId, kpiName: k.name },
  });
  return { alertId: alert.id, kpiId: alert.kpiId, accountId: alert.accountId, variancePercent: alert.variancePercent, taskId };
}

async function liveProject(tx: Tx, id: string) {
  const [p] = await repo.rows<{ id: string; managerId: string | null }>(tx, sql`SELECT id, manager_id AS "managerId" FROM projects WHERE id = ${id} AND deleted_at IS NULL`);
  return p ?? null;
}

const summary = (r: IngestResult) => ({
  received: r.received, inserted: r.inserted, corrected: r.corrected, unchanged: r.unchanged, duplicates: r.duplicates,
  rejected: r.rejected.length, evaluated: r.evaluated, alertsRaised: r.alertsRaised.length,
});

/** POST /kpis/measurements/bulk: up to 50,000 measurements of any KPIs; unknown KPIs are reported per item. */
export async function ingestBulk(ctx: Ctx, measurements: { kpiId: string; measuredAt: string; value: number }[]) {
  return transaction(ctx.deps.database, async (tx) => {
    const r = await ingestTx(ctx, tx, measurements.map((m, i) => ({ ...m, ref: i })), 'api');
    await audit(ctx, tx, { action: 'kpi_measurements.ingest', entityType: 'kpi_measurement_batch', entityId: randomUUID(), after: { source: 'api', ...summary(r) } });
    return { ...summary(r), rejected: r.rejected.map((x) => ({ index: x.ref, kpiId: x.kpiId, message: x.message })), alertsRaised: r.alertsRaised };
  });
}

/** POST /kpis/:id/measurements: one measurement by hand, with the KPI's evaluation. */
export async function recordMeasurement(ctx: Ctx, kpiId: string, input: { measuredAt?: string; value: number }) {
  return transaction(ctx.deps.database, async (tx) => {
    const kpi = await repo.findKpi(tx, { kind: 'all' }, kpiId);
    if (!kpi) throw notFound('KPI');
    const measuredAt = input.measuredAt ?? new Date().toISOString();
    const r = await ingestTx(ctx, tx, [{ kpiId: kpi.id, measuredAt, value: input.value, ref: 0 }], 'manual');
    if (r.rejected.length) throw new AppError('validation_failed', r.rejected[0].message, { errors: [{ path: 'measuredAt', message: r.rejected[0].message }] });
    const outcome = r.inserted ? 'inserted' : r.corrected ? 'corrected' : 'unchanged';
    if (outcome !== 'unchanged') {
      await audit(ctx, tx, { action: `kpi_measurement.${outcome === 'inserted' ? 'create' : 'correct'}`, entityType: 'value_kpi', entityId: kpi.id, accountId: kpi.accountId, after: { measuredAt, value: input.value } });
    }
    const e = r.evaluations.get(kpi.id) ?? null;
    return { kpiId: kpi.id, measuredAt: new Date(measuredAt.length === 10 ? `${measuredAt}T00:00:00Z` : measuredAt).toISOString(), value: input.value, outcome, evaluation: e, alert: r.alertsRaised[0] ?? null };
  });
}

/**
 * POST /kpis/measurements/csv: a CSV of (kpi key or id, measured_at, value). Keys are resolved within `accountId`
 * (a key shared by two of the account's contracts is ambiguous: use the id). Bad rows are reported by line.
 */
export async function ingestCsv(ctx: Ctx, text: string, accountId: string | undefined) {
  let parsed: ReturnType<typeof parseMeasurementsCsv>;
  try { parsed = parseMeasurementsCsv(text); } catch (e) {
    throw new AppError('validation_failed', (e as Error).message, { errors: [{ path: 'file', message: (e as Error).message }] });
  }
  return transaction(ctx.deps.database, async (tx) => {
    if (accountId) {
      const [acc] = await repo.rows<{ id: string }>(tx, sql`SELECT id FROM accounts WHERE id = ${accountId} AND deleted_at IS NULL`);
      if (!acc) throw notFound('Account');
    }
    const errors: CsvError[] = [...parsed.errors];
    const keys = accountId && parsed.rows.some((r) => r.key) ? await repo.kpisByKey(tx, accountId) : new Map<string, string[]>();
    const owners = accountId ? await repo.liveKpis(tx, [...new Set(parsed.rows.flatMap((r) => (r.kpiId ? [r.kpiId] : [])))]) : new Map<string, string>();
    const kpiColumn = parsed.headers.find((h) => /kpi|key|^id$/i.test(h)) ?? null;
    const items: Item[] = [];
    for (const r of parsed.rows) {
      const bad = (message: string) => errors.push({ line: r.line, column: kpiColumn, value: r.kpiId ?? r.key, message });
      let kpiId = r.kpiId;
      if (!kpiId) {
        if (!accountId) { bad('KPI keys need the accountId parameter (or use KPI ids)'); continue; }
        const ids = keys.get(r.key!) ?? [];
        if (ids.length !== 1) { bad(ids.length ? `the key "${r.key}" names ${ids.length} KPIs of this account: use the KPI id` : `no KPI "${r.key}" on this account`); continue; }
        kpiId = ids[0];
      } else if (accountId && owners.get(kpiId) !== accountId) { bad(owners.has(kpiId) ? 'the KPI belongs to another account' : 'No such KPI'); continue; }
      items.push({ kpiId, measuredAt: r.measuredAt, value: r.value, ref: r.line });
    }
    const r = await ingestTx(ctx, tx, items, 'csv');
    for (const x of r.rejected) errors.push({ line: x.ref, column: null, value: x.kpiId, message: x.message });
    errors.sort((a, b) => a.line - b.line);
    const s = { ...summary(r), received: parsed.rows.length + parsed.errors.length, rejected: errors.length };
    await audit(ctx, tx, { action: 'kpi_measurements.ingest', entityType: 'kpi_measurement_batch', entityId: randomUUID(), accountId: accountId ?? null, after: { source: 'csv', ...s } });
    return { ...s, alertsRaised: r.alertsRaised, errors: errors.slice(0, 1000), errorsTruncated: errors.length > 1000 };
  });
}
