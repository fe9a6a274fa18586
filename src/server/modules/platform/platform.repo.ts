// SQL for users, API tokens, audit queries, playbook versions and webhooks.
import { and, desc, eq, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { apiTokens, auditLog, playbooks, users, webhookDeliveries, webhooks } from '../../db/schema';

export const userColumns = {
  id: users.id, email: users.email, name: users.name, role: users.role, partnerId: users.partnerId,
  accountId: users.accountId, active: users.active, timeZone: users.timeZone, lastLoginAt: users.lastLoginAt,
  version: users.version, createdAt: users.createdAt, updatedAt: users.updatedAt,
};

export function listUsers(db: Executor, filter: { role?: string; q?: string }) {
  const where: (SQL | undefined)[] = [isNull(users.deletedAt)];
  if (filter.role) where.push(eq(users.role, filter.role));
  if (filter.q) where.push(sql`(lower(${users.name}) LIKE ${`%${filter.q.toLowerCase()}%`} OR lower(${users.email}) LIKE ${`%${filter.q.toLowerCase()}%`})`);
  return db.select(userColumns).from(users).where(and(...where)).orderBy(users.name).limit(1000);
}

export function directory(db: Executor) {
  return db.select({ id: users.id, name: users.name, role: users.role }).from(users)
    .where(and(isNull(users.deletedAt), eq(users.active, true), sql`${users.role} NOT IN ('partner', 'customer')`))
    .orderBy(users.name);
}

export async function findUser(db: Executor, id: string) {
  const [row] = await db.select().from(users).where(and(eq(users.id, id), isNull(users.deletedAt)));
  return row ?? null;
}

export async function insertUser(db: Executor, values: typeof users.$inferInsert) {
  const [row] = await db.insert(users).values(values).returning(userColumns);
  return row;
}

export async function updateUser(db: Executor, id: string, version: number, patch: Partial<typeof users.$inferInsert>) {
  const [row] = await db.update(users).set({ ...patch, version: sql`${users.version} + 1`, updatedAt: new Date() })
    .where(and(eq(users.id, id), eq(users.version, version), isNull(users.deletedAt))).returning(userColumns);
  return row ?? null;
}

const tokenColumns = {
  id: apiTokens.id, userId: apiTokens.userId, name: apiTokens.name, prefix: apiTokens.prefix, scopes: apiTokens.scopes,
  expiresAt: apiTokens.expiresAt, lastUsedAt: apiTokens.lastUsedAt, revokedAt: apiTokens.revokedAt, createdAt: apiTokens.createdAt,
};
export function listTokens(db: Executor) {
  return db.select({ ...tokenColumns, userName: users.name }).from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId)).orderBy(desc(apiTokens.createdAt)).limit(1000);
}
export async function insertToken(db: Executor, values: typeof apiTokens.$inferInsert) {
  const [row] = await db.insert(apiTokens).values(values).returning(tokenColumns);
  return row;
}
export async function revokeToken(db: Executor, id: string) {
  const [row] = await db.update(apiTokens).set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt))).returning(tokenColumns);
  return row ?? null;
}

export function listAudit(db: Executor, f: { entityType?: string; entityId?: string; actorId?: string; accountId?: string; beforeId?: number; limit: number }) {
  return db.select().from(auditLog).where(and(
    f.entityType ? eq(auditLog.entityType, f.entityType) : undefined,
    f.entityId ? eq(auditLog.entityId, f.entityId) : undefined,
    f.actorId ? eq(auditLog.actorId, f.actorId) : undefined,
    f.accountId ? eq(auditLog.accountId, f.accountId) : undefined,
    f.beforeId ? lt(auditLog.id, f.beforeId) : undefined,
  )).orderBy(desc(auditLog.id)).limit(f.limit + 1);
}

export async function latestPlaybook(db: Executor) {
  const [row] = await db.select().from(playbooks).orderBy(desc(playbooks.version)).limit(1);
  return row ?? null;
}
export function playbookHistory(db: Executor) {
  return db.select({ version: playbooks.version, note: playbooks.note, createdBy: playbooks.createdBy, createdAt: playbooks.createdAt })
    .from(playbooks).orderBy(desc(playbooks.version)).limit(200);
}
export async function insertPlaybook(db: Executor, values: typeof playbooks.$inferInsert) {
  const [row] = await db.insert(playbooks).values(values).returning();
  return row;
}

const hookColumns = {
  id: webhooks.id, url: webhooks.url, description: webhooks.description, events: webhooks.events, active: webhooks.active,
  version: webhooks.version, createdAt: webhooks.createdAt, updatedAt: webhooks.updatedAt,
};
export function listWebhooks(db: Executor) {
  return db.select(hookColumns).from(webhooks).where(isNull(webhooks.deletedAt)).orderBy(desc(webhooks.createdAt));
}
export async function findWebhook(db: Executor, id: string) {
  const [row] = await db.select().from(webhooks).where(and(eq(webhooks.id, id), isNull(webhooks.deletedAt)));
  return row ?? null;
}
export async function insertWebhook(db: Executor, values: typeof webhooks.$inferInsert) {
  const [row] = await db.insert(webhooks).values(values).returning(hookColumns);
  return row;
}
export async function updateWebhook(db: Executor, id: string, version: number, patch: Partial<typeof webhooks.$inferInsert>) {
  const [row] = await db.update(webhooks).set({ ...patch, version: sql`${webhooks.version} + 1`, updatedAt: new Date() })
    .where(and(eq(webhooks.id, id), eq(webhooks.version, version), isNull(webhooks.deletedAt))).returning(hookColumns);
  return row ?? null;
}
export async function softDeleteWebhook(db: Executor, id: string) {
  const [row] = await db.update(webhooks).set({ deletedAt: new Date(), active: false })
    .where(and(eq(webhooks.id, id), isNull(webhooks.deletedAt))).returning(hookColumns);
  return row ?? null;
}
export function listDeliveries(db: Executor, webhookId: string) {
  return db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, webhookId))
    .orderBy(desc(webhookDeliveries.id)).limit(200);
}
export async function insertDelivery(db: Executor, values: typeof webhookDeliveries.$inferInsert) {
  await db.insert(webhookDeliveries).values(values);
}
