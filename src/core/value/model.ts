// The value hypothesis as data (002 Act I "Pain-to-Value Map" with "adjustable assumptions"), validated with zod
// so the API, the browser editor and the stored JSON share one shape.
import { z } from 'zod';

export const ASSUMPTION_UNITS = ['money', 'hours', 'days', 'percent', 'count', 'servers'] as const;
export type AssumptionUnit = (typeof ASSUMPTION_UNITS)[number];
export const ASSUMPTION_SOURCES = ['benchmark', 'account', 'user'] as const;
export type AssumptionSource = (typeof ASSUMPTION_SOURCES)[number];

const id = z.string().regex(/^[a-z0-9_]{1,60}$/, 'lowercase letters, digits and _');
const label = z.string().trim().min(1).max(200);
const MAX_MONEY = 1e13; // minor units: 100 billion in a 2-decimal currency, far above any business case

export const assumptionSchema = z.object({
  id,
  label,
  value: z.number().finite().min(0).max(MAX_MONEY),
  unit: z.enum(ASSUMPTION_UNITS),
  source: z.enum(ASSUMPTION_SOURCES),
  /** The generated value and its source, so the editor can show what changed and reset it. */
  defaultValue: z.number().finite(),
  defaultSource: z.enum(['benchmark', 'account']),
  /** Where the default came from, e.g. `benchmark:outage_cost`, `account:servers`, `opportunity:amount`. */
  origin: z.string().max(200),
  /** Benchmarks: whether the figure is from a seed or a playbook assumption. */
  basis: z.enum(['seed', 'assumption']).nullable(),
  per: z.string().max(200).nullable(),
  /** Which pain uses it (null: the cost side or shared). */
  painId: id.nullable(),
}).strict();
export type Assumption = z.infer<typeof assumptionSchema>;

export const painSchema = z.object({
  id,
  label,
  categoryId: id,
  selected: z.boolean(),
  /** The seller's discovery note for this pain. */
  note: z.string().max(2000).nullable(),
  /** A pain entered by the seller: its impact and reduction are its own assumptions (`<id>_impact`, `<id>_reduction`). */
  custom: z.boolean(),
}).strict();
export type Pain = z.infer<typeof painSchema>;

export const hypothesisModelSchema = z.object({
  currency: z.string().regex(/^[A-Z]{3}$/),
  horizonYears: z.number().int().min(1).max(10),
  discountRatePercent: z.number().min(0).max(100),
  categories: z.array(z.object({ id, label }).strict()),
  pains: z.array(painSchema).max(40),
  assumptions: z.array(assumptionSchema).max(200),
}).strict();
export type HypothesisModel = z.infer<typeof hypothesisModelSchema>;

/** What the seller sends to the Architect: the pains ticked in discovery, notes, and pains of their own. */
export const discoveryInputSchema = z.object({
  painIds: z.array(id).max(20).optional(),
  notes: z.record(id, z.string().max(2000)).optional(),
  customPains: z.array(z.object({
    label,
    categoryId: id,
    annualImpact: z.number().int().min(0).max(MAX_MONEY), // minor units
    reductionPercent: z.number().min(0).max(100),
    note: z.string().max(2000).optional(),
  }).strict()).max(10).optional(),
}).strict();
export type DiscoveryInput = z.infer<typeof discoveryInputSchema>;

/** PATCH of a hypothesis: change assumption values, tick/untick pains, edit notes, horizon or rate. */
export const hypothesisEditSchema = z.object({
  version: z.number().int().min(1),
  assumptions: z.array(z.object({ id, value: z.number().finite() }).strict()).max(200).optional(),
  /** Reset these assumptions to their generated default. */
  reset: z.array(id).max(200).optional(),
  pains: z.array(z.object({ id, selected: z.boolean().optional(), note: z.string().max(2000).nullable().optional() }).strict()).max(40).optional(),
  horizonYears: z.number().int().min(1).max(10).optional(),
  discountRatePercent: z.number().min(0).max(100).optional(),
}).strict();
export type HypothesisEdit = z.infer<typeof hypothesisEditSchema>;
