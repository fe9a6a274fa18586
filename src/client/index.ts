// The one typed client of the Valuegraph API, generated from openapi.json: the web app, scripts and tests call the
// API through it, so a changed field is a compile error, not a blank cell. Errors arrive as RFC 9457 problems and are
// thrown as ApiError (with the field errors a form maps onto its inputs).
import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { components, paths } from './schema';

export type { components, paths };
/** A named shape of the API (a component of openapi.json), e.g. `Schema<'Account'>`. */
export type Schema<N extends keyof components['schemas']> = components['schemas'][N];
export type Problem = components['schemas']['Problem'];
export type FieldError = components['schemas']['FieldError'];
export type ApiClient = Client<paths>;

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Ok<R> = R extends { 200: infer A } ? A : R extends { 201: infer A } ? A : R extends { 202: infer A } ? A : never;
type JsonOf<A> = A extends { content: { 'application/json': infer J } } ? J : never;
/** The JSON body of an operation's success, e.g. `ResponseOf<'/accounts/{id}', 'get'>`. */
export type ResponseOf<P extends keyof paths, M extends Method & keyof paths[P]> =
  paths[P][M] extends { responses: infer R } ? JsonOf<Ok<R>> : never;
/** The JSON body an operation accepts. */
export type BodyOf<P extends keyof paths, M extends Method & keyof paths[P]> =
  paths[P][M] extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

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

/** Any failed response as a problem: the server's own, or one made up for a proxy's HTML error page. */
export function problemOf(status: number, statusText: string, body: unknown): Problem {
  const b = body as Partial<Problem> | null;
  if (b && typeof b === 'object' && (b.detail || b.title)) {
    return { type: 'about:blank', title: b.title ?? statusText, status, detail: b.detail ?? b.title ?? '', code: b.code ?? 'internal', ...b } as Problem;
  }
  return {
    type: 'about:blank', title: statusText || 'Request failed', status, code: status === 404 ? 'not_found' : 'internal',
    detail: status >= 500 ? 'The server had a problem. Try again in a moment.' : `The request failed (HTTP ${status}).`,
  };
}

export interface ApiClientOptions extends ClientOptions {
  /** Sent as X-CSRF-Token on writes (browser sessions). */
  csrfToken?: () => string | null;
  /** Sent as Authorization: Bearer (API tokens). */
  token?: string;
}

export function createApiClient({ csrfToken, token, ...options }: ApiClientOptions = {}): ApiClient {
  const client = createClient<paths>({ baseUrl: '/api', ...options });
  client.use({
    onRequest({ request }) {
      request.headers.set('accept', 'application/json');
      if (token) request.headers.set('authorization', `Bearer ${token}`);
      const csrf = csrfToken?.();
      if (csrf && request.method !== 'GET' && request.method !== 'HEAD') request.headers.set('x-csrf-token', csrf);
      return request;
    },
  });
  return client;
}

type Result<D> = { data?: D; error?: unknown; response: Response };

/** Awaits a call of the client and returns its data, or throws its problem as ApiError (network failures too). */
export async function ok<D>(call: Promise<Result<D>>): Promise<Exclude<D, undefined>> {
  let result: Result<D>;
  try {
    result = await call;
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0, code: 'internal', detail: 'Could not reach the server. Check your connection and try again.' });
  }
  const { response } = result;
  if (!response.ok) throw new ApiError(problemOf(response.status, response.statusText, result.error));
  return result.data as Exclude<D, undefined>;
}
