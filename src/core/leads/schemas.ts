// Leads at the edge (004): capture, enrichment, BANT, status changes, activities, web forms and sales profiles.
// Shared by the server routes, the web forms and tests. Playbook-dependent checks (source ids, disqualification
// reasons, BANT question keys) happen in the service, which reads the active playbook.
import { z } from 'zod';
import { REGIONS } from '../accounts/schemas';
import { isoDate, isoDateTime } from '../dates';

export const LEAD_STATUSES = ['new', 'working', 'qualified', 'disqualified', 'converted'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];
export const PRIORITIES = ['hot', 'warm', 'cold'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Engagement counters a lead accumulates (the scoring facts `activity.*`). */
export const ENGAGEMENT_KEYS = [
  'webinarAttended', 'eventAttended', 'contentDownloaded', 'emailReplied', 'meetingAccepted', 'websiteVisits',
] as const;
export type EngagementKey = (typeof ENGAGEMENT_KEYS)[number];
export type Engagement = Partial<Record<EngagementKey, number>>;

/** What a lead activity adds to the engagement counters. Sales touches (call, outbound email, note) add nothing. */
export const LEAD_ACTIVITY_KINDS = ['note', 'call', 'email', 'meeting', 'webinar', 'event', 'download', 'visit'] as const;
export type LeadActivityKind = (typeof LEAD_ACTIVITY_KINDS)[number];
export const ENGAGEMENT_OF_KIND: Partial<Record<LeadActivityKind, EngagementKey>> = {
  meeting: 'meetingAccepted', webinar: 'webinarAttended', event: 'eventAttended', download: 'contentDownloaded', visit: 'websiteVisits',
};
/** Touches by our own people: logging one counts as the first response (004 Tips #1). */
export const RESPONSE_KINDS: readonly LeadActivityKind[] = ['call', 'email', 'meeting'];

const uuid = z.uuid();
const count = z.number().int().min(0).max(100_000_000);
const tags = z.array(z.string().trim().min(1).max(80)).max(50);
const shortText = (max: number) => z.string().trim().max(max);

export const leadFields = {
  firstName: shortText(100).nullable(),
  lastName: shortText(100).nullable(),
  email: z.string().trim().toLowerCase().pipe(z.email('must be an email address')).nullable(),
  phone: shortText(40).nullable(),
  title: shortText(150).nullable(),
  companyName: shortText(200).nullable(),
  domain: z.string().trim().toLowerCase()
    .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'must be a domain like example.com')
    .nullable(),
  country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 alpha-2 code').nullable(),
  region: z.enum(REGIONS).nullable(),
  industry: shortText(100).nullable(),
  employees: count.nullable(),
  techStack: tags,
  monitoringTools: tags,
  servers: count.nullable(),
  cloudResources: count.nullable(),
  networkDevices: count.nullable(),
  complianceFrameworks: tags,
  recentInitiatives: tags,
  hasCmdb: z.boolean().nullable(),
  cmdbAccuracyPercent: z.number().int().min(0).max(100).nullable(),
  campaign: shortText(200).nullable(),
  notes: z.string().max(20_000).nullable(),
};
export type LeadFields = { [K in keyof typeof leadFields]: z.infer<(typeof leadFields)[K]> };

const optionalFields = Object.fromEntries(Object.entries(leadFields).map(([k, v]) => [k, v.optional()])) as {
  [K in keyof typeof leadFields]: z.ZodOptional<(typeof leadFields)[K]>
};

export const engagementSchema = z.object(
  Object.fromEntries(ENGAGEMENT_KEYS.map((k) => [k, z.number().int().min(0).max(100_000).optional()])) as Record<EngagementKey, z.ZodOptional<z.ZodNumber>>,
).strict();

const identifies = (l: { email?: string | null; companyName?: string | null; lastName?: string | null }) =>
  !!(l.email || l.companyName || l.lastName);
const identifyIssue = { message: 'A lead needs at least an email, a last name or a company name', path: ['email'] };

/** A row of a capture: the lead's own fields plus where it came from. */
export const leadCaptureRowSchema = z.object({
  ...optionalFields,
  engagement: engagementSchema.optional(),
}).strict().refine(identifies, identifyIssue);

export const leadCreateSchema = z.object({
  ...optionalFields,
  source: z.string().trim().min(1).max(60),
  ownerId: uuid.nullable().optional(),
  partnerId: uuid.nullable().optional(),
  referredByAccountId: uuid.nullable().optional(),
  engagement: engagementSchema.optional(),
}).strict().refine(identifies, identifyIssue);
export type LeadCreate = z.infer<typeof leadCreateSchema>;

export const MAX_BULK_ROWS = 5000;
/** Event and webinar lists: one source and campaign for every row; rows are checked one by one. */
export const leadBulkSchema = z.object({
  source: z.string().trim().min(1).max(60),
  campaign: shortText(200).min(1),
  ownerId: uuid.nullable().optional(),
  rows: z.array(z.unknown()).min(1).max(MAX_BULK_ROWS),
}).strict();
export type LeadBulk = z.infer<typeof leadBulkSchema>;

export const leadUpdateSchema = z.object({
  ...optionalFields,
  engagement: engagementSchema.optional(),
  referredByAccountId: uuid.nullable().optional(),
  version: z.number().int().min(1),
}).strict();
export type LeadUpdate = z.infer<typeof leadUpdateSchema>;

/** BANT answers (004 §1.2). `answers` keys are `<criterion>.<question index>`, e.g. `need.1`. */
export const bantSchema = z.object({
  budget: z.boolean().nullable(),
  authority: z.boolean().nullable(),
  need: z.boolean().nullable(),
  timelineMonths: z.number().int().min(0).max(120).nullable(),
  answers: z.record(z.string().regex(/^(budget|authority|need|timeline)\.\d{1,2}$/, 'must be <criterion>.<question>'), z.string().max(5000)).default({}),
}).strict();
export type Bant = z.infer<typeof bantSchema>;
export const emptyBant: Bant = { budget: null, authority: null, need: null, timelineMonths: null, answers: {} };

export const bantUpdateSchema = z.object({ version: z.number().int().min(1), bant: bantSchema }).strict();

export const statusChangeSchema = z.object({
  version: z.number().int().min(1),
  status: z.enum(['new', 'working', 'qualified', 'disqualified']),
  /** Disqualification reason id from the playbook (required when disqualifying). */
  reason: z.string().trim().min(1).max(60).optional(),
  note: z.string().max(2000).optional(),
}).strict();
export type StatusChange = z.infer<typeof statusChangeSchema>;

export const assignSchema = z.object({
  version: z.number().int().min(1),
  /** Omit to let the assignment rules pick. */
  ownerId: uuid.nullable().optional(),
  reason: z.string().trim().min(1).max(500).optional(),
}).strict();

export const mergeSchema = z.object({ intoId: uuid }).strict();

export const leadActivitySchema = z.object({
  kind: z.enum(LEAD_ACTIVITY_KINDS),
  subject: z.string().trim().min(1).max(300),
  body: z.string().max(20_000).nullable().optional(),
  /** For emails: true when the prospect wrote to us (a reply), false for our outreach. */
  inbound: z.boolean().optional(),
  occurredAt: isoDateTime.optional(),
}).strict();
export type LeadActivityInput = z.infer<typeof leadActivitySchema>;

/**
 * The opportunity a conversion opens when the seller does not name it: the account and the kind of deal, never the
 * stage (the deal moves on and a name carrying "Discovery" would go stale).
 */
export const convertedOpportunityName = (accountName: string) => `${accountName}: new business`;

export const convertSchema = z.object({
  version: z.number().int().min(1),
  /** Use this existing account instead of matching by domain or creating one. */
  accountId: uuid.optional(),
  opportunityName: z.string().trim().min(1).max(200).optional(),
  amount: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  closeDate: isoDate.optional(),
  ownerId: uuid.optional(),
  /** The handoff package (004 Handoff to Next Stage). */
  requirements: z.string().trim().min(1).max(10_000),
  meeting: z.object({
    at: isoDateTime,
    attendees: z.string().trim().max(1000).optional(),
    agenda: z.string().trim().max(2000).optional(),
  }).strict(),
  researchNotes: z.string().trim().max(10_000).optional(),
  /** Further contacts met during qualification (the lead itself always becomes a contact). */
  contacts: z.array(z.object({
    firstName: z.string().trim().min(1).max(100), lastName: z.string().trim().min(1).max(100),
    email: z.email().nullable().optional(), title: z.string().trim().max(150).nullable().optional(),
  }).strict()).max(20).optional(),
}).strict();
export type ConvertInput = z.infer<typeof convertSchema>;

export const listLimit = z.coerce.number().int().min(1).max(500).default(50);

export const leadListQuerySchema = z.object({
  limit: listLimit,
  cursor: z.string().max(500).optional(),
  status: z.enum(LEAD_STATUSES).optional(),
  source: z.string().max(60).optional(),
  ownerId: z.union([uuid, z.literal('none')]).optional(),
  priority: z.enum(PRIORITIES).optional(),
  q: z.string().trim().max(200).optional(),
}).strict();
export type LeadListQuery = z.infer<typeof leadListQuerySchema>;

export const inboxQuerySchema = z.object({
  limit: listLimit,
  cursor: z.string().max(500).optional(),
  status: z.enum(['new', 'working', 'qualified']).optional(),
  source: z.string().max(60).optional(),
  ownerId: z.union([uuid, z.literal('none')]).optional(),
  priority: z.enum(PRIORITIES).optional(),
}).strict();
export type InboxQuery = z.infer<typeof inboxQuerySchema>;

// ---------------------------------------------------------------- public web forms

export const leadFormSchema = z.object({
  name: z.string().trim().min(1).max(200),
  source: z.string().trim().min(1).max(60),
  campaign: shortText(200).nullable().optional(),
  /** 'auto' = the assignment rules (004 §1.4); 'fixed' = always defaultOwnerId. */
  ownerRule: z.enum(['auto', 'fixed']).default('auto'),
  defaultOwnerId: uuid.nullable().optional(),
  active: z.boolean().default(true),
  /** Submissions faster than this after the form was served are treated as bots. */
  minFillSeconds: z.number().int().min(0).max(600).default(3),
  /** Submissions per IP address per hour, across all forms, whatever their outcome (refused ones count too). */
  rateLimitPerHour: z.number().int().min(1).max(10_000).default(10),
  successMessage: z.string().trim().max(500).nullable().optional(),
}).strict().refine((f) => f.ownerRule !== 'fixed' || !!f.defaultOwnerId, { message: 'A fixed owner rule needs defaultOwnerId', path: ['defaultOwnerId'] });
export type LeadFormInput = z.infer<typeof leadFormSchema>;
export const leadFormUpdateSchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  source: z.string().trim().min(1).max(60).optional(),
  campaign: shortText(200).nullable().optional(),
  ownerRule: z.enum(['auto', 'fixed']).optional(),
  defaultOwnerId: uuid.nullable().optional(),
  active: z.boolean().optional(),
  minFillSeconds: z.number().int().min(0).max(600).optional(),
  rateLimitPerHour: z.number().int().min(1).max(10_000).optional(),
  successMessage: z.string().trim().max(500).nullable().optional(),
  version: z.number().int().min(1),
}).strict();

/** What a public form accepts. `website` is the honeypot (hidden from people, filled by bots). */
export const formSubmissionSchema = z.object({
  firstName: shortText(100).optional(),
  lastName: shortText(100).optional(),
  email: z.string().trim().toLowerCase().pipe(z.email('must be an email address')),
  phone: shortText(40).optional(),
  title: shortText(150).optional(),
  companyName: shortText(200).optional(),
  country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 alpha-2 code').optional().or(z.literal('').transform(() => undefined)),
  employees: z.coerce.number().int().min(0).max(100_000_000).optional(),
  message: z.string().max(5000).optional(),
  website: z.string().max(500).optional(),
  token: z.string().max(200).optional(),
}).strip();
export type FormSubmission = z.infer<typeof formSubmissionSchema>;

// ---------------------------------------------------------------- sales profiles (assignment, 004 §1.4)

export const salesProfileSchema = z.object({
  territories: z.array(z.string().trim().min(1).max(60)).max(50).default([]),
  verticals: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
  /** Playbook account size tier id (leads.assignment.accountSizeTiers). */
  sizeTier: z.string().trim().min(1).max(60).nullable().default(null),
  capacity: z.number().int().min(0).max(10_000).default(40),
  outOfOfficeUntil: isoDateTime.nullable().default(null),
}).strict();
export type SalesProfileInput = z.infer<typeof salesProfileSchema>;

export const trainSchema = z.object({ minExamples: z.number().int().min(20).max(1_000_000).optional() }).strict();

/** Free-mail domains say nothing about the company: no domain matching or account matching on them. */
export const FREE_MAIL_DOMAINS = new Set([
  'gmail.com', 'googlemail.com', 'yahoo.com', 'hotmail.com', 'outlook.com', 'live.com', 'icloud.com', 'me.com',
  'aol.com', 'proton.me', 'protonmail.com', 'gmx.de', 'gmx.net', 'web.de', 'mail.com', 'yandex.ru', 'qq.com',
]);

/** The company domain of a lead: its own, else its email's unless that is a free-mail domain. */
export function companyDomain(lead: { domain?: string | null; email?: string | null }): string | null {
  if (lead.domain) return lead.domain.toLowerCase();
  const at = lead.email?.lastIndexOf('@') ?? -1;
  if (!lead.email || at < 0) return null;
  const d = lead.email.slice(at + 1).toLowerCase();
  return FREE_MAIL_DOMAINS.has(d) ? null : d;
}
