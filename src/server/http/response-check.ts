// Every response matches the schema its route documents. In tests (and with VALUEGRAPH_CHECK_RESPONSES=1) each JSON
// answer is parsed back and checked; a mismatch replaces it with a 500 naming the route and the fields, so any
// integration test that touches the route fails, and the OpenAPI document (and the client generated from it) stays true.
import type { RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { issuePath } from '../../core/errors';
import type { AppEnv } from './env';

type Responses = RouteConfig['responses'];

function jsonSchemas(responses: Responses): Map<number, z.ZodType | null> {
  const out = new Map<number, z.ZodType | null>();
  for (const [status, r] of Object.entries(responses ?? {})) {
    const content = (r as { content?: Record<string, { schema?: unknown }> }).content;
    const schema = content?.['application/json']?.schema ?? content?.['application/problem+json']?.schema;
    out.set(status === 'default' ? 0 : Number(status), (schema as z.ZodType | undefined) ?? null);
  }
  return out;
}

/** Whether the response of a status also documents the media type answered (e.g. JSON or an HTML page by Accept). */
function documentsMedia(responses: Responses, status: number, type: string): boolean {
  const r = (responses as Record<string, { content?: Record<string, unknown> }> | undefined)?.[String(status)];
  const media = type.split(';')[0].trim();
  return !!media && !!r?.content && media in r.content;
}

export function checkResponse(route: string, responses: Responses): MiddlewareHandler<AppEnv> {
  const schemas = jsonSchemas(responses);
  return async (c, next) => {
    await next();
    if (!c.get('deps')?.config.checkResponses) return;
    // Errors may use the route's `default` response (the problem shape every route documents); success may not.
    const status = c.res.status;
    const key = schemas.has(status) || status < 400 ? status : 0;
    const failures: string[] = [];
    if (!schemas.has(key)) {
      failures.push(`status ${status} is not documented`);
    } else {
      const schema = schemas.get(key);
      const type = c.res.headers.get('content-type') ?? '';
      if (schema && type.includes('json')) {
        const text = await c.res.clone().text();
        const result = schema.safeParse(text ? JSON.parse(text) : null);
        if (!result.success) failures.push(...result.error.issues.slice(0, 8).map((i) => `${issuePath(i.path)}: ${i.message}`));
      } else if (schema && status !== 204 && !documentsMedia(responses, key, type)) {
        failures.push(`documented as JSON, answered ${type || 'no content type'}`);
      }
    }
    if (!failures.length) return;
    const detail = `The ${status} response of ${route} does not match its documented schema: ${failures.join('; ')}`;
    c.get('deps').log.error({ route, status, failures }, 'response does not match its schema');
    c.res = new Response(JSON.stringify({
      type: 'https://valuegraph.dev/problems/internal', title: 'Response does not match its schema', status: 500,
      detail, code: 'internal', requestId: c.get('requestId'),
    }), { status: 500, headers: { 'content-type': 'application/problem+json' } });
  };
}
