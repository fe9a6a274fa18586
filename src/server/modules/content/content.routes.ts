// Thin routes: policy → validate → service → JSON.
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env';
import { page } from '../../../core/api/shapes';
import { idParam, json, jsonBody } from '../../http/openapi';
import { ctxOf, guard } from '../../http/route';
import { policies as p } from './content.policy';
import { contentCreateSchema, contentFields, contentListQuerySchema, contentUpdateSchema } from './content.schemas';
import * as content from './content.service';

const tags = ['content'];
const itemOut = z.object({
  id: z.uuid(), ...contentFields, stages: z.array(z.string()), version: z.number().int(), createdAt: z.string(), updatedAt: z.string(),
  createdBy: z.uuid().nullable(), updatedBy: z.uuid().nullable(),
}).openapi('ContentItem');

export function registerContentRoutes(api: OpenAPIHono<AppEnv>) {
  api.openapi(guard(p.read, {
    method: 'get', path: '/content', tags, summary: 'Search the content library',
    description: '`q` matches title, body and competitor; `industry` and `stage` return the items for them plus the general ones.',
    request: { query: contentListQuerySchema },
    responses: { 200: json(page(itemOut), 'A page of items, most recently updated first') },
  }), async (c) => c.json(await content.listContent(ctxOf(c), c.req.valid('query')), 200));

  api.openapi(guard(p.read, {
    method: 'get', path: '/content/{id}', tags, summary: 'A content item',
    request: { params: idParam },
    responses: { 200: json(itemOut, 'The item') },
  }), async (c) => c.json(await content.getContent(ctxOf(c), c.req.valid('param').id), 200));

  api.openapi(guard(p.write, {
    method: 'post', path: '/content', tags, summary: 'Add a content item',
    request: { body: jsonBody(contentCreateSchema) },
    responses: { 201: json(itemOut, 'Created') },
  }), async (c) => c.json(await content.createContent(ctxOf(c), c.req.valid('json')), 201));

  api.openapi(guard(p.write, {
    method: 'patch', path: '/content/{id}', tags, summary: 'Edit a content item',
    description: 'Send the `version` you loaded; a stale version is refused with 409.',
    request: { params: idParam, body: jsonBody(contentUpdateSchema) },
    responses: { 200: json(itemOut, 'Updated') },
  }), async (c) => c.json(await content.updateContent(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 200));

  api.openapi(guard(p.write, {
    method: 'delete', path: '/content/{id}', tags, summary: 'Remove a content item',
    request: { params: idParam },
    responses: { 204: { description: 'Deleted' } },
  }), async (c) => { await content.deleteContent(ctxOf(c), c.req.valid('param').id); return c.body(null, 204); });
}
