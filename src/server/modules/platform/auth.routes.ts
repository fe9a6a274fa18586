import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { AppError } from '../../../core/errors';
import { clientIp } from '../../http/client-ip';
import type { AppEnv } from '../../http/env';
import { SESSION_COOKIE } from '../../http/middleware';
import { ctxOf, guard } from '../../http/route';
import { json, jsonBody } from '../../http/openapi';
import { healthSchema, sessionSchema } from '../../../core/platform/responses';
import { VERSION } from '../../version';
import { DEVICE_COOKIE, DEVICE_DAYS } from './auth.device';
import { login, loginSchema, logout } from './auth.service';

// Signing in always answers a CSRF token; /auth/me answers null for an API token.
const signedIn = sessionSchema.extend({ csrfToken: z.string() }).meta({ id: 'SignedIn' });

export function registerAuthRoutes(api: OpenAPIHono<AppEnv>) {
  api.openapi(guard({ public: true, why: 'liveness and readiness probe' }, {
    method: 'get', path: '/health', tags: ['platform'], summary: 'Service health',
    responses: { 200: json(healthSchema, 'Healthy') },
  }), async (c) => {
    const { database, config } = c.get('deps');
    await database.query('select 1');
    // `demo` lets the sign-in page offer the demo logins only where they exist.
    return c.json({ status: 'ok' as const, database: database.kind, version: VERSION, demo: config.demo }, 200);
  });

  api.openapi(guard({ public: true, why: 'signing in' }, {
    method: 'post', path: '/auth/login', tags: ['auth'], summary: 'Sign in with email and password',
    description: 'Sets an HttpOnly SameSite session cookie, and a trusted-device cookie for this account. Failed attempts are '
      + 'throttled per account and per client IP (429 with Retry-After); a trusted device is throttled on its own.',
    request: { body: jsonBody(loginSchema) },
    responses: { 200: json(signedIn, 'Signed in') },
  }), async (c) => {
    const deps = c.get('deps');
    const out = await login(deps, c.req.valid('json'), {
      ip: clientIp(c), userAgent: c.req.header('user-agent'), device: getCookie(c, DEVICE_COOKIE),
    });
    setCookie(c, SESSION_COOKIE, out.token, {
      httpOnly: true, sameSite: 'Lax', secure: deps.config.secureCookies, path: '/',
      maxAge: deps.config.sessionHours * 3600,
    });
    // Only the sign-in endpoint ever needs to see it.
    if (out.deviceCookie) {
      setCookie(c, DEVICE_COOKIE, out.deviceCookie, {
        httpOnly: true, sameSite: 'Strict', secure: deps.config.secureCookies, path: '/api/auth/login', maxAge: DEVICE_DAYS * 86400,
      });
    }
    return c.json({ user: out.user, csrfToken: out.csrfToken }, 200);
  });

  api.openapi(guard({ roles: 'any', permission: 'session:write', rows: 'self' }, {
    method: 'post', path: '/auth/logout', tags: ['auth'], summary: 'Sign out',
    responses: { 204: { description: 'Signed out' } },
  }), async (c) => {
    const ctx = ctxOf(c);
    if (!ctx.actor.sessionId) throw new AppError('bad_request', 'Only a browser session can sign out.');
    await logout(ctx.deps, ctx.actor.sessionId);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });

  api.openapi(guard({ roles: 'any', permission: 'session:read', rows: 'self' }, {
    method: 'get', path: '/auth/me', tags: ['auth'], summary: 'The signed-in user',
    responses: { 200: json(sessionSchema, 'Current user') },
  }), async (c) => {
    const a = ctxOf(c).actor;
    return c.json({
      user: { id: a.id, email: a.email, name: a.name, role: a.role, partnerId: a.partnerId, accountId: a.accountId },
      csrfToken: a.csrfToken ?? null,
    }, 200);
  });
}
