// Bulk upsert of accounts and contacts for integrations (CRM sync, enrichment): up to BULK_MAX records per call,
// matched on the key an external system has (an account's domain, a contact's email within its account), applied
// all or nothing in one transaction. Plain zod shared by the server (validates and documents) and the web.
import { z } from 'zod';
import { accountCreateSchema, accountFields, contactCreateSchema } from './schemas';

const d = (description: string) => ({ description });

/** Records per bulk call (HubSpot's batch endpoints take 100 as well): one transaction stays short. */
export const BULK_MAX = 100;

const records = <T extends z.ZodType>(record: T, what: string) => z.object({
  records: z.array(record).min(1).max(BULK_MAX)
    .meta(d(`1–${BULK_MAX} ${what}. Applied all or nothing: if any record is refused, nothing changes and the 422 problem `
      + 'lists every refused record in `errors` (path `records.<index>.<field>`).')),
}).strict();

/**
 * An account to create or update. It matches the account `id` when sent, otherwise the live account with this
 * `domain` (case-insensitive) the caller can see; no match creates an account, which then needs a `name`. Fields
 * left out keep their value on an update.
 */
export const accountUpsertSchema = accountCreateSchema.partial().extend({
  id: z.uuid().optional().meta(d('Update exactly this account (404-like record error when the caller cannot see it).')),
  domain: accountFields.domain.optional().meta(d('Match key when no `id` is sent: the company\'s domain, e.g. acme.com.')),
}).strict().refine((r) => r.id !== undefined || (r.domain !== undefined && r.domain !== null), {
  message: 'send the account `id` or its `domain` to match on', path: ['domain'],
}).meta({ id: 'AccountUpsert' });
export type AccountUpsert = z.infer<typeof accountUpsertSchema>;
export const accountBulkSchema = records(accountUpsertSchema, 'accounts');
export type AccountBulk = z.infer<typeof accountBulkSchema>;

/**
 * A contact to create or update, matched by `email` (case-insensitive) among the live contacts of its account,
 * which is named by `accountId` or `accountDomain`. No match creates the contact (`firstName` and `lastName` needed).
 */
export const contactUpsertSchema = contactCreateSchema.partial().extend({
  accountId: z.uuid().optional().meta(d('The contact\'s account.')),
  accountDomain: accountFields.domain.unwrap().optional().meta(d('The contact\'s account by its domain, when `accountId` is not sent.')),
  email: z.email().max(254).meta(d('Match key within the account.')),
}).strict().refine((r) => r.accountId !== undefined || r.accountDomain !== undefined, {
  message: 'send `accountId` or `accountDomain`', path: ['accountId'],
}).meta({ id: 'ContactUpsert' });
export type ContactUpsert = z.infer<typeof contactUpsertSchema>;
export const contactBulkSchema = records(contactUpsertSchema, 'contacts');
export type ContactBulk = z.infer<typeof contactBulkSchema>;

export const BULK_OUTCOMES = ['created', 'updated', 'unchanged'] as const;

/** What happened to one record, in the order sent. */
export const bulkResultSchema = z.object({
  index: z.number().int().min(0).meta(d('Position of the record in `records`.')),
  outcome: z.enum(BULK_OUTCOMES).meta(d('`unchanged`: the record matched and every field sent already had its value (no new version).')),
  id: z.uuid(),
  version: z.number().int().min(1).meta(d('The record\'s version after the call.')),
}).meta({ id: 'BulkResult' });

export const bulkResponseSchema = z.object({
  created: z.number().int().min(0),
  updated: z.number().int().min(0),
  unchanged: z.number().int().min(0),
  results: z.array(bulkResultSchema),
}).meta({ id: 'BulkUpsertResult' });
export type BulkResponse = z.infer<typeof bulkResponseSchema>;
