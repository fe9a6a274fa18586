// Placeholder until the leads module lands: registers no routes yet.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env';

export function registerLeadRoutes(_api: OpenAPIHono<AppEnv>) {}
