// Placeholder until the value module lands: registers no routes yet.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env';

export function registerValueRoutes(_api: OpenAPIHono<AppEnv>) {}
