// Demo data of the value stream, loaded after the pipeline demo, from the storylines: the business case (value
// hypothesis with its Architect artifact) of every open deal in Proposal, POC or Negotiation and of every won deal,
// and the commitment (with its Committer artifact) of the deals in Negotiation and the won ones, whose KPIs become
// the contract's. The case is the one the deal was priced on (storyline.ts), so an accepted case returns the ROI the
// deal was sold at. Built with the same pure core as the API. At benchmark scale a bounded sample of deals gets its
// documents (each is a few kilobytes of JSON).
import { randomUUID } from 'node:crypto';
import { and, inArray, isNull, sql } from 'drizzle-orm';
import { applyHypothesisEdit, architectNarrative, buildHypothesis, computeHypothesis, proposeCommitment } from '../../core/value';
import type { Database, Executor } from '../db/client';
import { unnestRows } from '../db/columns';
import { contacts } from '../db/schema';
import { currentPlaybook } from '../modules/platform/playbook.service';
import { insertRows } from './bulk';
import type { DemoAccount, DemoContext } from './context';
import type { Deal } from './storyline';

const NOTES: Record<string, string[]> = {
  manual_cmdb_upkeep: ['Two FTEs reconcile the CMDB every month-end', 'CMDB updated from spreadsheets after each change window'],
  consultant_spend: ['Paid a consultancy for the data-centre exit inventory', 'Annual landscape review done by an outside firm'],
  audit_findings: ['Last ISO audit flagged unknown servers', 'NIS2 readiness review found gaps in the asset register'],
  dependency_outages: ['Payroll outage after a firewall change nobody mapped', 'Two P1 incidents traced to undocumented dependencies'],
  license_waste: ['Licences still billed for decommissioned VMs', 'True-up showed over-deployment they could not explain'],
};
/** Deals with documents at benchmark scale: open ones, and won ones (those with a running project first). */
const MAX_OPEN = 2000;
export const MAX_TRACKED = 400;
const DAY = 86_400_000;

const HYPOTHESIS = {
  id: 'uuid', valueGraphId: 'uuid', accountId: 'uuid', opportunityId: 'uuid', status: 'text', model: 'jsonb', results: 'jsonb', annualBenefit: 'bigint',
  totalBenefits: 'bigint', totalCosts: 'bigint', npv: 'bigint', roiPercent: 'real', paybackMonths: 'real', currency: 'text', artifactId: 'uuid',
  createdBy: 'uuid', acceptedBy: 'uuid', acceptedAt: 'timestamptz', createdAt: 'timestamptz', updatedAt: 'timestamptz', version: 'int',
} as const;
const COMMITMENT = {
  id: 'uuid', valueGraphId: 'uuid', accountId: 'uuid', opportunityId: 'uuid', hypothesisId: 'uuid', status: 'text', kpis: 'jsonb', successCriteria: 'jsonb',
  artifactId: 'uuid', createdBy: 'uuid', acceptedBy: 'uuid', acceptedAt: 'timestamptz', createdAt: 'timestamptz', updatedAt: 'timestamptz', version: 'int',
} as const;
const ARTIFACT = {
  id: 'uuid', agent: 'text', valueGraphId: 'uuid', accountId: 'uuid', opportunityId: 'uuid', entityType: 'text', entityId: 'uuid', inputs: 'jsonb',
  outputs: 'jsonb', narrative: 'text', status: 'text', playbookVersion: 'int', createdBy: 'uuid', createdAt: 'timestamptz', acceptedBy: 'uuid', acceptedAt: 'timestamptz',
} as const;

/** The value graph of each account (one per account), created when missing. */
export async function valueGraphs(db: Executor, accountIds: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(accountIds)];
  const col = [{ name: 'account_id', type: 'uuid' as const, value: (id: string) => id }];
  await db.execute(sql`INSERT INTO value_graphs (account_id) SELECT x.account_id FROM ${unnestRows(col, ids)} ON CONFLICT DO NOTHING`);
  const rows = await db.execute(sql`SELECT g.id, g.account_id FROM value_graphs g JOIN ${unnestRows(col, ids)} ON x.account_id = g.account_id WHERE g.deleted_at IS NULL`);
  return new Map((rows as unknown as { rows: { id: string; account_id: string }[] }).rows.map((g) => [g.account_id, g.id]));
}

/** The won deals whose business case, KPIs and measurements are written: all of them, or a sample at benchmark scale. */
export function trackedDeals(ctx: DemoContext): { a: DemoAccount; deal: Deal }[] {
  const won = ctx.accounts.flatMap((a) => a.story.deals.filter((d) => d.stage === 'closed_won' && d.contract).map((deal) => ({ a, deal })));
  if (ctx.scale <= 1) return won;
  const running = (d: Deal) => !!d.project && !d.project.closed;
  return [...won.filter((x) => running(x.deal)), ...won.filter((x) => !running(x.deal) && x.deal.contract!.status !== 'ended')].slice(0, MAX_TRACKED);
}

export async function loadValueDemo(database: Database, ctx: DemoContext): Promise<number> {
  const db = database.db;
  const { rng, now } = ctx;
  const { playbook, version } = await currentPlaybook(db);
  const open = ctx.accounts.flatMap((a) => a.story.deals.filter((d) => d.hypothesis !== 'none' && d.stage !== 'closed_won' && d.stage !== 'closed_lost').map((deal) => ({ a, deal })));
  const work = [...(ctx.scale <= 1 ? open : open.slice(0, MAX_OPEN)), ...trackedDeals(ctx)];
  if (!work.length) return 0;
  const graphs = await valueGraphs(db, work.map((w) => w.a.id));
  const committing = [...new Set(work.filter((w) => w.deal.commitment !== 'none').map((w) => w.a.id))];
  const people = committing.length ? await db.select({ id: contacts.id, accountId: contacts.accountId, firstName: contacts.firstName, lastName: contacts.lastName, roles: contacts.roles })
    .from(contacts).where(and(inArray(contacts.accountId, committing), isNull(contacts.deletedAt))) : [];
  const byAccount = new Map<string, { id: string; name: string; roles: string[] }[]>();
  for (const p of people) byAccount.set(p.accountId, [...(byAccount.get(p.accountId) ?? []), { id: p.id, name: `${p.firstName} ${p.lastName}`, roles: p.roles as string[] }]);

  const hyps: Record<string, unknown>[] = [];
  const commits: Record<string, unknown>[] = [];
  const arts: Record<string, unknown>[] = [];
  const contractKpis: { id: string; kpis: string }[] = [];
  for (const { a, deal } of work) {
    const won = deal.stage === 'closed_won';
    const c = deal.case;
    const notes = Object.fromEntries(c.pains.filter(() => rng.next() < 0.5).map((id) => [id, rng.pick(NOTES[id] ?? ['Heard in discovery'])]));
    const discovery = { painIds: c.pains, notes };
    const architectModel = buildHypothesis({ account: a.profile, opportunity: { amount: c.amount, currency: 'USD' }, playbook, discovery });
    // The seller's adjustments agreed with the customer (the Architect's run keeps the benchmarks).
    const model = c.edits.length ? applyHypothesisEdit(architectModel, { assumptions: c.edits }) : architectModel;
    const results = computeHypothesis(model);
    const architectResults = model === architectModel ? results : computeHypothesis(architectModel);
    const userId = a.aeId;
    const signed = won ? Date.parse(`${deal.closedOn}T12:00:00Z`) : now.getTime();
    const createdAt = new Date(signed - (won ? rng.int(25, 60) : rng.int(3, 30)) * DAY);
    const accepted = deal.hypothesis === 'accepted';
    const acceptedAt = accepted ? new Date(won ? signed - rng.int(8, 20) * DAY : createdAt.getTime() + rng.int(1, 3) * DAY) : null;
    const graphId = graphs.get(a.id)!;
    const hypId = randomUUID();
    const archId = randomUUID();
    const opp = { id: deal.ids.opportunity!, name: `${a.name}: ${deal.title}`, stage: deal.stage, amount: c.amount, currency: 'USD' };
    const head = {
      annualBenefit: results.annualBenefit, totalBenefits: results.totalBenefits, totalCosts: results.totalCosts, npv: results.npv,
      roiPercent: results.roiPercent, paybackMonths: results.paybackMonths, currency: results.currency,
    };
    deal.ids.pains = results.pains.map((p) => ({ id: p.id, selected: p.selected, annualBenefit: p.annualBenefit }));
    hyps.push({
      id: hypId, valueGraphId: graphId, accountId: a.id, opportunityId: opp.id, status: accepted ? 'accepted' : 'draft', model, results, ...head,
      artifactId: archId, createdBy: userId, acceptedBy: accepted ? userId : null, acceptedAt, createdAt, updatedAt: acceptedAt ?? createdAt,
      version: (model === architectModel ? 1 : 2) + (accepted ? 1 : 0),
    });
    arts.push({
      id: archId, agent: 'architect', valueGraphId: graphId, accountId: a.id, opportunityId: opp.id, entityType: 'value_hypothesis', entityId: hypId,
      inputs: { account: a.profile, opportunity: opp, discovery, playbookVersion: version },
      outputs: { pains: architectResults.pains, drivers: architectResults.drivers, assumptions: architectModel.assumptions, years: architectResults.years, npv: architectResults.npv, roiPercent: architectResults.roiPercent, paybackMonths: architectResults.paybackMonths, annualBenefit: architectResults.annualBenefit },
      narrative: architectNarrative(a.name, architectModel, architectResults), status: accepted ? 'accepted' : 'draft',
      playbookVersion: version || null, createdBy: userId, createdAt, acceptedBy: accepted ? userId : null, acceptedAt,
    });
    if (deal.commitment === 'none') continue;
    const stakeholders = byAccount.get(a.id) ?? [];
    const startDate = won ? deal.contract!.start : deal.ids.closeDate ?? now.toISOString().slice(0, 10);
    const vendorOwnerId = a.csmId ?? userId;
    const proposal = proposeCommitment({ model, results, playbook, startDate, contacts: stakeholders, vendorOwnerId });
    const comId = randomUUID();
    const comArtId = randomUUID();
    const committed = deal.commitment === 'accepted';
    const at = new Date(won ? signed - rng.int(1, 6) * DAY : now.getTime() - rng.int(0, 2) * DAY);
    deal.ids.kpis = proposal.kpis;
    if (won) contractKpis.push({ id: deal.ids.contract!, kpis: JSON.stringify(proposal.kpis) });
    commits.push({
      id: comId, valueGraphId: graphId, accountId: a.id, opportunityId: opp.id, hypothesisId: hypId, status: committed ? 'accepted' : 'draft',
      kpis: proposal.kpis, successCriteria: proposal.successCriteria, artifactId: comArtId, createdBy: userId,
      acceptedBy: committed ? userId : null, acceptedAt: committed ? at : null, createdAt: at, updatedAt: at, version: committed ? 2 : 1,
    });
    arts.push({
      id: comArtId, agent: 'committer', valueGraphId: graphId, accountId: a.id, opportunityId: opp.id, entityType: 'value_commitment', entityId: comId,
      inputs: { hypothesis: { id: hypId, status: 'accepted', ...head }, stakeholders, startDate, vendorOwnerId, playbookVersion: version },
      outputs: { kpis: proposal.kpis, successCriteria: proposal.successCriteria }, narrative: proposal.narrative,
      status: committed ? 'accepted' : 'draft', playbookVersion: version || null, createdBy: userId, createdAt: at,
      acceptedBy: committed ? userId : null, acceptedAt: committed ? at : null,
    });
  }
  await insertRows(db, 'value_hypotheses', HYPOTHESIS, hyps, 1000);
  await insertRows(db, 'value_commitments', COMMITMENT, commits, 1000);
  await insertRows(db, 'agent_artifacts', ARTIFACT, arts, 1000);
  // The signed contract carries the commitment's KPIs (as close-won copies them).
  const cols = [{ name: 'id', type: 'uuid' as const, value: (x: { id: string }) => x.id }, { name: 'kpis', type: 'text' as const, value: (x: { kpis: string }) => x.kpis }];
  for (let i = 0; i < contractKpis.length; i += 2000) {
    await db.execute(sql`UPDATE contracts c SET kpis = x.kpis::jsonb FROM ${unnestRows(cols, contractKpis.slice(i, i + 2000))} WHERE c.id = x.id`);
  }
  return hyps.length + commits.length + arts.length;
}
