/**
 * Building blocks of the playbook schema: primitives and one schema per section.
 * Section-local invariants live here (their issue paths are relative to the section and
 * zod prefixes them); cross-section invariants live in `schema.ts`.
 */
import { z } from 'zod';
import { isoDate } from '../dates';

// ---------------------------------------------------------------- primitives

export const idSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'Use a lower_snake_case id (a-z, 0-9, _; starting with a letter)');
export const labelSchema = z.string().trim().min(1, 'Must not be empty');
export const percentSchema = z.number().min(0, 'Must be ≥ 0').max(100, 'Must be ≤ 100');
export const positiveIntSchema = z.number().int().positive();
export const nonNegativeIntSchema = z.number().int().nonnegative();
export const currencySchema = z.string().regex(/^[A-Z]{3}$/, 'Use an ISO 4217 currency code like USD');
export const timeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM (24-hour)');

/** Money as integer minor units (cents) plus currency. */
export const moneySchema = z
  .object({ amountMinor: nonNegativeIntSchema, currency: currencySchema })
  .strict();

/** A checklist item such as an exit criterion or a handoff item. */
export const checklistItemSchema = z.object({ id: idSchema, label: labelSchema }).strict();

/** Inclusive range in days. */
export const dayRangeSchema = z
  .object({ min: z.number().nonnegative(), max: z.number().nonnegative() })
  .strict()
  .refine((r) => r.min <= r.max, { message: 'min must be ≤ max', path: ['max'] });

export const frequencySchema = z.enum(['daily', 'weekly', 'biweekly', 'monthly', 'quarterly', 'yearly', 'ad_hoc']);
export const levelSchema = z.enum(['low', 'medium', 'high']);

// ---------------------------------------------------------------- invariant helpers

type PathSegment = string | number;
/** The part of zod's refinement context we use. */
export interface IssueSink {
  addIssue(issue: { code: 'custom'; message: string; path: PathSegment[] }): void;
}

export function issue(ctx: IssueSink, path: PathSegment[], message: string): void {
  ctx.addIssue({ code: 'custom', message, path });
}

/** Reports the second and later occurrences of an id at `<path>.<index>.<key>`. */
export function checkUnique<T>(
  ctx: IssueSink,
  items: readonly T[],
  path: PathSegment[],
  key: (item: T) => string | number,
  keyName = 'id',
): void {
  const seen = new Set<string | number>();
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) issue(ctx, [...path, i, keyName], `Duplicate ${keyName} "${k}"`);
    seen.add(k);
  });
}

export function checkSumIs100(ctx: IssueSink, values: readonly number[], path: PathSegment[], what: string): void {
  const sum = values.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 100) > 1e-9) issue(ctx, path, `${what} must sum to 100 (got ${Number(sum.toFixed(6))})`);
}

function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------- calendar, roles

export const calendarSchema = z
  .object({
    timeZone: z.string().refine(isValidTimeZone, 'Unknown IANA time zone'),
    /** ISO weekdays, Monday = 1 … Sunday = 7. */
    workingDays: z.array(z.number().int().min(1).max(7)).min(1),
    startTime: timeOfDaySchema,
    endTime: timeOfDaySchema,
    /** Dates (YYYY-MM-DD) that are not business days. */
    holidays: z.array(isoDate),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.startTime >= c.endTime) issue(ctx, ['endTime'], `endTime (${c.endTime}) must be after startTime (${c.startTime})`);
    checkUnique(ctx, c.workingDays, ['workingDays'], (d) => d, 'day');
    checkUnique(ctx, c.holidays, ['holidays'], (d) => d, 'date');
  });

export const roleSchema = z.object({ id: idSchema, label: labelSchema, description: z.string() }).strict();

// ---------------------------------------------------------------- leads

/** Facts a lead-scoring condition can test; the scoring engine resolves each one. */
export const LEAD_FACTS = [
  'techStack', // string[] of products, e.g. "ServiceNow"
  'monitoringTools', // string[]
  'hasCmdb', // boolean
  'cmdbAccuracyPercent', // number 0–100 as stated by the prospect
  'complianceFrameworks', // string[]
  'employees', // number
  'servers', // number
  'cloudResources', // number
  'networkDevices', // number
  'industry', // string
  'recentInitiatives', // string[]
  'bant.budget', // boolean: budget identified
  'bant.authority', // boolean: contact influences purchasing
  'bant.need', // boolean: clear pain
  'bant.timelineMonths', // number: months until the initiative
  'source', // lead source id
  'activity.webinarAttended', // counts of engagement events
  'activity.eventAttended',
  'activity.contentDownloaded',
  'activity.emailReplied',
  'activity.meetingAccepted',
  'activity.websiteVisits',
] as const;
export const leadFactSchema = z.enum(LEAD_FACTS);

const conditionOps = z.enum(['eq', 'neq', 'in', 'contains', 'gt', 'gte', 'lt', 'lte', 'exists', 'isTrue', 'isFalse']);
export const leadConditionSchema = z
  .object({
    fact: leadFactSchema,
    op: conditionOps,
    value: z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]).optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    const noValue = c.op === 'exists' || c.op === 'isTrue' || c.op === 'isFalse';
    if (noValue && c.value !== undefined) issue(ctx, ['value'], `op "${c.op}" takes no value`);
    if (!noValue && c.value === undefined) issue(ctx, ['value'], `op "${c.op}" needs a value`);
    if (['gt', 'gte', 'lt', 'lte'].includes(c.op) && typeof c.value !== 'number')
      issue(ctx, ['value'], `op "${c.op}" needs a number`);
    if (c.op === 'in' && !Array.isArray(c.value)) issue(ctx, ['value'], 'op "in" needs a list of strings');
    if (c.op === 'contains' && typeof c.value !== 'string') issue(ctx, ['value'], 'op "contains" needs a string');
  });

export const scoringRuleSchema = z
  .object({
    id: idSchema,
    /** Points added (negative subtracts) when the condition holds. */
    points: z.number().int().min(-100).max(100),
    /** Shown to the user next to the score, e.g. "+15 ServiceNow in stack". */
    explanation: labelSchema,
    when: leadConditionSchema,
  })
  .strict();

export const leadsSchema = z
  .object({
    typicalInitialResponseDays: dayRangeSchema,
    sources: z.array(
      z.object({ id: idSchema, label: labelSchema, direction: z.enum(['inbound', 'outbound', 'referral']) }).strict(),
    ),
    outreachChannels: z.array(labelSchema),
    statuses: z.array(checklistItemSchema).min(1),
    entryCriteria: z.array(checklistItemSchema),
    bant: z
      .object({
        criteria: z
          .array(
            z
              .object({
                id: z.enum(['budget', 'authority', 'need', 'timeline']),
                letter: z.enum(['B', 'A', 'N', 'T']),
                label: labelSchema,
                criterion: labelSchema,
                questions: z.array(labelSchema),
              })
              .strict(),
          )
          .length(4),
        /** How many of the four criteria must be met to qualify. */
        requiredCriteriaMet: z.number().int().min(1).max(4),
        /** The initiative must be planned within this many months. */
        timelineHorizonMonths: positiveIntSchema,
      })
      .strict(),
    enrichmentFields: z.array(
      z
        .object({
          id: idSchema,
          label: labelSchema,
          type: z.enum(['number', 'text', 'list']),
          group: z.enum(['firmographic', 'technographic', 'infrastructure', 'compliance', 'initiatives']),
        })
        .strict(),
    ),
    scoring: z
      .object({
        fitRules: z.array(scoringRuleSchema),
        engagementRules: z.array(scoringRuleSchema),
        maxFitPoints: positiveIntSchema,
        maxEngagementPoints: positiveIntSchema,
        /** Total = fit% × fit weight + engagement% × engagement weight. */
        combineWeights: z.object({ fit: percentSchema, engagement: percentSchema }).strict(),
        priorityBands: z.object({ hot: percentSchema, warm: percentSchema }).strict(),
      })
      .strict(),
    assignment: z
      .object({
        /** Applied in array order; the weight ranks candidates when several match. */
        criteria: z.array(
          z
            .object({
              id: z.enum(['territory', 'vertical_expertise', 'account_size', 'workload']),
              label: labelSchema,
              weightPercent: percentSchema,
            })
            .strict(),
        ),
        accountSizeTiers: z.array(
          z.object({ id: idSchema, label: labelSchema, minEmployees: nonNegativeIntSchema }).strict(),
        ),
        assignerRoleId: idSchema,
      })
      .strict(),
    sla: z
      .object({
        firstResponseHours: z.number().positive(),
        firstResponseTargetBusinessHours: z.number().positive(),
        qualificationHours: z.number().positive(),
        /** Clock for the hard SLAs (firstResponseHours, qualificationHours). */
        clock: z.enum(['calendar', 'business']),
      })
      .strict(),
    slaEscalation: z.array(z.object({ roleId: idSchema, hoursAfterBreach: z.number().nonnegative() }).strict()).min(1),
    topicEscalations: z.array(z.object({ topic: labelSchema, roleId: idSchema }).strict()),
    disqualificationReasons: z.array(
      z.object({ id: idSchema, label: labelSchema, nurture: z.boolean() }).strict(),
    ),
    deliverables: z.array(checklistItemSchema),
    exitCriteria: z.array(checklistItemSchema),
    handoff: z
      .object({
        toRoleId: idSchema,
        items: z.array(z.object({ id: idSchema, label: labelSchema, required: z.boolean() }).strict()),
      })
      .strict(),
    objections: z.array(z.object({ id: idSchema, objection: labelSchema, response: labelSchema }).strict()),
  })
  .strict()
  .superRefine((l, ctx) => {
    checkUnique(ctx, l.sources, ['sources'], (s) => s.id);
    checkUnique(ctx, l.statuses, ['statuses'], (s) => s.id);
    checkUnique(ctx, l.bant.criteria, ['bant', 'criteria'], (c) => c.id);
    checkUnique(ctx, l.enrichmentFields, ['enrichmentFields'], (f) => f.id);
    const ruleIds = new Set<string>();
    for (const list of ['fitRules', 'engagementRules'] as const)
      l.scoring[list].forEach((r, i) => {
        if (ruleIds.has(r.id)) issue(ctx, ['scoring', list, i, 'id'], `Duplicate id "${r.id}"`);
        ruleIds.add(r.id);
      });
    checkSumIs100(ctx, [l.scoring.combineWeights.fit, l.scoring.combineWeights.engagement], ['scoring', 'combineWeights'], 'Score combine weights');
    if (l.scoring.priorityBands.warm >= l.scoring.priorityBands.hot)
      issue(ctx, ['scoring', 'priorityBands', 'warm'], 'warm must be below hot');
    checkUnique(ctx, l.assignment.criteria, ['assignment', 'criteria'], (c) => c.id);
    checkSumIs100(ctx, l.assignment.criteria.map((c) => c.weightPercent), ['assignment', 'criteria'], 'Assignment weights');
    l.assignment.accountSizeTiers.forEach((t, i, all) => {
      if (i > 0 && t.minEmployees >= all[i - 1].minEmployees)
        issue(ctx, ['assignment', 'accountSizeTiers', i, 'minEmployees'], 'Account size tiers must be listed largest first');
    });
    if (l.sla.firstResponseTargetBusinessHours > l.sla.firstResponseHours)
      issue(ctx, ['sla', 'firstResponseTargetBusinessHours'], 'Target must not exceed firstResponseHours');
    if (l.sla.qualificationHours < l.sla.firstResponseHours)
      issue(ctx, ['sla', 'qualificationHours'], 'qualificationHours must be ≥ firstResponseHours');
    l.slaEscalation.forEach((s, i, all) => {
      if (i > 0 && s.hoursAfterBreach <= all[i - 1].hoursAfterBreach)
        issue(ctx, ['slaEscalation', i, 'hoursAfterBreach'], 'Escalation steps must have increasing hoursAfterBreach');
    });
    checkUnique(ctx, l.disqualificationReasons, ['disqualificationReasons'], (r) => r.id);
    checkUnique(ctx, l.exitCriteria, ['exitCriteria'], (r) => r.id);
    checkUnique(ctx, l.handoff.items, ['handoff', 'items'], (r) => r.id);
  });

// ---------------------------------------------------------------- pipeline

export const pipelineStageSchema = z
  .object({
    id: idSchema,
    name: labelSchema,
    kind: z.enum(['open', 'won', 'lost']),
    probability: percentSchema,
    forecastCategory: z.enum(['pipeline', 'best_case', 'commit', 'closed', 'omitted']),
    expectedDurationDays: dayRangeSchema.nullable(),
    ownerRoleIds: z.array(idSchema),
    objective: z.string(),
    activities: z.array(labelSchema),
    exitCriteria: z.array(checklistItemSchema),
    output: z.string(),
    conversionMetric: z.string().nullable(),
  })
  .strict();

export const pipelineSchema = z
  .object({
    stages: z.array(pipelineStageSchema).min(3),
    lossReasons: z.array(checklistItemSchema).min(1),
    poc: z
      .object({
        standardDurationWeeks: positiveIntSchema,
        /** Share of the POC fee credited toward the full implementation. */
        feeCreditPercent: percentSchema,
        deliverables: z.array(checklistItemSchema),
      })
      .strict(),
  })
  .strict()
  .superRefine((p, ctx) => {
    checkUnique(ctx, p.stages, ['stages'], (s) => s.id);
    checkUnique(ctx, p.lossReasons, ['lossReasons'], (s) => s.id);
    let lastOpen: number | undefined;
    p.stages.forEach((s, i) => {
      checkUnique(ctx, s.exitCriteria, ['stages', i, 'exitCriteria'], (c) => c.id);
      if (s.kind === 'open') {
        if (lastOpen !== undefined && s.probability < p.stages[lastOpen].probability)
          issue(ctx, ['stages', i, 'probability'], `Probability must not decrease along open stages (${p.stages[lastOpen].id} has ${p.stages[lastOpen].probability})`);
        lastOpen = i;
      }
      if (s.kind === 'won' && s.probability !== 100) issue(ctx, ['stages', i, 'probability'], 'A won stage has probability 100');
      if (s.kind === 'lost' && s.probability !== 0) issue(ctx, ['stages', i, 'probability'], 'A lost stage has probability 0');
    });
    for (const kind of ['won', 'lost'] as const) {
      const n = p.stages.filter((s) => s.kind === kind).length;
      if (n !== 1) issue(ctx, ['stages'], `Exactly one "${kind}" stage is required (found ${n})`);
    }
  });

// ---------------------------------------------------------------- delivery and billing

export const deliveryPhaseSchema = z
  .object({
    id: idSchema,
    name: labelSchema,
    ownerRoleId: idSchema,
    startWeek: positiveIntSchema,
    endWeek: positiveIntSchema,
    activities: z.array(z.object({ label: labelSchema, tasks: z.array(labelSchema) }).strict()),
    deliverables: z.array(checklistItemSchema),
  })
  .strict();

export const deliveryMilestoneSchema = z
  .object({
    id: idSchema,
    name: labelSchema,
    week: positiveIntSchema,
    phaseId: idSchema,
    deliverables: z.array(labelSchema),
    /** Share of the services fee invoiced when the customer accepts the milestone. */
    paymentPercent: percentSchema,
    requiresCustomerAcceptance: z.boolean(),
  })
  .strict();

export const deliverySchema = z
  .object({
    standardWeeks: positiveIntSchema,
    minWeeks: positiveIntSchema,
    maxWeeks: positiveIntSchema,
    hypercareWeeks: nonNegativeIntSchema,
    entryCriteria: z.array(checklistItemSchema),
    phases: z.array(deliveryPhaseSchema).min(1),
    milestones: z.array(deliveryMilestoneSchema).min(1),
    exitCriteria: z.array(checklistItemSchema),
    handoff: z.object({ toRoleIds: z.array(idSchema), items: z.array(checklistItemSchema) }).strict(),
    meetings: z.array(
      z
        .object({
          id: idSchema,
          label: labelSchema,
          frequency: frequencySchema,
          durationMinutes: positiveIntSchema.nullable(),
        })
        .strict(),
    ),
    statusReporting: z.array(labelSchema),
    risks: z.array(
      z
        .object({ id: idSchema, label: labelSchema, impact: levelSchema, probability: levelSchema, mitigation: labelSchema })
        .strict(),
    ),
    issueResolutionSteps: z.array(labelSchema).min(1),
    escalationPaths: z.array(z.object({ topic: labelSchema, chainRoleIds: z.array(idSchema).min(1) }).strict()),
    acceptanceChecks: z.array(checklistItemSchema),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.minWeeks > d.standardWeeks) issue(ctx, ['minWeeks'], 'minWeeks must be ≤ standardWeeks');
    if (d.maxWeeks < d.standardWeeks) issue(ctx, ['maxWeeks'], 'maxWeeks must be ≥ standardWeeks');
    checkUnique(ctx, d.phases, ['phases'], (p) => p.id);
    d.phases.forEach((p, i) => {
      if (p.endWeek < p.startWeek) issue(ctx, ['phases', i, 'endWeek'], `endWeek (${p.endWeek}) must be ≥ startWeek (${p.startWeek})`);
      if (p.endWeek > d.standardWeeks)
        issue(ctx, ['phases', i, 'endWeek'], `Phase ends in week ${p.endWeek}, after the ${d.standardWeeks}-week project`);
      if (i > 0 && p.startWeek < d.phases[i - 1].startWeek)
        issue(ctx, ['phases', i, 'startWeek'], 'Phases must be listed in start-week order');
    });
    checkUnique(ctx, d.milestones, ['milestones'], (m) => m.id);
    const phaseIds = new Set(d.phases.map((p) => p.id));
    d.milestones.forEach((m, i) => {
      if (m.week > d.standardWeeks) issue(ctx, ['milestones', i, 'week'], `Milestone week ${m.week} is after the ${d.standardWeeks}-week project`);
      if (i > 0 && m.week < d.milestones[i - 1].week) issue(ctx, ['milestones', i, 'week'], 'Milestones must be listed in week order');
      if (!phaseIds.has(m.phaseId)) issue(ctx, ['milestones', i, 'phaseId'], `Unknown phase "${m.phaseId}"`);
    });
    checkSumIs100(ctx, d.milestones.map((m) => m.paymentPercent), ['milestones'], 'Milestone payment percents');
    checkUnique(ctx, d.meetings, ['meetings'], (m) => m.id);
    checkUnique(ctx, d.risks, ['risks'], (r) => r.id);
  });

export const billingSchema = z
  .object({
    currency: currencySchema,
    paymentTermsDays: positiveIntSchema,
    invoiceTrigger: z.enum(['milestone_acceptance', 'milestone_date']),
    /** How a signed contract's ARR is billed unless finance sets another period on its subscription. */
    subscriptionBillingPeriod: z.enum(['annual', 'quarterly', 'monthly']).default('annual'),
    dunning: z
      .object({
        steps: z
          .array(
            z
              .object({
                id: idSchema,
                /** Days relative to the due date; negative = before it. */
                dayOffset: z.number().int(),
                action: labelSchema,
                ownerRoleId: idSchema,
              })
              .strict(),
          )
          .min(1),
        escalateWhenDaysLate: positiveIntSchema,
        escalationRoleIds: z.array(idSchema).min(1),
      })
      .strict(),
    /** Contiguous buckets of days past due; null = open-ended. */
    agingBuckets: z
      .array(
        z
          .object({
            id: idSchema,
            label: labelSchema,
            minDaysPastDue: z.number().int().nullable(),
            maxDaysPastDue: z.number().int().nullable(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict()
  .superRefine((b, ctx) => {
    checkUnique(ctx, b.dunning.steps, ['dunning', 'steps'], (s) => s.id);
    b.dunning.steps.forEach((s, i, all) => {
      if (i > 0 && s.dayOffset <= all[i - 1].dayOffset)
        issue(ctx, ['dunning', 'steps', i, 'dayOffset'], 'Dunning steps must have increasing dayOffset');
    });
    checkUnique(ctx, b.agingBuckets, ['agingBuckets'], (s) => s.id);
    const buckets = b.agingBuckets;
    if (buckets[0].minDaysPastDue !== null) issue(ctx, ['agingBuckets', 0, 'minDaysPastDue'], 'The first bucket must be open-ended (null)');
    if (buckets[buckets.length - 1].maxDaysPastDue !== null)
      issue(ctx, ['agingBuckets', buckets.length - 1, 'maxDaysPastDue'], 'The last bucket must be open-ended (null)');
    buckets.forEach((bk, i) => {
      if (bk.minDaysPastDue !== null && bk.maxDaysPastDue !== null && bk.maxDaysPastDue < bk.minDaysPastDue)
        issue(ctx, ['agingBuckets', i, 'maxDaysPastDue'], 'maxDaysPastDue must be ≥ minDaysPastDue');
      if (i > 0) {
        const prevMax = buckets[i - 1].maxDaysPastDue;
        if (prevMax === null || bk.minDaysPastDue !== prevMax + 1)
          issue(ctx, ['agingBuckets', i, 'minDaysPastDue'], `Buckets must be contiguous: expected ${prevMax === null ? 'no bucket after an open-ended one' : prevMax + 1}`);
      }
    });
  });
