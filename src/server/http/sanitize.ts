// Refuses control characters at the edge of every API route, before its validators and handler: path parameters,
// query values, the headers we keep as data, JSON bodies and form posts. A NUL that reached the database was a 500
// (PostgreSQL cannot store it in text or jsonb) after work had begun; here it is a 422 naming each field.
// It runs as the last route middleware (see guard), so a route's own middleware — a body limit, a rate limit that
// must count every request — has run first.
import type { MiddlewareHandler } from 'hono';
import { CONTROL_CHAR_MESSAGE, controlCharPaths, hasControlChar, jsonMayHaveControlChar } from '../../core/control-chars';
import { AppError, type FieldError } from '../../core/errors';
import type { AppEnv } from './env';

/** Request headers whose values are stored or shown (sessions keep the user agent; replays key on the other). */
const DATA_HEADERS = ['user-agent', 'idempotency-key'];

export const refuseControlChars: MiddlewareHandler<AppEnv> = async (c, next) => {
  const paths: string[] = [];
  for (const [name, value] of Object.entries(c.req.param() as Record<string, string>)) if (hasControlChar(value)) paths.push(name);
  for (const [name, values] of Object.entries(c.req.queries())) {
    if (hasControlChar(name) || values.some(hasControlChar)) paths.push(name);
  }
  for (const h of DATA_HEADERS) if (hasControlChar(c.req.header(h) ?? '')) paths.push(`headers.${h}`);
  paths.push(...await bodyPaths(c.req));
  if (paths.length) {
    const errors: FieldError[] = [...new Set(paths)].map((path) => ({ path, message: CONTROL_CHAR_MESSAGE }));
    throw new AppError('validation_failed', 'Control characters are not allowed in the request.', { errors });
  }
  return next();
};

async function bodyPaths(req: Parameters<MiddlewareHandler<AppEnv>>[0]['req']): Promise<string[]> {
  const type = (req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/json' || type.endsWith('+json')) {
    // The text is cached: the validator reads the same body again without another read of the stream.
    const text = await req.text();
    if (!jsonMayHaveControlChar(text)) return [];
    try { return controlCharPaths(JSON.parse(text)); } catch { return []; } // malformed JSON: the validator answers 400
  }
  if (type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data') {
    let form: Record<string, unknown>;
    try { form = await req.parseBody({ all: true }); } catch { return []; } // unreadable: the route answers for it
    const strings = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, Array.isArray(v) ? v.filter((x) => typeof x === 'string') : typeof v === 'string' ? v : '']));
    return controlCharPaths(strings).map((p) => p.replace(/\.\d+$/, ''));
  }
  return [];
}
