// The web app's door to the API: the one generated client (src/client) with the session cookie and the CSRF header
// on writes. Call it as `ok(client.GET('/accounts/{id}', { params: { path: { id } } }))`: paths, parameters, bodies
// and answers are typed from openapi.json, and a problem (RFC 9457) is thrown as ApiError for the UI to show.
import { ApiError, createApiClient, ok, type FieldError, type Problem } from '../../client';

export { ApiError, ok };
export type { FieldError, Problem };
export type { ResponseOf, BodyOf, Schema } from '../../client';

export interface Page<T> { items: T[]; nextCursor: string | null }
/** A page of a list that also counts its matches: exact up to the server's cap, an estimate beyond. */
export interface CountedPage<T> extends Page<T> { total: number; totalExact: boolean }

let csrfToken: string | null = null;

/** Kept in memory only (never in storage): set from the login and /auth/me responses. */
export function setCsrfToken(token: string | null) { csrfToken = token; }

export const client = createApiClient({ baseUrl: '/api', credentials: 'same-origin', csrfToken: () => csrfToken });
