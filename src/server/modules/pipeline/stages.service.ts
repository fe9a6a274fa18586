// Stage gates, moves and closing (000 §1 stages 3–6). Every move runs in one transaction: the opportunity, its stage
// history, the stage timer, audit, timeline and event; a refused gate writes nothing.
import { AppError } from '../../../core/errors';
import { contractEndDate, netServicesFee, paymentSchedule } from '../../../core/pipeline/contract';
import {
  canOverride, evaluateGate, resolveCriterionStage, setCheck, stageDefaults, stageOf,
  type GateChecks, type GateResult, type MissingCriterion, type PipelineStage,
} from '../../../core/pipeline/gates';
import { pocCredit, pocPassed, type PocCriterion } from '../../../core/pipeline/poc';
import type { AdvanceInput, CloseLostInput, CloseWonInput, CriterionInput } from '../../../core/pipeline/schemas';
import type { Playbook } from '../../../core/playbook';
import { transaction, type Tx } from '../../db/client';
import type { Ctx } from '../../http/env';
import { emit } from '../../jobs/events';
import { accountForChange, updateAccountTx } from '../accounts/accounts.service';
import { logSystemActivity } from '../accounts/timeline.service';
import { audit } from '../platform/audit';
import { currentPlaybook } from '../platform/playbook.service';
import * as repo from './opportunities.repo';
import { opportunityForChange } from './opportunities.service';
import * as pocRepo from './pocs.repo';
import { restartStageTimer } from './timers';
import { applyTotals } from './totals';

const today = () => new Date().toISOString().slice(0, 10);
const closedError = () => new AppError('conflict', 'The opportunity is closed; its stage no longer changes.');

export async function setCriterion(ctx: Ctx, id: string, criterionId: string, input: CriterionInput) {
  return transaction(ctx.deps.database, async (tx) => {
    const before = await opportunityForChange(ctx, tx, id);
    const { playbook } = await currentPlaybook(tx);
    if (stageOf(playbook.pipeline.stages, before.stage)?.kind !== 'open') throw closedError();
    const stage = resolveCriterionStage(playbook.pipeline.stages, criterionId, { explicit: input.stage, current: before.stage });
    if (!stage) {
      throw new AppError('validation_failed', `"${criterionId}" is not an exit criterion${input.stage ? ` of stage ${input.stage}` : ''} in the playbook.`, {
        errors: [{ path: 'criterionId', message: 'unknown exit criterion' }],
      });
    }
    const label = stage.exitCriteria.find((c) => c.id === criterionId)!.label;
    const check = input.checked ? { at: new Date().toISOString(), by: ctx.actor.via === 'system' ? null : ctx.actor.id, byName: ctx.actor.name, note: input.note ?? null } : null;
    const checks = setCheck(before.gateChecks as GateChecks, stage.id, criterionId, check);
    const after = await repo.updateOpportunity(tx, id, before.version, { gateChecks: checks });
    if (!after) throw new AppError('version_conflict', 'The opportunity changed while saving. Reload and try again.');
    const entry = { stage: stage.id, criterion: criterionId, label, checked: input.checked, note: input.note ?? null };
    await audit(ctx, tx, {
      action: input.checked ? 'opportunity.criterion_check' : 'opportunity.criterion_uncheck', entityType: 'opportunity', entityId: id,
      accountId: after.accountId, before: { criterion: `${stage.id}.${criterionId}`, checked: !!(before.gateChecks as GateChecks)[stage.id]?.[criterionId] }, after: { criterion: `${stage.id}.${criterionId}`, checked: input.checked, note: entry.note },
    });
    await emit(ctx, tx, { type: 'opportunity.criterion_changed', entityType: 'opportunity', entityId: id, accountId: after.accountId, payload: entry });
    return after;
  });
}

/** Passes the gate, or refuses with the missing list; an admin or executive may pass it with a reason. */
function passGate(ctx: Ctx, gate: GateResult, overrideReason: string | undefined): { override: { reason: string; missing: MissingCriterion[] } | null } {
  if (gate.missing.length === 0) return { override: null };
  const errors = gate.missing.map((m) => ({ path: `criteria.${m.stage}.${m.id}`, message: `${m.stageName}: ${m.label}` }));
  if (!overrideReason) {
    throw new AppError('validation_failed', `${gate.missing.length} exit criteria are missing: ${gate.missing.map((m) => m.label).join('; ')}.`, {
      errors, missing: gate.missing, canOverride: canOverride(ctx.actor.role),
    });
  }
  if (!canOverride(ctx.actor.role)) {
    throw new AppError('forbidden', 'Only admins and executives may pass a stage gate with missing exit criteria.', { errors, missing: gate.missing });
  }
  return { override: { reason: overrideReason, missing: gate.missing } };
}

async function gateFor(tx: Tx, playbook: Playbook, opp: repo.OpportunityRow, to: PipelineStage) {
  const poc = await pocRepo.findPoc(tx, opp.id);
  return evaluateGate({
    stages: playbook.pipeline.stages, from: opp.stage, to: to.id, checks: opp.gateChecks as GateChecks,
    pocPassed: pocPassed(poc ? { status: poc.status, successCriteria: poc.successCriteria as PocCriterion[] } : null),
  });
}

/** Writes a stage change with everything that goes with it. */
async function moveStage(
  ctx: Ctx, tx: Tx, before: repo.OpportunityRow, from: PipelineStage, to: PipelineStage,
  extra: { override: { reason: string; missing: MissingCriterion[] } | null; patch?: Parameters<typeof repo.updateOpportunity>[3] },
) {
  const now = new Date();
  const after = await repo.updateOpportunity(tx, before.id, before.version, {
    stage: to.id as repo.OpportunityRow['stage'], stageEnteredAt: now, stageOverdueAt: null, ...stageDefaults(to, before), ...extra.patch,
  });
  if (!after) throw new AppError('version_conflict', 'The opportunity changed while saving. Reload and try again.');
  await applyTotals(tx, before, after);
  const actorId = ctx.actor.via === 'system' ? null : ctx.actor.id;
  await repo.insertStageHistory(tx, {
    opportunityId: before.id, fromStage: before.stage, toStage: to.id, at: now, actorId,
    overrideReason: extra.override?.reason ?? null, missingCriteria: extra.override?.missing ?? null,
  });
  await restartStageTimer(ctx, tx, before.id, to, now);
  await audit(ctx, tx, { action: 'opportunity.stage_change', entityType: 'opportunity', entityId: before.id, accountId: before.accountId, before, after });
  if (extra.override) {
    await audit(ctx, tx, {
      action: 'opportunity.gate_override', entityType: 'opportunity', entityId: before.id, accountId: before.accountId,
      after: { fromStage: from.id, toStage: to.id, reason: extra.override.reason, missing: extra.override.missing },
    });
  }
  const back = from.kind === 'open' && to.kind === 'open' && from.probability > to.probability;
  await logSystemActivity(ctx, tx, before.accountId, `Opportunity ${back ? 'moved back' : 'moved'}: ${before.name}`,
    `${from.name} → ${to.name}${extra.override ? ` (gate overridden by ${ctx.actor.name}: ${extra.override.reason}; missing ${extra.override.missing.map((m) => m.label).join(', ')})` : ''}.`,
    { type: 'opportunity', id: before.id });
  await emit(ctx, tx, {
    type: 'opportunity.stage_changed', entityType: 'opportunity', entityId: before.id, accountId: before.accountId,
    payload: { fromStage: from.id, toStage: to.id, override: extra.override, amount: after.amount, currency: after.currency, probability: after.probability },
  });
  return after;
}

export async function advance(ctx: Ctx, id: string, input: AdvanceInput) {
  return transaction(ctx.deps.database, async (tx) => {
    const before = await opportunityForChange(ctx, tx, id, input.version);
    const { playbook } = await currentPlaybook(tx);
    const stages = playbook.pipeline.stages;
    const to = stageOf(stages, input.toStage);
    if (!to) throw new AppError('validation_failed', `Unknown stage "${input.toStage}".`, { errors: [{ path: 'toStage', message: `one of ${stages.map((s) => s.id).join(', ')}` }] });
    if (to.kind !== 'open') {
      throw new AppError('validation_failed', `Close an opportunity with /close-won or /close-lost, not by moving it to ${to.name}.`, { errors: [{ path: 'toStage', message: 'closing stage' }] });
    }
    const from = stageOf(stages, before.stage)!;
    const gate = await gateFor(tx, playbook, before, to);
    if (gate.move === 'from_closed') throw closedError();
    if (gate.move === 'same') throw new AppError('conflict', `The opportunity is already in ${to.name}.`);
    const { override } = passGate(ctx, gate, input.overrideReason);
    return moveStage(ctx, tx, before, from, to, { override });
  });
}

export async function closeLost(ctx: Ctx, id: string, input: CloseLostInput) {
  return transaction(ctx.deps.database, async (tx) => {
    const before = await opportunityForChange(ctx, tx, id, input.version);
    const { playbook } = await currentPlaybook(tx);
    const reason = playbook.pipeline.lossReasons.find((r) => r.id === input.reason);
    if (!reason) {
      throw new AppError('validation_failed', 'Pick a loss reason from the playbook.', {
        errors: [{ path: 'reason', message: `one of ${playbook.pipeline.lossReasons.map((r) => r.id).join(', ')}` }],
      });
    }
    const stages = playbook.pipeline.stages;
    const from = stageOf(stages, before.stage)!;
    if (from.kind !== 'open') throw closedError();
    const lost = stages.find((s) => s.kind === 'lost')!;
    const after = await moveStage(ctx, tx, before, from, lost, {
      override: null,
      patch: { lossReason: reason.id, lossNotes: input.notes ?? null, closedAt: new Date(), closeDate: input.closeDate ?? today() },
    });
    await emit(ctx, tx, {
      type: 'opportunity.lost', entityType: 'opportunity', entityId: id, accountId: after.accountId,
      payload: { opportunityId: id, reason: reason.id, reasonLabel: reason.label, notes: after.lossNotes, amount: after.amount, currency: after.currency, fromStage: from.id },
    });
    return after;
  });
}

export async function closeWon(ctx: Ctx, id: string, input: CloseWonInput) {
  return transaction(ctx.deps.database, async (tx) => {
    const before = await opportunityForChange(ctx, tx, id, input.version);
    const { playbook } = await currentPlaybook(tx);
    const stages = playbook.pipeline.stages;
    const from = stageOf(stages, before.stage)!;
    const won = stages.find((s) => s.kind === 'won')!;
    const gate = await gateFor(tx, playbook, before, won);
    if (gate.move === 'from_closed') throw closedError();
    const { override } = passGate(ctx, gate, input.overrideReason);

    // Revenue metrics and the contract count a won deal's amount: a deal imported without one takes the ARR given here.
    const arr = input.arr ?? before.amount;
    if (arr === null) {
      throw new AppError('validation_failed', 'This opportunity has no amount: enter the contract ARR to win it.', { errors: [{ path: 'arr', message: 'required: the opportunity has no amount' }] });
    }
    const closeDate = input.closeDate ?? today();
    const after = await moveStage(ctx, tx, before, from, won, { override, patch: { closedAt: new Date(), closeDate, ...(before.amount === null ? { amount: arr } : {}) } });
    const poc = await pocRepo.findPoc(tx, id);
    const credit = pocCredit(playbook, poc ? { fee: poc.fee, feeCredited: poc.feeCredited } : null);
    const startDate = input.startDate ?? closeDate;
    const servicesFee = input.servicesFee;
    const contract = await pocRepo.insertContract(tx, {
      accountId: after.accountId, opportunityId: id, partnerId: after.partnerId,
      arr, currency: after.currency, termMonths: input.termMonths,
      startDate, endDate: contractEndDate(startDate, input.termMonths), modules: input.modules, servicesFee,
      pocFeeCredit: credit, paymentSchedule: paymentSchedule(playbook, netServicesFee(servicesFee, credit), startDate),
      kpis: await pocRepo.commitmentKpis(tx, id), signedBy: ctx.actor.via === 'system' ? null : ctx.actor.id,
    });
    await audit(ctx, tx, { action: 'contract.create', entityType: 'contract', entityId: contract.id, accountId: contract.accountId, after: contract });
    await becomeCustomer(ctx, tx, after.accountId, contract.arr);
    await logSystemActivity(ctx, tx, after.accountId, `Contract signed: ${after.name}`,
      `ARR ${(contract.arr / 100).toLocaleString('en-US')} ${contract.currency}, ${contract.termMonths} months from ${contract.startDate}.`,
      { type: 'contract', id: contract.id });
    await emit(ctx, tx, { type: 'opportunity.won', entityType: 'opportunity', entityId: id, accountId: after.accountId, payload: { opportunityId: id, amount: after.amount, currency: after.currency, contractId: contract.id } });
    await emit(ctx, tx, { type: 'contract.signed', entityType: 'contract', entityId: contract.id, accountId: contract.accountId, payload: { contract, opportunity: { id, name: after.name, ownerId: after.ownerId, partnerId: after.partnerId } } });
    return { opportunity: after, contract };
  });
}

/**
 * A won deal makes the account a customer: a prospect (or departed account) enters implementation, and the contract's
 * ARR is added to the account's (an expansion deal on an existing customer adds to it without moving its stage).
 */
async function becomeCustomer(ctx: Ctx, tx: Tx, accountId: string, arr: number) {
  const before = await accountForChange(ctx, tx, accountId);
  const stage = before.lifecycleStage === 'prospect' || before.lifecycleStage === 'churned' ? 'implementation' : before.lifecycleStage;
  await updateAccountTx(ctx, tx, before, { lifecycleStage: stage, arr: before.arr + arr });
}
