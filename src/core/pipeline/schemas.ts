// Request shapes of the pipeline API, shared by server routes and web forms.
import { z } from 'zod';
import { listLimit } from '../accounts/schemas';
import { isoDate } from '../dates';
import { POC_STATUSES } from './poc';

export const OPEN_FORECAST_CATEGORIES = ['pipeline', 'best_case', 'commit', 'omitted'] as const;
const money = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const day = isoDate;
const currency = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code');
const text = (max: number) => z.string().trim().min(1).max(max);

export const opportunityCreateSchema = z.object({
  accountId: z.uuid(),
  name: text(200),
  amount: money.optional(),
  currency: currency.optional(),
  closeDate: day.nullable().optional(),
  ownerId: z.uuid().nullable().optional(),
  partnerId: z.uuid().nullable().optional(),
  source: z.string().trim().max(100).nullable().optional(),
}).strict();
export type OpportunityCreate = z.infer<typeof opportunityCreateSchema>;

export const opportunityUpdateSchema = z.object({
  version: z.number().int().min(1),
  name: text(200).optional(),
  amount: money.optional(),
  currency: currency.optional(),
  closeDate: day.nullable().optional(),
  ownerId: z.uuid().nullable().optional(),
  partnerId: z.uuid().nullable().optional(),
  source: z.string().trim().max(100).nullable().optional(),
  /** A number sets the probability by hand; null returns it to the stage's. */
  probability: z.number().int().min(0).max(100).nullable().optional(),
  /** A category overrides the stage's; null returns it to the stage's. */
  forecastCategory: z.enum(OPEN_FORECAST_CATEGORIES).nullable().optional(),
}).strict();
export type OpportunityUpdate = z.infer<typeof opportunityUpdateSchema>;

export const opportunityListQuerySchema = z.object({
  limit: listLimit,
  cursor: z.string().max(500).optional(),
  stage: z.string().max(60).optional(),
  status: z.enum(['open', 'won', 'lost']).optional(),
  ownerId: z.uuid().optional(),
  partnerId: z.uuid().optional(),
  accountId: z.uuid().optional(),
  closeFrom: day.optional(),
  closeTo: day.optional(),
}).strict();
export type OpportunityListQuery = z.infer<typeof opportunityListQuerySchema>;

export const boardQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** Load more of one column: the stage and the nextCursor of that column. */
  stage: z.string().max(60).optional(),
  cursor: z.string().max(500).optional(),
  ownerId: z.uuid().optional(),
  partnerId: z.uuid().optional(),
  closeFrom: day.optional(),
  closeTo: day.optional(),
}).strict();
export type BoardQuery = z.infer<typeof boardQuerySchema>;

export const forecastQuerySchema = z.object({
  period: z.enum(['month', 'quarter']).default('quarter'),
  owner: z.uuid().optional(),
  from: day.optional(),
  to: day.optional(),
}).strict();
export type ForecastQuery = z.infer<typeof forecastQuerySchema>;

export const criterionSchema = z.object({
  checked: z.boolean().default(true),
  note: z.string().trim().max(1000).nullable().optional(),
  /** The stage the criterion belongs to; defaults to the current stage, else the first stage listing it. */
  stage: z.string().max(60).optional(),
}).strict();
export type CriterionInput = z.infer<typeof criterionSchema>;

export const advanceSchema = z.object({
  toStage: z.string().min(1).max(60),
  /** Admins and executives may pass missing exit criteria with a reason (audited). */
  overrideReason: z.string().trim().min(3).max(1000).optional(),
  version: z.number().int().min(1).optional(),
}).strict();
export type AdvanceInput = z.infer<typeof advanceSchema>;

export const closeWonSchema = z.object({
  version: z.number().int().min(1).optional(),
  overrideReason: z.string().trim().min(3).max(1000).optional(),
  /** Defaults to the opportunity amount. */
  arr: money.optional(),
  termMonths: z.number().int().min(1).max(120).default(12),
  startDate: day.optional(),
  modules: z.array(text(100)).max(50).default([]),
  servicesFee: money.default(0),
  closeDate: day.optional(),
}).strict();
export type CloseWonInput = z.infer<typeof closeWonSchema>;

export const closeLostSchema = z.object({
  version: z.number().int().min(1).optional(),
  reason: z.string().min(1).max(60),
  notes: z.string().trim().max(5000).nullable().optional(),
  closeDate: day.optional(),
}).strict();
export type CloseLostInput = z.infer<typeof closeLostSchema>;

const criterionInput = z.object({
  id: z.string().trim().min(1).max(60).optional(),
  measure: text(300),
  target: text(300),
  result: z.string().trim().max(1000).nullable().optional(),
  validated: z.boolean().optional(),
  evidence: z.string().trim().max(2000).nullable().optional(),
}).strict();
const checklistInput = z.object({ id: z.string().trim().min(1).max(60).optional(), label: text(300), done: z.boolean().default(false) }).strict();

const pocFields = {
  scope: z.string().trim().max(10_000).nullable().optional(),
  sowSignedAt: day.nullable().optional(),
  sowSignedBy: z.string().trim().max(200).nullable().optional(),
  startDate: day.nullable().optional(),
  successCriteria: z.array(criterionInput).max(50).optional(),
  environmentChecklist: z.array(checklistInput).max(50).optional(),
  findings: z.string().trim().max(50_000).nullable().optional(),
  fee: money.optional(),
  feeCredited: z.boolean().optional(),
  status: z.enum(POC_STATUSES).optional(),
};
export const pocCreateSchema = z.object(pocFields).strict();
export type PocCreate = z.infer<typeof pocCreateSchema>;
export const pocUpdateSchema = z.object({ ...pocFields, version: z.number().int().min(1) }).strict();
export type PocUpdate = z.infer<typeof pocUpdateSchema>;

/** Record a result on one success criterion (the validation framework). */
export const pocResultSchema = z.object({
  result: z.string().trim().max(1000).nullable().optional(),
  validated: z.boolean(),
  evidence: z.string().trim().max(2000).nullable().optional(),
}).strict();
export type PocResult = z.infer<typeof pocResultSchema>;
