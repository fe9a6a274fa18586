// Request plumbing shared by every route: request id + access log, credentials, idempotent POST replay.
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { AppError } from '../../core/errors';
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

/** `Idempotency-Key` on POST: the key, the change and the response commit together (see idempotency.ts). */
export { idempotency } from './idempotency';
