// Small builders for OpenAPI route configs so route files stay short.
import { z } from '@hono/zod-openapi';

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description, content: { 'application/json': { schema } },
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true, content: { 'application/json': { schema } },
});

export const idParam = z.object({ id: z.uuid() });
