// Reactions and schedules of value realization: a signed contract's KPIs become tracked KPIs; the project created
// from the contract is set on them; every Monday the Value Executor drafts the weekly value update of each account
// with tracked KPIs.
import { z } from 'zod';
import type { JobKind } from '../../jobs/jobs';
import { defineJob } from '../../jobs/jobs';
import { onEvent } from '../../jobs/events';
import { contractFacts, syncContractKpis, type ContractFacts } from './contract-kpis.service';
import { generateWeeklyDrafts } from './weekly.service';

onEvent({
  name: 'realization.contract_signed',
  types: ['contract.signed'],
  async handle(ctx, tx, event) {
    const c = (event.payload as { contract?: Partial<ContractFacts> & { id?: string } }).contract;
    if (!c?.id) return;
    // The payload carries the contract as signed; fall back to the row for anything it lacks.
    const facts = c.accountId && c.startDate && c.endDate ? { opportunityId: null, kpis: [], ...c } as ContractFacts : await contractFacts(tx, c.id);
    if (facts) await syncContractKpis(ctx, tx, facts);
  },
});

onEvent({
  name: 'realization.project_created',
  types: ['project.created'],
  async handle(ctx, tx, event) {
    const p = event.payload as { projectId?: string; contractId?: string | null };
    if (!p.projectId || !p.contractId) return;
    const facts = await contractFacts(tx, p.contractId);
    if (facts) await syncContractKpis(ctx, tx, facts, p.projectId);
  },
});

export const weeklyUpdatesJob = defineJob({
  name: 'realization.weekly_updates',
  payload: z.object({}).passthrough(),
  cron: '0 6 * * 1', // Mondays 06:00 UTC: the update is ready for the week's first review
  async handle(deps) {
    const n = await generateWeeklyDrafts(deps);
    deps.log.info({ drafts: n }, 'weekly value updates drafted');
  },
});

export const realizationJobs: JobKind[] = [weeklyUpdatesJob];
