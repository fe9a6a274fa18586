// Building blocks of every response schema of the API. Plain zod in core, so the server documents and checks its
// responses with them and the web reads the same shapes through the generated client. Named shapes carry
// `.meta({ id })` and become components of the OpenAPI document.
import { z } from 'zod';

const d = (description: string) => ({ description });

/** An instant as JSON carries it: ISO 8601 in UTC (`2026-12-03T09:30:00.000Z`). */
export const isoTime = z.string().meta(d('ISO 8601 instant, UTC.'));
/** A calendar day without time zone (`2026-12-03`). */
export const isoDay = z.string().meta(d('Calendar day, YYYY-MM-DD.'));

/** ISO 4217 code of the money fields beside it. */
export const currencyCode = z.string().length(3).meta(d('ISO 4217 currency code of the money fields of this object.'));
/** Money: an integer amount of the smallest unit of the currency sent beside it (cents for EUR and USD). */
export const minorUnits = (what = 'Amount') =>
  z.number().int().meta(d(`${what}, in integer minor units (cents for EUR/USD) of the \`currency\` beside it.`));

/** The stamps every stored record answers with. */
export const stamps = {
  id: z.uuid(),
  version: z.number().int().meta(d('Optimistic-lock version: send it back on PATCH; a stale one is refused with 409.')),
  createdAt: isoTime,
  updatedAt: isoTime,
};

/** A keyset page: pass `nextCursor` as `cursor` for the next one; null on the last page. */
export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable().meta(d('Cursor of the next page; null on the last.')) });

/** A page that also counts its matches: exact up to the server's cap, an estimate beyond (`totalExact` false). */
export const countedPage = <T extends z.ZodType>(item: T) =>
  page(item).extend({ total: z.number().int().min(0), totalExact: z.boolean() });

/** A list answered whole (small, bounded lists). */
export const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** A JSON object whose keys are data (e.g. an audit entry's before/after). Says so, so the no-loose-schema test lets it through. */
export const freeForm = (what: string) => z.record(z.string(), z.unknown()).meta(d(`Free-form: ${what}`));

export const fieldErrorSchema = z.object({
  path: z.string().meta(d('Dotted path of the field, e.g. `kpis.0.target`; `(root)` for the whole body.')),
  message: z.string(),
}).meta({ id: 'FieldError' });

/** RFC 9457 problem details: every error of the API has this shape. */
export const problemSchema = z.object({
  type: z.string().meta(d('URI of the problem type, e.g. https://valuegraph.dev/problems/validation-failed.')),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().meta(d('What went wrong, for the user.')),
  code: z.enum(['bad_request', 'unauthenticated', 'forbidden', 'not_found', 'conflict', 'version_conflict',
    'payload_too_large', 'unsupported_media_type', 'validation_failed', 'rate_limited', 'internal']),
  instance: z.string().optional(),
  requestId: z.string().optional().meta(d('Identifies the request in the server logs.')),
  errors: z.array(fieldErrorSchema).optional().meta(d('One entry per invalid field (validation_failed).')),
  retryAfterSeconds: z.number().int().optional(),
}).catchall(z.unknown()).meta({ id: 'Problem' });

export type ProblemBody = z.infer<typeof problemSchema>;
