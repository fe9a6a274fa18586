// Placeholder until the pipeline module lands: registers no routes yet.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env';

export function registerPipelineRoutes(_api: OpenAPIHono<AppEnv>) {}
