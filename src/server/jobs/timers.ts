// Timers: "at T, do K for entity E". The timer row and its pg-boss job (startAfter T) are written in the caller's
// transaction, so restarts miss nothing; a timer fires at most once (status flips pending → fired in the
// transaction that runs its handler) and at least once (the job is retried until that transaction commits).
import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../db/client';
import { timers } from '../db/schema';
import type { Ctx } from '../http/env';
import { systemCtx } from '../http/env';
import { defineJob } from './jobs';

export type TimerRow = typeof timers.$inferSelect;
export interface TimerKind {
  kind: string;
  fire(ctx: Ctx, tx: Tx, timer: TimerRow): Promise<void>;
}
const kinds = new Map<string, TimerKind>();
export function defineTimer(kind: TimerKind): TimerKind {
  kinds.set(kind.kind, kind);
  return kind;
}

export interface TimerKey { kind: string; entityType: string; entityId: string }

/** Schedules (or reschedules) the one pending timer of this key. */
export async function scheduleTimer(ctx: Ctx, tx: Tx, key: TimerKey & { at: Date; payload?: Record<string, unknown> }): Promise<TimerRow> {
  if (!kinds.has(key.kind)) throw new Error(`Unknown timer kind ${key.kind}`);
  await cancelTimer(tx, key);
  const [row] = await tx.insert(timers).values({
    kind: key.kind, entityType: key.entityType, entityId: key.entityId, dueAt: key.at, payload: key.payload ?? {},
  }).returning();
  const jobId = await ctx.deps.jobs.send(tx, fireTimerJob, { timerId: row.id }, { startAfter: key.at });
  await tx.update(timers).set({ jobId }).where(eq(timers.id, row.id));
  return { ...row, jobId };
}

/** Cancels the pending timer of this key, if any. The job still runs and finds nothing to do. */
export async function cancelTimer(tx: Tx, key: TimerKey): Promise<boolean> {
  const rows = await tx.update(timers).set({ status: 'cancelled', cancelledAt: new Date() }).where(and(
    eq(timers.kind, key.kind), eq(timers.entityType, key.entityType), eq(timers.entityId, key.entityId),
    eq(timers.status, 'pending'),
  )).returning({ id: timers.id });
  return rows.length > 0;
}

export const fireTimerJob = defineJob({
  name: 'timer.fire',
  payload: z.object({ timerId: z.uuid() }),
  pollingIntervalSeconds: 0.5,
  batchSize: 20,
  queue: { retryLimit: 10, retryDelay: 2, retryBackoff: true },
  async handle(deps, { timerId }) {
    await deps.database.db.transaction(async (tx) => {
      const [timer] = await tx.update(timers).set({ status: 'fired', firedAt: new Date() })
        .where(and(eq(timers.id, timerId), eq(timers.status, 'pending')))
        .returning();
      if (!timer) return; // cancelled, rescheduled or already fired
      const kind = kinds.get(timer.kind);
      if (!kind) throw new Error(`Unknown timer kind ${timer.kind}`);
      await kind.fire(systemCtx(deps, `timer:${timer.id}`), tx, timer);
    });
  },
});

/**
 * Queues a job for pending timers: every one after a restore (the job queue is not part of a backup), or only those
 * without a job yet (`unqueued`: timer rows written set-based, e.g. by the demo). One transaction for the lot.
 */
export async function rescheduleAll(deps: import('../http/env').Deps, opts: { unqueued?: boolean } = {}): Promise<number> {
  const where = opts.unqueued ? and(eq(timers.status, 'pending'), isNull(timers.jobId)) : eq(timers.status, 'pending');
  // Row locks (skipping rows another process holds) keep two servers starting together from queueing a timer twice.
  return deps.database.db.transaction(async (tx) => {
    const pending = await tx.select({ id: timers.id, dueAt: timers.dueAt }).from(timers).where(where).for('update', { skipLocked: true });
    const jobIds = await deps.jobs.sendMany(tx, fireTimerJob, pending.map((t) => ({ data: { timerId: t.id }, startAfter: t.dueAt })));
    if (pending.length) {
      const links = JSON.stringify(pending.map((p, i) => ({ id: p.id, job_id: jobIds[i] })));
      await tx.execute(sql`UPDATE timers t SET job_id = v.job_id FROM jsonb_to_recordset(${links}::jsonb) AS v(id uuid, job_id text) WHERE t.id = v.id`);
    }
    return pending.length;
  });
}
