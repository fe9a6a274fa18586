// The web app's door to the API: the one generated client (src/client) with the session cookie and the CSRF header
// on writes. Call it as `ok(client.GET('/accounts/{id}', { params: { path: { id } } }))`: paths, parameters, bodies
// and answers are typed from openapi.json, and a problem (RFC 9457) is thrown as ApiError for the UI to show.
import { ApiError, createApiClient, ok, problemOf, type FieldError, type Problem } from '../../client';

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

type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

/** Untyped request: only for what the document cannot type (file uploads, downloads). Prefer `client`. */
export async function request<T>(method: string, path: string, body?: unknown, init?: { query?: Query; signal?: AbortSignal }): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(`/api${withQuery(path, init?.query)}`, {
      method, headers, credentials: 'same-origin', signal: init?.signal,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0, code: 'internal', detail: 'Could not reach the server. Check your connection and try again.' });
  }
  const text = await res.text().catch(() => '');
  let parsed: unknown = undefined;
  try { parsed = text ? JSON.parse(text) : undefined; } catch { /* not JSON */ }
  if (!res.ok) throw new ApiError(problemOf(res.status, res.statusText, parsed));
  return parsed as T;
}

/** @deprecated Being replaced by `client` (typed from openapi.json); do not add callers. */
export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, undefined, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  del: <T = void>(path: string) => request<T>('DELETE', path),
};
