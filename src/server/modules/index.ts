// Every module registers its routes here; the order is the order in the API reference.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http/env';
import { registerAccountRoutes } from './accounts/accounts.routes';
import { registerAuthRoutes } from './platform/auth.routes';
import { registerAdminRoutes } from './platform/admin.routes';

export function registerModules(api: OpenAPIHono<AppEnv>) {
  registerAuthRoutes(api);
  registerAccountRoutes(api);
  registerAdminRoutes(api);
}
