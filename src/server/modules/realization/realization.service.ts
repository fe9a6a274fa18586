// Reads of value realization (KPIs with their trajectory for charts, the realized value against the business case)
// and the handling of variance alerts (acknowledge, resolve) for the Delivery Command.
import { sql } from 'drizzle-orm';
import { rowScopeFor, type RowScope } from '../../../core/access/roles';
import { AppError, notFound } from '../../../core/errors';
import { decodeCursor, encodeCursor } from '../../../core/pagination';
import {
  expectedAt, isAlert, progressPercent, realizationSummary, trajectoryPoints, weekNumber, type HypothesisFigures,
} from '../../../core/value';
import { transaction, type Executor } from '../../db/client';
import type { Ctx } from '../../http/env';
import { emit } from '../../jobs/events';
import { logSystemActivity } from '../accounts/timeline.service';
import { audit } from '../platform/audit';
import { varianceThreshold } from './measurements.service';
import * as repo from './realization.repo';

const actorId = (ctx: Ctx) => (ctx.actor.via === 'system' ? null : ctx.actor.id);
const r1 = (x: number) => Math.round(x * 10) / 10;

/** A KPI as the charts and lists show it: the trajectory, where it should be now, and where it was last measured. */
export function kpiView(k: repo.KpiRow, now: Date, threshold: number, measurements?: repo.MeasurementRow[]) {
  const until = k.lastMeasuredAt && Date.parse(k.lastMeasuredAt) > now.getTime() ? k.lastMeasuredAt : now;
  const status = k.lastValue === null || k.lastVariancePercent === null ? 'not_measured'
    : isAlert(k.lastVariancePercent, threshold) ? 'alert' : k.lastVariancePercent < 0 ? 'behind' : k.lastVariancePercent > 0 ? 'ahead' : 'on_track';
  return {
    ...k,
    expectedNow: Math.round(expectedAt(k, now) * 1000) / 1000,
    progressPercent: k.lastValue === null ? null : progressPercent(k, k.lastValue),
    variancePercent: k.lastVariancePercent,
    status,
    thresholdPercent: threshold,
    trajectory: trajectoryPoints(k, until),
    ...(measurements ? { measurements: measurements.map((m) => ({ measuredAt: m.measuredAt, value: m.value, source: m.source })) } : {}),
  };
}

async function visibleAccount(db: Executor, scope: RowScope, accountId: string) {
  const where = scope.kind === 'partner'
    ? sql`AND (a.partner_id = ${scope.partnerId} OR EXISTS (SELECT 1 FROM contracts c WHERE c.account_id = a.id AND c.partner_id = ${scope.partnerId}))`
    : scope.kind === 'account' ? sql`AND a.id = ${scope.accountId}` : sql``;
  const [a] = await repo.rows<{ id: string; name: string }>(db, sql`SELECT a.id, a.name FROM accounts a WHERE a.id = ${accountId} AND a.deleted_at IS NULL ${where}`);
  if (!a) throw notFound('Account');
  return a;
}

async function visibleProject(db: Executor, scope: RowScope, projectId: string) {
  const where = scope.kind === 'partner' ? sql`AND p.partner_id = ${scope.partnerId}` : scope.kind === 'account' ? sql`AND p.account_id = ${scope.accountId}` : sql``;
  const [p] = await repo.rows<{ id: string }>(db, sql`SELECT p.id FROM projects p WHERE p.id = ${projectId} AND p.deleted_at IS NULL ${where}`);
  if (!p) throw notFound('Project');
}

/** KPIs of an account or a project, each with its trajectory and the newest `measurements` points for a chart. */
export async function listKpis(ctx: Ctx, q: { accountId?: string; projectId?: string; openProjects?: boolean; measurements: number }) {
  const db = ctx.deps.database.db;
  const scope = rowScopeFor(ctx.actor);
  if (!q.accountId && !q.projectId && !q.openProjects) {
    throw new AppError('validation_failed', 'Send accountId, projectId or openProjects=true.', { errors: [{ path: 'accountId', message: 'accountId, projectId or openProjects is required' }] });
  }
  if (q.accountId) await visibleAccount(db, scope, q.accountId);
  if (q.projectId) await visibleProject(db, scope, q.projectId);
  const [kpis, threshold] = await Promise.all([repo.listKpis(db, scope, q), thresholdOf(db)]);
  const points = await repo.measurementsOf(db, kpis.map((k) => k.id), q.measurements);
  const now = new Date();
  return { items: kpis.map((k) => kpiView(k, now, threshold, points.filter((m) => m.kpiId === k.id))), nextCursor: null };
}

export async function getKpi(ctx: Ctx, id: string, measurements: number) {
  const db = ctx.deps.database.db;
  const k = await repo.findKpi(db, rowScopeFor(ctx.actor), id);
  if (!k) throw notFound('KPI');
  const [points, threshold] = await Promise.all([repo.measurementsOf(db, [k.id], measurements), thresholdOf(db)]);
  return kpiView(k, new Date(), threshold, points);
}

const thresholdOf = varianceThreshold;

type Hyp = HypothesisFigures & { currency: string; count: number };

/** The hypotheses behind each account's tracked contracts, summed per account (an account may have several contracts). */
async function hypothesisFigures(db: Executor, accountIds: string[]): Promise<Map<string, Hyp>> {
  const list = await repo.rows<{ accountId: string; n: number; annualBenefit: number; totalBenefits: number; totalCosts: number; currency: string | null }>(db, sql`
    SELECT h.account_id AS "accountId", count(*)::int AS n, sum(h.annual_benefit)::float8 AS "annualBenefit", sum(h.total_benefits)::float8 AS "totalBenefits",
      sum(h.total_costs)::float8 AS "totalCosts", min(h.currency) AS currency
    FROM value_hypotheses h
    WHERE h.deleted_at IS NULL AND h.account_id = ANY(${repo.toArray(accountIds)}::uuid[]) AND h.opportunity_id IN (SELECT c.opportunity_id FROM contracts c
      WHERE c.id IN (SELECT contract_id FROM value_kpis WHERE account_id = ANY(${repo.toArray(accountIds)}::uuid[]) AND deleted_at IS NULL))
    GROUP BY h.account_id`);
  return new Map(list.map((h) => [h.accountId, {
    annualBenefit: h.annualBenefit, totalBenefits: h.totalBenefits, totalCosts: h.totalCosts, currency: h.currency ?? 'USD', count: h.n,
    roiPercent: h.totalCosts > 0 ? r1(((h.totalBenefits - h.totalCosts) / h.totalCosts) * 100) : null,
  }]));
}

export type Facts = Awaited<ReturnType<typeof factsFor>> extends Map<string, infer F> ? F : never;

/** Everything the realization summary and the weekly update are computed from, for many accounts in four queries. */
export async function factsFor(db: Executor, scope: RowScope, accounts: { id: string; name: string }[], now = new Date()) {
  const ids = accounts.map((a) => a.id);
  const [kpis, hyps, threshold, alerts] = await Promise.all([
    repo.listKpis(db, scope, { accountIds: ids }), hypothesisFigures(db, ids), thresholdOf(db),
    repo.rows<{ accountId: string; n: number }>(db, sql`SELECT account_id AS "accountId", count(*)::int AS n FROM kpi_alerts
      WHERE account_id = ANY(${repo.toArray(ids)}::uuid[]) AND status <> 'resolved' GROUP BY account_id`),
  ]);
  const open = new Map(alerts.map((a) => [a.accountId, a.n]));
  return new Map(accounts.map((account) => {
    const mine = kpis.filter((k) => k.accountId === account.id);
    const hyp = hyps.get(account.id) ?? null;
    const views = mine.map((k) => kpiView(k, now, threshold));
    const summary = realizationSummary(views.map((k) => ({ annualValueAtTarget: k.annualValueAtTarget, progressPercent: k.progressPercent })), hyp);
    const start = mine.map((k) => k.startDate).sort()[0] ?? null;
    return [account.id, {
      account, kpis: views, hypothesis: hyp, threshold, openAlerts: open.get(account.id) ?? 0, summary,
      currency: hyp?.currency ?? mine[0]?.currency ?? 'USD', week: start ? weekNumber(start, now) : 0, startDate: start, asOf: now.toISOString(),
    }];
  }));
}

export async function realizationFacts(db: Executor, scope: RowScope, accountId: string, now = new Date()): Promise<Facts> {
  const account = await visibleAccount(db, scope, accountId);
  return (await factsFor(db, scope, [account], now)).get(account.id)!;
}

/** Realized value against the hypothesis: actual ROI, realization %, per-KPI progress. */
export async function realization(ctx: Ctx, accountId: string) {
  const f = await realizationFacts(ctx.deps.database.db, rowScopeFor(ctx.actor), accountId);
  return {
    accountId: f.account.id, accountName: f.account.name, asOf: f.asOf, week: f.week, startDate: f.startDate, currency: f.currency,
    ...f.summary, thresholdPercent: f.threshold, openAlerts: f.openAlerts,
    hypothesis: f.hypothesis ? { annualBenefit: f.hypothesis.annualBenefit, totalBenefits: f.hypothesis.totalBenefits, totalCosts: f.hypothesis.totalCosts, roiPercent: f.hypothesis.roiPercent, count: f.hypothesis.count } : null,
    kpis: f.kpis.map((k) => ({
      id: k.id, key: k.key, name: k.name, unit: k.unit, betterWhen: k.betterWhen, baseline: k.baseline, target: k.target, deadline: k.deadline,
      lastValue: k.lastValue, lastMeasuredAt: k.lastMeasuredAt, expectedNow: k.expectedNow, progressPercent: k.progressPercent, variancePercent: k.variancePercent,
      status: k.status, annualValueAtTarget: k.annualValueAtTarget,
      realizedAnnualValue: k.progressPercent === null ? 0 : Math.round((k.annualValueAtTarget * Math.max(0, k.progressPercent)) / 100),
    })),
  };
}

// ------------------------------------------------------------------ alerts

const STATUS_SETS: Record<string, string[]> = {
  open: ['open'], acknowledged: ['acknowledged'], unresolved: ['open', 'acknowledged'], resolved: ['resolved'], all: ['open', 'acknowledged', 'resolved'],
};

export async function listAlerts(ctx: Ctx, q: { status: string; accountId?: string; projectId?: string; cursor?: string; limit: number }) {
  const after = q.cursor ? decodeCursor(q.cursor, { value: 'datetime', id: 'uuid' }) : null;
  const list = await repo.listAlerts(ctx.deps.database.db, rowScopeFor(ctx.actor), { ...q, statuses: STATUS_SETS[q.status], after });
  const items = list.slice(0, q.limit);
  const last = items[items.length - 1];
  const nextCursor = list.length > q.limit && last ? encodeCursor(new Date(last.createdAt).toISOString(), last.id) : null;
  return { items, nextCursor };
}

/** Acknowledge (someone owns it) or resolve (closed: a later drift may raise a new alert). */
export async function decideAlert(ctx: Ctx, id: string, to: 'acknowledged' | 'resolved', note?: string) {
  return transaction(ctx.deps.database, async (tx) => {
    const before = await repo.findAlert(tx, rowScopeFor(ctx.actor), id, { lock: true });
    if (!before) throw notFound('Alert');
    if (before.status === 'resolved') throw new AppError('conflict', 'The alert is already resolved.');
    if (before.status === to) throw new AppError('conflict', `The alert is already ${to}.`);
    const row = await repo.updateAlert(tx, id, { status: to, resolvedBy: actorId(ctx) });
    await audit(ctx, tx, { action: `kpi_alert.${to === 'resolved' ? 'resolve' : 'acknowledge'}`, entityType: 'kpi_alert', entityId: id, accountId: before.accountId, before: { status: before.status }, after: { status: row.status, note: note ?? null } });
    await logSystemActivity(ctx, tx, before.accountId, `KPI alert ${to}: ${before.kpiName}`, note, { type: 'kpi_alert', id });
    await emit(ctx, tx, { type: `kpi.alert_${to}`, entityType: 'kpi_alert', entityId: id, accountId: before.accountId, payload: { alertId: id, kpiId: before.kpiId, projectId: before.projectId, note: note ?? null } });
    return { ...before, ...row };
  });
}
