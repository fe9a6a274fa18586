// Events of the pipeline stream: opportunities, their stages and gates, POCs and the signed contract.
import { z } from 'zod';
import { currencyCode, isoTime, minorUnits } from '../api/shapes';
import { d, optRef, ref, stream } from './define';
import { contractSnapshot, opportunitySnapshot, pocCriterion, pocSnapshot } from './snapshots';

const amount = minorUnits('Deal amount').nullable();

export const pipelineEvents = stream('pipeline', {
  'opportunity.created': { description: 'An opportunity was opened.', payload: z.object({ opportunity: opportunitySnapshot }) },
  'opportunity.updated': { description: 'An opportunity was edited; the record before and after.', payload: z.object({ before: opportunitySnapshot, after: opportunitySnapshot }) },
  'opportunity.criterion_changed': { description: 'An exit criterion of a stage was ticked or unticked.', payload: z.object({
    stage: z.string(), criterion: z.string(), label: z.string(), checked: z.boolean(), note: z.string().nullable(),
  }) },
  'opportunity.stage_changed': { description: 'An opportunity moved to another open stage.', payload: z.object({
    fromStage: z.string(), toStage: z.string(), override: z.object({
      reason: z.string(), missing: z.array(z.object({ stage: z.string(), stageName: z.string(), id: z.string(), label: z.string() })),
    }).nullable().optional().meta(d('Exit criteria that were not met and why the move went ahead anyway; null when all were met.')),
    amount, currency: currencyCode, probability: z.number().int(),
  }) },
  'opportunity.stage_overdue': { description: 'An opportunity stayed longer in its stage than the playbook expects.', payload: z.object({
    stage: z.string(), stageEnteredAt: isoTime, expectedMaxDays: z.number().nullable(), ownerId: optRef('owner'),
  }) },
  'opportunity.lost': { description: 'An opportunity was closed as lost.', payload: z.object({
    opportunityId: ref('opportunity'), reason: z.string(), reasonLabel: z.string(), notes: z.string().nullable(), amount, currency: currencyCode, fromStage: z.string(),
  }) },
  'opportunity.won': { description: 'An opportunity was closed as won; contract.signed follows.', payload: z.object({
    opportunityId: ref('opportunity'), amount, currency: currencyCode, contractId: ref('contract'),
  }) },
  'contract.signed': { description: 'A contract was signed at close-won: delivery, billing and value tracking start from it.', payload: z.object({
    contract: contractSnapshot,
    opportunity: z.object({ id: ref('opportunity'), name: z.string(), ownerId: optRef('owner'), partnerId: optRef('partner') }),
  }) },
  'poc.created': { description: 'A proof of concept was planned for an opportunity.', payload: z.object({ poc: pocSnapshot }) },
  'poc.updated': { description: 'A proof of concept was edited; the record before and after.', payload: z.object({ before: pocSnapshot, after: pocSnapshot }) },
  'poc.result_recorded': { description: 'The result of a POC success criterion was recorded.', payload: z.object({ criterion: pocCriterion }) },
});
