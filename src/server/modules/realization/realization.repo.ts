// SQL of value realization: tracked KPIs, their measurements and variance alerts. Reads take the caller's row scope
// (partner users: accounts of their partner or contracts it sold; customer users: their own account). Ingestion is
// set-based: one INSERT … SELECT FROM unnest(…) per request, one UPDATE of the KPIs touched, one INSERT of alerts.
import { sql, type SQL } from 'drizzle-orm';
import type { RowScope } from '../../../core/access/roles';
import type { BetterWhen } from '../../../core/value';
import type { Executor, Tx } from '../../db/client';
import { pageLimit } from '../../db/statements';

export async function rows<T>(db: Executor, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** Row scope on `value_kpis k JOIN accounts a` (with `contracts c` left-joined for partner deals). */
export function kpiScope(scope: RowScope): SQL {
  if (scope.kind === 'partner') return sql`AND (a.partner_id = ${scope.partnerId} OR c.partner_id = ${scope.partnerId})`;
  if (scope.kind === 'account') return sql`AND k.account_id = ${scope.accountId}`;
  return sql``;
}
const FROM_KPIS = sql`FROM value_kpis k JOIN accounts a ON a.id = k.account_id AND a.deleted_at IS NULL LEFT JOIN contracts c ON c.id = k.contract_id`;

export interface KpiRow {
  id: string; accountId: string; accountName: string; valueGraphId: string | null; contractId: string | null; projectId: string | null;
  key: string; name: string; unit: string; categoryId: string | null; betterWhen: BetterWhen; baseline: number; target: number;
  startDate: string; deadline: string; ownerName: string | null; clause: string | null; annualValueAtTarget: number; currency: string;
  lastValue: number | null; lastMeasuredAt: string | null; lastExpected: number | null; lastVariancePercent: number | null;
  version: number; createdAt: string;
  openAlert: { id: string; status: string; variancePercent: number; measuredAt: string; taskId: string | null; createdAt: string } | null;
}

const KPI_COLUMNS = sql`k.id, k.account_id AS "accountId", a.name AS "accountName", k.value_graph_id AS "valueGraphId", k.contract_id AS "contractId",
  k.project_id AS "projectId", k.key, k.name, k.unit, k.category_id AS "categoryId", k.better_when AS "betterWhen", k.baseline, k.target,
  to_char(k.start_date, 'YYYY-MM-DD') AS "startDate", to_char(k.deadline, 'YYYY-MM-DD') AS "deadline", k.owner_name AS "ownerName", k.clause,
  k.annual_value_at_target::float8 AS "annualValueAtTarget", coalesce(c.currency, 'USD') AS currency, k.last_value AS "lastValue",
  k.last_measured_at AS "lastMeasuredAt", k.last_expected AS "lastExpected", k.last_variance_percent AS "lastVariancePercent", k.version,
  k.created_at AS "createdAt",
  (SELECT json_build_object('id', al.id, 'status', al.status, 'variancePercent', al.variance_percent, 'measuredAt', al.measured_at,
     'taskId', al.task_id, 'createdAt', al.created_at) FROM kpi_alerts al WHERE al.kpi_id = k.id AND al.status <> 'resolved') AS "openAlert"`;

const fix = (r: KpiRow): KpiRow => ({
  ...r, annualValueAtTarget: Number(r.annualValueAtTarget),
  lastMeasuredAt: r.lastMeasuredAt ? new Date(r.lastMeasuredAt).toISOString() : null,
  createdAt: new Date(r.createdAt).toISOString(),
});

export async function findKpi(db: Executor, scope: RowScope, id: string): Promise<KpiRow | null> {
  const [row] = await rows<KpiRow>(db, sql`SELECT ${KPI_COLUMNS} ${FROM_KPIS} WHERE k.id = ${id} AND k.deleted_at IS NULL ${kpiScope(scope)}`);
  return row ? fix(row) : null;
}

export async function listKpis(db: Executor, scope: RowScope, f: { accountId?: string; accountIds?: string[]; projectId?: string; openProjects?: boolean }): Promise<KpiRow[]> {
  const where = sql.join([
    sql`k.deleted_at IS NULL`,
    ...(f.accountId ? [sql`k.account_id = ${f.accountId}`] : []),
    ...(f.accountIds ? [sql`k.account_id = ANY(${toArray(f.accountIds)}::uuid[])`] : []),
    ...(f.projectId ? [sql`k.project_id = ${f.projectId}`] : []),
    ...(f.openProjects ? [sql`k.project_id IN (SELECT p.id FROM projects p WHERE p.deleted_at IS NULL AND p.status IN ('planned', 'active', 'hypercare', 'on_hold'))`] : []),
  ], sql` AND `);
  return (await rows<KpiRow>(db, sql`SELECT ${KPI_COLUMNS} ${FROM_KPIS} WHERE ${where} ${kpiScope(scope)} ORDER BY k.start_date, k.created_at, k.id ${f.accountIds ? sql`` : sql`LIMIT 500`}`)).map(fix);
}

export interface MeasurementRow { id: number; kpiId: string; measuredAt: string; value: number; source: string }

/** The newest `limit` measurements of each KPI, oldest first (chart order). */
export async function measurementsOf(db: Executor, kpiIds: string[], limit: number): Promise<MeasurementRow[]> {
  if (!kpiIds.length) return [];
  // The time is formatted by the database as Date.toISOString() would (a chart asks for up to 1,000 points per KPI),
  // and the page size is part of the statement's text so its prepared plan is generic (db/statements.ts).
  return rows<MeasurementRow>(db, sql`SELECT m.id, m.kpi_id AS "kpiId",
      to_char(m.measured_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "measuredAt", m.value, m.source
    FROM unnest(${toArray(kpiIds)}::uuid[]) AS x(id)
    CROSS JOIN LATERAL (SELECT * FROM kpi_measurements WHERE kpi_id = x.id ORDER BY measured_at DESC LIMIT ${pageLimit(limit)}) m
    ORDER BY m.kpi_id, m.measured_at`);
}

/** A JS array as one SQL parameter (drizzle would otherwise spread it into a record). */
export const toArray = (xs: readonly unknown[]) => sql.param(xs as unknown[]);

/** Which of these ids are live KPIs, with their account (writes are for internal roles: no row scope). */
export async function liveKpis(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const list = await rows<{ id: string; accountId: string }>(db, sql`SELECT id, account_id AS "accountId" FROM value_kpis
    WHERE id = ANY(${toArray(ids)}::uuid[]) AND deleted_at IS NULL`);
  return new Map(list.map((r) => [r.id, r.accountId]));
}

/** KPI ids by key within one account (a key may repeat across the account's contracts). */
export async function kpisByKey(db: Executor, accountId: string): Promise<Map<string, string[]>> {
  const list = await rows<{ id: string; key: string }>(db, sql`SELECT id, key FROM value_kpis WHERE account_id = ${accountId} AND deleted_at IS NULL`);
  const out = new Map<string, string[]>();
  for (const r of list) out.set(r.key, [...(out.get(r.key) ?? []), r.id]);
  return out;
}

export interface NewestRow extends Omit<KpiRow, 'accountName' | 'openAlert' | 'version' | 'createdAt' | 'valueGraphId' | 'contractId' | 'clause' | 'ownerName' | 'categoryId' | 'lastValue' | 'lastMeasuredAt' | 'lastExpected' | 'lastVariancePercent'> {
  measurementId: number; measuredAt: string; value: number;
}

/**
 * Writes measurements set-based, in one statement. (kpi, measured_at) is unique: an identical re-send changes nothing
 * and is not returned; a different value at the same instant is a correction and replaces the stored value.
 * Measurements of unknown (or deleted) KPIs are skipped and their ids returned. Returns the counts, the playbook's
 * drift threshold, and per KPI touched its newest written measurement when that is at or after the KPI's last one
 * (only those change the KPI's state and are evaluated).
 */
export async function writeMeasurements(tx: Tx, m: { kpiIds: string[]; at: string[]; values: number[] }, source: string, recordedBy: string | null) {
  const [r] = await rows<{ inserted: number; corrected: number; unknown: string[] | null; threshold: number | null; newest: NewestRow[] }>(tx, sql`
    WITH input AS (
      SELECT * FROM unnest(${toArray(m.kpiIds)}::uuid[], ${toArray(m.at)}::timestamptz[], ${toArray(m.values)}::float8[]) AS i(kpi_id, measured_at, value)
    ), known AS (
      SELECT id FROM value_kpis WHERE id IN (SELECT kpi_id FROM input) AND deleted_at IS NULL
    ), written AS (
      INSERT INTO kpi_measurements (kpi_id, measured_at, value, source, recorded_by)
      SELECT i.kpi_id, i.measured_at, i.value, ${source}, ${recordedBy}::uuid FROM input i WHERE i.kpi_id IN (SELECT id FROM known)
      ON CONFLICT (kpi_id, measured_at) DO UPDATE SET value = EXCLUDED.value, source = EXCLUDED.source, recorded_by = EXCLUDED.recorded_by, created_at = now()
        WHERE kpi_measurements.value IS DISTINCT FROM EXCLUDED.value
      RETURNING id, kpi_id, measured_at, value, (xmax = 0) AS fresh
    ), newest AS (
      SELECT DISTINCT ON (kpi_id) id, kpi_id, measured_at, value FROM written ORDER BY kpi_id, measured_at DESC
    )
    SELECT (SELECT count(*)::int FROM written WHERE fresh) AS inserted, (SELECT count(*)::int FROM written WHERE NOT fresh) AS corrected,
      (SELECT array_agg(DISTINCT kpi_id) FROM input WHERE kpi_id NOT IN (SELECT id FROM known)) AS unknown,
      (SELECT (body->'valueRealization'->>'varianceAlertPercent')::float8 FROM playbooks ORDER BY version DESC LIMIT 1) AS threshold,
      (SELECT coalesce(json_agg(json_build_object('id', k.id, 'accountId', k.account_id, 'projectId', k.project_id, 'key', k.key, 'name', k.name,
         'unit', k.unit, 'betterWhen', k.better_when, 'baseline', k.baseline, 'target', k.target, 'startDate', k.start_date, 'deadline', k.deadline,
         'annualValueAtTarget', k.annual_value_at_target, 'currency', coalesce(c.currency, 'USD'), 'measurementId', n.id, 'measuredAt', n.measured_at,
         'value', n.value)), '[]'::json)
       FROM newest n JOIN value_kpis k ON k.id = n.kpi_id LEFT JOIN contracts c ON c.id = k.contract_id
       WHERE k.last_measured_at IS NULL OR n.measured_at >= k.last_measured_at) AS newest`);
  return { inserted: Number(r.inserted), corrected: Number(r.corrected), unknown: new Set(r.unknown ?? []), threshold: r.threshold, newest: r.newest };
}

/** The KPIs' latest state, only where no newer measurement was recorded meanwhile. */
export async function updateLatest(tx: Tx, u: { ids: string[]; values: number[]; at: string[]; expected: number[]; variance: number[] }) {
  if (!u.ids.length) return;
  await tx.execute(sql`UPDATE value_kpis k SET last_value = u.value, last_measured_at = u.at, last_expected = u.expected,
      last_variance_percent = u.variance, updated_at = now()
    FROM unnest(${toArray(u.ids)}::uuid[], ${toArray(u.values)}::float8[], ${toArray(u.at)}::timestamptz[], ${toArray(u.expected)}::float8[], ${toArray(u.variance)}::float8[])
      AS u(id, value, at, expected, variance)
    WHERE k.id = u.id AND (k.last_measured_at IS NULL OR k.last_measured_at <= u.at)`);
}

export interface AlertRow {
  id: string; kpiId: string; accountId: string; projectId: string | null; measurementId: number | null; measuredAt: string; actual: number;
  expected: number; variancePercent: number; thresholdPercent: number; status: 'open' | 'acknowledged' | 'resolved'; taskId: string | null;
  resolvedAt: string | null; resolvedBy: string | null; createdAt: string;
}
const ALERT_COLUMNS = sql`al.id, al.kpi_id AS "kpiId", al.account_id AS "accountId", al.project_id AS "projectId", al.measurement_id AS "measurementId",
  al.measured_at AS "measuredAt", al.actual, al.expected, al.variance_percent AS "variancePercent", al.threshold_percent AS "thresholdPercent",
  al.status, al.task_id AS "taskId", al.resolved_at AS "resolvedAt", al.resolved_by AS "resolvedBy", al.created_at AS "createdAt"`;

/** Raises alerts set-based; at most one unresolved per KPI (kpi_alerts_open_uq): returns only the ones created now. */
export async function insertAlerts(tx: Tx, a: {
  kpiIds: string[]; accountIds: string[]; projectIds: (string | null)[]; measurementIds: number[]; at: string[]; actual: number[];
  expected: number[]; variance: number[]; threshold: number;
}): Promise<AlertRow[]> {
  if (!a.kpiIds.length) return [];
  return rows<AlertRow>(tx, sql`WITH al AS (
      INSERT INTO kpi_alerts (kpi_id, account_id, project_id, measurement_id, measured_at, actual, expected, variance_percent, threshold_percent)
      SELECT u.*, ${a.threshold}::float8 FROM unnest(${toArray(a.kpiIds)}::uuid[], ${toArray(a.accountIds)}::uuid[], ${toArray(a.projectIds)}::uuid[],
        ${toArray(a.measurementIds)}::bigint[], ${toArray(a.at)}::timestamptz[], ${toArray(a.actual)}::float8[], ${toArray(a.expected)}::float8[],
        ${toArray(a.variance)}::float8[]) AS u
      ON CONFLICT (kpi_id) WHERE status <> 'resolved' DO NOTHING
      RETURNING *)
    SELECT ${ALERT_COLUMNS} FROM al`);
}

export async function setAlertTask(tx: Tx, alertId: string, taskId: string, projectId: string) {
  await tx.execute(sql`UPDATE kpi_alerts SET task_id = ${taskId}, project_id = ${projectId} WHERE id = ${alertId}`);
}

/** Unresolved alerts of a contract's KPIs that have no course-correction task yet, with their KPI. */
export async function alertsWithoutTask(tx: Tx, contractId: string) {
  return rows<AlertRow & { kpi: Omit<NewestRow, 'measurementId' | 'measuredAt' | 'value'> }>(tx, sql`SELECT ${ALERT_COLUMNS},
      json_build_object('id', k.id, 'accountId', k.account_id, 'projectId', k.project_id, 'key', k.key, 'name', k.name, 'unit', k.unit,
        'betterWhen', k.better_when, 'baseline', k.baseline, 'target', k.target, 'startDate', k.start_date, 'deadline', k.deadline,
        'annualValueAtTarget', k.annual_value_at_target, 'currency', coalesce(c.currency, 'USD')) AS kpi
    FROM kpi_alerts al JOIN value_kpis k ON k.id = al.kpi_id LEFT JOIN contracts c ON c.id = k.contract_id
    WHERE k.contract_id = ${contractId} AND k.deleted_at IS NULL AND al.status <> 'resolved' AND al.task_id IS NULL
    ORDER BY al.created_at FOR UPDATE OF al`);
}

export interface AlertListRow extends AlertRow { kpiName: string; kpiKey: string; unit: string; accountName: string; taskTitle: string | null; taskStatus: string | null }

export async function findAlert(db: Executor, scope: RowScope, id: string, opts: { lock?: boolean } = {}): Promise<AlertListRow | null> {
  const [row] = await rows<AlertListRow>(db, sql`SELECT ${ALERT_COLUMNS}, k.name AS "kpiName", k.key AS "kpiKey", k.unit, a.name AS "accountName",
      NULL::text AS "taskTitle", NULL::text AS "taskStatus"
    FROM kpi_alerts al JOIN value_kpis k ON k.id = al.kpi_id JOIN accounts a ON a.id = al.account_id LEFT JOIN contracts c ON c.id = k.contract_id
    WHERE al.id = ${id} ${kpiScope(scope)} ${opts.lock ? sql`FOR UPDATE OF al` : sql``}`);
  return row ?? null;
}

export async function updateAlert(tx: Tx, id: string, patch: { status: 'acknowledged' | 'resolved'; resolvedBy?: string | null }) {
  const [row] = await rows<AlertRow>(tx, sql`WITH al AS (UPDATE kpi_alerts SET status = ${patch.status},
      resolved_at = ${patch.status === 'resolved' ? sql`now()` : sql`resolved_at`},
      resolved_by = ${patch.status === 'resolved' ? sql`${patch.resolvedBy ?? null}::uuid` : sql`resolved_by`}
    WHERE id = ${id} RETURNING *) SELECT ${ALERT_COLUMNS} FROM al`);
  return row;
}

/** Alerts for the Delivery Command, newest first (keyset on created_at, id). */
export async function listAlerts(db: Executor, scope: RowScope, f: {
  statuses: string[]; accountId?: string; projectId?: string; after: [string, string] | null; limit: number;
}): Promise<AlertListRow[]> {
  const where = [
    sql`al.status = ANY(${toArray(f.statuses)}::text[])`,
    ...(f.accountId ? [sql`al.account_id = ${f.accountId}`] : []),
    ...(f.projectId ? [sql`al.project_id = ${f.projectId}`] : []),
    ...(f.after ? [sql`(al.created_at, al.id) < (${f.after[0]}::timestamptz, ${f.after[1]}::uuid)`] : []),
  ];
  return rows<AlertListRow>(db, sql`SELECT ${ALERT_COLUMNS}, k.name AS "kpiName", k.key AS "kpiKey", k.unit, a.name AS "accountName",
      t.title AS "taskTitle", t.status AS "taskStatus"
    FROM kpi_alerts al JOIN value_kpis k ON k.id = al.kpi_id JOIN accounts a ON a.id = al.account_id AND a.deleted_at IS NULL
      LEFT JOIN contracts c ON c.id = k.contract_id LEFT JOIN project_tasks t ON t.id = al.task_id
    WHERE ${sql.join(where, sql` AND `)} ${kpiScope(scope)}
    ORDER BY al.created_at DESC, al.id DESC LIMIT ${f.limit + 1}`);
}
