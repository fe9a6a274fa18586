// Platform tables: identity, access, audit, playbook, jobs plumbing (events, timers), webhooks.
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn, bigint, bigserial, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';

const id = () => uuid('id').primaryKey().default(sql`gen_random_uuid()`);
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
export const stamps = {
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  deletedAt: ts('deleted_at'),
};

export const partners = pgTable('partners', {
  id: id(),
  name: text('name').notNull(),
  type: text('type').notNull().default('reseller'),
  ...stamps,
});

export const users = pgTable('users', {
  id: id(),
  email: text('email').notNull(),
  name: text('name').notNull(),
  role: text('role').notNull(),
  passwordHash: text('password_hash'),
  partnerId: uuid('partner_id').references(() => partners.id),
  // A customer user belongs to exactly one account; the FK lives in the accounts schema file.
  accountId: uuid('account_id'),
  active: boolean('active').notNull().default(true),
  timeZone: text('time_zone').notNull().default('UTC'),
  lastLoginAt: ts('last_login_at'),
  /** Reporting line and sales team (imported from a CRM's user list; territories live in sales_profiles). */
  managerId: uuid('manager_id').references((): AnyPgColumn => users.id),
  team: text('team'),
  ...stamps,
}, (t) => [
  uniqueIndex('users_email_uq').on(sql`lower(${t.email})`),
  index('users_role_idx').on(t.role),
]);

export const sessions = pgTable('sessions', {
  id: text('id').primaryKey(), // sha256 of the cookie value; the cookie itself is never stored
  userId: uuid('user_id').notNull().references(() => users.id),
  csrfToken: text('csrf_token').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  expiresAt: ts('expires_at').notNull(),
  userAgent: text('user_agent'),
}, (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)]);

export const apiTokens = pgTable('api_tokens', {
  id: id(),
  userId: uuid('user_id').notNull().references(() => users.id),
  name: text('name').notNull(),
  prefix: text('prefix').notNull(),
  tokenHash: text('token_hash').notNull(),
  scopes: text('scopes').array().notNull(),
  expiresAt: ts('expires_at'),
  lastUsedAt: ts('last_used_at'),
  revokedAt: ts('revoked_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [uniqueIndex('api_tokens_hash_uq').on(t.tokenHash), index('api_tokens_user_idx').on(t.userId)]);

export const loginAttempts = pgTable('login_attempts', {
  key: text('key').primaryKey(), // 'account:<lower email>', 'ip:<address>' or 'device:<nonce>'
  failures: integer('failures').notNull().default(0),
  windowStart: ts('window_start').notNull().defaultNow(),
  lockedUntil: ts('locked_until'),
});

export const idempotencyKeys = pgTable('idempotency_keys', {
  userId: uuid('user_id').notNull(),
  key: text('key').notNull(),
  requestHash: text('request_hash').notNull(),
  status: integer('status'),
  body: jsonb('body'),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.userId, t.key] }), index('idempotency_created_idx').on(t.createdAt)]);

export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: ts('at').notNull().defaultNow(),
  actorId: uuid('actor_id'),
  actorLabel: text('actor_label').notNull(),
  action: text('action').notNull(),
  entityType: text('entity_type').notNull(),
  entityId: text('entity_id').notNull(),
  accountId: uuid('account_id'),
  before: jsonb('before'),
  after: jsonb('after'),
  requestId: text('request_id'),
}, (t) => [
  index('audit_entity_idx').on(t.entityType, t.entityId, t.id),
  index('audit_account_idx').on(t.accountId, t.at),
  index('audit_actor_idx').on(t.actorId, t.id),
  index('audit_at_idx').on(t.at),
]);

export const playbooks = pgTable('playbooks', {
  version: integer('version').primaryKey(),
  body: jsonb('body').notNull(),
  note: text('note'),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const domainEvents = pgTable('domain_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  type: text('type').notNull(),
  entityType: text('entity_type').notNull(),
  entityId: text('entity_id').notNull(),
  accountId: uuid('account_id'),
  payload: jsonb('payload').notNull(),
  actorId: uuid('actor_id'),
  requestId: text('request_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [index('events_type_idx').on(t.type, t.id), index('events_created_idx').on(t.createdAt)]);

// One row per (event, handler) that has run: makes at-least-once delivery idempotent.
export const eventReceipts = pgTable('event_receipts', {
  eventId: bigint('event_id', { mode: 'number' }).notNull(),
  handler: text('handler').notNull(),
  handledAt: ts('handled_at').notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.eventId, t.handler] })]);

export const timers = pgTable('timers', {
  id: id(),
  kind: text('kind').notNull(),
  entityType: text('entity_type').notNull(),
  entityId: text('entity_id').notNull(),
  dueAt: ts('due_at').notNull(),
  payload: jsonb('payload').notNull().default({}),
  status: text('status').notNull().default('pending'), // pending | fired | cancelled
  jobId: text('job_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
  firedAt: ts('fired_at'),
  cancelledAt: ts('cancelled_at'),
}, (t) => [
  uniqueIndex('timers_pending_uq').on(t.kind, t.entityType, t.entityId).where(sql`status = 'pending'`),
  index('timers_due_idx').on(t.status, t.dueAt),
]);

export const webhooks = pgTable('webhooks', {
  id: id(),
  url: text('url').notNull(),
  description: text('description'),
  events: text('events').array().notNull(),
  secret: text('secret').notNull(),
  active: boolean('active').notNull().default(true),
  createdBy: uuid('created_by'),
  ...stamps,
});

export const webhookDeliveries = pgTable('webhook_deliveries', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  webhookId: uuid('webhook_id').notNull().references(() => webhooks.id),
  eventId: bigint('event_id', { mode: 'number' }).notNull(),
  eventType: text('event_type').notNull(),
  attempt: integer('attempt').notNull(),
  ok: boolean('ok').notNull(),
  responseStatus: integer('response_status'),
  error: text('error'),
  durationMs: integer('duration_ms').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [index('webhook_deliveries_hook_idx').on(t.webhookId, t.id)]);
