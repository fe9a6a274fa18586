// Opportunity use cases. `openOpportunity` runs inside the caller's transaction so that lead conversion creates
// account, contacts and opportunity atomically; the others own their transaction.
import { OWNER_ROLES } from '../../../core/access/owners';
import { rowScopeFor } from '../../../core/access/roles';
import { AppError, notFound } from '../../../core/errors';
import { toPage } from '../../../core/pagination';
import { pocGaps, pocPassed, type PocCriterion } from '../../../core/pipeline/poc';
import { stageOf, timeInStages, type GateChecks } from '../../../core/pipeline/gates';
import { stallOf } from '../../../core/pipeline/stalled';
import type { OpportunityCreate, OpportunityListQuery, OpportunityUpdate } from '../../../core/pipeline/schemas';
import type { Playbook } from '../../../core/playbook';
import { transaction, type Tx } from '../../db/client';
import type { Ctx } from '../../http/env';
import { assertRefsInScope, changed } from '../../http/scope-refs';
import { emit } from '../../jobs/events';
import { accountForChange, getAccount } from '../accounts/accounts.service';
import { logSystemActivity } from '../accounts/timeline.service';
import { audit } from '../platform/audit';
import { currentPlaybook } from '../platform/playbook.service';
import * as repo from './opportunities.repo';
import * as pocRepo from './pocs.repo';
import { readPlaybook } from './playbook-cache';
import { restartStageTimer } from './timers';
import { applyTotals } from './totals';

export interface OpenOpportunityInput {
  accountId: string;
  name: string;
  amount?: number; // minor units
  currency?: string;
  closeDate?: string | null; // YYYY-MM-DD
  ownerId?: string | null;
  partnerId?: string | null;
  leadId?: string | null;
  source?: string | null;
}

/** Creates an opportunity in the first open stage of the playbook (Discovery), with its stage history and timer. */
export async function openOpportunity(ctx: Ctx, tx: Tx, input: OpenOpportunityInput) {
  const { playbook } = await currentPlaybook(tx);
  const first = playbook.pipeline.stages.find((s) => s.kind === 'open')!;
  const row = await repo.insertOpportunity(tx, {
    accountId: input.accountId, name: input.name, amount: input.amount ?? 0, currency: input.currency ?? playbook.currency,
    closeDate: input.closeDate ?? null, ownerId: input.ownerId ?? null, partnerId: input.partnerId ?? null,
    leadId: input.leadId ?? null, source: input.source ?? null,
    stage: first.id as repo.OpportunityRow['stage'], probability: first.probability, forecastCategory: first.forecastCategory,
  });
  const actorId = ctx.actor.via === 'system' ? null : ctx.actor.id;
  await repo.insertStageHistory(tx, { opportunityId: row.id, fromStage: null, toStage: row.stage, actorId });
  await restartStageTimer(ctx, tx, row.id, first, row.stageEnteredAt);
  await applyTotals(tx, null, row);
  await audit(ctx, tx, { action: 'opportunity.create', entityType: 'opportunity', entityId: row.id, accountId: row.accountId, after: row });
  await logSystemActivity(ctx, tx, row.accountId, `Opportunity opened: ${row.name}`, `Stage ${first.name}.`, { type: 'opportunity', id: row.id });
  await emit(ctx, tx, { type: 'opportunity.created', entityType: 'opportunity', entityId: row.id, accountId: row.accountId, payload: { opportunity: row } });
  return row;
}

/** Partner users manage only their own partner's deals. */
function partnerRules<T extends { partnerId?: string | null }>(ctx: Ctx, input: T): T {
  if (ctx.actor.role !== 'partner') return input;
  if (input.partnerId !== undefined && input.partnerId !== ctx.actor.partnerId) {
    throw new AppError('forbidden', 'A partner user can only manage opportunities of its own partner.');
  }
  return { ...input, partnerId: ctx.actor.partnerId };
}

/** A deal is owned by a seller on our side or by a user of the deal's partner. */
const dealOwner = (ownerId: string | null | undefined, partnerId: string | null) => ({ ids: { ownerId }, roles: OWNER_ROLES.seller, partnerId });

export async function createOpportunity(ctx: Ctx, input: OpportunityCreate) {
  const values = partnerRules(ctx, input);
  return transaction(ctx.deps.database, async (tx) => {
    const account = await accountForChange(ctx, tx, values.accountId); // 404 outside the actor's scope
    const ownerId = values.ownerId !== undefined ? values.ownerId : (['sales', 'sdr', 'partner'].includes(ctx.actor.role) ? ctx.actor.id : account.aeId);
    const partnerId = values.partnerId !== undefined ? values.partnerId : account.partnerId;
    await assertRefsInScope(ctx, tx, { users: [dealOwner(values.ownerId, partnerId)] });
    return openOpportunity(ctx, tx, {
      ...values, ownerId, partnerId,
      currency: values.currency ?? account.currency, source: values.source ?? 'manual',
    });
  });
}

/** Loads an opportunity the actor may see, locked for a change; 404 otherwise. */
export async function opportunityForChange(ctx: Ctx, tx: Tx, id: string, version?: number) {
  const row = await repo.findOpportunity(tx, rowScopeFor(ctx.actor), id, { lock: true });
  if (!row) throw notFound('Opportunity');
  if (version !== undefined && row.version !== version) {
    throw new AppError('version_conflict', `The opportunity changed since you loaded it (version ${row.version}, you sent ${version}). Reload and try again.`, { currentVersion: row.version });
  }
  return row;
}

export async function updateOpportunity(ctx: Ctx, id: string, input: OpportunityUpdate) {
  const { version, probability, forecastCategory, ...rest } = partnerRules(ctx, input);
  return transaction(ctx.deps.database, async (tx) => {
    const before = await opportunityForChange(ctx, tx, id, version);
    await assertRefsInScope(ctx, tx, { users: [dealOwner(changed(rest.ownerId, before.ownerId), rest.partnerId !== undefined ? rest.partnerId : before.partnerId)] });
    const { playbook } = await currentPlaybook(tx);
    const stage = stageOf(playbook.pipeline.stages, before.stage)!;
    const patch: Parameters<typeof repo.updateOpportunity>[3] = { ...rest };
    if ((probability !== undefined || forecastCategory !== undefined) && stage.kind !== 'open') {
      throw new AppError('validation_failed', 'A closed opportunity keeps the probability and forecast category of its stage.', {
        errors: [{ path: probability !== undefined ? 'probability' : 'forecastCategory', message: 'closed opportunity' }],
      });
    }
    if (probability !== undefined) Object.assign(patch, { probability: probability ?? stage.probability, probabilityManual: probability !== null });
    if (forecastCategory !== undefined) Object.assign(patch, { forecastCategory: forecastCategory ?? stage.forecastCategory, forecastCategoryManual: forecastCategory !== null });
    const after = await repo.updateOpportunity(tx, id, version, patch);
    if (!after) throw new AppError('version_conflict', 'The opportunity changed while saving. Reload and try again.');
    await applyTotals(tx, before, after);
    await audit(ctx, tx, { action: 'opportunity.update', entityType: 'opportunity', entityId: id, accountId: after.accountId, before, after });
    await emit(ctx, tx, { type: 'opportunity.updated', entityType: 'opportunity', entityId: id, accountId: after.accountId, payload: { before, after } });
    return after;
  });
}

export async function listOpportunities(ctx: Ctx, q: OpportunityListQuery) {
  const playbook = await readPlaybook(ctx.deps.database);
  const rows = await repo.listQuery(ctx.deps.database.db, rowScopeFor(ctx.actor), q, terminalStages(playbook));
  return toPage(rows, q.limit, (r) => [r.closeDate, r.id]);
}

export async function accountOpportunities(ctx: Ctx, accountId: string, q: OpportunityListQuery) {
  await getAccount(ctx, accountId); // 404 outside the actor's scope
  return listOpportunities(ctx, { ...q, accountId });
}

export function terminalStages(playbook: Playbook) {
  const st = playbook.pipeline.stages;
  return { won: st.find((s) => s.kind === 'won')!.id, lost: st.find((s) => s.kind === 'lost')!.id };
}

/** Everything the opportunity page shows: stages with their checklists and time in stage, history, POC, contract. */
export async function getOpportunity(ctx: Ctx, id: string) {
  const db = ctx.deps.database.db;
  const row = await repo.findOpportunity(db, rowScopeFor(ctx.actor), id);
  if (!row) throw notFound('Opportunity');
  const [playbook, names, history, poc, contract] = await Promise.all([
    readPlaybook(ctx.deps.database), repo.names(db, row), repo.stageHistory(db, id), pocRepo.findPoc(db, id), pocRepo.findContractByOpportunity(db, id),
  ]);
  return describeOpportunity(playbook, row, names, history, poc, contract);
}

export function describeOpportunity(
  playbook: Playbook, row: repo.OpportunityRow, names: Awaited<ReturnType<typeof repo.names>>,
  history: Awaited<ReturnType<typeof repo.stageHistory>>, poc: pocRepo.PocRow | null, contract: pocRepo.ContractRow | null,
) {
  const now = new Date();
  const spent = timeInStages(history, now);
  const checks = row.gateChecks as GateChecks;
  const current = stageOf(playbook.pipeline.stages, row.stage);
  const criteria = (poc?.successCriteria ?? []) as PocCriterion[];
  return {
    ...row, ...names,
    stageName: current?.name ?? row.stage,
    stageKind: current?.kind ?? 'open',
    daysInStage: Math.floor((now.getTime() - row.stageEnteredAt.getTime()) / 86400_000),
    overdue: row.stageOverdueAt !== null,
    /** Still open after its expected close date (a closed deal's close date is history). */
    closeDatePassed: (current?.kind ?? 'open') === 'open' && stallOf(undefined, row, now).reasons.includes('close_date_passed'),
    stages: playbook.pipeline.stages.map((s) => ({
      id: s.id, name: s.name, kind: s.kind, probability: s.probability, forecastCategory: s.forecastCategory,
      expectedDurationDays: s.expectedDurationDays, daysSpent: Math.round((spent[s.id] ?? 0) * 10) / 10,
      criteria: s.exitCriteria.map((c) => ({ id: c.id, label: c.label, checked: !!checks[s.id]?.[c.id], ...(checks[s.id]?.[c.id] ?? {}) })),
    })),
    history,
    poc: poc ? { ...poc, passed: pocPassed({ status: poc.status, successCriteria: criteria }), gaps: pocGaps({ status: poc.status, successCriteria: criteria }) } : null,
    contract,
    lossReasons: playbook.pipeline.lossReasons,
  };
}
