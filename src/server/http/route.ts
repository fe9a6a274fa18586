// Every route declares who may call it. `guard` attaches the policy as middleware, documents it in OpenAPI, and
// records it in a registry that a test walks to prove no route was left without one.
import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { allows, type AccessPolicy } from '../../core/access/policies';
import { ROLES } from '../../core/access/roles';
import { scopeAllows } from '../../core/access/scopes';
import { problemSchema } from '../../core/api/shapes';
import { AppError } from '../../core/errors';
import type { Actor, AppEnv, Ctx } from './env';
import { checkResponse } from './response-check';
import { refuseControlChars } from './sanitize';
import type { Context } from 'hono';

/** A route is public (with the reason) or guarded by an access policy of core (core/access/policies.ts). */
export type Policy = { public: true; why: string } | AccessPolicy;

export const policyRegistry = new Map<string, Policy>();
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function authorize(policy: Policy): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (policy.public) return next();
    const actor = c.get('actor');
    if (!actor) throw new AppError('unauthenticated', 'Sign in, or send an API token as Authorization: Bearer <token>.');
    if (actor.via === 'session' && !SAFE.has(c.req.method) && c.req.header('x-csrf-token') !== actor.csrfToken) {
      throw new AppError('forbidden', 'The X-CSRF-Token header is missing or does not match this session.');
    }
    if (!allows(policy, actor.role)) {
      throw new AppError('forbidden', `The ${actor.role} role may not do this.`);
    }
    if (actor.scopes && !scopeAllows(actor.scopes, policy.permission)) {
      throw new AppError('forbidden', `This API token lacks the ${policy.permission} scope.`);
    }
    return next();
  };
}

function describe(policy: Policy): string {
  if (policy.public) return `Public: ${policy.why}.`;
  const who = policy.roles === 'any' ? 'any signed-in user' : policy.roles.join(', ');
  const rows = policy.rows === 'scoped' ? ' Partner and customer users see only their own rows.' : '';
  return `Allowed: ${who}. Token scope: \`${policy.permission}\`.${rows}`;
}

const problemResponse = {
  description: 'An error, as RFC 9457 problem details (`errors` lists invalid fields).',
  content: { 'application/problem+json': { schema: problemSchema } },
};

/** createRoute + policy. Use for every route of the API. */
export function guard<R extends RouteConfig>(policy: Policy, config: R): R {
  const key = `${config.method.toUpperCase()} /api${config.path.replace(/\{(\w+)\}/g, ':$1')}`;
  policyRegistry.set(key, policy);
  const existing = config.middleware ? ([] as MiddlewareHandler[]).concat(config.middleware as MiddlewareHandler[]) : [];
  return createRoute({
    ...config,
    description: [config.description, describe(policy)].filter(Boolean).join('\n\n'),
    security: policy.public ? [] : [{ session: [] }, { bearer: [] }],
    // Every error of every route is a problem (RFC 9457); routes document their successes.
    responses: { ...config.responses, default: problemResponse },
    // The response check wraps everything (it sees the problem an error became); control characters are refused after
    // the route's own middleware (body limits, rate limits) and before validation.
    middleware: [
      checkResponse(key, { ...config.responses, default: problemResponse }) as MiddlewareHandler,
      authorize(policy) as MiddlewareHandler, ...existing, refuseControlChars as MiddlewareHandler,
    ],
    'x-policy': policy,
  } as R);
}

/** Builds the service context of an authorized request. */
export function ctxOf(c: Context<AppEnv>): Ctx {
  const actor = c.get('actor') as Actor;
  return { deps: c.get('deps'), actor, requestId: c.get('requestId') };
}

export const ALL_ROLES = ROLES;
