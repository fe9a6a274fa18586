// Request plumbing shared by every route: request id + access log, credentials, idempotent POST replay.
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../core/errors';
import { idempotencyKeys } from '../db/schema';
import { resolveActor } from '../modules/platform/auth.service';
import type { AppEnv, Deps } from './env';

export const SESSION_COOKIE = 'vg_session';

export function requestContext(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && /^[\w.-]{1,100}$/.test(incoming) ? incoming : crypto.randomUUID();
    const log = deps.log.child({ requestId });
    c.set('deps', deps);
    c.set('requestId', requestId);
    c.set('log', log);
    const started = performance.now();
    await next();
    c.header('X-Request-Id', requestId);
    const ms = Math.round((performance.now() - started) * 10) / 10;
    log.info({ method: c.req.method, path: c.req.path, status: c.res.status, ms, user: c.get('actor')?.id }, 'request');
  };
}

/** Resolves who is calling (if anyone). Enforcement happens per route in `authorize`. */
export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const auth = c.req.header('authorization');
  const bearer = auth?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const cookie = getCookie(c, SESSION_COOKIE);
  if (bearer || cookie) {
    const actor = await resolveActor(c.get('deps'), { bearer, cookie });
    if (actor) c.set('actor', actor);
    else if (bearer) throw new AppError('unauthenticated', 'The API token is not valid, expired or revoked.');
  }
  await next();
};

/**
 * `Idempotency-Key` on POST: the first response (below 500) is stored per user and key and replayed for retries;
 * the same key with a different body is refused, a concurrent duplicate gets 409.
 */
export const idempotency: MiddlewareHandler<AppEnv> = async (c, next) => {
  const key = c.req.header('idempotency-key');
  const actor = c.get('actor');
  if (c.req.method !== 'POST' || !key || !actor || actor.via === 'system') return next();
  if (!/^[\w.:-]{1,200}$/.test(key)) throw new AppError('bad_request', 'Idempotency-Key must be 1–200 characters of [A-Za-z0-9_.:-].');
  const db = c.get('deps').database.db;
  const body = await c.req.text();
  const requestHash = createHash('sha256').update(`${c.req.method} ${c.req.path}\n${body}`).digest('hex');
  const inserted = await db.insert(idempotencyKeys).values({ userId: actor.id, key, requestHash })
    .onConflictDoNothing().returning({ key: idempotencyKeys.key });
  const where = and(eq(idempotencyKeys.userId, actor.id), eq(idempotencyKeys.key, key));
  if (inserted.length === 0) {
    const [prior] = await db.select().from(idempotencyKeys).where(where);
    if (prior.requestHash !== requestHash) {
      throw new AppError('validation_failed', 'This Idempotency-Key was used for a different request.');
    }
    if (prior.status === null) throw new AppError('conflict', 'A request with this Idempotency-Key is still in progress.');
    c.header('Idempotent-Replayed', 'true');
    return c.json(prior.body as object, prior.status as 200);
  }
  try {
    await next();
  } finally {
    const status = c.res.status;
    if (status >= 500 || c.error) {
      await db.delete(idempotencyKeys).where(where); // let the client retry a failure
    } else {
      const text = await c.res.clone().text();
      let stored: unknown = null;
      try { stored = text ? JSON.parse(text) : null; } catch { stored = { raw: text }; }
      await db.update(idempotencyKeys).set({ status, body: stored as object }).where(where);
    }
  }
};
