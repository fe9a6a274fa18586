// The account timeline: logged activities and system events, plus audit entries for internal users, in one
// keyset-paginated stream ordered newest first. Activities carry an audience; outsiders get the published ones only.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Audience } from '../../../core/access/audience';
import { decodeCursor } from '../../../core/pagination';
import { andAudienceIn } from '../../db/audience';
import type { Executor } from '../../db/client';
import { activities } from '../../db/schema';

export interface TimelineItem {
  id: string; kind: string; subject: string; body: string | null; at: string;
  actorId: string | null; actorName: string | null; contactId: string | null;
  action: string | null; before: unknown; after: unknown; audience: Audience;
  /** The activity's version (to publish or withdraw it); null for audit entries. */
  version: number | null;
}

export async function insertActivity(db: Executor, values: typeof activities.$inferInsert) {
  const [row] = await db.insert(activities).values(values).returning();
  return row;
}

export async function findActivity(db: Executor, id: string, opts: { lock?: boolean } = {}) {
  const q = db.select().from(activities).where(and(eq(activities.id, id), isNull(activities.deletedAt)));
  const [row] = opts.lock ? await q.for('update') : await q;
  return row ?? null;
}

/** Publishes or withdraws an entry (optimistic concurrency on `version`). */
export async function setActivityAudience(db: Executor, id: string, version: number, audience: Audience) {
  const [row] = await db.update(activities)
    .set({ audience, version: sql`${activities.version} + 1`, updatedAt: new Date() })
    .where(and(eq(activities.id, id), eq(activities.version, version), isNull(activities.deletedAt)))
    .returning();
  return row ?? null;
}

export async function listTimeline(db: Executor, accountId: string, opts: {
  limit: number; cursor?: string; kind?: string; withAudit: boolean; audiences: readonly Audience[];
}): Promise<TimelineItem[]> {
  let after = sql``;
  if (opts.cursor) {
    // Activities keep their uuid; audit entries are 'audit-' and their id zero-padded (see the union below).
    const [at, id] = decodeCursor(opts.cursor, { value: 'datetime', id: /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|audit-\d{19})$/ });
    after = sql`AND (t.at, t.id) < (${new Date(at).toISOString()}::timestamptz, ${id})`;
  }
  const wantAudit = opts.withAudit && (!opts.kind || opts.kind === 'audit');
  const wantActivities = !opts.kind || opts.kind !== 'audit';
  const parts = [];
  if (wantActivities) {
    parts.push(sql`SELECT a.id::text AS id, a.kind, a.subject, a.body, a.occurred_at AS at, a.actor_id, u.name AS actor_name,
        a.contact_id, NULL::text AS action, NULL::jsonb AS before, NULL::jsonb AS after, a.audience, a.version
      FROM activities a LEFT JOIN users u ON u.id = a.actor_id
      WHERE a.account_id = ${accountId} AND a.deleted_at IS NULL ${opts.kind ? sql`AND a.kind = ${opts.kind}` : sql``}
        ${andAudienceIn(sql`a.audience`, opts.audiences)}`);
  }
  if (wantAudit) {
    parts.push(sql`SELECT 'audit-' || lpad(l.id::text, 19, '0') AS id, 'audit' AS kind, l.action AS subject, NULL AS body,
        l.at, l.actor_id, l.actor_label AS actor_name, NULL::uuid AS contact_id, l.action, l.before, l.after,
        'internal' AS audience, NULL::int AS version
      FROM audit_log l WHERE l.account_id = ${accountId}
        AND l.entity_type <> 'activity'`); // a logged activity is already on the timeline as itself
  }
  if (parts.length === 0) return [];
  const union = sql.join(parts, sql` UNION ALL `);
  const res = (await db.execute(sql`SELECT * FROM (${union}) t WHERE true ${after} ORDER BY t.at DESC, t.id DESC LIMIT ${opts.limit + 1}`)) as unknown as { rows: unknown[] };
  return (res.rows as Record<string, unknown>[]).map((r) => ({
    id: r.id as string, kind: r.kind as string, subject: r.subject as string, body: (r.body as string) ?? null,
    at: new Date(r.at as string).toISOString(), actorId: (r.actor_id as string) ?? null,
    actorName: (r.actor_name as string) ?? null, contactId: (r.contact_id as string) ?? null,
    action: (r.action as string) ?? null, before: r.before ?? null, after: r.after ?? null,
    audience: r.audience as Audience, version: (r.version as number) ?? null,
  }));
}

export async function pendingTimers(db: Executor, entityType: string, entityId: string) {
  const res = (await db.execute(sql`SELECT id, kind, due_at, payload FROM timers
    WHERE entity_type = ${entityType} AND entity_id = ${entityId} AND status = 'pending' ORDER BY due_at`)) as unknown as { rows: Record<string, unknown>[] };
  return res.rows.map((r) => ({ id: r.id as string, kind: r.kind as string, dueAt: new Date(r.due_at as string).toISOString(), payload: r.payload }));
}
