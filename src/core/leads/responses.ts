// What the lead routes answer (004): leads in lists and whole, activities, duplicates, merge and conversion results,
// the conversion model, web forms and sales profiles. The server documents and checks its responses with these; the
// web reads the same shapes through the generated client.
import { z } from 'zod';
import { isoTime, page } from '../api/shapes';
import { REGIONS } from '../accounts/schemas';
import { AUDIENCES } from '../access/audience';
import { ENGAGEMENT_KEYS, LEAD_ACTIVITY_KINDS, LEAD_STATUSES, PRIORITIES } from './schemas';

const d = (description: string) => ({ description });
const count = z.number().int().min(0);

export const leadStatusSchema = z.enum(LEAD_STATUSES).meta({ id: 'LeadStatus' });
export const prioritySchema = z.enum(PRIORITIES).meta({ id: 'LeadPriority' });

export const scorePointSchema = z.object({
  rule: z.string().meta(d('Playbook scoring rule id.')),
  kind: z.enum(['fit', 'engagement']),
  points: z.number().int().meta(d('Points the rule added (negative: taken off).')),
  explanation: z.string().meta(d('The rule\'s text from the playbook.')),
}).meta({ id: 'ScorePoint' });

export const bantAnswersSchema = z.object({
  budget: z.boolean().nullable().optional(),
  authority: z.boolean().nullable().optional(),
  need: z.boolean().nullable().optional(),
  timelineMonths: z.number().int().nullable().optional().meta(d('Months until the prospect means to buy.')),
  answers: z.record(z.string(), z.string()).optional()
    .meta(d('Answers to the playbook\'s BANT questions by `<criterion>.<question index>`, e.g. `need.1`.')),
}).meta({ id: 'LeadBant', description: 'BANT answers (004 §1.2); empty until the form is first saved.' });

export const engagementCountersSchema = z.object(
  Object.fromEntries(ENGAGEMENT_KEYS.map((k) => [k, count.optional()])) as Record<(typeof ENGAGEMENT_KEYS)[number], z.ZodOptional<typeof count>>,
).meta({ id: 'LeadEngagement', description: 'Engagement counters (the scoring facts `activity.*`); a missing key is 0.' });

export const assignmentExplanationSchema = z.object({
  by: z.enum(['rules', 'manual', 'form', 'capture']),
  text: z.string(),
  ranking: z.array(z.object({ userId: z.uuid(), name: z.string(), points: z.number(), parts: z.array(z.string()) })).optional()
    .meta(d('The five best-ranked candidates of a rules assignment.')),
  skipped: z.array(z.object({ userId: z.uuid(), name: z.string(), why: z.string() })).optional()
    .meta(d('Candidates left out (out of office, at capacity).')),
  actorName: z.string().optional(),
  reason: z.string().optional(),
}).meta({ id: 'AssignmentExplanation', description: 'Why the owner was chosen. Empty (null) for partner users: it names colleagues.' });

export const bantCheckSchema = z.object({
  met: z.array(z.string()).meta(d('BANT criteria met (budget, authority, need, timeline).')),
  missing: z.array(z.object({ id: z.string(), label: z.string(), criterion: z.string() })),
  required: count.meta(d('How many criteria the playbook needs to qualify.')),
  ok: z.boolean().meta(d('Enough criteria met to qualify.')),
}).meta({ id: 'BantCheck' });

const sla = {
  firstResponseDueAt: isoTime.nullable(),
  firstResponseTargetAt: isoTime.nullable().meta(d('The 1-business-hour target shown next to the hard SLA.')),
  firstRespondedAt: isoTime.nullable(),
  qualificationDueAt: isoTime.nullable(),
  slaDueAt: isoTime.nullable().meta(d('Due time of the clock running now (first response, then qualification); null when none runs.')),
  slaBreachedAt: isoTime.nullable(),
  escalationLevel: count,
};
const scores = {
  score: z.number().int(),
  fitScore: z.number().int(),
  engagementScore: z.number().int(),
  priority: prioritySchema,
  conversionProbability: z.number().nullable().meta(d('0–1 from the conversion model; null while no model is active.')),
};
const who = {
  id: z.uuid(), version: z.number().int(), status: leadStatusSchema, source: z.string().meta(d('Playbook lead source id.')),
  campaign: z.string().nullable(), firstName: z.string().nullable(), lastName: z.string().nullable(), email: z.string().nullable(),
  title: z.string().nullable(), companyName: z.string().nullable(), domain: z.string().nullable(),
  country: z.string().nullable().meta(d('ISO 3166 alpha-2.')), region: z.enum(REGIONS).nullable(), industry: z.string().nullable(),
  employees: z.number().int().nullable(), ownerId: z.uuid().nullable(), partnerId: z.uuid().nullable(),
  createdAt: isoTime, updatedAt: isoTime,
};

/** A lead as lists and the inbox show it; the lead page loads the rest. */
export const leadSummarySchema = z.object({ ...who, ...scores, ...sla }).meta({ id: 'LeadSummary' });

export const leadSchema = z.object({
  ...who, ...scores, ...sla,
  phone: z.string().nullable(),
  techStack: z.array(z.string()), monitoringTools: z.array(z.string()), servers: z.number().int().nullable(),
  cloudResources: z.number().int().nullable(), networkDevices: z.number().int().nullable(),
  complianceFrameworks: z.array(z.string()), recentInitiatives: z.array(z.string()),
  hasCmdb: z.boolean().nullable(), cmdbAccuracyPercent: z.number().int().nullable(), notes: z.string().nullable(),
  bant: bantAnswersSchema,
  engagement: engagementCountersSchema,
  scoreExplanation: z.array(scorePointSchema),
  scoredPlaybookVersion: z.number().int().nullable(),
  assignedAt: isoTime.nullable(),
  assignmentExplanation: assignmentExplanationSchema.nullable(),
  qualifiedAt: isoTime.nullable(),
  disqualificationReason: z.string().nullable().meta(d('Playbook disqualification reason id.')),
  convertedAt: isoTime.nullable(),
  convertedAccountId: z.uuid().nullable(),
  convertedContactId: z.uuid().nullable(),
  convertedOpportunityId: z.uuid().nullable(),
  mergedIntoId: z.uuid().nullable(),
  referredByAccountId: z.uuid().nullable(),
  formId: z.string().nullable().meta(d('The web form it came through.')),
  possibleDuplicates: z.array(z.object({ id: z.uuid(), match: z.enum(['email', 'domain']) }))
    .meta(d('Live leads with the same email or company domain, flagged at capture (only those the caller may see).')),
}).meta({ id: 'Lead' });

/** GET /leads/{id} and PUT /leads/{id}/bant: the lead with its BANT check. */
export const leadWithCheckSchema = leadSchema.extend({ bantCheck: bantCheckSchema }).meta({ id: 'LeadWithBantCheck' });

export const leadBulkResultSchema = z.object({
  received: count, created: count,
  failed: count.meta(d('Rows refused (each listed under `errors` with its index).')),
  errors: z.array(z.object({ row: count, path: z.string(), message: z.string() })),
  leads: z.array(z.object({ row: count, id: z.uuid(), possibleDuplicates: count.meta(d('How many possible duplicates were flagged.')) })),
}).meta({ id: 'LeadBulkResult' });

export const leadModelStatusSchema = z.object({
  status: z.enum(['not_trained', 'insufficient_history', 'active']),
  message: z.string(),
  auc: z.number().nullable().meta(d('Area under the ROC curve on the held-out validation set.')),
  sampleSize: count, positives: count.meta(d('Won examples among them.')),
  trainSize: count.optional(), validationSize: count.optional(), minExamples: count,
  trainedAt: isoTime.nullable(),
  topWeights: z.array(z.object({ feature: z.string(), label: z.string(), weight: z.number() })),
}).meta({ id: 'LeadModelStatus' });

const activityFields = {
  id: z.uuid(), kind: z.enum([...LEAD_ACTIVITY_KINDS, 'system']), subject: z.string(), body: z.string().nullable(),
  inbound: z.boolean().nullable().meta(d('For emails: the prospect wrote to us.')), occurredAt: isoTime,
  actorId: z.uuid().nullable(), audience: z.enum(AUDIENCES),
};
export const leadActivitySchema = z.object({ ...activityFields, actorName: z.string().nullable() }).meta({ id: 'LeadActivity' });
export const loggedLeadActivitySchema = z.object({
  activity: z.object({ ...activityFields, leadId: z.uuid(), createdAt: isoTime }),
  lead: leadSchema,
}).meta({ id: 'LoggedLeadActivity' });

export const leadDuplicatesSchema = z.object({
  items: z.array(z.object({
    id: z.uuid(), email: z.string().nullable(), domain: z.string().nullable(), companyName: z.string().nullable(),
    firstName: z.string().nullable(), lastName: z.string().nullable(), status: leadStatusSchema, createdAt: isoTime,
    ownerId: z.uuid().nullable(), score: z.number().int(), partnerId: z.uuid().nullable(), match: z.enum(['email', 'domain']),
  })).meta(d('Up to 50 live leads, oldest first.')),
  accounts: z.array(z.object({ id: z.uuid(), name: z.string(), domain: z.string().nullable(), lifecycleStage: z.string() }))
    .meta(d('Accounts with the company domain (staff only).')),
}).meta({ id: 'LeadDuplicates' });

export const leadMergeResultSchema = z.object({
  lead: leadSchema,
  mergedId: z.uuid(), fields: z.array(z.string()).meta(d('Fields the survivor took from the merged lead.')),
  activitiesMoved: count,
}).meta({ id: 'LeadMergeResult' });

export const leadConversionSchema = z.object({
  lead: leadSchema, accountId: z.uuid(), accountCreated: z.boolean(),
  contactIds: z.array(z.uuid()).meta(d('Contacts created (existing ones with the same email are reused and not listed).')),
  opportunityId: z.uuid(),
}).meta({ id: 'LeadConversion' });

export const FORM_OUTCOMES = ['accepted', 'honeypot', 'too_fast', 'bad_token', 'rate_limited', 'invalid'] as const;
export const leadFormSchema = z.object({
  id: z.uuid(), version: z.number().int(), name: z.string(), source: z.string(), campaign: z.string().nullable(),
  ownerRule: z.enum(['auto', 'fixed']), defaultOwnerId: z.uuid().nullable(), active: z.boolean(),
  minFillSeconds: count, rateLimitPerHour: count, successMessage: z.string().nullable(), createdAt: isoTime, updatedAt: isoTime,
}).meta({ id: 'LeadForm' });
export const leadFormWithStatsSchema = leadFormSchema.extend({
  submissions30d: z.partialRecord(z.enum(FORM_OUTCOMES), count).meta(d('Submissions of the last 30 days by outcome.')),
}).meta({ id: 'LeadFormWithStats' });

export const publicFormSchema = z.object({
  id: z.uuid(), name: z.string(), submitUrl: z.string(),
  token: z.string().meta(d('Send it back with the submission: it proves when the form was served (valid 24 h).')),
  honeypotField: z.string().meta(d('Leave this field empty; bots fill it.')),
  fields: z.array(z.string()),
}).meta({ id: 'PublicLeadForm' });

export const formSubmittedSchema = z.object({
  status: z.literal('accepted').meta(d('Always accepted: spam is dropped silently so bots learn nothing.')),
  message: z.string().meta(d('The form\'s success message.')),
}).meta({ id: 'FormSubmitted' });

export const salesProfileSchema = z.object({
  userId: z.uuid(), territories: z.array(z.string()), verticals: z.array(z.string()),
  sizeTier: z.string().nullable(), capacity: count.meta(d('Open leads the user takes at most.')),
  outOfOfficeUntil: isoTime.nullable(), version: z.number().int(), updatedAt: isoTime,
}).meta({ id: 'SalesProfile' });
export const salesProfileEntrySchema = z.object({
  userId: z.uuid(), name: z.string(), email: z.string(), role: z.enum(['sales', 'sdr']),
  profile: salesProfileSchema.nullable().meta(d('null until one is saved.')),
  openLeads: count,
}).meta({ id: 'SalesProfileEntry' });

export const leadPage = page(leadSummarySchema);
export const leadActivityPage = page(leadActivitySchema);
export const leadFormList = page(leadFormWithStatsSchema).meta(d('Every form; `nextCursor` is always null.'));
export const salesProfileList = page(salesProfileEntrySchema).meta(d('Every sales and SDR user; `nextCursor` is always null.'));
