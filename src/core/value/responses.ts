// What the value API answers: the value graph of an opportunity, its hypothesis (model and computed business case),
// its commitment, the deal-risk assessment and the agents' artifacts. Plain zod shared by the server (documents and
// checks its answers) and the web (reads the same shapes through the generated client).
import { z } from 'zod';
import { AUDIENCES } from '../access/audience';
import { currencyCode, freeForm, isoDay, isoTime, minorUnits, page } from '../api/shapes';
import { kpiSchema, successCriterionSchema } from './commitment';
import { hypothesisModelSchema } from './model';

const d = (description: string) => ({ description });
const DOC_STATUSES = ['draft', 'accepted'] as const;
const percent = (what: string) => z.number().meta(d(`${what}, in percent (0–100).`));

const yearFlowSchema = z.object({
  year: z.number().int().min(1),
  benefits: minorUnits('Benefits of the year'),
  costs: minorUnits('Costs of the year'),
  net: minorUnits('Benefits − costs of the year'),
  cumulative: minorUnits('Net value up to and including the year'),
});

/** The business case computed from the model (core/value/hypothesis.ts computeHypothesis); money in `currency`. */
export const hypothesisResultsSchema = z.object({
  currency: currencyCode,
  horizonYears: z.number().int(),
  discountRatePercent: percent('Discount rate'),
  years: z.array(yearFlowSchema),
  cashFlows: z.array(minorUnits('Cash flow')).meta(d('CF₀ (0: nothing before year 1) to CF_N, minor units of `currency`.')),
  totalBenefits: minorUnits('Benefits over the horizon'),
  totalCosts: minorUnits('Costs over the horizon'),
  netValue: minorUnits('Total benefits − total costs'),
  roiPercent: z.number().nullable().meta(d('Net value ÷ total costs, in percent, one decimal; null without costs.')),
  npv: minorUnits('Net present value at the discount rate'),
  paybackMonths: z.number().nullable().meta(d('Months until the cumulative position reaches 0, one decimal; null when the horizon ends first.')),
  pains: z.array(z.object({
    id: z.string(), label: z.string(), categoryId: z.string(), selected: z.boolean(),
    annualImpact: minorUnits('What the pain costs a year'),
    reductionPercent: percent('Share of the impact removed'),
    annualBenefit: minorUnits('Impact × reduction'),
    explanation: z.string(),
  })),
  drivers: z.array(z.object({
    categoryId: z.string(), label: z.string(),
    annualBenefit: minorUnits('Annual benefit of the ticked pains of the category'),
    sharePercent: percent('Share of the total annual benefit'),
    painIds: z.array(z.string()),
  })).meta(d('Value drivers: the ticked pains by category, largest first.')),
  annualImpact: minorUnits('What the ticked pains cost a year'),
  annualBenefit: minorUnits('Annual benefit of the ticked pains'),
  annualSubscription: minorUnits('Subscription per year'),
  implementationCost: minorUnits('One-off implementation cost (year 1)'),
}).meta({ id: 'HypothesisResults' });

const docStamps = {
  id: z.uuid(),
  valueGraphId: z.uuid(),
  accountId: z.uuid(),
  opportunityId: z.uuid(),
  status: z.enum(DOC_STATUSES),
  artifactId: z.uuid().nullable().meta(d('The agent run that proposed the current draft.')),
  createdBy: z.uuid().nullable(),
  acceptedBy: z.uuid().nullable(),
  acceptedAt: isoTime.nullable(),
  version: z.number().int().meta(d('Optimistic-lock version: send it back on PATCH and accept; a stale one is refused with 409.')),
  createdAt: isoTime,
  updatedAt: isoTime,
  deletedAt: isoTime.nullable(),
};

/** Act I: the pain-to-value map of an opportunity with its computed business case. */
export const valueHypothesisSchema = z.object({
  ...docStamps,
  model: hypothesisModelSchema,
  results: hypothesisResultsSchema,
  narrative: z.string().meta(d('The Value Architect\'s summary of the business case.')),
  annualBenefit: minorUnits('Annual benefit (headline, as `results.annualBenefit`)'),
  totalBenefits: minorUnits('Benefits over the horizon (headline)'),
  totalCosts: minorUnits('Costs over the horizon (headline)'),
  npv: minorUnits('Net present value (headline)'),
  roiPercent: z.number().nullable(),
  paybackMonths: z.number().nullable(),
  currency: currencyCode,
}).meta({ id: 'ValueHypothesis' });

/** Act II: contracted KPIs and success criteria of an opportunity. */
export const valueCommitmentSchema = z.object({
  ...docStamps,
  hypothesisId: z.uuid().nullable(),
  kpis: z.array(kpiSchema),
  successCriteria: z.array(successCriterionSchema),
}).meta({ id: 'ValueCommitment' });

export const generatedCommitmentSchema = valueCommitmentSchema.extend({
  narrative: z.string().meta(d('The Value Committer\'s explanation of its proposal.')),
}).meta({ id: 'GeneratedValueCommitment' });

export const dealRiskSchema = z.object({
  level: z.enum(['high', 'medium', 'low', 'none']).meta(d('The highest severity found; `none` for closed deals or no risk.')),
  assessedAt: isoTime,
  risks: z.array(z.object({ id: z.string(), severity: z.enum(['high', 'medium', 'low']), title: z.string(), explanation: z.string() })),
}).meta({ id: 'DealRisk' });

/** Everything the value page needs in one read. */
export const valueOverviewSchema = z.object({
  opportunity: z.object({
    id: z.uuid(), name: z.string(), stage: z.string(),
    amount: minorUnits('The deal amount').nullable(), currency: currencyCode,
    closeDate: isoDay.nullable(), accountId: z.uuid(),
  }),
  account: z.object({ id: z.uuid(), name: z.string(), segment: z.string(), servers: z.number().int(), industry: z.string().nullable() }),
  contacts: z.array(z.object({
    id: z.uuid(), name: z.string(),
    roles: z.array(z.string()).meta(d('Stakeholder roles; empty when they are not published to the caller.')),
    title: z.string().nullable(),
  })),
  hypothesis: valueHypothesisSchema.nullable().meta(d('null until the Value Architect has run.')),
  commitment: valueCommitmentSchema.nullable().meta(d('null until the Value Committer has run.')),
}).meta({ id: 'ValueOverview' });

/** One agent run: what it was given, what it proposed and who decided on it. */
export const agentArtifactSchema = z.object({
  id: z.uuid(),
  agent: z.enum(['architect', 'committer', 'executor', 'amplifier']),
  valueGraphId: z.uuid().nullable(),
  accountId: z.uuid(),
  opportunityId: z.uuid().nullable(),
  entityType: z.string().meta(d('What the run produced: `value_hypothesis`, `value_commitment`, …')),
  entityId: z.uuid(),
  inputs: freeForm('what the agent was given; its keys depend on the agent.'),
  outputs: freeForm('what the agent proposed; its keys depend on the agent.'),
  narrative: z.string(),
  status: z.enum(['draft', 'accepted', 'rejected']),
  playbookVersion: z.number().int().nullable(),
  createdBy: z.uuid().nullable(),
  createdAt: isoTime,
  acceptedBy: z.uuid().nullable(),
  acceptedAt: isoTime.nullable(),
  rejectedBy: z.uuid().nullable(),
  rejectedAt: isoTime.nullable(),
  rejectionReason: z.string().nullable(),
  audience: z.enum(AUDIENCES).meta(d('Who outside the vendor sees the run.')),
}).meta({ id: 'AgentArtifact' });
export const agentArtifactListSchema = page(agentArtifactSchema).meta(d('Newest first, up to `limit`; one page (nextCursor null).'));
