// SQL for contacts. Scope is enforced through the parent account, which the service loads first.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { contacts } from '../../db/schema';

export type ContactRow = typeof contacts.$inferSelect;

export function listContacts(db: Executor, accountId: string) {
  return db.select().from(contacts)
    .where(and(eq(contacts.accountId, accountId), isNull(contacts.deletedAt)))
    .orderBy(sql`${contacts.isPrimary} DESC`, asc(contacts.lastName), asc(contacts.id))
    .limit(500);
}

export async function findContact(db: Executor, id: string) {
  const [row] = await db.select().from(contacts).where(and(eq(contacts.id, id), isNull(contacts.deletedAt)));
  return row ?? null;
}

export async function insertContact(db: Executor, values: typeof contacts.$inferInsert) {
  const [row] = await db.insert(contacts).values(values).returning();
  return row;
}

export async function updateContact(db: Executor, id: string, version: number, patch: Partial<typeof contacts.$inferInsert>) {
  const [row] = await db.update(contacts)
    .set({ ...patch, version: sql`${contacts.version} + 1`, updatedAt: new Date() })
    .where(and(eq(contacts.id, id), eq(contacts.version, version), isNull(contacts.deletedAt)))
    .returning();
  return row ?? null;
}

export async function softDeleteContact(db: Executor, id: string) {
  const [row] = await db.update(contacts).set({ deletedAt: new Date(), version: sql`${contacts.version} + 1` })
    .where(and(eq(contacts.id, id), isNull(contacts.deletedAt))).returning();
  return row ?? null;
}
