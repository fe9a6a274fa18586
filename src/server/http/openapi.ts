// Small builders for OpenAPI route configs so route files stay short.
import { z } from '@hono/zod-openapi';

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description, content: { 'application/json': { schema } },
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true, content: { 'application/json': { schema } },
});

export const idParam = z.object({ id: z.uuid() });

/** Loose response schema for documents whose shape is documented by their zod input schema. */
export const anyObject = z.record(z.string(), z.unknown());
export const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });
