// Domain events through an outbox: the event row and its dispatch job are written in the transaction of the
// change, so a handoff between streams happens exactly when the change commits and survives any restart.
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { eventSpec, type EventName, type EventPayloadInput } from '../../core/events';
import type { Tx } from '../db/client';
import { domainEvents, eventReceipts, webhooks } from '../db/schema';
import type { Ctx } from '../http/env';
import { systemCtx } from '../http/env';
import { defineJob } from './jobs';

/** An event of the catalogue (src/core/events): its payload is type-checked against the event's schema. */
export type DomainEvent<N extends EventName = EventName> = { [K in N]: {
  type: K;
  entityType: string;
  entityId: string;
  accountId?: string | null;
  payload: EventPayloadInput<K>;
} }[N];
export type EventRow = typeof domainEvents.$inferSelect;

/** A reaction of one stream to another's event; runs once per event (receipt row in the same transaction). */
export interface EventHandler {
  name: string;
  types: (EventName | '*')[];
  handle(ctx: Ctx, tx: Tx, event: EventRow): Promise<void>;
}
const handlers: EventHandler[] = [];
export function onEvent(handler: EventHandler): void {
  if (!handlers.some((h) => h.name === handler.name)) handlers.push(handler);
}

// In tests every payload is also checked at run time, as JSON, against its schema: a subscriber receives exactly what
// the catalogue documents, and a mismatch fails the test that caused it.
const checkPayloads = process.env.NODE_ENV === 'test';
function checkPayload(event: DomainEvent) {
  const spec = eventSpec(event.type);
  if (!spec) throw new Error(`Event ${event.type} is not in the event catalogue (src/core/events).`);
  const parsed = spec.payload.safeParse(JSON.parse(JSON.stringify(event.payload)));
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`Event ${event.type}: the payload does not match its schema in the event catalogue: ${fields}`);
  }
}

export async function emit<N extends EventName>(ctx: Ctx, tx: Tx, event: DomainEvent<N>): Promise<number> {
  if (checkPayloads) checkPayload(event as DomainEvent);
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
      // The event itself, its family (`invoice.*`) or every event (`*`): the rule of subscribes() in core/events.
      sql`(${event.type} = ANY(${webhooks.events}) OR ${`${event.type.split('.')[0]}.*`} = ANY(${webhooks.events}) OR '*' = ANY(${webhooks.events}))`,
    ));
    const matching = handlers.filter((h) => h.types.includes(event.type as EventName) || h.types.includes('*'));
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
