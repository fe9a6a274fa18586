// Content library requests: objection responses, talk tracks, battlecards and success stories (004 "Tools and
// Resources"), tagged by industry and stage so lead and opportunity pages can offer what fits.
import { z } from 'zod';
import { CONTENT_KINDS } from '../../db/schema/content';

export { CONTENT_KINDS };
/** The stages content applies to: the lead stage, then the pipeline's open stages (000 §1). */
export const CONTENT_STAGES = ['lead', 'discovery', 'proposal', 'poc', 'negotiation'] as const;

const tags = z.array(z.string().trim().min(1).max(60)).max(30);

export const contentFields = {
  kind: z.enum(CONTENT_KINDS),
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(50_000),
  industries: tags,
  stages: z.array(z.enum(CONTENT_STAGES)).max(CONTENT_STAGES.length),
  tags,
  competitor: z.string().trim().min(1).max(120).nullable(),
};

export const contentCreateSchema = z.object({
  kind: contentFields.kind, title: contentFields.title, body: contentFields.body,
  industries: contentFields.industries.default([]), stages: contentFields.stages.default([]), tags: contentFields.tags.default([]),
  competitor: contentFields.competitor.optional(),
}).strict();

export const contentUpdateSchema = z.object({
  version: z.number().int().min(1),
  kind: contentFields.kind.optional(), title: contentFields.title.optional(), body: contentFields.body.optional(),
  industries: contentFields.industries.optional(), stages: contentFields.stages.optional(), tags: contentFields.tags.optional(),
  competitor: contentFields.competitor.optional(),
}).strict();

export const contentListQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  kind: z.enum(CONTENT_KINDS).optional(),
  /** Items for this industry, plus those for every industry. */
  industry: z.string().trim().max(60).optional(),
  /** Items for this stage, plus those for every stage. */
  stage: z.enum(CONTENT_STAGES).optional(),
  tag: z.string().trim().max(60).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
}).strict();

export type ContentCreate = z.infer<typeof contentCreateSchema>;
export type ContentUpdate = z.infer<typeof contentUpdateSchema>;
export type ContentListQuery = z.infer<typeof contentListQuerySchema>;
