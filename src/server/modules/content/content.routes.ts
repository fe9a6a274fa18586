// Placeholder until the content module lands: registers no routes yet.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env';

export function registerContentRoutes(_api: OpenAPIHono<AppEnv>) {}
