// Weekly status reports (generated, edited, stored once per project and week, sent, PDF) and the project metrics
// of 003 with their recorded technical values.
import { and, desc, eq, isNull, or } from 'drizzle-orm';
import { formatDay } from '../../../core/calendar/format';
import { buildReport, mondayOf, projectMetrics, recordableMetricKeys, todayUtc, type Deliverable, type ReportContent } from '../../../core/delivery';
import type { MetricRecord, ReportUpdate } from '../../../core/delivery/schemas';
import { AppError, notFound } from '../../../core/errors';
import type { Playbook } from '../../../core/playbook';
import { transaction, type Executor } from '../../db/client';
import { projectMetricValues, statusReports, valueKpis } from '../../db/schema';
import type { Ctx } from '../../http/env';
import { emit } from '../../jobs/events';
import { logSystemActivity } from '../accounts/timeline.service';
import { audit } from '../platform/audit';
import { currentPlaybook } from '../platform/playbook.service';
import * as g from './governance.repo';
import { accountOf, milestonesOf, phasesOf, type ProjectRow } from './projects.repo';
import { projectForChange, projectForRead } from './projects.service';
import { projectTaskList } from './tasks.repo';

type ReportRow = typeof statusReports.$inferSelect;
const isCustomer = (ctx: Ctx) => ctx.actor.role === 'customer';
/** The milestone amounts of a report's content are in the project's currency, sent beside them. */
const withCurrency = (r: ReportRow, p: ProjectRow) => ({ ...r, currency: p.currency });

/** KPIs of the project (value realization's rows, read only): those linked to the project or to its contract. */
async function projectKpis(db: Executor, p: ProjectRow) {
  const rows = await db.select().from(valueKpis).where(and(isNull(valueKpis.deletedAt),
    p.contractId ? or(eq(valueKpis.projectId, p.id), eq(valueKpis.contractId, p.contractId)) : eq(valueKpis.projectId, p.id)));
  return rows.map((k) => ({ name: k.name, unit: k.unit, baseline: k.baseline, target: k.target, lastValue: k.lastValue, lastVariancePercent: k.lastVariancePercent, deadline: k.deadline }));
}

async function generate(db: Executor, p: ProjectRow, playbook: Playbook, weekOf: string) {
  const [account, phases, tasks, milestones, risks, issues, kpis] = [
    await accountOf(db, p.accountId), await phasesOf(db, p.id), await projectTaskList(db, p.id), await milestonesOf(db, p.id),
    await g.risks.list(db, p.id), await g.issues.list(db, p.id), await projectKpis(db, p),
  ];
  const keyOf = new Map(phases.map((x) => [x.id, x.key]));
  return buildReport({
    weekOf,
    project: { name: p.name, accountName: account?.name ?? '', status: p.status, startDate: p.startDate, baselineEndDate: p.baselineEndDate, forecastEndDate: p.forecastEndDate, budgetHours: p.budgetHours, weeks: p.weeks },
    phases: phases.map((x) => ({ key: x.key, name: x.name, startDate: x.startDate, endDate: x.endDate })),
    tasks: tasks.map((t) => ({ phaseKey: t.phaseId ? keyOf.get(t.phaseId) ?? null : null, status: t.status, estimateHours: t.estimateHours, actualHours: t.actualHours })),
    milestones: milestones.map((m) => ({ key: m.key, name: m.name, plannedDate: m.plannedDate, forecastDate: m.forecastDate, status: m.status, paymentPercent: m.paymentPercent, amount: m.amount })),
    risks, issues, issueSteps: playbook.delivery.issueResolutionSteps, kpis,
    budgetThreshold: playbook.metricTargets.budget_variance?.target ?? 5,
  });
}

/** The default narrative of a new report; the sender edits it. */
function draftText(c: ReportContent) {
  const slip = c.timeline.slipDays;
  const summary = `Progress ${c.progress.percentDone} % of planned hours. Forecast end ${formatDay(c.timeline.forecastEndDate)}`
    + `${slip > 0 ? `, ${slip} days after the baseline` : slip < 0 ? `, ${-slip} days ahead of the baseline` : ', on the baseline'}. `
    + `Budget ${c.budget.percentUsed ?? 0} % used. ${c.risks.open} open risks, ${c.issues.open} open issues${c.issues.critical ? ` (${c.issues.critical} critical)` : ''}.`;
  const upcoming = c.milestones.filter((m) => m.status !== 'accepted').slice(0, 2);
  const nextSteps = upcoming.length ? upcoming.map((m) => `${m.name}: forecast ${formatDay(m.forecastDate)}${m.status === 'submitted' ? ' (awaiting acceptance)' : ''}.`).join('\n') : 'Closure and handoff.';
  return { summary, nextSteps };
}

async function reportOf(ctx: Ctx, db: Executor, projectId: string, reportId: string, lock = false) {
  const q = db.select().from(statusReports).where(and(eq(statusReports.id, reportId), eq(statusReports.projectId, projectId), isNull(statusReports.deletedAt)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row || (isCustomer(ctx) && row.status !== 'sent')) throw notFound('Status report');
  return row;
}

export async function listReports(ctx: Ctx, projectId: string) {
  const db = ctx.deps.database.db;
  const p = await projectForRead(ctx, db, projectId);
  const rows = await db.select().from(statusReports)
    .where(and(eq(statusReports.projectId, p.id), isNull(statusReports.deletedAt), isCustomer(ctx) ? eq(statusReports.status, 'sent') : undefined))
    .orderBy(desc(statusReports.weekOf));
  return rows.map((r) => withCurrency(r, p));
}

export async function getReport(ctx: Ctx, projectId: string, reportId: string) {
  const db = ctx.deps.database.db;
  const p = await projectForRead(ctx, db, projectId);
  return withCurrency(await reportOf(ctx, db, p.id, reportId), p);
}

/**
 * Generates the report of a week (default this week) from the project's data. A draft of that week is refreshed
 * (the narrative kept); a sent one is final (409).
 */
export async function generateReport(ctx: Ctx, projectId: string, weekOfInput?: string): Promise<{ report: ReportRow & { currency: string }; created: boolean }> {
  return transaction(ctx.deps.database, async (tx) => {
    const p = await projectForChange(ctx, tx, projectId, { allowEnded: true });
    const weekOf = mondayOf(weekOfInput ?? todayUtc());
    const { playbook } = await currentPlaybook(tx);
    const { content, suggestedOverall } = await generate(tx, p, playbook, weekOf);
    const [existing] = await tx.select().from(statusReports)
      .where(and(eq(statusReports.projectId, p.id), eq(statusReports.weekOf, weekOf), isNull(statusReports.deletedAt))).for('update');
    if (existing?.status === 'sent') throw new AppError('conflict', `The report of the week of ${weekOf} was already sent; it can no longer change.`);
    if (existing) {
      const [after] = await tx.update(statusReports).set({ content, version: existing.version + 1, updatedAt: new Date() }).where(eq(statusReports.id, existing.id)).returning();
      await audit(ctx, tx, { action: 'status_report.refresh', entityType: 'status_report', entityId: after.id, accountId: p.accountId, before: { content: existing.content }, after: { content } });
      return { report: withCurrency(after, p), created: false };
    }
    const [row] = await tx.insert(statusReports).values({
      projectId: p.id, accountId: p.accountId, weekOf, content, overall: suggestedOverall, ...draftText(content),
      createdBy: ctx.actor.via === 'system' ? null : ctx.actor.id,
    }).returning();
    await audit(ctx, tx, { action: 'status_report.create', entityType: 'status_report', entityId: row.id, accountId: p.accountId, after: row });
    return { report: withCurrency(row, p), created: true };
  });
}

export async function updateReport(ctx: Ctx, projectId: string, reportId: string, input: ReportUpdate) {
  const { version, ...patch } = input;
  return transaction(ctx.deps.database, async (tx) => {
    const p = await projectForChange(ctx, tx, projectId, { allowEnded: true });
    const before = await reportOf(ctx, tx, p.id, reportId, true);
    if (before.status === 'sent') throw new AppError('conflict', 'The report was already sent; it can no longer be edited.');
    if (before.version !== version) throw new AppError('version_conflict', `The report changed since you loaded it (version ${before.version}, you sent ${version}). Reload and try again.`, { currentVersion: before.version });
    const [after] = await tx.update(statusReports).set({ ...patch, version: before.version + 1, updatedAt: new Date() }).where(eq(statusReports.id, before.id)).returning();
    await audit(ctx, tx, { action: 'status_report.update', entityType: 'status_report', entityId: after.id, accountId: p.accountId, before, after });
    return withCurrency(after, p);
  });
}

/** Marks the report sent (final): it then shows in the customer's view and on the account timeline. */
export async function sendReport(ctx: Ctx, projectId: string, reportId: string) {
  return transaction(ctx.deps.database, async (tx) => {
    const p = await projectForChange(ctx, tx, projectId, { allowEnded: true });
    const before = await reportOf(ctx, tx, p.id, reportId, true);
    if (before.status === 'sent') throw new AppError('conflict', `The report was already sent on ${before.sentAt?.toISOString().slice(0, 10)}.`);
    const [after] = await tx.update(statusReports).set({
      status: 'sent', sentAt: new Date(), sentBy: ctx.actor.via === 'system' ? null : ctx.actor.id, version: before.version + 1, updatedAt: new Date(),
    }).where(eq(statusReports.id, before.id)).returning();
    await audit(ctx, tx, { action: 'status_report.send', entityType: 'status_report', entityId: after.id, accountId: p.accountId, before, after });
    await logSystemActivity(ctx, tx, p.accountId, `Status report sent: week of ${after.weekOf}`, `${after.overall.toUpperCase()}. ${after.summary}`, { type: 'status_report', id: after.id }, 'customer');
    await emit(ctx, tx, { type: 'status_report.sent', entityType: 'status_report', entityId: after.id, accountId: p.accountId, payload: { projectId: p.id, reportId: after.id, weekOf: after.weekOf, overall: after.overall } });
    return withCurrency(after, p);
  });
}

export async function reportPdf(ctx: Ctx, projectId: string, reportId: string) {
  const r = await getReport(ctx, projectId, reportId);
  const db = ctx.deps.database.db;
  const p = await projectForRead(ctx, db, projectId);
  const { playbook } = await currentPlaybook(db);
  // pdfkit loads on first use: it is a quarter of a second of every start otherwise.
  const pdf = await (await import('./report-pdf')).renderStatusReportPdf({
    content: r.content as ReportContent, overall: r.overall, summary: r.summary, nextSteps: r.nextSteps, status: r.status, sentAt: r.sentAt, currency: p.currency,
    sellerName: playbook.company.legalName, timeZone: playbook.calendar.timeZone,
  });
  return { pdf, filename: `status-report-${r.weekOf}.pdf` };
}

// ---------------------------------------------------------------- metrics

export async function metrics(ctx: Ctx, projectId: string) {
  const db = ctx.deps.database.db;
  const p = await projectForRead(ctx, db, projectId);
  const { playbook } = await currentPlaybook(db);
  const [tasks, milestones, phases, values] = [
    await projectTaskList(db, p.id), await milestonesOf(db, p.id), await phasesOf(db, p.id),
    await db.selectDistinctOn([projectMetricValues.metricKey]).from(projectMetricValues).where(eq(projectMetricValues.projectId, p.id))
      .orderBy(projectMetricValues.metricKey, desc(projectMetricValues.recordedAt)),
  ];
  const list = projectMetrics(playbook, {
    today: todayUtc(),
    tasks: tasks.map((t) => ({ status: t.status, estimateHours: t.estimateHours, actualHours: t.actualHours })),
    milestones: milestones.map((m) => ({ plannedDate: m.plannedDate, status: m.status, decidedAt: m.decidedAt ? m.decidedAt.toISOString() : null })),
    deliverables: phases.flatMap((x) => x.deliverables as Deliverable[]),
    qualityScore: p.qualityScore, criticalIssuesAtGoLive: p.criticalIssuesAtGoLive,
    recorded: Object.fromEntries(values.map((v) => [v.metricKey, { value: v.value, recordedAt: v.recordedAt.toISOString() }])),
  });
  return { projectId: p.id, metrics: list, recordable: recordableMetricKeys(playbook) };
}

/** Records a value of a technical or business metric (discovery coverage, CMDB accuracy, integration uptime, …). */
export async function recordMetric(ctx: Ctx, projectId: string, key: string, input: MetricRecord) {
  return transaction(ctx.deps.database, async (tx) => {
    const p = await projectForChange(ctx, tx, projectId, { allowEnded: true });
    const { playbook } = await currentPlaybook(tx);
    const keys = recordableMetricKeys(playbook);
    if (!keys.includes(key)) throw new AppError('validation_failed', `"${key}" is not a recordable delivery metric. Recordable: ${keys.join(', ')}.`, { errors: [{ path: 'key', message: 'unknown metric' }] });
    const t = playbook.metricTargets[key];
    if (t.unit === 'percent' && (input.value < 0 || input.value > 100)) throw new AppError('validation_failed', 'A percentage is between 0 and 100.', { errors: [{ path: 'value', message: 'out of range' }] });
    const [row] = await tx.insert(projectMetricValues).values({
      projectId: p.id, metricKey: key, value: input.value, note: input.note ?? null,
      recordedAt: input.recordedAt ? new Date(input.recordedAt) : new Date(), recordedBy: ctx.actor.via === 'system' ? null : ctx.actor.id,
    }).returning();
    await audit(ctx, tx, { action: 'project.metric.record', entityType: 'project', entityId: p.id, accountId: p.accountId, after: row });
    return row;
  });
}
