// Content library (004 "Tools and Resources"): objection responses, talk tracks, battlecards, success stories.
import { sql } from 'drizzle-orm';
import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { stamps, users } from './platform';

export const CONTENT_KINDS = ['objection_response', 'talk_track', 'battlecard', 'success_story'] as const;

export const contentItems = pgTable('content_items', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  kind: text('kind', { enum: CONTENT_KINDS }).notNull(),
  title: text('title').notNull(),
  /** Markdown. */
  body: text('body').notNull(),
  /** Empty = every industry / every stage. */
  industries: text('industries').array().notNull().default(sql`'{}'::text[]`),
  stages: text('stages').array().notNull().default(sql`'{}'::text[]`),
  tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
  competitor: text('competitor'),
  createdBy: uuid('created_by').references(() => users.id),
  updatedBy: uuid('updated_by').references(() => users.id),
  ...stamps,
}, (t) => [
  index('content_kind_idx').on(t.kind, t.updatedAt, t.id).where(sql`deleted_at IS NULL`),
  index('content_updated_idx').on(t.updatedAt, t.id).where(sql`deleted_at IS NULL`),
  index('content_industries_idx').using('gin', t.industries),
  index('content_stages_idx').using('gin', t.stages),
  index('content_title_trgm_idx').using('gin', sql`lower(${t.title}) gin_trgm_ops`),
  index('content_body_trgm_idx').using('gin', sql`lower(${t.body}) gin_trgm_ops`),
]);
