// Outgoing webhooks: admins subscribe URLs to event types; every delivery is signed, retried with backoff, logged.
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { AppError, notFound } from '../../../core/errors';
import { eventSubscription, SUBSCRIBABLE } from '../../../core/events';
import { transaction } from '../../db/client';
import { domainEvents } from '../../db/schema';
import type { Ctx, Deps } from '../../http/env';
import { defineJob } from '../../jobs/jobs';
import { eq } from 'drizzle-orm';
import { audit } from './audit';
import { randomToken } from './crypto';
import * as repo from './platform.repo';
import { assertPublicWebhookUrl, postWebhook, RefusedDestination } from './webhook-transport';

/** Every event of the catalogue can be subscribed to, one by one, by family (`invoice.*`) or all at once (`*`). */
export const EVENT_TYPES = SUBSCRIBABLE;

const url = z.url({ protocol: /^https?$/ }).max(2000);
const events = z.array(eventSubscription).min(1).max(SUBSCRIBABLE.length);
export const webhookCreateSchema = z.object({
  url, description: z.string().trim().max(300).optional(), events,
}).strict();
export const webhookUpdateSchema = z.object({
  version: z.number().int().min(1), url: url.optional(), description: z.string().trim().max(300).optional(),
  events: events.optional(), active: z.boolean().optional(),
}).strict();

/** `Valuegraph-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the webhook secret>` */
export function signPayload(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export async function createWebhook(ctx: Ctx, input: z.infer<typeof webhookCreateSchema>) {
  await assertPublicWebhookUrl(input.url, ctx.deps.config.webhookAllowPrivate);
  const secret = `whsec_${randomToken(24)}`;
  return transaction(ctx.deps.database, async (tx) => {
    const row = await repo.insertWebhook(tx, { ...input, secret, createdBy: ctx.actor.id });
    await audit(ctx, tx, { action: 'webhook.create', entityType: 'webhook', entityId: row.id, after: row });
    return { ...row, secret }; // shown once, for the receiver to verify signatures
  });
}

export async function updateWebhook(ctx: Ctx, id: string, input: z.infer<typeof webhookUpdateSchema>) {
  const { version, ...patch } = input;
  if (patch.url) await assertPublicWebhookUrl(patch.url, ctx.deps.config.webhookAllowPrivate);
  return transaction(ctx.deps.database, async (tx) => {
    const before = await repo.findWebhook(tx, id);
    if (!before) throw notFound('Webhook');
    const after = await repo.updateWebhook(tx, id, version, patch);
    if (!after) throw new AppError('version_conflict', `The webhook changed since you loaded it (version ${before.version}).`, { currentVersion: before.version });
    await audit(ctx, tx, { action: 'webhook.update', entityType: 'webhook', entityId: id, before, after });
    return after;
  });
}

export async function deleteWebhook(ctx: Ctx, id: string) {
  await transaction(ctx.deps.database, async (tx) => {
    const row = await repo.softDeleteWebhook(tx, id);
    if (!row) throw notFound('Webhook');
    await audit(ctx, tx, { action: 'webhook.delete', entityType: 'webhook', entityId: id, before: { active: true }, after: { active: false } });
  });
}

export const deliverJob = defineJob({
  name: 'webhook.deliver',
  payload: z.object({ eventId: z.number().int(), webhookId: z.uuid() }),
  // 8 retries with exponential backoff from 10 s: the last attempt comes roughly 45 minutes after the first.
  queue: { retryLimit: 8, retryDelay: 10, retryBackoff: true },
  pollingIntervalSeconds: 0.5,
  batchSize: 25,
  async handle(deps: Deps, { eventId, webhookId }, meta) {
    const db = deps.database.db;
    const hook = await repo.findWebhook(db, webhookId);
    const [event] = await db.select().from(domainEvents).where(eq(domainEvents.id, eventId));
    if (!hook || !hook.active || !event) return;
    const body = JSON.stringify({
      id: event.id, type: event.type, createdAt: event.createdAt, entity: { type: event.entityType, id: event.entityId },
      accountId: event.accountId, data: event.payload,
    });
    const timestamp = Math.floor(Date.now() / 1000);
    const started = performance.now();
    let status: number | null = null;
    let error: string | null = null;
    let refused = false;
    try {
      status = await postWebhook(hook.url, body, {
        'content-type': 'application/json', 'user-agent': 'Valuegraph-Webhooks/1',
        'valuegraph-event': event.type, 'valuegraph-delivery': `${event.id}:${webhookId}`,
        'valuegraph-signature': signPayload(hook.secret, timestamp, body),
      }, { allowPrivate: deps.config.webhookAllowPrivate, timeoutMs: 10_000 });
      if (status < 200 || status >= 300) error = `HTTP ${status}`; // redirects are not followed
    } catch (e) {
      // The log an admin reads says no more than this: the network error (refused, timed out, which port)
      // would map the internal network. Operators find it in the server log.
      refused = e instanceof RefusedDestination;
      error = refused ? "refused: the receiver's address is not public" : 'delivery failed';
      deps.log.warn({ webhookId, eventId, err: (e as Error).message }, `webhook ${refused ? 'refused' : 'delivery failed'}`);
    }
    await repo.insertDelivery(db, {
      webhookId, eventId, eventType: event.type, attempt: meta.retryCount + 1, ok: !error,
      responseStatus: status, error, durationMs: Math.round(performance.now() - started),
    });
    // pg-boss retries failures with backoff; a refused address stays refused, so it is not retried.
    if (error && !refused) throw new Error(`Webhook delivery failed: ${error}`);
  },
});
