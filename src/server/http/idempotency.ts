// `Idempotency-Key` on POST: a retried request gets the first one's response and changes nothing again.
//
// The key, the change and the response commit in one transaction. The request runs inside a deferred transaction
// (db/ambient.ts): it begins at the handler's first database access by inserting the key, every service transaction
// inside becomes a savepoint of it, and the response is written into the key row just before COMMIT. So a crash at
// any point leaves either nothing (no key, no change: the retry runs the request) or both (the retry gets the stored
// response) — never a change without its key (a retry would double it) nor a key without its response (a retry
// would be refused for as long as the key is kept). A concurrent duplicate waits on the key's unique index until the
// first commits, then replays its response. An error or a status >= 400 rolls everything back, key included: the
// client may retry.
import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../core/errors';
import { idempotencyKeys } from '../db/schema';
import type { AppEnv } from './env';

type KeyRow = typeof idempotencyKeys.$inferSelect;

/** For the OpenAPI document. */
export const IDEMPOTENCY_DOC = 'Any POST may carry an `Idempotency-Key` header (1–200 characters of `A-Za-z0-9_.:-`, kept a day per user): '
  + 'a retry with the same key gets the first answer again, with `Idempotent-Replayed: true`, and changes nothing. The key commits '
  + 'together with the change and its answer, so a retry after a lost answer, a timeout or a server crash is always safe. An answer '
  + 'with an error (4xx, 5xx) keeps no key: fix the request and send it again under the same key. The same key with a different '
  + 'request is a 422. A JSON body is compared whole; a file upload (any other body) by its description: method, path and query '
  + '(with the file name), Content-Type, Content-Length and Content-Disposition.';

const KEY = /^[\w.:-]{1,200}$/;
const JSON_TYPE = /^application\/([\w.-]+\+)?json\b/i;

/** Thrown at the first database access of a request whose key another request committed meanwhile. */
class KeyTaken extends Error {}

export const idempotency: MiddlewareHandler<AppEnv> = async (c, next) => {
  const key = c.req.header('idempotency-key');
  const actor = c.get('actor');
  if (c.req.method !== 'POST' || !key || !actor || actor.via === 'system') return next();
  if (!KEY.test(key)) throw new AppError('bad_request', 'Idempotency-Key must be 1–200 characters of [A-Za-z0-9_.:-].');
  const { database } = c.get('deps');
  const requestHash = await hashRequest(c);
  const where = and(eq(idempotencyKeys.userId, actor.id), eq(idempotencyKeys.key, key));

  // A retry of a finished request is answered from the stored response without running anything.
  const [stored] = await database.db.select().from(idempotencyKeys).where(where);
  if (stored) return replay(stored, requestHash);

  let earlier: KeyRow | undefined;
  const request = database.deferred(async (tx) => {
    const mine = await tx.insert(idempotencyKeys).values({ userId: actor.id, key, requestHash })
      .onConflictDoNothing().returning({ key: idempotencyKeys.key });
    if (mine.length) return;
    [earlier] = await tx.select().from(idempotencyKeys).where(where);
    throw new KeyTaken('A request with this Idempotency-Key committed first.');
  });
  let commit = false;
  try {
    await request.run(async () => {
      await next();
      if (earlier || c.error || c.res.status >= 400) return;
      const text = await c.res.clone().text();
      let body: unknown = null;
      try { body = text ? JSON.parse(text) : null; } catch { body = { raw: text }; }
      // Begins here when the handler never touched the database (an upload streamed to disk).
      const tx = await request.tx();
      await tx.update(idempotencyKeys).set({ status: c.res.status, body: body as object }).where(where);
      commit = true;
    });
  } catch (e) {
    if (!earlier) throw e;
  } finally {
    await request.end(commit);
  }
  // The handler's own answer (or the error its first query got) is dropped: the committed request answers.
  if (earlier) c.res = replay(earlier, requestHash);
};

function replay(prior: KeyRow, requestHash: string): Response {
  if (prior.requestHash !== requestHash) {
    throw new AppError('validation_failed', 'This Idempotency-Key was used for a different request.');
  }
  // Only rows written before the key shared the change's transaction can be seen unfinished; they expire in a day.
  if (prior.status === null) throw new AppError('conflict', 'A request with this Idempotency-Key is still in progress.');
  return new Response(prior.body === null ? null : JSON.stringify(prior.body), {
    status: prior.status,
    headers: { 'content-type': 'application/json', 'idempotent-replayed': 'true' },
  });
}

/**
 * What a key is bound to: method, path and query, and the body. A JSON body is hashed whole (it is small and read
 * anyway). Any other body — a CSV of up to 1 GB streamed to disk by its route — is not read here, which would
 * buffer it and lock the stream the route reads: its description stands in for it (content type, length,
 * Content-Disposition; the file name travels in the query). So the same key with another file of the same name and
 * length counts as a retry of the first.
 */
async function hashRequest(c: Context<AppEnv>): Promise<string> {
  const url = new URL(c.req.url);
  const type = c.req.header('content-type') ?? '';
  const body = JSON_TYPE.test(type)
    ? await c.req.text()
    : ['content-type', 'content-length', 'content-disposition'].map((h) => `${h}: ${c.req.header(h) ?? ''}`).join('\n');
  return createHash('sha256').update(`${c.req.method} ${url.pathname}${url.search}\n${body}`).digest('hex');
}
