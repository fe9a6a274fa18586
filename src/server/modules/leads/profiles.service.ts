// Sales profiles: what assignment (004 §1.4) knows about each sales and SDR user. Admins edit them.
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { AppError, notFound } from '../../../core/errors';
import type { SalesProfileInput } from '../../../core/leads/schemas';
import { transaction } from '../../db/client';
import { salesProfiles, users } from '../../db/schema';
import type { Ctx } from '../../http/env';
import { audit } from '../platform/audit';
import { currentPlaybook } from '../platform/playbook.service';

/** Every active sales and SDR user with their profile (null when none yet) and open lead count. */
export async function listProfiles(ctx: Ctx) {
  const rows = await ctx.deps.database.db.select({
    userId: users.id, name: users.name, email: users.email, role: users.role, profile: salesProfiles,
    openLeads: sql<number>`(SELECT count(*)::int FROM leads l WHERE l.owner_id = ${users.id} AND l.deleted_at IS NULL AND l.status IN ('new', 'working', 'qualified'))`,
  }).from(users).leftJoin(salesProfiles, eq(salesProfiles.userId, users.id))
    .where(and(inArray(users.role, ['sales', 'sdr']), eq(users.active, true), isNull(users.deletedAt))).orderBy(asc(users.name));
  return { items: rows.map((r) => ({ ...r, openLeads: Number(r.openLeads) })), nextCursor: null };
}

export async function putProfile(ctx: Ctx, userId: string, input: SalesProfileInput) {
  return transaction(ctx.deps.database, async (tx) => {
    const [user] = await tx.select({ id: users.id, role: users.role }).from(users).where(and(eq(users.id, userId), isNull(users.deletedAt)));
    if (!user) throw notFound('User');
    if (!['sales', 'sdr'].includes(user.role)) throw new AppError('validation_failed', 'Sales profiles are for sales and SDR users.', { errors: [{ path: 'userId', message: `the user is ${user.role}` }] });
    const { playbook } = await currentPlaybook(tx);
    if (input.sizeTier && !playbook.leads.assignment.accountSizeTiers.some((t) => t.id === input.sizeTier)) {
      throw new AppError('validation_failed', 'Unknown size tier.', { errors: [{ path: 'sizeTier', message: `must be one of ${playbook.leads.assignment.accountSizeTiers.map((t) => t.id).join(', ')}` }] });
    }
    const [before] = await tx.select().from(salesProfiles).where(eq(salesProfiles.userId, userId)).for('update');
    const values = { ...input, outOfOfficeUntil: input.outOfOfficeUntil ? new Date(input.outOfOfficeUntil) : null, updatedAt: new Date() };
    const [row] = before
      ? await tx.update(salesProfiles).set({ ...values, version: before.version + 1 }).where(eq(salesProfiles.userId, userId)).returning()
      : await tx.insert(salesProfiles).values({ userId, ...values }).returning();
    await audit(ctx, tx, { action: 'sales_profile.put', entityType: 'sales_profile', entityId: userId, before: before ?? null, after: row });
    return row;
  });
}
