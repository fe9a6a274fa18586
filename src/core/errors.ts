// The one error type. Codes map to HTTP statuses in one table (server/http/problem.ts); the detail is user-facing.
export type ErrorCode =
  | 'bad_request' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'version_conflict'
  | 'payload_too_large' | 'unsupported_media_type' | 'validation_failed' | 'rate_limited' | 'internal';

export interface FieldError { path: string; message: string }

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly extra: { errors?: FieldError[]; retryAfterSeconds?: number; [k: string]: unknown } = {},
  ) {
    super(detail);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} was not found.`);

/** Dotted path from a zod issue path: ['infrastructure', 0, 'servers'] → 'infrastructure.0.servers'. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.') || '(root)';
}
