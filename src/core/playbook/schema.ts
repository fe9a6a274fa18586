/**
 * The playbook: the company's go-to-market and delivery rules as data (DESIGN §4).
 * Every calculation reads the active playbook; admins edit it, so everything here is validated
 * strictly (unknown keys rejected) and cross-field invariants are checked with clear paths.
 */
import { z } from 'zod';
import { companySchema } from './company';
import {
  billingSchema,
  calendarSchema,
  checkSumIs100,
  checkUnique,
  checklistItemSchema,
  currencySchema,
  dayRangeSchema,
  deliverySchema,
  frequencySchema,
  idSchema,
  issue,
  labelSchema,
  leadsSchema,
  moneySchema,
  nonNegativeIntSchema,
  percentSchema,
  pipelineSchema,
  positiveIntSchema,
  roleSchema,
} from './schema-parts';

export * from './schema-parts';

// ---------------------------------------------------------------- customer success

/** When a touchpoint falls, counted from the cadence anchor (e.g. contract signature). */
export const touchpointScheduleSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('once'), dayOffset: nonNegativeIntSchema }).strict(),
  z
    .object({
      type: z.literal('recurring'),
      every: z.object({ count: positiveIntSchema, unit: z.enum(['weeks', 'months', 'years']) }).strict(),
      /** Stop after this many days from the anchor; null = for the life of the account. */
      untilDayOffset: positiveIntSchema.nullable(),
    })
    .strict(),
]);

export const touchpointSchema = z
  .object({ id: idSchema, label: labelSchema, schedule: touchpointScheduleSchema })
  .strict();

export const customerSuccessSchema = z
  .object({
    segments: z
      .array(
        z
          .object({
            id: idSchema,
            label: labelSchema,
            shareOfCustomersPercent: percentSchema,
            ownerRoleIds: z.array(idSchema).min(1),
            supportModel: labelSchema,
            engagementFrequency: frequencySchema,
            escalationPolicy: labelSchema,
            monitoring: z.string(),
            executiveSponsor: z
              .object({ roleId: idSchema, minAccounts: nonNegativeIntSchema, maxAccounts: positiveIntSchema })
              .strict()
              .nullable(),
            benefits: z.string(),
          })
          .strict(),
      )
      .min(1),
    resourceAllocation: z.array(z.object({ roleId: idSchema, responsibility: labelSchema }).strict()),
    lifecycleStages: z
      .array(
        z
          .object({
            id: idSchema,
            name: labelSchema,
            ownerRoleIds: z.array(idSchema),
            /** null = variable or ongoing. */
            durationDays: dayRangeSchema.nullable(),
            durationNote: z.string(),
            activities: z.array(labelSchema),
            exitCriteria: z.array(checklistItemSchema),
            successMetricIds: z.array(idSchema),
          })
          .strict(),
      )
      .min(1),
    onboarding: z
      .object({
        durationDays: dayRangeSchema,
        ownerRoleIds: z.array(idSchema),
        checklist: z.array(checklistItemSchema),
        /** Checkpoints for every segment, in addition to the segment cadence. */
        checkpoints: z.array(touchpointSchema),
      })
      .strict(),
    touchpointAnchor: z.enum(['contract_signed', 'kickoff', 'go_live']),
    /** segment id → touchpoints. */
    touchpoints: z.record(idSchema, z.array(touchpointSchema)),
    escalationMatrix: z
      .array(
        z
          .object({
            level: positiveIntSchema,
            label: labelSchema,
            ownerRoleId: idSchema,
            triggers: z.array(labelSchema).min(1),
            responseSlaHours: z.number().positive(),
          })
          .strict(),
      )
      .min(1),
    renewal: z
      .object({
        windowDays: positiveIntSchema,
        targetRenewalRatePercent: percentSchema,
        steps: z
          .array(
            z
              .object({
                id: idSchema,
                label: labelSchema,
                daysBeforeExpiry: nonNegativeIntSchema,
                ownerRoleIds: z.array(idSchema).min(1),
              })
              .strict(),
          )
          .min(1),
        successFactors: z.array(labelSchema),
      })
      .strict(),
    departure: z
      .object({
        steps: z.array(checklistItemSchema).min(1),
        winBack: z.object({ afterMonths: positiveIntSchema, activities: z.array(labelSchema) }).strict(),
      })
      .strict(),
    partnerResponsibilities: z.array(labelSchema),
    valueReviewTopics: z.array(labelSchema),
    expansionStrategies: z.array(labelSchema),
    automatedWorkflows: z.array(labelSchema),
    reports: z.array(z.object({ id: idSchema, label: labelSchema, frequency: frequencySchema }).strict()),
  })
  .strict()
  .superRefine((cs, ctx) => {
    checkUnique(ctx, cs.segments, ['segments'], (s) => s.id);
    checkSumIs100(ctx, cs.segments.map((s) => s.shareOfCustomersPercent), ['segments'], 'Segment shares');
    cs.segments.forEach((s, i) => {
      if (s.executiveSponsor && s.executiveSponsor.minAccounts > s.executiveSponsor.maxAccounts)
        issue(ctx, ['segments', i, 'executiveSponsor', 'maxAccounts'], 'maxAccounts must be ≥ minAccounts');
    });
    checkUnique(ctx, cs.lifecycleStages, ['lifecycleStages'], (s) => s.id);
    checkUnique(ctx, cs.onboarding.checkpoints, ['onboarding', 'checkpoints'], (s) => s.id);
    const segmentIds = new Set(cs.segments.map((s) => s.id));
    for (const [segment, list] of Object.entries(cs.touchpoints)) {
      if (!segmentIds.has(segment)) issue(ctx, ['touchpoints', segment], `Unknown segment "${segment}"`);
      checkUnique(ctx, list, ['touchpoints', segment], (t) => t.id);
    }
    for (const s of cs.segments) if (!cs.touchpoints[s.id]) issue(ctx, ['touchpoints'], `No touchpoint cadence for segment "${s.id}"`);
    cs.escalationMatrix.forEach((e, i) => {
      if (e.level !== i + 1) issue(ctx, ['escalationMatrix', i, 'level'], `Levels must run 1, 2, 3, … (expected ${i + 1})`);
    });
    const steps = cs.renewal.steps;
    if (steps[0].daysBeforeExpiry > cs.renewal.windowDays)
      issue(ctx, ['renewal', 'steps', 0, 'daysBeforeExpiry'], `First step must fall within the ${cs.renewal.windowDays}-day renewal window`);
    steps.forEach((s, i) => {
      if (i > 0 && s.daysBeforeExpiry >= steps[i - 1].daysBeforeExpiry)
        issue(ctx, ['renewal', 'steps', i, 'daysBeforeExpiry'], `Renewal steps must have descending daysBeforeExpiry (previous: ${steps[i - 1].daysBeforeExpiry})`);
    });
    checkUnique(ctx, steps, ['renewal', 'steps'], (s) => s.id);
    checkUnique(ctx, cs.departure.steps, ['departure', 'steps'], (s) => s.id);
  });

// ---------------------------------------------------------------- health score

const healthComponentKeys = ['usage', 'businessValue', 'relationship', 'growth'] as const;
const subMeasureSchema = z.object({ id: idSchema, label: labelSchema, sharePercent: percentSchema }).strict();
const bandFields = { label: labelSchema, meaning: labelSchema, escalationLevel: positiveIntSchema.nullable() };
const bandSchema = z.object({ min: percentSchema, ...bandFields }).strict();

export const healthSchema = z
  .object({
    maxScore: positiveIntSchema,
    /** Points per component; must sum to 100. */
    weights: z.object({ usage: percentSchema, businessValue: percentSchema, relationship: percentSchema, growth: percentSchema }).strict(),
    /** Each component's sub-measures with their share of the component (sum 100 per component). */
    subMeasures: z
      .object({
        usage: z.array(subMeasureSchema).min(1),
        businessValue: z.array(subMeasureSchema).min(1),
        relationship: z.array(subMeasureSchema).min(1),
        growth: z.array(subMeasureSchema).min(1),
      })
      .strict(),
    /** green ≥ green.min; yellow ≥ yellow.min; red below yellow.min. */
    bands: z
      .object({
        green: bandSchema,
        yellow: bandSchema,
        red: z.object(bandFields).strict(),
      })
      .strict(),
    snapshotFrequency: frequencySchema,
    /** Alert when the total falls by at least this many points between snapshots. */
    dropAlertPoints: z.number().positive(),
  })
  .strict()
  .superRefine((h, ctx) => {
    checkSumIs100(ctx, healthComponentKeys.map((k) => h.weights[k]), ['weights'], 'Health weights');
    if (h.maxScore !== 100) issue(ctx, ['maxScore'], 'The health score is on a 100-point scale');
    for (const k of healthComponentKeys) {
      checkSumIs100(ctx, h.subMeasures[k].map((m) => m.sharePercent), ['subMeasures', k], `Sub-measure shares of "${k}"`);
      checkUnique(ctx, h.subMeasures[k], ['subMeasures', k], (m) => m.id);
    }
    if (h.bands.yellow.min >= h.bands.green.min)
      issue(ctx, ['bands', 'yellow', 'min'], `yellow.min (${h.bands.yellow.min}) must be below green.min (${h.bands.green.min})`);
  });

// ---------------------------------------------------------------- value realization

const benchmarkBase = {
  id: idSchema,
  label: labelSchema,
  categoryId: idSchema,
  /** What the value is per, e.g. "month per 1,000 servers". */
  per: z.string(),
  basis: z.enum(['seed', 'assumption']),
};
export const benchmarkSchema = z.discriminatedUnion('kind', [
  z
    .object({
      ...benchmarkBase,
      kind: z.literal('quantity'),
      value: z.number(),
      unit: z.enum(['hours', 'days', 'percent', 'count', 'ratio']),
    })
    .strict(),
  z.object({ ...benchmarkBase, kind: z.literal('money'), amount: moneySchema }).strict(),
]);

export const valueRealizationSchema = z
  .object({
    stages: z
      .array(
        z
          .object({
            id: idSchema,
            act: positiveIntSchema,
            name: labelSchema,
            team: labelSchema,
            agentId: idSchema,
            agentName: labelSchema,
            mission: labelSchema,
            activities: z.array(z.object({ activity: labelSchema, orchestration: labelSchema, output: labelSchema }).strict()),
            capabilities: z.array(labelSchema),
            memory: z.array(labelSchema),
            handoffObject: z.enum(['hypothesis', 'commitment', 'realization', 'proof']),
          })
          .strict(),
      )
      .length(4),
    /** Alert when a KPI drifts more than this % from its target trajectory. */
    varianceAlertPercent: percentSchema,
    reviewFrequency: frequencySchema,
    kpiCategories: z.array(
      z.object({ id: idSchema, label: labelSchema, betterWhen: z.enum(['higher', 'lower']), description: z.string() }).strict(),
    ),
    benchmarks: z.array(benchmarkSchema),
    roi: z.object({ horizonYears: positiveIntSchema, discountRatePercent: percentSchema }).strict(),
    programOutcomes: z.array(
      z
        .object({ id: idSchema, label: labelSchema, before: z.number(), after: z.number(), unit: z.enum(['days', 'percent', 'score']) })
        .strict(),
    ),
  })
  .strict()
  .superRefine((v, ctx) => {
    checkUnique(ctx, v.stages, ['stages'], (s) => s.id);
    v.stages.forEach((s, i) => {
      if (s.act !== i + 1) issue(ctx, ['stages', i, 'act'], `Acts must run 1–4 in order (expected ${i + 1})`);
    });
    checkUnique(ctx, v.kpiCategories, ['kpiCategories'], (c) => c.id);
    checkUnique(ctx, v.benchmarks, ['benchmarks'], (b) => b.id);
    const cats = new Set(v.kpiCategories.map((c) => c.id));
    v.benchmarks.forEach((b, i) => {
      if (!cats.has(b.categoryId)) issue(ctx, ['benchmarks', i, 'categoryId'], `Unknown KPI category "${b.categoryId}"`);
    });
  });

// ---------------------------------------------------------------- support, partners, product

export const supportSchema = z
  .object({
    processSteps: z.array(checklistItemSchema).min(1),
    levels: z
      .array(
        z.object({ level: positiveIntSchema, name: labelSchema, ownerRoleId: idSchema, responsibilities: z.array(labelSchema) }).strict(),
      )
      .min(1),
    priorities: z
      .array(
        z
          .object({ id: idSchema, label: labelSchema, firstResponseHours: z.number().positive(), resolutionHours: z.number().positive() })
          .strict(),
      )
      .min(1),
    channels: z.array(labelSchema),
  })
  .strict()
  .superRefine((s, ctx) => {
    checkUnique(ctx, s.processSteps, ['processSteps'], (p) => p.id);
    s.levels.forEach((l, i) => {
      if (l.level !== i + 1) issue(ctx, ['levels', i, 'level'], `Levels must run 1, 2, 3, … (expected ${i + 1})`);
    });
    checkUnique(ctx, s.priorities, ['priorities'], (p) => p.id);
    s.priorities.forEach((p, i) => {
      if (p.firstResponseHours > p.resolutionHours)
        issue(ctx, ['priorities', i, 'firstResponseHours'], 'firstResponseHours must be ≤ resolutionHours');
    });
  });

export const partnersSchema = z
  .object({
    lifecycle: z.array(checklistItemSchema).min(1),
    types: z
      .array(
        z
          .object({
            id: idSchema,
            label: labelSchema,
            activities: z.array(labelSchema),
            commissionPercent: percentSchema,
            commissionBasis: z.enum(['first_year_arr', 'none']),
            dealRegistration: z.boolean(),
          })
          .strict(),
      )
      .min(1),
    dealRegistrationValidityDays: positiveIntSchema,
    certificationLevels: z.array(checklistItemSchema),
    trainingTopics: z.array(labelSchema),
    qualityAssurance: z.array(labelSchema),
  })
  .strict()
  .superRefine((p, ctx) => {
    checkUnique(ctx, p.lifecycle, ['lifecycle'], (t) => t.id);
    checkUnique(ctx, p.types, ['types'], (t) => t.id);
    p.types.forEach((t, i) => {
      if (t.commissionBasis === 'none' && t.commissionPercent !== 0)
        issue(ctx, ['types', i, 'commissionPercent'], 'Commission must be 0 when commissionBasis is "none"');
    });
    checkUnique(ctx, p.certificationLevels, ['certificationLevels'], (t) => t.id);
  });

export const productDevelopmentSchema = z
  .object({
    featureRequestStages: z.array(checklistItemSchema).min(1),
    feedbackSources: z.array(labelSchema),
    releaseChecklist: z.array(checklistItemSchema),
  })
  .strict()
  .superRefine((p, ctx) => checkUnique(ctx, p.featureRequestStages, ['featureRequestStages'], (s) => s.id));

// ---------------------------------------------------------------- metric targets

export const metricTargetSchema = z
  .object({
    label: labelSchema,
    target: z.number(),
    comparator: z.enum(['gt', 'gte', 'lt', 'lte', 'eq']),
    unit: z.enum(['percent', 'days', 'hours', 'score', 'ratio', 'count', 'currency']),
    /** Seed and section, e.g. "001 Success Metrics & KPIs". */
    source: labelSchema,
    area: z.enum(['leads', 'pipeline', 'delivery', 'billing', 'customer_success', 'value', 'support']),
    /** For scores: the top of the scale (e.g. 5 for CSAT). */
    scaleMax: z.number().positive().optional(),
    /** For counts and rates measured per period. */
    period: z.enum(['week', 'month', 'quarter', 'year']).optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.unit === 'percent' && (m.target < 0 || m.target > 1000)) issue(ctx, ['target'], 'Percent target out of range');
    if (m.scaleMax !== undefined && m.target > m.scaleMax) issue(ctx, ['target'], 'Target exceeds scaleMax');
  });

// ---------------------------------------------------------------- the playbook

export const playbookSchema = z
  .object({
    schemaVersion: z.literal(1),
    name: labelSchema,
    currency: currencySchema,
    calendar: calendarSchema,
    /** The seller on invoices and proposals (company.ts). */
    company: companySchema,
    roles: z.array(roleSchema).min(1),
    leads: leadsSchema,
    pipeline: pipelineSchema,
    delivery: deliverySchema,
    billing: billingSchema,
    customerSuccess: customerSuccessSchema,
    health: healthSchema,
    valueRealization: valueRealizationSchema,
    support: supportSchema,
    partners: partnersSchema,
    productDevelopment: productDevelopmentSchema,
    metricTargets: z.record(idSchema, metricTargetSchema),
  })
  .strict()
  .superRefine((p, ctx) => {
    checkUnique(ctx, p.roles, ['roles'], (r) => r.id);
    // Every `…RoleId` / `…RoleIds` field must name a declared role.
    const roleIds = new Set(p.roles.map((r) => r.id));
    forEachRoleRef(p, [], (id, path) => {
      if (!roleIds.has(id)) issue(ctx, path, `Unknown role "${id}" (declare it in roles)`);
    });
    if (p.billing.currency !== p.currency) issue(ctx, ['billing', 'currency'], `Must equal the playbook currency (${p.currency})`);
    // Health band escalation levels must exist in the escalation matrix.
    const levels = new Set(p.customerSuccess.escalationMatrix.map((e) => e.level));
    for (const band of ['green', 'yellow', 'red'] as const) {
      const level = p.health.bands[band].escalationLevel;
      if (level !== null && !levels.has(level))
        issue(ctx, ['health', 'bands', band, 'escalationLevel'], `No escalation level ${level} in customerSuccess.escalationMatrix`);
    }
    // Lifecycle stage success metrics must be defined metric targets.
    p.customerSuccess.lifecycleStages.forEach((s, i) =>
      s.successMetricIds.forEach((m, j) => {
        if (!p.metricTargets[m]) issue(ctx, ['customerSuccess', 'lifecycleStages', i, 'successMetricIds', j], `Unknown metric "${m}"`);
      }),
    );
  });

export type Playbook = z.infer<typeof playbookSchema>;

function forEachRoleRef(value: unknown, path: (string | number)[], visit: (id: string, path: (string | number)[]) => void): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => forEachRoleRef(v, [...path, i], visit));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, v] of Object.entries(value)) {
    if (/(^r|R)oleId$/.test(key) && typeof v === 'string') visit(v, [...path, key]);
    else if (/(^r|R)oleIds$/.test(key) && Array.isArray(v))
      v.forEach((id, i) => typeof id === 'string' && visit(id, [...path, key, i]));
    else forEachRoleRef(v, [...path, key], visit);
  }
}
