// Admin surface: users, API tokens, audit log, playbook, webhooks; plus the user directory every form needs.
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { adminOnly, internalOnly } from '../../../core/access/policies';
import { tokenCreateSchema } from '../../../core/access/scopes';
import { notFound } from '../../../core/errors';
import { encodeCursor, decodeCursor } from '../../../core/pagination';
import { partners } from '../../db/schema';
import type { AppEnv } from '../../http/env';
import {
  apiTokenCreatedSchema, apiTokenListSchema, apiTokenSchema, auditPageSchema, directorySchema, partnerListSchema, playbookDocSchema,
  playbookHistorySchema, userListSchema, userSchema, webhookCreatedSchema, webhookDeliveriesSchema, webhookListSchema, webhookSchema,
} from '../../../core/platform/responses';
import { idParam, json, jsonBody } from '../../http/openapi';
import { ctxOf, guard } from '../../http/route';
import * as repo from './platform.repo';
import { currentPlaybook, playbookReplaceSchema, replacePlaybook } from './playbook.service';
import { createToken, createUser, revokeToken, updateUser, userCreateSchema, userUpdateSchema } from './users.service';
import { createWebhook, deleteWebhook, updateWebhook, webhookCreateSchema, webhookUpdateSchema } from './webhooks.service';
import { isNull } from 'drizzle-orm';

const admin = adminOnly;
const internal = internalOnly;
const auditQuery = z.object({
  entityType: z.string().max(50).optional(), entityId: z.string().max(100).optional(), actorId: z.uuid().optional(),
  accountId: z.uuid().optional(), limit: z.coerce.number().int().min(1).max(500).default(100), cursor: z.string().max(200).optional(),
}).strict();

export function registerAdminRoutes(api: OpenAPIHono<AppEnv>) {
  api.openapi(guard(internal('users:read'), {
    method: 'get', path: '/users/directory', tags: ['users'], summary: 'Names and roles of internal users (for owner pickers)',
    responses: { 200: json(directorySchema, 'Directory') },
  }), async (c) => c.json({ items: await repo.directory(c.get('deps').database.db), nextCursor: null }, 200) as never);

  api.openapi(guard(internal('partners:read'), {
    method: 'get', path: '/partners', tags: ['users'], summary: 'Partners',
    responses: { 200: json(partnerListSchema, 'Partners') },
  }), async (c) => c.json({ items: await c.get('deps').database.db.select().from(partners).where(isNull(partners.deletedAt)).orderBy(partners.name), nextCursor: null }, 200));

  api.openapi(guard(admin('users:read'), {
    method: 'get', path: '/users', tags: ['users'], summary: 'List users',
    request: { query: z.object({ role: z.string().max(20).optional(), q: z.string().max(100).optional() }).strict() },
    responses: { 200: json(userListSchema, 'Users') },
  }), async (c) => c.json({ items: await repo.listUsers(c.get('deps').database.db, c.req.valid('query')), nextCursor: null }, 200) as never);

  api.openapi(guard(admin('users:write'), {
    method: 'post', path: '/users', tags: ['users'], summary: 'Create a user', request: { body: jsonBody(userCreateSchema) },
    responses: { 201: json(userSchema, 'Created') },
  }), async (c) => c.json(await createUser(ctxOf(c), c.req.valid('json')), 201) as never);

  api.openapi(guard(admin('users:write'), {
    method: 'patch', path: '/users/{id}', tags: ['users'], summary: 'Update a user (role, active, password)',
    request: { params: idParam, body: jsonBody(userUpdateSchema) }, responses: { 200: json(userSchema, 'Updated') },
  }), async (c) => c.json(await updateUser(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 200) as never);

  api.openapi(guard(admin('tokens:read'), {
    method: 'get', path: '/tokens', tags: ['tokens'], summary: 'List API tokens', responses: { 200: json(apiTokenListSchema, 'Tokens') },
  }), async (c) => c.json({ items: await repo.listTokens(c.get('deps').database.db), nextCursor: null }, 200));

  api.openapi(guard(admin('tokens:write'), {
    method: 'post', path: '/tokens', tags: ['tokens'], summary: 'Create an API token (the secret is returned once)',
    request: { body: jsonBody(tokenCreateSchema) }, responses: { 201: json(apiTokenCreatedSchema, 'Created') },
  }), async (c) => c.json(await createToken(ctxOf(c), c.req.valid('json')), 201));

  api.openapi(guard(admin('tokens:write'), {
    method: 'delete', path: '/tokens/{id}', tags: ['tokens'], summary: 'Revoke an API token',
    request: { params: idParam }, responses: { 200: json(apiTokenSchema, 'Revoked') },
  }), async (c) => c.json(await revokeToken(ctxOf(c), c.req.valid('param').id), 200));

  api.openapi(guard(admin('audit:read'), {
    method: 'get', path: '/audit', tags: ['audit'], summary: 'Audit log (newest first)',
    request: { query: auditQuery }, responses: { 200: json(auditPageSchema, 'Audit entries') },
  }), async (c) => {
    const q = c.req.valid('query');
    const beforeId = q.cursor ? decodeCursor(q.cursor, { value: 'none', id: 'int' })[1] : undefined;
    const rows = await repo.listAudit(c.get('deps').database.db, { ...q, beforeId });
    const more = rows.length > q.limit;
    const items = rows.slice(0, q.limit);
    return c.json({ items, nextCursor: more ? encodeCursor(null, items[items.length - 1].id) : null }, 200) as never;
  });

  api.openapi(guard(internal('playbook:read'), {
    method: 'get', path: '/playbook', tags: ['playbook'], summary: 'The active playbook', responses: { 200: json(playbookDocSchema, 'Playbook') },
  }), async (c) => c.json(await currentPlaybook(c.get('deps').database.db), 200));

  api.openapi(guard(internal('playbook:read'), {
    method: 'get', path: '/playbook/versions', tags: ['playbook'], summary: 'Playbook version history', responses: { 200: json(playbookHistorySchema, 'Versions') },
  }), async (c) => c.json({ items: await repo.playbookHistory(c.get('deps').database.db), nextCursor: null }, 200));

  api.openapi(guard(admin('playbook:write'), {
    method: 'put', path: '/playbook', tags: ['playbook'], summary: 'Replace the playbook with a new version',
    description: 'Invalid playbooks are refused with 422 listing every failing path; `baseVersion` guards against lost updates.',
    request: { body: jsonBody(playbookReplaceSchema) }, responses: { 200: json(playbookDocSchema, 'New version') },
  }), async (c) => c.json(await replacePlaybook(ctxOf(c), c.req.valid('json')), 200));

  api.openapi(guard(admin('webhooks:read'), {
    method: 'get', path: '/webhooks', tags: ['webhooks'], summary: 'List webhooks', responses: { 200: json(webhookListSchema, 'Webhooks') },
  }), async (c) => c.json({ items: await repo.listWebhooks(c.get('deps').database.db), nextCursor: null }, 200));

  api.openapi(guard(admin('webhooks:write'), {
    method: 'post', path: '/webhooks', tags: ['webhooks'], summary: 'Subscribe a URL to events (the signing secret is returned once)',
    request: { body: jsonBody(webhookCreateSchema) }, responses: { 201: json(webhookCreatedSchema, 'Created') },
  }), async (c) => c.json(await createWebhook(ctxOf(c), c.req.valid('json')), 201));

  api.openapi(guard(admin('webhooks:write'), {
    method: 'patch', path: '/webhooks/{id}', tags: ['webhooks'], summary: 'Update a webhook',
    request: { params: idParam, body: jsonBody(webhookUpdateSchema) }, responses: { 200: json(webhookSchema, 'Updated') },
  }), async (c) => c.json(await updateWebhook(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 200));

  api.openapi(guard(admin('webhooks:write'), {
    method: 'delete', path: '/webhooks/{id}', tags: ['webhooks'], summary: 'Delete a webhook',
    request: { params: idParam }, responses: { 204: { description: 'Deleted' } },
  }), async (c) => { await deleteWebhook(ctxOf(c), c.req.valid('param').id); return c.body(null, 204); });

  api.openapi(guard(admin('webhooks:read'), {
    method: 'get', path: '/webhooks/{id}/deliveries', tags: ['webhooks'], summary: 'Delivery log of a webhook',
    request: { params: idParam }, responses: { 200: json(webhookDeliveriesSchema, 'Deliveries') },
  }), async (c) => {
    const db = c.get('deps').database.db;
    const id = c.req.valid('param').id;
    if (!(await repo.findWebhook(db, id))) throw notFound('Webhook');
    return c.json({ items: await repo.listDeliveries(db, id), nextCursor: null }, 200);
  });
}
