// Placeholder until the imports module lands: registers no routes yet.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env';

export function registerImportRoutes(_api: OpenAPIHono<AppEnv>) {}
