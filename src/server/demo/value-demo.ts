// Demo data of the value stream, loaded after the pipeline demo: a value hypothesis (with its Architect artifact)
// for every open opportunity in Proposal, POC or Negotiation, and a commitment (with its Committer artifact) for
// the ones in Negotiation. Built with the same pure core as the API; set-based multi-row inserts.
import { randomUUID } from 'node:crypto';
import { and, inArray, isNull, sql } from 'drizzle-orm';
import { defaultPlaybook, type Playbook } from '../../core/playbook';
import { applyHypothesisEdit, architectNarrative, buildHypothesis, computeHypothesis, PAIN_CATALOG, proposeCommitment, type HypothesisEdit } from '../../core/value';
import type { Database } from '../db/client';
import { accounts, agentArtifacts, contacts, opportunities, playbooks, valueCommitments, valueGraphs, valueHypotheses } from '../db/schema';
import type { DemoContext } from './context';

const NOTES: Record<string, string[]> = {
  manual_cmdb_upkeep: ['Two FTEs reconcile the CMDB every month-end', 'CMDB updated from spreadsheets after each change window'],
  consultant_spend: ['Paid a consultancy for the data-centre exit inventory', 'Annual landscape review done by an outside firm'],
  audit_findings: ['Last ISO audit flagged unknown servers', 'NIS2 readiness review found gaps in the asset register'],
  dependency_outages: ['Payroll outage after a firewall change nobody mapped', 'Two P1 incidents traced to undocumented dependencies'],
  license_waste: ['Licences still billed for decommissioned VMs', 'True-up showed over-deployment they could not explain'],
};
const BATCH = 500;

export async function loadValueDemo(database: Database, ctx: DemoContext): Promise<number> {
  const db = database.db;
  const open = await db.select({
    id: opportunities.id, name: opportunities.name, stage: opportunities.stage, amount: opportunities.amount, currency: opportunities.currency,
    closeDate: opportunities.closeDate, ownerId: opportunities.ownerId, accountId: accounts.id, accountName: accounts.name,
    industry: accounts.industry, employees: accounts.employees, servers: accounts.servers, cloudResources: accounts.cloudResources,
    networkDevices: accounts.networkDevices, complianceFrameworks: accounts.complianceFrameworks, techStack: accounts.techStack,
    csmId: accounts.csmId, aeId: accounts.aeId,
  }).from(opportunities).innerJoin(accounts, sql`${accounts.id} = ${opportunities.accountId}`)
    .where(and(inArray(opportunities.stage, ['proposal', 'poc', 'negotiation']), isNull(opportunities.deletedAt)))
    .orderBy(opportunities.createdAt, opportunities.id);
  if (!open.length) return 0;

  const [pb] = await db.select({ body: playbooks.body, version: playbooks.version }).from(playbooks).orderBy(sql`${playbooks.version} DESC`).limit(1);
  const playbook = (pb?.body as Playbook | undefined) ?? defaultPlaybook;
  const accountIds = [...new Set(open.map((o) => o.accountId))];
  await db.insert(valueGraphs).values(accountIds.map((accountId) => ({ accountId }))).onConflictDoNothing();
  const graphs = new Map((await db.select({ id: valueGraphs.id, accountId: valueGraphs.accountId }).from(valueGraphs)
    .where(inArray(valueGraphs.accountId, accountIds))).map((g) => [g.accountId, g.id]));
  const people = await db.select({ id: contacts.id, accountId: contacts.accountId, firstName: contacts.firstName, lastName: contacts.lastName, roles: contacts.roles })
    .from(contacts).where(and(inArray(contacts.accountId, accountIds), isNull(contacts.deletedAt)));

  const { rng, now } = ctx;
  const hyps: (typeof valueHypotheses.$inferInsert)[] = [];
  const commits: (typeof valueCommitments.$inferInsert)[] = [];
  const arts: (typeof agentArtifacts.$inferInsert)[] = [];
  for (const o of open) {
    const profile = {
      name: o.accountName, industry: o.industry, employees: o.employees, servers: o.servers, cloudResources: o.cloudResources,
      networkDevices: o.networkDevices, complianceFrameworks: o.complianceFrameworks, techStack: o.techStack,
    };
    // The seller ticked the suggested pains, minus one now and then; notes on a few.
    const suggested = PAIN_CATALOG.filter((p) => p.suggested(profile)).map((p) => p.id);
    const painIds = suggested.length > 1 && rng.next() < 0.4 ? suggested.filter((_, i) => i !== rng.int(0, suggested.length - 1)) : suggested;
    const notes = Object.fromEntries(painIds.filter(() => rng.next() < 0.5).map((id) => [id, rng.pick(NOTES[id])]));
    const discovery = { painIds: painIds.length ? painIds : ['consultant_spend'], notes };
    let model = buildHypothesis({ account: profile, opportunity: { amount: o.amount, currency: o.currency }, playbook, discovery });
    const architectModel = model;
    // Some sellers adjusted assumptions with the customer.
    if (rng.next() < 0.35) {
      const edits: NonNullable<HypothesisEdit['assumptions']> = [{ id: 'it_staff_hourly_cost', value: rng.int(70, 110) * 100 }];
      if (rng.next() < 0.5) edits.push({ id: 'processing_time_reduction', value: rng.int(30, 55) });
      model = applyHypothesisEdit(model, { assumptions: edits });
    }
    const results = computeHypothesis(model);
    const architectResults = computeHypothesis(architectModel);
    const userId = o.ownerId ?? o.aeId ?? null;
    const createdAt = new Date(now.getTime() - rng.int(3, 30) * 86400_000);
    const negotiation = o.stage === 'negotiation';
    const accepted = negotiation || (o.stage === 'poc' && rng.next() < 0.6);
    const acceptedAt = accepted ? new Date(createdAt.getTime() + rng.int(1, 3) * 86400_000) : null;
    const graphId = graphs.get(o.accountId)!;
    const hypId = randomUUID();
    const archId = randomUUID();
    const head = {
      annualBenefit: results.annualBenefit, totalBenefits: results.totalBenefits, totalCosts: results.totalCosts, npv: results.npv,
      roiPercent: results.roiPercent, paybackMonths: results.paybackMonths, currency: results.currency,
    };
    hyps.push({
      id: hypId, valueGraphId: graphId, accountId: o.accountId, opportunityId: o.id, status: accepted ? 'accepted' : 'draft', model, results, ...head,
      artifactId: archId, createdBy: userId, acceptedBy: accepted ? userId : null, acceptedAt, createdAt, updatedAt: acceptedAt ?? createdAt,
      version: (model === architectModel ? 1 : 2) + (accepted ? 1 : 0),
    });
    arts.push({
      id: archId, agent: 'architect', valueGraphId: graphId, accountId: o.accountId, opportunityId: o.id, entityType: 'value_hypothesis', entityId: hypId,
      inputs: { account: profile, opportunity: { id: o.id, name: o.name, stage: o.stage, amount: o.amount, currency: o.currency }, discovery, playbookVersion: pb?.version ?? 0 },
      outputs: { pains: architectResults.pains, drivers: architectResults.drivers, assumptions: architectModel.assumptions, years: architectResults.years, npv: architectResults.npv, roiPercent: architectResults.roiPercent, paybackMonths: architectResults.paybackMonths, annualBenefit: architectResults.annualBenefit },
      narrative: architectNarrative(o.accountName, architectModel, architectResults), status: accepted ? 'accepted' : 'draft',
      playbookVersion: pb?.version ?? null, createdBy: userId, createdAt, acceptedBy: accepted ? userId : null, acceptedAt,
    });
    if (negotiation) {
      const stakeholders = people.filter((p) => p.accountId === o.accountId).map((p) => ({ id: p.id, name: `${p.firstName} ${p.lastName}`, roles: p.roles as string[] }));
      const startDate = o.closeDate ?? now.toISOString().slice(0, 10);
      const vendorOwnerId = o.csmId ?? userId;
      const proposal = proposeCommitment({ model, results, playbook, startDate, contacts: stakeholders, vendorOwnerId });
      const comId = randomUUID();
      const comArtId = randomUUID();
      const committed = rng.next() < 0.5;
      const at = new Date(now.getTime() - rng.int(0, 2) * 86400_000);
      commits.push({
        id: comId, valueGraphId: graphId, accountId: o.accountId, opportunityId: o.id, hypothesisId: hypId, status: committed ? 'accepted' : 'draft',
        kpis: proposal.kpis, successCriteria: proposal.successCriteria, artifactId: comArtId, createdBy: userId,
        acceptedBy: committed ? userId : null, acceptedAt: committed ? at : null, createdAt: at, updatedAt: at, version: committed ? 2 : 1,
      });
      arts.push({
        id: comArtId, agent: 'committer', valueGraphId: graphId, accountId: o.accountId, opportunityId: o.id, entityType: 'value_commitment', entityId: comId,
        inputs: { hypothesis: { id: hypId, status: 'accepted', ...head }, stakeholders, startDate, vendorOwnerId, playbookVersion: pb?.version ?? 0 },
        outputs: { kpis: proposal.kpis, successCriteria: proposal.successCriteria }, narrative: proposal.narrative,
        status: committed ? 'accepted' : 'draft', playbookVersion: pb?.version ?? null, createdBy: userId, createdAt: at,
        acceptedBy: committed ? userId : null, acceptedAt: committed ? at : null,
      });
    }
  }
  for (let i = 0; i < hyps.length; i += BATCH) await db.insert(valueHypotheses).values(hyps.slice(i, i + BATCH));
  for (let i = 0; i < commits.length; i += BATCH) await db.insert(valueCommitments).values(commits.slice(i, i + BATCH));
  for (let i = 0; i < arts.length; i += BATCH) await db.insert(agentArtifacts).values(arts.slice(i, i + BATCH));
  return hyps.length + commits.length + arts.length;
}
