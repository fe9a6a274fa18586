// The one door to the API: JSON in and out, the session cookie, the CSRF header on writes, and problem JSON
// (RFC 9457) turned into an ApiError the UI can show and map onto form fields.

export interface FieldError { path: string; message: string }

export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: FieldError[];
  requestId?: string;
  [k: string]: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.problem = problem;
  }

  get fieldErrors(): FieldError[] { return this.problem.errors ?? []; }
  get isVersionConflict(): boolean { return this.code === 'version_conflict'; }
  get isNotFound(): boolean { return this.status === 404; }
}

export interface Page<T> { items: T[]; nextCursor: string | null }
/** A page of a list that also counts its matches: exact up to the server's cap, an estimate beyond. */
export interface CountedPage<T> extends Page<T> { total: number; totalExact: boolean }

let csrfToken: string | null = null;

/** Kept in memory only (never in storage): set from the login and /auth/me responses. */
export function setCsrfToken(token: string | null) { csrfToken = token; }

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

async function toProblem(res: Response): Promise<Problem> {
  const text = await res.text().catch(() => '');
  try {
    const body = JSON.parse(text) as Partial<Problem>;
    if (body && typeof body === 'object' && (body.detail || body.title)) {
      return { title: body.title ?? res.statusText, status: res.status, detail: body.detail ?? body.title ?? '', code: body.code ?? 'error', ...body } as Problem;
    }
  } catch { /* not JSON */ }
  return {
    title: res.statusText || 'Request failed', status: res.status, code: res.status === 404 ? 'not_found' : 'error',
    detail: res.status >= 500 ? 'The server had a problem. Try again in a moment.' : `The request failed (HTTP ${res.status}).`,
  };
}

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
    throw new ApiError({ title: 'Network error', status: 0, code: 'network', detail: 'Could not reach the server. Check your connection and try again.' });
  }
  if (!res.ok) throw new ApiError(await toProblem(res));
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, undefined, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  del: <T = void>(path: string) => request<T>('DELETE', path),
};
