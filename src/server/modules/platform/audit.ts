// Every mutation writes an audit entry in its own transaction: actor, action, entity, before/after, request id.
import type { Tx } from '../../db/client';
import { auditLog } from '../../db/schema';
import type { Ctx } from '../../http/env';

export interface AuditInput {
  action: string; // e.g. 'account.update'
  entityType: string;
  entityId: string;
  accountId?: string | null;
  before?: unknown;
  after?: unknown;
}

const SECRET_KEYS = new Set(['passwordHash', 'tokenHash', 'secret', 'password']);

/** Keeps only changed keys of before/after so the log shows the diff, and never stores secrets. */
export function diff(before: Record<string, unknown> | null, after: Record<string, unknown> | null) {
  const clean = (o: Record<string, unknown> | null, keys: string[]) =>
    o ? Object.fromEntries(keys.filter((k) => !SECRET_KEYS.has(k)).map((k) => [k, o[k]])) : null;
  if (!before || !after) {
    const keys = Object.keys(before ?? after ?? {});
    return { before: clean(before, keys), after: clean(after, keys) };
  }
  const changed = Object.keys(after).filter((k) =>
    !['updatedAt', 'version'].includes(k) && JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  return { before: clean(before, changed), after: clean(after, changed) };
}

export async function audit(ctx: Ctx, tx: Tx, input: AuditInput): Promise<void> {
  const { before, after } = diff(
    (input.before ?? null) as Record<string, unknown> | null,
    (input.after ?? null) as Record<string, unknown> | null,
  );
  await tx.insert(auditLog).values({
    actorId: ctx.actor.via === 'system' ? null : ctx.actor.id,
    actorLabel: ctx.actor.via === 'system' ? 'system' : `${ctx.actor.name} <${ctx.actor.email}>`,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    accountId: input.accountId ?? null,
    before: before ? JSON.parse(JSON.stringify(before)) : null,
    after: after ? JSON.parse(JSON.stringify(after)) : null,
    requestId: ctx.requestId,
  });
}
