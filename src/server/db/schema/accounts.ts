// Customer 360: accounts, contacts and the activity timeline every stream writes into.
import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { AUDIENCES } from '../../../core/access/audience';
import { CONTACT_ROLES, LIFECYCLE_STAGES, REGIONS, SEGMENTS } from '../../../core/accounts/schemas';
import { partners, stamps, users } from './platform';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const live = sql`deleted_at IS NULL`;

export const accounts = pgTable('accounts', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  name: text('name').notNull(),
  domain: text('domain'),
  industry: text('industry'),
  employees: integer('employees'),
  annualRevenue: bigint('annual_revenue', { mode: 'number' }), // minor units
  country: text('country'),
  region: text('region', { enum: REGIONS }),
  territory: text('territory'),
  timeZone: text('time_zone').notNull().default('UTC'),
  segment: text('segment', { enum: SEGMENTS }).notNull().default('standard'),
  lifecycleStage: text('lifecycle_stage', { enum: LIFECYCLE_STAGES }).notNull().default('prospect'),
  aeId: uuid('ae_id').references(() => users.id),
  csmId: uuid('csm_id').references(() => users.id),
  execSponsorId: uuid('exec_sponsor_id').references(() => users.id),
  partnerId: uuid('partner_id').references(() => partners.id),
  techStack: text('tech_stack').array().notNull().default(sql`'{}'::text[]`),
  servers: integer('servers').notNull().default(0),
  cloudResources: integer('cloud_resources').notNull().default(0),
  networkDevices: integer('network_devices').notNull().default(0),
  complianceFrameworks: text('compliance_frameworks').array().notNull().default(sql`'{}'::text[]`),
  arr: bigint('arr', { mode: 'number' }).notNull().default(0), // minor units
  currency: text('currency').notNull().default('USD'),
  description: text('description'),
  ...stamps,
}, (t) => [
  // Each list filter has an index that also serves the default sort (name, id), so a page is an index range scan.
  index('accounts_name_idx').on(t.name, t.id).where(live),
  index('accounts_segment_name_idx').on(t.segment, t.name, t.id).where(live),
  index('accounts_stage_name_idx').on(t.lifecycleStage, t.name, t.id).where(live),
  index('accounts_region_name_idx').on(t.region, t.name, t.id).where(live),
  index('accounts_ae_name_idx').on(t.aeId, t.name, t.id).where(live),
  index('accounts_csm_name_idx').on(t.csmId, t.name, t.id).where(live),
  index('accounts_partner_name_idx').on(t.partnerId, t.name, t.id).where(live),
  index('accounts_updated_idx').on(t.updatedAt, t.id).where(live),
  index('accounts_arr_idx').on(t.arr, t.id).where(live),
  index('accounts_deleted_idx').on(t.deletedAt).where(sql`deleted_at IS NOT NULL`),
  index('accounts_name_trgm_idx').using('gin', sql`lower(${t.name}) gin_trgm_ops`),
  index('accounts_domain_trgm_idx').using('gin', sql`lower(${t.domain}) gin_trgm_ops`),
]);

export const contacts = pgTable('contacts', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  accountId: uuid('account_id').notNull().references(() => accounts.id),
  firstName: text('first_name').notNull(),
  lastName: text('last_name').notNull(),
  email: text('email'),
  phone: text('phone'),
  title: text('title'),
  roles: text('roles', { enum: CONTACT_ROLES }).array().notNull().default(sql`'{}'::text[]`),
  isPrimary: boolean('is_primary').notNull().default(false),
  /** Who outside the vendor sees the buying-centre roles (champion, economic buyer…); the contact itself is theirs. */
  rolesAudience: text('roles_audience', { enum: AUDIENCES }).notNull().default('internal'),
  ...stamps,
}, (t) => [
  index('contacts_account_idx').on(t.accountId, t.lastName, t.id).where(live),
  index('contacts_email_idx').on(sql`lower(${t.email})`),
]);

export const activities = pgTable('activities', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  accountId: uuid('account_id').notNull().references(() => accounts.id),
  kind: text('kind').notNull(), // note | call | meeting | email | system
  subject: text('subject').notNull(),
  body: text('body'),
  occurredAt: ts('occurred_at').notNull().defaultNow(),
  actorId: uuid('actor_id').references(() => users.id),
  contactId: uuid('contact_id').references(() => contacts.id),
  entityType: text('entity_type'),
  entityId: text('entity_id'),
  /** Who outside the vendor sees the entry (core/access/audience.ts); staff publish it. */
  audience: text('audience', { enum: AUDIENCES }).notNull().default('internal'),
  ...stamps,
}, (t) => [index('activities_account_idx').on(t.accountId, t.occurredAt, t.id).where(live)]);
