// Content library use cases; each change is audited and emitted as an event.
import { AppError, notFound } from '../../../core/errors';
import { toPage } from '../../../core/pagination';
import { transaction } from '../../db/client';
import type { Ctx } from '../../http/env';
import { emit } from '../../jobs/events';
import { audit } from '../platform/audit';
import * as repo from './content.repo';
import type { ContentCreate, ContentListQuery, ContentUpdate } from './content.schemas';

const actorId = (ctx: Ctx) => (ctx.actor.via === 'system' ? null : ctx.actor.id);

export async function listContent(ctx: Ctx, q: ContentListQuery) {
  const rows = await repo.list(ctx.deps.database.db, q);
  return toPage(rows, q.limit, (r) => [r.updatedAt.toISOString(), r.id]);
}

export async function getContent(ctx: Ctx, id: string) {
  const row = await repo.find(ctx.deps.database.db, id);
  if (!row) throw notFound('Content item');
  return row;
}

export async function createContent(ctx: Ctx, input: ContentCreate) {
  return transaction(ctx.deps.database, async (tx) => {
    const row = await repo.insert(tx, { ...input, competitor: input.competitor ?? null, createdBy: actorId(ctx), updatedBy: actorId(ctx) });
    await audit(ctx, tx, { action: 'content.create', entityType: 'content_item', entityId: row.id, after: row });
    await emit(ctx, tx, { type: 'content.created', entityType: 'content_item', entityId: row.id, payload: { kind: row.kind, title: row.title } });
    return row;
  });
}

export async function updateContent(ctx: Ctx, id: string, input: ContentUpdate) {
  const { version, ...patch } = input;
  return transaction(ctx.deps.database, async (tx) => {
    const before = await repo.find(tx, id, { lock: true });
    if (!before) throw notFound('Content item');
    if (before.version !== version) {
      throw new AppError('version_conflict', `The item changed since you loaded it (version ${before.version}, you sent ${version}). Reload and try again.`, { currentVersion: before.version });
    }
    const after = await repo.update(tx, id, version, { ...patch, updatedBy: actorId(ctx) });
    if (!after) throw new AppError('version_conflict', 'The item changed while saving. Reload and try again.');
    await audit(ctx, tx, { action: 'content.update', entityType: 'content_item', entityId: id, before, after });
    await emit(ctx, tx, { type: 'content.updated', entityType: 'content_item', entityId: id, payload: { kind: after.kind, title: after.title } });
    return after;
  });
}

export async function deleteContent(ctx: Ctx, id: string) {
  await transaction(ctx.deps.database, async (tx) => {
    const row = await repo.softDelete(tx, id);
    if (!row) throw notFound('Content item');
    await audit(ctx, tx, { action: 'content.delete', entityType: 'content_item', entityId: id, before: { title: row.title } });
    await emit(ctx, tx, { type: 'content.deleted', entityType: 'content_item', entityId: id, payload: { title: row.title } });
  });
}
