// Placeholder until the metrics module lands: registers no routes yet.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env';

export function registerMetricsRoutes(_api: OpenAPIHono<AppEnv>) {}
