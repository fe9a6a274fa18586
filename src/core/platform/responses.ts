// What the platform API answers: the signed-in session, users and the user directory, partners, API tokens, the
// audit log, playbook versions and webhooks. Plain zod shared by the server (documents and checks its answers) and
// the web (reads the same shapes through the generated client).
import { z } from 'zod';
import { ROLES } from '../access/roles';
import { freeForm, isoTime, page, stamps } from '../api/shapes';
import { playbookSchema } from '../playbook/schema';

const d = (description: string) => ({ description });
const role = z.enum(ROLES);

/** The signed-in user as the session carries it. */
export const sessionUserSchema = z.object({
  id: z.uuid(), email: z.string(), name: z.string(), role,
  partnerId: z.uuid().nullable().meta(d('Partner users: their partner; null for everyone else.')),
  accountId: z.uuid().nullable().meta(d('Customer users: their account; null for everyone else.')),
}).meta({ id: 'SessionUser' });

export const sessionSchema = z.object({
  user: sessionUserSchema,
  csrfToken: z.string().nullable().meta(d('Send it as X-CSRF-Token on every write of this browser session; null for API tokens.')),
}).meta({ id: 'Session' });

export const healthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
  demo: z.boolean().meta(d('Whether the demo logins exist (the sign-in page offers them).')),
}).meta({ id: 'Health' });

/** An internal user as owner pickers list them. */
export const directoryUserSchema = z.object({ id: z.uuid(), name: z.string(), role }).meta({ id: 'DirectoryUser' });
export const directorySchema = page(directoryUserSchema).meta(d('Active internal users, by name; one page (nextCursor null).'));

export const partnerSchema = z.object({
  name: z.string(), type: z.string().meta(d('e.g. `reseller`.')),
  ...stamps, deletedAt: isoTime.nullable(),
}).meta({ id: 'Partner' });
export const partnerListSchema = page(partnerSchema).meta(d('Live partners, by name; one page (nextCursor null).'));

export const userSchema = z.object({
  email: z.string(), name: z.string(), role,
  partnerId: z.uuid().nullable(), accountId: z.uuid().nullable(),
  active: z.boolean().meta(d('Inactive users cannot sign in (imported users start inactive).')),
  timeZone: z.string().meta(d('IANA time zone, e.g. Europe/Copenhagen.')),
  lastLoginAt: isoTime.nullable(),
  ...stamps,
}).meta({ id: 'User' });
export const userListSchema = page(userSchema).meta(d('Up to 1,000 users, by name; one page (nextCursor null).'));

export const apiTokenSchema = z.object({
  id: z.uuid(),
  userId: z.uuid().meta(d('The user the token acts as.')),
  name: z.string(),
  prefix: z.string().meta(d('The first characters of the secret, to recognise it.')),
  scopes: z.array(z.string()).meta(d('Permissions (`resource:action`, `resource:*`, `*:action` or `*`).')),
  expiresAt: isoTime.nullable(),
  lastUsedAt: isoTime.nullable(),
  revokedAt: isoTime.nullable(),
  createdAt: isoTime,
}).meta({ id: 'ApiToken' });
export const apiTokenListSchema = page(apiTokenSchema.extend({ userName: z.string() }).meta({ id: 'ApiTokenListed' }))
  .meta(d('The newest 1,000 tokens; one page (nextCursor null).'));
export const apiTokenCreatedSchema = apiTokenSchema.extend({
  token: z.string().meta(d('The secret: shown this once, send it as Authorization: Bearer <token>.')),
}).meta({ id: 'ApiTokenCreated' });

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: isoTime,
  actorId: z.uuid().nullable().meta(d('null for the system (jobs, timers).')),
  actorLabel: z.string().meta(d('Who acted, as written at the time (name, `system`, token name).')),
  action: z.string().meta(d('e.g. `account.update`.')),
  entityType: z.string(),
  entityId: z.string(),
  accountId: z.uuid().nullable(),
  before: freeForm('the record (or the changed fields) before the change.').nullable(),
  after: freeForm('the record (or the changed fields) after the change.').nullable(),
  requestId: z.string().nullable(),
}).meta({ id: 'AuditEntry' });
export const auditPageSchema = page(auditEntrySchema);

export const playbookDocSchema = z.object({
  version: z.number().int().min(0).meta(d('0: the seed defaults, not stored yet. Send it as `baseVersion` to replace the playbook.')),
  playbook: playbookSchema,
  createdAt: isoTime,
  note: z.string().nullable(),
}).meta({ id: 'PlaybookVersion' });

export const playbookHistorySchema = page(z.object({
  version: z.number().int(), note: z.string().nullable(), createdBy: z.uuid().nullable(), createdAt: isoTime,
}).meta({ id: 'PlaybookHistoryEntry' })).meta(d('The newest 200 versions; one page (nextCursor null).'));

export const webhookSchema = z.object({
  url: z.string(),
  description: z.string().nullable(),
  events: z.array(z.string()).meta(d('Event types delivered (`*`: all).')),
  active: z.boolean(),
  ...stamps,
}).meta({ id: 'Webhook' });
export const webhookListSchema = page(webhookSchema).meta(d('Live webhooks, newest first; one page (nextCursor null).'));
export const webhookCreatedSchema = webhookSchema.extend({
  secret: z.string().meta(d('The signing secret: shown this once, to verify the Valuegraph-Signature header.')),
}).meta({ id: 'WebhookCreated' });

export const webhookDeliverySchema = z.object({
  id: z.number().int(),
  webhookId: z.uuid(),
  eventId: z.number().int(),
  eventType: z.string(),
  attempt: z.number().int().min(1),
  ok: z.boolean(),
  responseStatus: z.number().int().nullable().meta(d('The receiver\'s HTTP status; null when no answer came.')),
  error: z.string().nullable(),
  durationMs: z.number().int(),
  createdAt: isoTime,
}).meta({ id: 'WebhookDelivery' });
export const webhookDeliveriesSchema = page(webhookDeliverySchema).meta(d('The newest 200 attempts; one page (nextCursor null).'));
