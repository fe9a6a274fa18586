// One table from error code to HTTP status; every error leaves as RFC 9457 problem JSON.
import { HTTPException } from 'hono/http-exception';
import { AppError, type ErrorCode } from '../../core/errors';

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400, unauthenticated: 401, forbidden: 403, not_found: 404, conflict: 409, version_conflict: 409,
  payload_too_large: 413, unsupported_media_type: 415, validation_failed: 422, rate_limited: 429, internal: 500,
};
const TITLES: Record<ErrorCode, string> = {
  bad_request: 'Bad request', unauthenticated: 'Authentication required', forbidden: 'Forbidden',
  not_found: 'Not found', conflict: 'Conflict', version_conflict: 'Stale version',
  payload_too_large: 'Payload too large', unsupported_media_type: 'Unsupported media type',
  validation_failed: 'Validation failed', rate_limited: 'Too many requests', internal: 'Internal server error',
};

export interface Problem {
  type: string; title: string; status: number; detail: string; code: ErrorCode;
  instance?: string; requestId?: string; errors?: { path: string; message: string }[]; [k: string]: unknown;
}

export function statusOf(code: ErrorCode): number { return STATUS[code]; }

/** Any thrown value → AppError. Unknown errors become 'internal' and keep their message out of the response. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof HTTPException) {
    const code = (Object.entries(STATUS).find(([, s]) => s === err.status)?.[0] ?? 'bad_request') as ErrorCode;
    return new AppError(code, err.message || TITLES[code]);
  }
  // PostgreSQL errors that bad input can still reach (e.g. a foreign key to a row that does not exist).
  const pgCode = (err as { code?: string; cause?: { code?: string } })?.code ?? (err as { cause?: { code?: string } })?.cause?.code;
  if (pgCode === '23503') return new AppError('validation_failed', 'A referenced record does not exist.');
  if (pgCode === '23505') return new AppError('conflict', 'A record with the same unique value already exists.');
  if (pgCode === '22P02' || pgCode === '22003') return new AppError('validation_failed', 'A value has the wrong format.');
  // Backstops for input the edge should have refused: NUL in text (22021) or jsonb (22P05), dates out of range (22008, 22007).
  if (pgCode === '22021' || pgCode === '22P05' || pgCode === '22008' || pgCode === '22007') {
    return new AppError('validation_failed', 'A value cannot be stored (a control character or a date out of range).');
  }
  return new AppError('internal', 'Something went wrong on our side. The request id identifies it in the logs.');
}

export function problemOf(err: AppError, requestId?: string, instance?: string): Problem {
  const { errors, retryAfterSeconds, ...rest } = err.extra;
  return {
    type: `https://valuegraph.dev/problems/${err.code.replace(/_/g, '-')}`,
    title: TITLES[err.code], status: STATUS[err.code], detail: err.detail, code: err.code,
    instance, requestId, ...(errors ? { errors } : {}), ...rest,
    ...(retryAfterSeconds ? { retryAfterSeconds } : {}),
  };
}
