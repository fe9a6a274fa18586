// What the pipeline routes answer: opportunities (cards, list rows, the whole deal page), the board, the forecast,
// POCs and the contract a won deal creates. Every money field is integer minor units of the `currency` beside it.
import { z } from 'zod';
import { currencyCode, isoDay, isoTime, minorUnits, page } from '../api/shapes';
import { kpiSchema } from '../value/commitment';
import { FORECAST_CATEGORIES } from './forecast';
import { POC_STATUSES } from './poc';

const d = (description: string) => ({ description });
const count = z.number().int().min(0);

export const forecastCategorySchema = z.enum(FORECAST_CATEGORIES).meta({ id: 'ForecastCategory' });
const stageId = z.string().meta(d('Playbook stage id (pipeline.stages[].id).'));
const probability = z.number().int().min(0).max(100).meta(d('Win probability in percent.'));
const amount = minorUnits('Deal amount').nullable().meta(d('Deal amount in integer minor units (cents for EUR/USD) of `currency`; null = not known yet.'));
const weighted = minorUnits('Amount × probability ÷ 100, rounded').nullable();
const dayRange = z.object({ min: z.number(), max: z.number() }).nullable().meta(d('Days the playbook expects a deal to spend in the stage.'));

const cardFields = {
  id: z.uuid(), name: z.string(), stage: stageId, amount, currency: currencyCode, closeDate: isoDay.nullable(), probability,
  forecastCategory: forecastCategorySchema, stageEnteredAt: isoTime,
  stageOverdueAt: isoTime.nullable().meta(d('When the stage timer fired (longer in the stage than the playbook expects).')),
  ownerId: z.uuid().nullable(), partnerId: z.uuid().nullable(), accountId: z.uuid(), version: z.number().int(),
  accountName: z.string(), ownerName: z.string().nullable(),
};

/** A card of the board. */
export const opportunityCardSchema = z.object({
  ...cardFields,
  daysInStage: count,
  overdue: z.boolean().meta(d('Longer in the stage than the playbook\'s expected maximum.')),
  closeDatePassed: z.boolean().meta(d('Still open after its expected close date.')),
  weighted,
}).meta({ id: 'OpportunityCard' });

/** A row of GET /opportunities. */
export const opportunityListItemSchema = z.object({
  ...cardFields, lossReason: z.string().nullable(), closedAt: isoTime.nullable(), createdAt: isoTime,
}).meta({ id: 'OpportunityListItem' });

export const criterionCheckSchema = z.object({
  at: isoTime, by: z.uuid().nullable(), byName: z.string(),
  note: z.string().nullable().meta(d('The writer\'s note; shown to partner and customer users only when they wrote it.')),
}).meta({ id: 'CriterionCheck' });

/** The stored opportunity, as writes answer it. */
export const opportunitySchema = z.object({
  id: z.uuid(), accountId: z.uuid(), name: z.string(), stage: stageId, pipeline: z.string(), amount, currency: currencyCode,
  closeDate: isoDay.nullable(), probability, forecastCategory: forecastCategorySchema,
  probabilityManual: z.boolean().meta(d('Set by hand: a stage change keeps it.')),
  forecastCategoryManual: z.boolean(),
  stageOverdueAt: isoTime.nullable(), ownerId: z.uuid().nullable(), partnerId: z.uuid().nullable(), leadId: z.uuid().nullable(),
  source: z.string().nullable(), stageEnteredAt: isoTime,
  gateChecks: z.record(z.string(), z.record(z.string(), criterionCheckSchema))
    .meta(d('Exit criteria ticked so far: { stageId: { criterionId: check } }.')),
  lossReason: z.string().nullable().meta(d('Playbook loss reason id.')),
  lossNotes: z.string().nullable().meta(d('Empty (null) for partner and customer users.')),
  closedAt: isoTime.nullable(), externalId: z.string().nullable(),
  version: z.number().int(), createdAt: isoTime, updatedAt: isoTime,
}).meta({ id: 'Opportunity' });

export const missingCriterionSchema = z.object({ stage: z.string(), stageName: z.string(), id: z.string(), label: z.string() })
  .meta({ id: 'MissingCriterion' });

const pocCriterion = z.object({
  id: z.string(), measure: z.string(), target: z.string(), result: z.string().nullable(), validated: z.boolean(), evidence: z.string().nullable(),
});

export const pocSchema = z.object({
  id: z.uuid(), opportunityId: z.uuid(), accountId: z.uuid(), partnerId: z.uuid().nullable(), status: z.enum(POC_STATUSES),
  scope: z.string().nullable(), sowSignedAt: isoDay.nullable(), sowSignedBy: z.string().nullable(),
  startDate: isoDay.nullable(), endDate: isoDay.nullable(),
  successCriteria: z.array(pocCriterion).meta(d('The validation framework.')),
  environmentChecklist: z.array(z.object({ id: z.string(), label: z.string(), done: z.boolean() })),
  plan: z.array(z.object({ week: z.number().int(), startDate: isoDay, endDate: isoDay, milestones: z.array(z.string()) })),
  findings: z.string().nullable(),
  fee: minorUnits('POC fee'), currency: currencyCode,
  feeCredited: z.boolean().meta(d('Whether the playbook share of the fee is credited toward the implementation.')),
  completedAt: isoTime.nullable(), version: z.number().int(), createdAt: isoTime, updatedAt: isoTime,
  passed: z.boolean().meta(d('Completed with at least one success criterion, all validated: the gate to Negotiation.')),
  gaps: z.array(z.string()).meta(d('Why it does not pass yet.')),
}).meta({ id: 'Poc' });

export const contractSchema = z.object({
  id: z.uuid(), accountId: z.uuid(), opportunityId: z.uuid(), partnerId: z.uuid().nullable(),
  arr: minorUnits('Annual recurring revenue'), currency: currencyCode, termMonths: z.number().int(),
  startDate: isoDay, endDate: isoDay, modules: z.array(z.string()),
  servicesFee: minorUnits('Services fee'), pocFeeCredit: minorUnits('POC fee credited toward the services fee'),
  paymentSchedule: z.array(z.object({
    milestoneId: z.string(), name: z.string(), week: z.number().int(), percent: z.number(),
    amount: minorUnits('Invoiced on the milestone\'s acceptance'), plannedDate: isoDay,
  })).meta(d('The services fee net of the POC credit over the delivery milestones; amounts sum to it exactly.')),
  kpis: z.array(z.object(kpiSchema.shape)).meta(d('Contracted KPIs copied from the value commitment at signature.')),
  status: z.enum(['signed', 'active', 'ended', 'cancelled']),
  signedAt: isoTime, signedBy: z.uuid().nullable(), version: z.number().int(), createdAt: isoTime, updatedAt: isoTime,
}).meta({ id: 'Contract' });

/** GET /opportunities/{id}: everything the deal page shows. */
export const opportunityDetailSchema = opportunitySchema.extend({
  accountName: z.string().nullable(), industry: z.string().nullable(), ownerName: z.string().nullable(),
  stageName: z.string(), stageKind: z.enum(['open', 'won', 'lost']),
  daysInStage: count, overdue: z.boolean(), closeDatePassed: z.boolean(),
  stages: z.array(z.object({
    id: z.string(), name: z.string(), kind: z.enum(['open', 'won', 'lost']), probability, forecastCategory: forecastCategorySchema,
    expectedDurationDays: dayRange, daysSpent: z.number().meta(d('Days spent in the stage so far, one decimal.')),
    criteria: z.array(criterionCheckSchema.partial().extend({ id: z.string(), label: z.string(), checked: z.boolean() })),
  })).meta(d('Every playbook stage with its exit criteria and whether each is ticked.')),
  history: z.array(z.object({
    id: z.uuid(), fromStage: z.string().nullable(), toStage: z.string(), at: isoTime, actorId: z.uuid().nullable(),
    actorName: z.string().nullable(),
    overrideReason: z.string().nullable().meta(d('Set when a manager passed missing exit criteria; empty for outsiders.')),
    missingCriteria: z.array(missingCriterionSchema).nullable(),
  })),
  poc: pocSchema.nullable(),
  contract: contractSchema.nullable(),
  lossReasons: z.array(z.object({ id: z.string(), label: z.string() })).meta(d('The playbook\'s loss reasons, for closing lost.')),
}).meta({ id: 'OpportunityDetail' });

export const closeWonSchema = z.object({ opportunity: opportunitySchema, contract: contractSchema }).meta({ id: 'ClosedWon' });

export const boardColumnSchema = z.object({
  stage: z.string(), name: z.string(), probability, forecastCategory: forecastCategorySchema, expectedDurationDays: dayRange,
  count: count.meta(d('Every matching open deal in the stage, not only the page.')),
  amount: minorUnits('Sum of the matching deals\' amounts'),
  weighted: minorUnits('Σ amount × probability ÷ 100, rounded once'),
  currency: currencyCode.meta(d('ISO 4217 code of `amount` and `weighted`: the playbook currency (sums assume deals in it).')),
  items: z.array(opportunityCardSchema).meta(d('A page of cards by close date; each card carries its own currency.')),
  nextCursor: z.string().nullable(),
}).meta({ id: 'BoardColumn' });
export const boardSchema = z.object({ columns: z.array(boardColumnSchema) }).meta({ id: 'PipelineBoard' });

const forecastMoney = {
  pipeline: minorUnits('Open, forecast category pipeline'),
  bestCase: minorUnits('Open, forecast category best case'),
  commit: minorUnits('Open, forecast category commit'),
  closedWon: minorUnits('Won'),
  weighted: minorUnits('Σ amount × probability ÷ 100 of open, non-omitted deals'),
  currency: currencyCode,
};
export const forecastSchema = z.object({
  period: z.enum(['month', 'quarter']),
  from: isoDay.meta(d('First day of the first period.')), to: isoDay.meta(d('First day after the last period.')),
  currency: currencyCode.meta(d('The playbook currency: every money field of the forecast is in it.')),
  periods: z.array(z.object({ period: isoDay.meta(d('First day of the period.')), label: z.string(), ...forecastMoney }))
    .meta(d('Every period of the window, with the sums of all owners.')),
  items: z.array(z.object({
    period: isoDay, label: z.string(), ownerId: z.uuid().nullable(), ownerName: z.string().nullable(), ...forecastMoney,
    open: count.meta(d('Open, non-omitted deals.')), won: count,
  })).meta(d('One row per period and owner with deals.')),
}).meta({ id: 'Forecast' });

export const opportunityPage = page(opportunityListItemSchema);
