// Opportunity use cases. `openOpportunity` runs inside the caller's transaction so that lead conversion creates
// account, contacts and opportunity atomically.
import type { Tx } from '../../db/client';
import type { Ctx } from '../../http/env';
import { emit } from '../../jobs/events';
import { logSystemActivity } from '../accounts/timeline.service';
import { audit } from '../platform/audit';
import { currentPlaybook } from '../platform/playbook.service';
import * as repo from './opportunities.repo';

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

/** Creates an opportunity in the first open stage of the playbook (Discovery), with its stage history. */
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
  await audit(ctx, tx, { action: 'opportunity.create', entityType: 'opportunity', entityId: row.id, accountId: row.accountId, after: row });
  await logSystemActivity(ctx, tx, row.accountId, `Opportunity opened: ${row.name}`, `Stage ${first.name}.`, { type: 'opportunity', id: row.id });
  await emit(ctx, tx, { type: 'opportunity.created', entityType: 'opportunity', entityId: row.id, accountId: row.accountId, payload: { opportunity: row } });
  return row;
}
