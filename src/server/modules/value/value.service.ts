// Value Graph use cases (002 Acts I–II): the Architect's hypothesis, the Committer's KPIs, the artifacts of every
// agent run, the deal-risk assessment. Each mutation runs in one transaction with audit, event and timeline entry.
import { randomUUID } from 'node:crypto';
import { OWNER_ROLES } from '../../../core/access/owners';
import { audienceProblem, audiencesFor, defaultAudience, type Audience } from '../../../core/access/audience';
import { rowScopeFor } from '../../../core/access/roles';
import { AppError, notFound } from '../../../core/errors';
import {
  applyHypothesisEdit, architectNarrative, assessDealRisk, buildHypothesis, computeHypothesis, money, proposeCommitment,
  type AccountProfile, type CommitmentEdit, type DiscoveryInput, type HypothesisEdit, type HypothesisModel, type HypothesisResults, type Kpi,
  type SuccessCriterion,
} from '../../../core/value';
import { transaction, type Executor, type Tx } from '../../db/client';
import type { Ctx } from '../../http/env';
import { assertRefsInScope } from '../../http/scope-refs';
import { emit } from '../../jobs/events';
import { presentContact } from '../accounts/contacts.service';
import { logSystemActivity } from '../accounts/timeline.service';
import { audit } from '../platform/audit';
import { currentPlaybook } from '../platform/playbook.service';
import * as repo from './value.repo';

const actorId = (ctx: Ctx) => (ctx.actor.via === 'system' ? null : ctx.actor.id);
/** The account's contacts as the actor sees them: an agent run by a partner works from the roles published to it. */
const contactsFor = async (ctx: Ctx, db: Executor, accountId: string) => (await repo.accountContacts(db, accountId)).map((c) => presentContact(ctx, c));
const CLOSED = ['closed_won', 'closed_lost'];

async function loadOpportunity(ctx: Ctx, db: Executor, id: string, lock = false) {
  const row = await repo.findOpportunity(db, rowScopeFor(ctx.actor), id, { lock });
  if (!row) throw notFound('Opportunity');
  return row;
}

export function profileOf(o: repo.OpportunityFacts): AccountProfile {
  return {
    name: o.accountName, industry: o.industry, employees: o.employees, servers: o.servers, cloudResources: o.cloudResources,
    networkDevices: o.networkDevices, complianceFrameworks: o.complianceFrameworks, techStack: o.techStack,
  };
}

const headline = (r: HypothesisResults) => ({
  annualBenefit: r.annualBenefit, totalBenefits: r.totalBenefits, totalCosts: r.totalCosts, npv: r.npv,
  roiPercent: r.roiPercent, paybackMonths: r.paybackMonths, currency: r.currency,
});

function presentHypothesis(row: repo.HypothesisRow, accountName: string) {
  const model = row.model as HypothesisModel;
  const results = row.results as HypothesisResults;
  return { ...row, model, results, narrative: architectNarrative(accountName, model, results) };
}

function checkVersion(what: string, current: number, sent: number) {
  if (current !== sent) {
    throw new AppError('version_conflict', `The ${what} changed since you loaded it (version ${current}, you sent ${sent}). Reload and try again.`, { currentVersion: current });
  }
}

// ------------------------------------------------------------------ Act I: the hypothesis

/** Runs the Value Architect: builds the hypothesis from the account profile and discovery, stores it and its artifact. */
export async function generateHypothesis(ctx: Ctx, opportunityId: string, discovery: DiscoveryInput) {
  return transaction(ctx.deps.database, async (tx) => {
    const opp = await loadOpportunity(ctx, tx, opportunityId, true);
    if (CLOSED.includes(opp.stage)) throw new AppError('conflict', 'The opportunity is closed; its business case is final.');
    const { version: playbookVersion, playbook } = await currentPlaybook(tx);
    const model = buildHypothesis({ account: profileOf(opp), opportunity: { amount: opp.amount, currency: opp.currency }, playbook, discovery });
    const results = computeHypothesis(model);
    const graphId = await repo.ensureGraph(tx, opp.accountId);
    const existing = await repo.findHypothesis(tx, opp.id);
    const artifactId = randomUUID();
    const values = { model, results, ...headline(results), status: 'draft' as const, artifactId, acceptedBy: null, acceptedAt: null };
    const row = existing
      ? await repo.updateHypothesis(tx, existing.id, existing.version, values)
      : await repo.insertHypothesis(tx, { id: randomUUID(), valueGraphId: graphId, accountId: opp.accountId, opportunityId: opp.id, createdBy: actorId(ctx), ...values });
    if (!row) throw new AppError('version_conflict', 'The hypothesis changed while generating. Try again.');
    const narrative = architectNarrative(opp.accountName, model, results);
    await repo.insertArtifact(tx, {
      id: artifactId, agent: 'architect', valueGraphId: graphId, accountId: opp.accountId, opportunityId: opp.id,
      entityType: 'value_hypothesis', entityId: row.id, narrative, playbookVersion, createdBy: actorId(ctx), audience: defaultAudience(ctx.actor),
      inputs: { account: profileOf(opp), opportunity: { id: opp.id, name: opp.name, stage: opp.stage, amount: opp.amount, currency: opp.currency }, discovery, playbookVersion },
      outputs: { pains: results.pains, drivers: results.drivers, assumptions: model.assumptions, years: results.years, ...headline(results) },
    });
    await audit(ctx, tx, { action: 'value_hypothesis.generate', entityType: 'value_hypothesis', entityId: row.id, accountId: opp.accountId, before: existing ? headline(existing.results as HypothesisResults) : null, after: headline(results) });
    await logSystemActivity(ctx, tx, opp.accountId, `Value hypothesis generated: ${opp.name}`, narrative, { type: 'opportunity', id: opp.id });
    await emit(ctx, tx, { type: 'value.hypothesis_generated', entityType: 'value_hypothesis', entityId: row.id, accountId: opp.accountId, payload: { opportunityId: opp.id, artifactId, ...headline(results) } });
    return presentHypothesis(row, opp.accountName);
  });
}

export async function getHypothesis(ctx: Ctx, opportunityId: string) {
  const db = ctx.deps.database.db;
  const opp = await loadOpportunity(ctx, db, opportunityId);
  const row = await repo.findHypothesis(db, opp.id);
  if (!row) throw notFound('Value hypothesis');
  return presentHypothesis(row, opp.accountName);
}

/** Edits assumptions, pains, horizon or rate; every figure is recomputed. An accepted hypothesis returns to draft. */
export async function updateHypothesis(ctx: Ctx, opportunityId: string, input: HypothesisEdit) {
  const { version, ...edit } = input;
  return transaction(ctx.deps.database, async (tx) => {
    const opp = await loadOpportunity(ctx, tx, opportunityId, true);
    const before = await repo.findHypothesis(tx, opp.id);
    if (!before) throw notFound('Value hypothesis');
    checkVersion('hypothesis', before.version, version);
    const model = applyHypothesisEdit(before.model as HypothesisModel, edit);
    const results = computeHypothesis(model);
    const row = await repo.updateHypothesis(tx, before.id, version, { model, results, ...headline(results), status: 'draft', acceptedBy: null, acceptedAt: null });
    if (!row) throw new AppError('version_conflict', 'The hypothesis changed while saving. Reload and try again.');
    const was = before.results as HypothesisResults;
    const changed = (edit.assumptions ?? []).map((e) => e.id).concat(edit.reset ?? []);
    await audit(ctx, tx, {
      action: 'value_hypothesis.update', entityType: 'value_hypothesis', entityId: row.id, accountId: opp.accountId,
      before: { ...headline(was), assumptions: pick(before.model as HypothesisModel, changed), status: before.status },
      after: { ...headline(results), assumptions: pick(model, changed), status: row.status },
    });
    const c = results.currency;
    await logSystemActivity(ctx, tx, opp.accountId, `Value hypothesis updated: ${opp.name}`,
      `Annual benefit ${money(was.annualBenefit, c)} → ${money(results.annualBenefit, c)}; NPV ${money(was.npv, c)} → ${money(results.npv, c)}.`, { type: 'opportunity', id: opp.id });
    await emit(ctx, tx, { type: 'value.hypothesis_updated', entityType: 'value_hypothesis', entityId: row.id, accountId: opp.accountId, payload: { opportunityId: opp.id, ...headline(results) } });
    return presentHypothesis(row, opp.accountName);
  });
}

const pick = (m: HypothesisModel, ids: string[]) => Object.fromEntries(m.assumptions.filter((a) => ids.includes(a.id)).map((a) => [a.id, a.value]));

export async function acceptHypothesis(ctx: Ctx, opportunityId: string, input: { version: number }) {
  return transaction(ctx.deps.database, async (tx) => {
    const opp = await loadOpportunity(ctx, tx, opportunityId, true);
    const before = await repo.findHypothesis(tx, opp.id);
    if (!before) throw notFound('Value hypothesis');
    checkVersion('hypothesis', before.version, input.version);
    if (before.status === 'accepted') throw new AppError('conflict', 'The hypothesis is already accepted.');
    const now = new Date();
    const row = await repo.updateHypothesis(tx, before.id, input.version, { status: 'accepted', acceptedBy: actorId(ctx), acceptedAt: now });
    if (!row) throw new AppError('version_conflict', 'The hypothesis changed while accepting. Reload and try again.');
    await audit(ctx, tx, { action: 'value_hypothesis.accept', entityType: 'value_hypothesis', entityId: row.id, accountId: opp.accountId, before: { status: before.status }, after: { status: 'accepted', acceptedBy: row.acceptedBy } });
    await acceptLinkedArtifact(ctx, tx, row.artifactId, opp.accountId, now);
    await logSystemActivity(ctx, tx, opp.accountId, `Value hypothesis accepted: ${opp.name}`, `Accepted by ${ctx.actor.name}: ${money(row.annualBenefit, row.currency)} a year, NPV ${money(row.npv, row.currency)}.`, { type: 'opportunity', id: opp.id });
    await emit(ctx, tx, { type: 'value.hypothesis_accepted', entityType: 'value_hypothesis', entityId: row.id, accountId: opp.accountId, payload: { opportunityId: opp.id, ...headline(row.results as HypothesisResults) } });
    return presentHypothesis(row, opp.accountName);
  });
}

async function acceptLinkedArtifact(ctx: Ctx, tx: Tx, artifactId: string | null, accountId: string, at: Date) {
  if (!artifactId) return;
  const art = await repo.findArtifact(tx, artifactId, { lock: true });
  if (!art || art.status !== 'draft') return;
  await repo.decideArtifact(tx, art.id, { status: 'accepted', acceptedBy: actorId(ctx), acceptedAt: at });
  await audit(ctx, tx, { action: 'agent_artifact.accept', entityType: 'agent_artifact', entityId: art.id, accountId, before: { status: 'draft' }, after: { status: 'accepted' } });
}

// ------------------------------------------------------------------ Act II: the commitment

const presentCommitment = (row: repo.CommitmentRow) => ({ ...row, kpis: row.kpis as Kpi[], successCriteria: row.successCriteria as SuccessCriterion[] });

/** Runs the Value Committer at negotiation: proposes contracted KPIs and success criteria from the hypothesis. */
export async function generateCommitment(ctx: Ctx, opportunityId: string) {
  return transaction(ctx.deps.database, async (tx) => {
    const opp = await loadOpportunity(ctx, tx, opportunityId, true);
    if (opp.stage !== 'negotiation') throw new AppError('conflict', `KPIs are committed at negotiation; the opportunity is in ${opp.stage}.`);
    const hyp = await repo.findHypothesis(tx, opp.id);
    if (!hyp) throw new AppError('conflict', 'Generate the value hypothesis first: the commitment is derived from it.');
    const { version: playbookVersion, playbook } = await currentPlaybook(tx);
    const people = (await contactsFor(ctx, tx, opp.accountId)).map((c) => ({ id: c.id, name: `${c.firstName} ${c.lastName}`, roles: c.roles as string[] }));
    const startDate = opp.closeDate ?? new Date().toISOString().slice(0, 10);
    const vendorOwnerId = opp.csmId ?? opp.ownerId ?? opp.aeId;
    const proposal = proposeCommitment({ model: hyp.model as HypothesisModel, results: hyp.results as HypothesisResults, playbook, startDate, contacts: people, vendorOwnerId });
    const graphId = await repo.ensureGraph(tx, opp.accountId);
    const existing = await repo.findCommitment(tx, opp.id);
    const artifactId = randomUUID();
    const values = { kpis: proposal.kpis, successCriteria: proposal.successCriteria, hypothesisId: hyp.id, status: 'draft' as const, artifactId, acceptedBy: null, acceptedAt: null };
    const row = existing
      ? await repo.updateCommitment(tx, existing.id, existing.version, values)
      : await repo.insertCommitment(tx, { id: randomUUID(), valueGraphId: graphId, accountId: opp.accountId, opportunityId: opp.id, createdBy: actorId(ctx), ...values });
    if (!row) throw new AppError('version_conflict', 'The commitment changed while generating. Try again.');
    await repo.insertArtifact(tx, {
      id: artifactId, agent: 'committer', valueGraphId: graphId, accountId: opp.accountId, opportunityId: opp.id,
      entityType: 'value_commitment', entityId: row.id, narrative: proposal.narrative, playbookVersion, createdBy: actorId(ctx), audience: defaultAudience(ctx.actor),
      inputs: { hypothesis: { id: hyp.id, version: hyp.version, status: hyp.status, ...headline(hyp.results as HypothesisResults) }, stakeholders: people, startDate, vendorOwnerId, playbookVersion },
      outputs: { kpis: proposal.kpis, successCriteria: proposal.successCriteria },
    });
    await audit(ctx, tx, { action: 'value_commitment.generate', entityType: 'value_commitment', entityId: row.id, accountId: opp.accountId, before: existing ? { kpis: existing.kpis } : null, after: { kpis: proposal.kpis } });
    await logSystemActivity(ctx, tx, opp.accountId, `Value commitment proposed: ${opp.name}`, proposal.narrative, { type: 'opportunity', id: opp.id });
    await emit(ctx, tx, { type: 'value.commitment_generated', entityType: 'value_commitment', entityId: row.id, accountId: opp.accountId, payload: { opportunityId: opp.id, artifactId, kpis: proposal.kpis.length } });
    return { ...presentCommitment(row), narrative: proposal.narrative };
  });
}

export async function getCommitment(ctx: Ctx, opportunityId: string) {
  const db = ctx.deps.database.db;
  const opp = await loadOpportunity(ctx, db, opportunityId);
  const row = await repo.findCommitment(db, opp.id);
  if (!row) throw notFound('Value commitment');
  return presentCommitment(row);
}

export async function updateCommitment(ctx: Ctx, opportunityId: string, input: CommitmentEdit) {
  return transaction(ctx.deps.database, async (tx) => {
    const opp = await loadOpportunity(ctx, tx, opportunityId, true);
    const before = await repo.findCommitment(tx, opp.id);
    if (!before) throw notFound('Value commitment');
    checkVersion('commitment', before.version, input.version);
    const errors: { path: string; message: string }[] = [];
    if (input.kpis) {
      const contactIds = new Set((await repo.accountContacts(tx, opp.accountId)).map((c) => c.id));
      const seen = new Set<string>();
      input.kpis.forEach((k, i) => {
        if (seen.has(k.id)) errors.push({ path: `kpis.${i}.id`, message: `Duplicate KPI id "${k.id}"` });
        seen.add(k.id);
        if (k.ownerContactId && !contactIds.has(k.ownerContactId)) errors.push({ path: `kpis.${i}.ownerContactId`, message: 'Not a contact of this account' });
      });
    }
    if (errors.length) throw new AppError('validation_failed', 'The commitment has errors.', { errors });
    // KPI owners on our side: staff, or people of the deal's partner; owners already on the commitment stay valid.
    const kept = new Set((before.kpis as Kpi[]).map((k) => k.ownerUserId));
    await assertRefsInScope(ctx, tx, { users: [{
      ids: Object.fromEntries((input.kpis ?? []).map((k, i) => [`kpis.${i}.ownerUserId`, kept.has(k.ownerUserId) ? null : k.ownerUserId])),
      roles: OWNER_ROLES.team, partnerId: opp.partnerId,
    }] });
    const patch = { ...(input.kpis ? { kpis: input.kpis } : {}), ...(input.successCriteria ? { successCriteria: input.successCriteria } : {}), status: 'draft' as const, acceptedBy: null, acceptedAt: null };
    const row = await repo.updateCommitment(tx, before.id, input.version, patch);
    if (!row) throw new AppError('version_conflict', 'The commitment changed while saving. Reload and try again.');
    await audit(ctx, tx, { action: 'value_commitment.update', entityType: 'value_commitment', entityId: row.id, accountId: opp.accountId, before: { kpis: before.kpis, successCriteria: before.successCriteria, status: before.status }, after: { kpis: row.kpis, successCriteria: row.successCriteria, status: row.status } });
    await logSystemActivity(ctx, tx, opp.accountId, `Value commitment edited: ${opp.name}`, `${(row.kpis as Kpi[]).length} KPIs.`, { type: 'opportunity', id: opp.id });
    await emit(ctx, tx, { type: 'value.commitment_updated', entityType: 'value_commitment', entityId: row.id, accountId: opp.accountId, payload: { opportunityId: opp.id } });
    return presentCommitment(row);
  });
}

export async function acceptCommitment(ctx: Ctx, opportunityId: string, input: { version: number }) {
  return transaction(ctx.deps.database, async (tx) => {
    const opp = await loadOpportunity(ctx, tx, opportunityId, true);
    const before = await repo.findCommitment(tx, opp.id);
    if (!before) throw notFound('Value commitment');
    checkVersion('commitment', before.version, input.version);
    if (before.status === 'accepted') throw new AppError('conflict', 'The commitment is already accepted.');
    const now = new Date();
    const row = await repo.updateCommitment(tx, before.id, input.version, { status: 'accepted', acceptedBy: actorId(ctx), acceptedAt: now });
    if (!row) throw new AppError('version_conflict', 'The commitment changed while accepting. Reload and try again.');
    await audit(ctx, tx, { action: 'value_commitment.accept', entityType: 'value_commitment', entityId: row.id, accountId: opp.accountId, before: { status: before.status }, after: { status: 'accepted', acceptedBy: row.acceptedBy } });
    await acceptLinkedArtifact(ctx, tx, row.artifactId, opp.accountId, now);
    await logSystemActivity(ctx, tx, opp.accountId, `Value commitment accepted: ${opp.name}`, `${(row.kpis as Kpi[]).length} KPIs accepted by ${ctx.actor.name} for the contract.`, { type: 'opportunity', id: opp.id });
    await emit(ctx, tx, { type: 'value.commitment_accepted', entityType: 'value_commitment', entityId: row.id, accountId: opp.accountId, payload: { opportunityId: opp.id, kpis: row.kpis as Record<string, unknown>[] } });
    return presentCommitment(row);
  });
}

/**
 * The contracted KPIs of an opportunity for the contract at close: the accepted commitment, else the latest draft.
 * Internal read (no actor scope): the caller has already authorised access to the opportunity.
 */
export async function commitmentFor(db: Executor, opportunityId: string): Promise<{ status: 'draft' | 'accepted'; kpis: Kpi[]; successCriteria: SuccessCriterion[]; acceptedAt: Date | null } | null> {
  const row = await repo.findCommitment(db, opportunityId);
  if (!row) return null;
  return { status: row.status, kpis: row.kpis as Kpi[], successCriteria: row.successCriteria as SuccessCriterion[], acceptedAt: row.acceptedAt };
}

// ------------------------------------------------------------------ artifacts, risk, overview

export async function listArtifacts(ctx: Ctx, opportunityId: string, limit: number) {
  const db = ctx.deps.database.db;
  const opp = await loadOpportunity(ctx, db, opportunityId);
  return { items: await repo.listArtifacts(db, opp.id, limit, audiencesFor(ctx.actor)), nextCursor: null };
}

/** Shares an agent run with the partner or the customer, or takes it back to internal. */
export async function setArtifactAudience(ctx: Ctx, artifactId: string, audience: Audience) {
  return transaction(ctx.deps.database, async (tx) => {
    const art = await repo.findArtifact(tx, artifactId, { lock: true });
    if (!art || !art.opportunityId) throw notFound('Artifact');
    const opp = await loadOpportunity(ctx, tx, art.opportunityId).catch(() => { throw notFound('Artifact'); });
    const problem = audienceProblem(ctx.actor, audience);
    if (problem) throw new AppError('forbidden', problem);
    const row = await repo.decideArtifact(tx, art.id, { audience });
    await audit(ctx, tx, { action: 'agent_artifact.audience', entityType: 'agent_artifact', entityId: art.id, accountId: opp.accountId, before: { audience: art.audience }, after: { audience } });
    return row;
  });
}

/** Accepts or rejects an agent's proposal. Accepting the current proposal of a draft also accepts the draft. */
export async function decideArtifact(ctx: Ctx, artifactId: string, decision: { accept: boolean; reason?: string }) {
  return transaction(ctx.deps.database, async (tx) => {
    const art = await repo.findArtifact(tx, artifactId, { lock: true });
    if (!art || !art.opportunityId) throw notFound('Artifact');
    const opp = await loadOpportunity(ctx, tx, art.opportunityId, true).catch(() => { throw notFound('Artifact'); });
    if (art.status !== 'draft') throw new AppError('conflict', `The artifact is already ${art.status}.`);
    const now = new Date();
    const row = await repo.decideArtifact(tx, art.id, decision.accept
      ? { status: 'accepted', acceptedBy: actorId(ctx), acceptedAt: now }
      : { status: 'rejected', rejectedBy: actorId(ctx), rejectedAt: now, rejectionReason: decision.reason ?? null });
    await audit(ctx, tx, { action: `agent_artifact.${decision.accept ? 'accept' : 'reject'}`, entityType: 'agent_artifact', entityId: art.id, accountId: opp.accountId, before: { status: 'draft' }, after: { status: row.status, rejectionReason: row.rejectionReason } });
    if (decision.accept) {
      if (art.entityType === 'value_hypothesis') {
        const h = await repo.findHypothesis(tx, opp.id);
        if (h && h.artifactId === art.id && h.status === 'draft') {
          await repo.updateHypothesis(tx, h.id, h.version, { status: 'accepted', acceptedBy: actorId(ctx), acceptedAt: now });
          await audit(ctx, tx, { action: 'value_hypothesis.accept', entityType: 'value_hypothesis', entityId: h.id, accountId: opp.accountId, before: { status: 'draft' }, after: { status: 'accepted' } });
        }
      } else if (art.entityType === 'value_commitment') {
        const c = await repo.findCommitment(tx, opp.id);
        if (c && c.artifactId === art.id && c.status === 'draft') {
          await repo.updateCommitment(tx, c.id, c.version, { status: 'accepted', acceptedBy: actorId(ctx), acceptedAt: now });
          await audit(ctx, tx, { action: 'value_commitment.accept', entityType: 'value_commitment', entityId: c.id, accountId: opp.accountId, before: { status: 'draft' }, after: { status: 'accepted' } });
        }
      }
    }
    const agent = art.agent === 'architect' ? 'Value Architect' : art.agent === 'committer' ? 'Value Committer' : art.agent;
    await logSystemActivity(ctx, tx, opp.accountId, `${agent} proposal ${row.status}: ${opp.name}`, decision.reason ?? undefined, { type: 'opportunity', id: opp.id });
    await emit(ctx, tx, { type: 'value.artifact_decided', entityType: 'agent_artifact', entityId: art.id, accountId: opp.accountId, payload: { opportunityId: opp.id, agent: art.agent, status: row.status } });
    return row;
  });
}

export async function dealRisk(ctx: Ctx, opportunityId: string) {
  const db = ctx.deps.database.db;
  const opp = await loadOpportunity(ctx, db, opportunityId);
  const { playbook } = await currentPlaybook(db);
  const [bant, people, lastAt, poc] = await Promise.all([
    repo.leadBant(db, opp.leadId), contactsFor(ctx, db, opp.accountId), repo.lastActivityAt(db, opp.accountId), repo.latestPoc(db, opp.id),
  ]);
  const last = [lastAt, opp.updatedAt].filter((d): d is Date => !!d).sort((a, b) => b.getTime() - a.getTime())[0] ?? null;
  const b = bant as { budget?: boolean; authority?: boolean; need?: boolean; timelineMonths?: number } | null;
  return assessDealRisk({
    now: new Date(), stage: opp.stage, closeDate: opp.closeDate, segment: opp.segment, execSponsorId: opp.execSponsorId,
    bant: b, timelineHorizonMonths: playbook.leads.bant.timelineHorizonMonths,
    contacts: people.map((c) => ({ id: c.id, roles: c.roles as string[] })), poc, lastActivityAt: last,
  });
}

/** Everything the value page needs in one read. */
export async function overview(ctx: Ctx, opportunityId: string) {
  const db = ctx.deps.database.db;
  const opp = await loadOpportunity(ctx, db, opportunityId);
  const [h, c, people] = await Promise.all([repo.findHypothesis(db, opp.id), repo.findCommitment(db, opp.id), contactsFor(ctx, db, opp.accountId)]);
  return {
    opportunity: { id: opp.id, name: opp.name, stage: opp.stage, amount: opp.amount, currency: opp.currency, closeDate: opp.closeDate, accountId: opp.accountId },
    account: { id: opp.accountId, name: opp.accountName, segment: opp.segment, servers: opp.servers, industry: opp.industry },
    contacts: people.map((p) => ({ id: p.id, name: `${p.firstName} ${p.lastName}`, roles: p.roles, title: p.title })),
    hypothesis: h ? presentHypothesis(h, opp.accountName) : null,
    commitment: c ? presentCommitment(c) : null,
  };
}

/** The data the proposal PDF is drawn from. */
export async function proposalData(ctx: Ctx, opportunityId: string) {
  const db = ctx.deps.database.db;
  const opp = await loadOpportunity(ctx, db, opportunityId);
  const h = await repo.findHypothesis(db, opp.id);
  if (!h) throw new AppError('conflict', 'Generate the value hypothesis first: the proposal is drawn from it.');
  const c = await repo.findCommitment(db, opp.id);
  // The PDF names the stage as the playbook does and prints the seller (the playbook's company section).
  const { playbook } = await currentPlaybook(db);
  const stageName = playbook.pipeline.stages.find((x) => x.id === opp.stage)?.name ?? opp.stage;
  return { opportunity: { ...opp, stageName }, hypothesis: presentHypothesis(h, opp.accountName), commitment: c ? presentCommitment(c) : null, seller: playbook.company };
}
