// Accounts, contacts and activities at the edge: shared by server routes, web forms and the CLI.
import { z } from 'zod';
import { audienceSchema } from '../access/audience';
import { isoDateTime } from '../dates';

export const SEGMENTS = ['standard', 'strategic'] as const; // 001 Resource Allocation (80/20)
export const LIFECYCLE_STAGES = [
  'prospect', 'implementation', 'adoption', 'value_realization', 'expansion', 'renewal', 'churned',
] as const; // 001 Customer Journey Stages, cradle to grave
export const REGIONS = ['NA', 'LATAM', 'EMEA', 'APAC'] as const;
export const CONTACT_ROLES = [
  'decision_maker', 'economic_buyer', 'influencer', 'champion', 'exec_sponsor', 'technical', 'user',
] as const;
export const ACTIVITY_KINDS = ['note', 'call', 'meeting', 'email'] as const;
export const TIMELINE_KINDS = [...ACTIVITY_KINDS, 'system', 'audit'] as const;
export const ACCOUNT_SORTS = ['name', '-name', 'updatedAt', '-updatedAt', 'arr', '-arr'] as const;

export const STAGE_LABELS: Record<(typeof LIFECYCLE_STAGES)[number], string> = {
  prospect: 'Pre-sale', implementation: 'Implementation', adoption: 'Adoption',
  value_realization: 'Value realization', expansion: 'Growth & expansion', renewal: 'Renewal', churned: 'Departed',
};

const uuid = z.uuid();
const count = z.number().int().min(0).max(100_000_000);
const money = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER); // minor units
const tags = z.array(z.string().trim().min(1).max(60)).max(50);

export const accountFields = {
  name: z.string().trim().min(1).max(200),
  domain: z.string().trim().toLowerCase()
    .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'must be a domain like example.com')
    .nullable(),
  industry: z.string().trim().min(1).max(100).nullable(),
  employees: count.nullable(),
  annualRevenue: money.nullable(),
  country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 alpha-2 code').nullable(),
  region: z.enum(REGIONS).nullable(),
  territory: z.string().trim().max(100).nullable(),
  timeZone: z.string().max(64).refine(validTimeZone, 'must be an IANA time zone like Europe/Copenhagen'),
  segment: z.enum(SEGMENTS),
  lifecycleStage: z.enum(LIFECYCLE_STAGES),
  aeId: uuid.nullable(),
  csmId: uuid.nullable(),
  execSponsorId: uuid.nullable(),
  partnerId: uuid.nullable(),
  techStack: tags,
  servers: count,
  cloudResources: count,
  networkDevices: count,
  complianceFrameworks: tags,
  arr: money,
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code'),
  description: z.string().max(5000).nullable(),
};

function validTimeZone(tz: string): boolean {
  try { new Intl.DateTimeFormat('en', { timeZone: tz }); return true; } catch { return false; }
}

export const accountCreateSchema = z.object({
  ...Object.fromEntries(Object.entries(accountFields).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof typeof accountFields]: z.ZodOptional<(typeof accountFields)[K]>
  },
  name: accountFields.name,
}).strict();
export type AccountCreate = z.infer<typeof accountCreateSchema>;

export const accountUpdateSchema = accountCreateSchema.partial().extend({
  version: z.number().int().min(1),
}).strict();
export type AccountUpdate = z.infer<typeof accountUpdateSchema>;

export const listLimit = z.coerce.number().int().min(1).max(500).default(50);

export const accountListQuerySchema = z.object({
  limit: listLimit,
  cursor: z.string().max(500).optional(),
  q: z.string().trim().max(200).optional(),
  segment: z.enum(SEGMENTS).optional(),
  lifecycleStage: z.enum(LIFECYCLE_STAGES).optional(),
  region: z.enum(REGIONS).optional(),
  ownerId: uuid.optional(),
  partnerId: uuid.optional(),
  deleted: z.enum(['only']).optional(),
  sort: z.enum(ACCOUNT_SORTS).default('name'),
}).strict();
export type AccountListQuery = z.infer<typeof accountListQuerySchema>;

export const contactCreateSchema = z.object({
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().min(1).max(100),
  email: z.email().max(254).nullable().optional(),
  phone: z.string().trim().max(40).nullable().optional(),
  title: z.string().trim().max(150).nullable().optional(),
  roles: z.array(z.enum(CONTACT_ROLES)).max(CONTACT_ROLES.length).optional(),
  isPrimary: z.boolean().optional(),
  /** Who outside the vendor sees the roles (default: internal for staff, the writer's own audience for outsiders). */
  rolesAudience: audienceSchema.optional(),
}).strict();
export type ContactCreate = z.infer<typeof contactCreateSchema>;
export const contactUpdateSchema = contactCreateSchema.partial().extend({ version: z.number().int().min(1) }).strict();
export type ContactUpdate = z.infer<typeof contactUpdateSchema>;

export const activityCreateSchema = z.object({
  kind: z.enum(ACTIVITY_KINDS),
  subject: z.string().trim().min(1).max(300),
  body: z.string().max(20_000).nullable().optional(),
  occurredAt: isoDateTime.optional(),
  contactId: uuid.nullable().optional(),
  /** Who outside the vendor sees the entry (default: internal for staff, the writer's own audience for outsiders). */
  audience: audienceSchema.optional(),
}).strict();
export type ActivityCreate = z.infer<typeof activityCreateSchema>;

/** Publishing an entry to the partner or the customer, or taking it back. */
export const activityAudienceSchema = z.object({ version: z.number().int().min(1), audience: audienceSchema }).strict();

export const timelineQuerySchema = z.object({
  limit: listLimit,
  cursor: z.string().max(500).optional(),
  kind: z.enum(TIMELINE_KINDS).optional(),
}).strict();
export type TimelineQuery = z.infer<typeof timelineQuerySchema>;
