// SQL for the content library. Search uses the trigram indexes on lower(title) and lower(body).
import { and, desc, eq, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { decodeCursor } from '../../../core/pagination';
import type { Executor } from '../../db/client';
import { contentItems } from '../../db/schema';
import type { ContentListQuery } from './content.schemas';

export type ContentRow = typeof contentItems.$inferSelect;

export async function list(db: Executor, q: ContentListQuery): Promise<ContentRow[]> {
  const where: (SQL | undefined)[] = [
    isNull(contentItems.deletedAt),
    q.kind ? eq(contentItems.kind, q.kind) : undefined,
    q.industry ? sql`(${contentItems.industries} = '{}' OR lower(${q.industry}) = ANY(SELECT lower(x) FROM unnest(${contentItems.industries}) x))` : undefined,
    q.stage ? sql`(${contentItems.stages} = '{}' OR ${q.stage} = ANY(${contentItems.stages}))` : undefined,
    q.tag ? sql`${q.tag} = ANY(${contentItems.tags})` : undefined,
  ];
  if (q.q) {
    const pattern = `%${q.q.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    where.push(or(sql`lower(${contentItems.title}) LIKE ${pattern}`, sql`lower(${contentItems.body}) LIKE ${pattern}`,
      sql`lower(coalesce(${contentItems.competitor}, '')) LIKE ${pattern}`));
  }
  if (q.cursor) {
    const [value, id] = decodeCursor(q.cursor, { value: 'datetime', id: 'uuid' });
    const at = new Date(value);
    where.push(or(lt(contentItems.updatedAt, at), and(eq(contentItems.updatedAt, at), lt(contentItems.id, id))));
  }
  return db.select().from(contentItems).where(and(...where)).orderBy(desc(contentItems.updatedAt), desc(contentItems.id)).limit(q.limit + 1);
}

export async function find(db: Executor, id: string, opts: { lock?: boolean } = {}) {
  const q = db.select().from(contentItems).where(and(eq(contentItems.id, id), isNull(contentItems.deletedAt)));
  const [row] = opts.lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function insert(db: Executor, values: typeof contentItems.$inferInsert) {
  const [row] = await db.insert(contentItems).values(values).returning();
  return row;
}

export async function update(db: Executor, id: string, version: number, patch: Partial<typeof contentItems.$inferInsert>) {
  const [row] = await db.update(contentItems).set({ ...patch, version: sql`${contentItems.version} + 1`, updatedAt: new Date() })
    .where(and(eq(contentItems.id, id), eq(contentItems.version, version), isNull(contentItems.deletedAt))).returning();
  return row ?? null;
}

export async function softDelete(db: Executor, id: string) {
  const [row] = await db.update(contentItems).set({ deletedAt: new Date(), updatedAt: new Date(), version: sql`${contentItems.version} + 1` })
    .where(and(eq(contentItems.id, id), isNull(contentItems.deletedAt))).returning();
  return row ?? null;
}
