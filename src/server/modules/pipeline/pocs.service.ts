// POC use cases (000 §1 stage 5): the POC of an opportunity with its SOW, success criteria (validation framework),
// environment checklist, plan from the start date, findings and fee. Its outcome gates Negotiation (stages.service).
import { AppError, notFound } from '../../../core/errors';
import {
  DEFAULT_ENVIRONMENT_CHECKLIST, pocEndDate, pocGaps, pocPassed, pocPlan, type ChecklistEntry, type PocCriterion,
} from '../../../core/pipeline/poc';
import type { PocCreate, PocResult, PocUpdate } from '../../../core/pipeline/schemas';
import type { Playbook } from '../../../core/playbook';
import { transaction } from '../../db/client';
import type { Ctx } from '../../http/env';
import { emit } from '../../jobs/events';
import { logSystemActivity } from '../accounts/timeline.service';
import { audit } from '../platform/audit';
import { currentPlaybook } from '../platform/playbook.service';
import { opportunityForChange } from './opportunities.service';
import * as repo from './pocs.repo';
import { findOpportunity } from './opportunities.repo';
import { rowScopeFor } from '../../../core/access/roles';

const slug = (s: string) => s.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '').slice(0, 40) || 'item';

/** Gives every list entry a stable id unique within the list (kept when sent, derived from the text otherwise). */
function withIds<T extends { id?: string }>(items: T[], text: (t: T) => string): (T & { id: string })[] {
  const seen = new Set<string>();
  return items.map((it) => {
    let id = it.id ?? slug(text(it));
    for (let n = 2; seen.has(id); n++) id = `${it.id ?? slug(text(it))}_${n}`;
    seen.add(id);
    return { ...it, id };
  });
}

function criteriaOf(input: PocCreate['successCriteria']): PocCriterion[] {
  return withIds(input ?? [], (c) => c.measure).map((c) => ({
    id: c.id, measure: c.measure, target: c.target, result: c.result ?? null, validated: c.validated ?? false, evidence: c.evidence ?? null,
  }));
}

function planFields(playbook: Playbook, startDate: string | null | undefined) {
  if (!startDate) return { startDate: null, endDate: null, plan: [] };
  return { startDate, endDate: pocEndDate(playbook, startDate), plan: pocPlan(playbook, startDate) };
}

export function describePoc(row: repo.PocRow) {
  const c = { status: row.status, successCriteria: row.successCriteria as PocCriterion[] };
  return { ...row, passed: pocPassed(c), gaps: pocGaps(c) };
}

export async function getPoc(ctx: Ctx, opportunityId: string) {
  const db = ctx.deps.database.db;
  if (!(await findOpportunity(db, rowScopeFor(ctx.actor), opportunityId))) throw notFound('Opportunity');
  const row = await repo.findPoc(db, opportunityId);
  if (!row) throw notFound('POC');
  return describePoc(row);
}

export async function createPoc(ctx: Ctx, opportunityId: string, input: PocCreate) {
  return transaction(ctx.deps.database, async (tx) => {
    const opp = await opportunityForChange(ctx, tx, opportunityId);
    if (await repo.findPoc(tx, opportunityId)) throw new AppError('conflict', 'This opportunity already has a POC; update it instead.');
    const { playbook } = await currentPlaybook(tx);
    const env: ChecklistEntry[] = withIds(input.environmentChecklist ?? DEFAULT_ENVIRONMENT_CHECKLIST.map((e) => ({ ...e, done: false })), (e) => e.label)
      .map((e) => ({ id: e.id, label: e.label, done: e.done ?? false }));
    const status = input.status ?? 'planned';
    const row = await repo.insertPoc(tx, {
      opportunityId, accountId: opp.accountId, partnerId: opp.partnerId, status, scope: input.scope ?? null,
      sowSignedAt: input.sowSignedAt ?? null, sowSignedBy: input.sowSignedBy ?? null, ...planFields(playbook, input.startDate),
      successCriteria: criteriaOf(input.successCriteria), environmentChecklist: env, findings: input.findings ?? null,
      fee: input.fee ?? 0, currency: opp.currency, feeCredited: input.feeCredited ?? playbook.pipeline.poc.feeCreditPercent > 0,
      completedAt: status === 'completed' ? new Date() : null,
    });
    await audit(ctx, tx, { action: 'poc.create', entityType: 'poc', entityId: row.id, accountId: row.accountId, after: row });
    await logSystemActivity(ctx, tx, row.accountId, `POC planned: ${opp.name}`, row.startDate ? `${row.startDate} → ${row.endDate}.` : undefined, { type: 'poc', id: row.id });
    await emit(ctx, tx, { type: 'poc.created', entityType: 'poc', entityId: row.id, accountId: row.accountId, payload: { poc: row } });
    return describePoc(row);
  });
}

export async function updatePoc(ctx: Ctx, opportunityId: string, input: PocUpdate) {
  const { version, successCriteria, environmentChecklist, startDate, ...rest } = input;
  return transaction(ctx.deps.database, async (tx) => {
    await opportunityForChange(ctx, tx, opportunityId);
    const before = await repo.findPoc(tx, opportunityId, { lock: true });
    if (!before) throw notFound('POC');
    if (before.version !== version) {
      throw new AppError('version_conflict', `The POC changed since you loaded it (version ${before.version}, you sent ${version}). Reload and try again.`, { currentVersion: before.version });
    }
    const { playbook } = await currentPlaybook(tx);
    const patch: Parameters<typeof repo.updatePoc>[3] = { ...rest };
    if (startDate !== undefined) Object.assign(patch, planFields(playbook, startDate));
    if (successCriteria) patch.successCriteria = criteriaOf(successCriteria);
    if (environmentChecklist) patch.environmentChecklist = withIds(environmentChecklist, (e) => e.label).map((e) => ({ id: e.id, label: e.label, done: e.done }));
    if (rest.status && rest.status !== before.status) patch.completedAt = rest.status === 'completed' ? new Date() : null;
    const after = await repo.updatePoc(tx, before.id, version, patch);
    if (!after) throw new AppError('version_conflict', 'The POC changed while saving. Reload and try again.');
    await audit(ctx, tx, { action: 'poc.update', entityType: 'poc', entityId: after.id, accountId: after.accountId, before, after });
    if (before.status !== after.status) {
      await logSystemActivity(ctx, tx, after.accountId, `POC ${after.status}`, `${before.status} → ${after.status}.`, { type: 'poc', id: after.id });
    }
    await emit(ctx, tx, { type: 'poc.updated', entityType: 'poc', entityId: after.id, accountId: after.accountId, payload: { before, after } });
    return describePoc(after);
  });
}

/** Records the result of one success criterion and whether it is validated (with evidence). */
export async function recordResult(ctx: Ctx, opportunityId: string, criterionId: string, input: PocResult) {
  return transaction(ctx.deps.database, async (tx) => {
    await opportunityForChange(ctx, tx, opportunityId);
    const before = await repo.findPoc(tx, opportunityId, { lock: true });
    if (!before) throw notFound('POC');
    const list = before.successCriteria as PocCriterion[];
    const i = list.findIndex((c) => c.id === criterionId);
    if (i < 0) throw notFound('POC success criterion');
    const next = list.map((c, k) => (k === i ? {
      ...c, validated: input.validated, result: input.result !== undefined ? input.result : c.result, evidence: input.evidence !== undefined ? input.evidence : c.evidence,
    } : c));
    const after = await repo.updatePoc(tx, before.id, before.version, { successCriteria: next });
    if (!after) throw new AppError('version_conflict', 'The POC changed while saving. Reload and try again.');
    await audit(ctx, tx, { action: 'poc.result', entityType: 'poc', entityId: after.id, accountId: after.accountId, before: { criterion: list[i] }, after: { criterion: next[i] } });
    await emit(ctx, tx, { type: 'poc.result_recorded', entityType: 'poc', entityId: after.id, accountId: after.accountId, payload: { criterion: next[i] } });
    return describePoc(after);
  });
}
