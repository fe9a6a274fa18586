// Builds the HTTP application: request context, security headers, body limit, credentials, the API modules with
// their OpenAPI document, the API reference page and the web app.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OpenAPIHono } from '@hono/zod-openapi';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { AppError, issuePath } from '../core/errors';
import type { AppEnv, Deps } from './http/env';
import { IDEMPOTENCY_DOC } from './http/idempotency';
import { RATE_LIMIT_DOC, rateLimit } from './http/rate-limit';
import { authenticate, idempotency, requestContext } from './http/middleware';
import { strictTransportSecurity } from './http/transport-security';
import { problemOf, toAppError } from './http/problem';
import { registerModules } from './modules';

const root = fileURLToPath(new URL('../..', import.meta.url));
const webDist = join(root, 'dist/web');
const swaggerDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
import { VERSION } from './version';

export { VERSION };

export function buildApi(): OpenAPIHono<AppEnv> {
  const api = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw new AppError('validation_failed', 'The request has invalid fields.', {
          errors: result.error.issues.map((i) => ({ path: issuePath(i.path), message: i.message })),
        });
      }
    },
  });
  api.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey', in: 'cookie', name: 'vg_session',
    description: 'Session cookie from POST /api/auth/login. Writes also need the X-CSRF-Token header.',
  });
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http', scheme: 'bearer', description: 'API token created by an admin (Admin → API tokens).',
  });
  registerModules(api);
  api.doc31('/openapi.json', DOCUMENT_CONFIG);
  return api;
}

const DOCUMENT_CONFIG = {
  openapi: '3.1.0',
  info: { title: 'Valuegraph API', version: VERSION, description: `Every route lists who may call it.\n\n${IDEMPOTENCY_DOC}\n\n${RATE_LIMIT_DOC}` },
  servers: [{ url: '/api' }],
};

/** The OpenAPI document of the API, as served at /api/openapi.json and checked in as openapi.json. */
export function openApiDocument() {
  return buildApi().getOpenAPI31Document(DOCUMENT_CONFIG);
}

export function buildApp(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requestContext(deps));
  app.use('*', secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'], connectSrc: ["'self'"], frameAncestors: ["'none'"], objectSrc: ["'none'"],
    },
    xFrameOptions: 'DENY', // as frame-ancestors 'none', for browsers that only know this header
    strictTransportSecurity: false, // only over HTTPS: strictTransportSecurity below
  }));
  app.use('*', strictTransportSecurity);
  const limit = bodyLimit({
    maxSize: deps.config.bodyLimitBytes,
    onError: () => { throw new AppError('payload_too_large', `Request bodies are limited to ${deps.config.bodyLimitBytes} bytes.`); },
  });
  // CSV uploads stream to disk and bulk KPI measurements are capped by their own (larger) limits; every other body here.
  const ownLimit = new Set(['/api/imports/uploads', '/api/kpis/measurements/bulk', '/api/kpis/measurements/csv']);
  app.use('/api/*', (c, next) => (c.req.method === 'POST' && ownLimit.has(c.req.path) ? next() : limit(c, next)));
  app.use('/api/*', authenticate);
  app.use('/api/*', rateLimit(deps)); // per caller, so after authenticate; an idempotent replay counts as a request
  app.use('/api/*', idempotency);

  app.get('/api/docs', (c) => c.html(DOCS_HTML));
  app.get('/api/docs/init.js', (c) => c.body(DOCS_INIT, 200, { 'content-type': 'text/javascript' }));
  app.get('/api/docs/assets/:file', async (c) => {
    const file = c.req.param('file');
    if (!/^[\w.-]+\.(css|js|png)$/.test(file)) throw new AppError('not_found', 'No such asset.');
    const body = await readFile(join(swaggerDir, file)).catch(() => null);
    if (!body) throw new AppError('not_found', 'No such asset.');
    const type = file.endsWith('.css') ? 'text/css' : file.endsWith('.png') ? 'image/png' : 'text/javascript';
    return c.body(body, 200, { 'content-type': type, 'cache-control': 'public, max-age=86400' });
  });
  app.route('/api', buildApi());
  app.all('/api/*', () => { throw new AppError('not_found', 'No such API route.'); });

  if (existsSync(webDist)) {
    app.use('/assets/*', serveStatic({ root: webDist }));
    app.use('/favicon.svg', serveStatic({ root: webDist }));
  }
  app.get('*', async (c) => {
    const html = await readFile(join(webDist, 'index.html'), 'utf8').catch(() => null);
    if (!html) return c.text('The web app is not built. Run `npm run build:web`.', 503);
    return c.html(html);
  });

  app.onError((err, c) => {
    const e = toAppError(err);
    const log = c.get('log') ?? deps.log;
    if (e.code === 'internal') log.error({ err }, 'unhandled error');
    const problem = problemOf(e, c.get('requestId'), c.req.path);
    if (e.extra.retryAfterSeconds) c.header('Retry-After', String(e.extra.retryAfterSeconds));
    // The rest of a refused body is still on its way: the client opens a new connection for its next request
    // while the server reads and drops that rest (http/unread-body.ts).
    if (e.code === 'payload_too_large') c.header('Connection', 'close');
    c.header('X-Request-Id', c.get('requestId'));
    return c.body(JSON.stringify(problem), problem.status as 400, { 'content-type': 'application/problem+json' });
  });
  return app;
}

const DOCS_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Valuegraph API reference</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div><script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;
const DOCS_INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true });`;
