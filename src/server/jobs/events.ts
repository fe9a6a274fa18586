// Domain events through an outbox: the event row and its dispatch job are written in the transaction of the
// change, so a handoff between streams happens exactly when the change commits and survives any restart.
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../db/client';
import { domainEvents, eventReceipts, webhooks } from '../db/schema';
import type { Ctx } from '../http/env';
import { systemCtx } from '../http/env';
import { defineJob } from './jobs';

export interface DomainEvent {
  type: string;
  entityType: string;
  entityId: string;
  accountId?: string | null;
  payload: Record<string, unknown>;
}
export type EventRow = typeof domainEvents.$inferSelect;

/** A reaction of one stream to another's event; runs once per event (receipt row in the same transaction). */
export interface EventHandler {
  name: string;
  types: string[];
  handle(ctx: Ctx, tx: Tx, event: EventRow): Promise<void>;
}
const handlers: EventHandler[] = [];
export function onEvent(handler: EventHandler): void {
  if (!handlers.some((h) => h.name === handler.name)) handlers.push(handler);
}

export async function emit(ctx: Ctx, tx: Tx, event: DomainEvent): Promise<number> {
  const [row] = await tx.insert(domainEvents).values({
    ...event,
    accountId: event.accountId ?? null,
    actorId: ctx.actor.via === 'system' ? null : ctx.actor.id,
    requestId: ctx.requestId,
  }).returning({ id: domainEvents.id });
  await ctx.deps.jobs.send(tx, dispatchJob, { eventId: row.id });
  return row.id;
}

export const dispatchJob = defineJob({
  name: 'events.dispatch',
  payload: z.object({ eventId: z.number().int() }),
  pollingIntervalSeconds: 0.5,
  batchSize: 20,
  async handle(deps, { eventId }) {
    const db = deps.database.db;
    const [event] = await db.select().from(domainEvents).where(eq(domainEvents.id, eventId));
    if (!event) return;
    const hooks = await db.select({ id: webhooks.id }).from(webhooks).where(and(
      eq(webhooks.active, true), sql`${webhooks.deletedAt} IS NULL`,
      sql`(${event.type} = ANY(${webhooks.events}) OR '*' = ANY(${webhooks.events}))`,
    ));
    const matching = handlers.filter((h) => h.types.includes(event.type) || h.types.includes('*'));
    await db.transaction(async (tx) => {
      for (const h of matching) await deps.jobs.send(tx, handleJob, { eventId, handler: h.name });
      for (const hook of hooks) await deps.jobs.send(tx, 'webhook.deliver', { eventId, webhookId: hook.id });
    });
  },
});

export const handleJob = defineJob({
  name: 'events.handle',
  payload: z.object({ eventId: z.number().int(), handler: z.string() }),
  pollingIntervalSeconds: 0.5,
  async handle(deps, { eventId, handler }) {
    const h = handlers.find((x) => x.name === handler);
    if (!h) throw new Error(`No event handler ${handler}`);
    await deps.database.db.transaction(async (tx) => {
      const fresh = await tx.insert(eventReceipts).values({ eventId, handler }).onConflictDoNothing().returning();
      if (fresh.length === 0) return; // already handled: at-least-once delivery, exactly-once effect
      const [event] = await tx.select().from(domainEvents).where(eq(domainEvents.id, eventId));
      if (event) await h.handle(systemCtx(deps, event.requestId ?? 'event'), tx, event);
    });
  },
});

export const eventJobs = [dispatchJob, handleJob];
