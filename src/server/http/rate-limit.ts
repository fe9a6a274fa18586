// API rate limits: every caller — an API token, a signed-in user (all their sessions together) or, when anonymous,
// the client IP — gets `burst` requests per fixed window of `burstSeconds` and `daily` per UTC day, counted across
// every server process on the database. Each answer says where the caller stands (RateLimit-* headers, IETF draft
// httpapi-ratelimit-headers); past a limit the answer is a 429 problem with Retry-After.
//
// Counting without a statement per request: the counters are rows of rate_limit_windows, one per caller and window
// kind, restarted in place when a new window begins (the pattern of the sign-in throttle, auth.repo reserveAttempt).
// A process takes a lease of several requests at once — one upsert for both windows, whose row lock serialises the
// processes — and spends it from memory, taking the next one while the last few are spent. Leases shrink to one request as a window nears its limit, and the database
// grants no more than the limit, so the total granted never passes it, with any number of processes. What a process
// leased but did not spend before its window ended is lost: a caller spread over several processes may be refused
// up to that many requests early. A window found exhausted is remembered until it ends, so refusals cost nothing.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../core/errors';
import type { Config } from '../config';
import type { AppEnv, Deps } from './env';
import { clientIp } from './client-ip';

const DAY_SECONDS = 86_400;
/** Requests per lease at most: a steady client costs one statement per this many requests. */
const MAX_LEASE = 25;
/** A lease asks for this share of what is left of the tighter window, so leases held by other processes stay small. */
const LEASE_SHARE = 8;

/** For the OpenAPI document (the defaults; RateLimit-Policy on every answer states the limits in force). */
export const RATE_LIMIT_DOC = 'Rate limits: each API token, each signed-in user and (for anonymous calls) each client IP has a burst '
  + 'limit per 10-second window and a daily quota per UTC day — by default 150 requests per 10 s and 250,000 per day '
  + '(anonymous: 50 per 10 s, 10,000 per day). Every answer carries `RateLimit-Policy` (for example `150;w=10, 250000;w=86400`) '
  + 'and, for the window closest to exhaustion, `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset` (seconds until it '
  + 'restarts). Past a limit the answer is a 429 problem (`code: rate_limited`) with `Retry-After` in seconds. Bulk endpoints '
  + '(up to 100 records per call) count as one request.';

interface Window { limit: number; seconds: number; key: string; used: number; start: number; end: number }
interface Caller { burst?: Window; day?: Window; pool: number; pending?: Promise<void> }
interface Limits { burst: number; daily: number; label: string }

type RateLimitConfig = Config['rateLimits'];

export function rateLimit(deps: Deps): MiddlewareHandler<AppEnv> {
  const cfg = deps.config.rateLimits;
  if (!cfg.enabled) return (_c, next) => next();
  const callers = new Map<string, Caller>();
  const policyHeader = (l: Limits) => `${l.burst};w=${cfg.burstSeconds}, ${l.daily};w=${DAY_SECONDS}`;

  /** One upsert for both windows of a caller: adds `k` to each and returns the counts after it. */
  async function lease(id: string, st: Caller, l: Limits, k: number): Promise<void> {
    const res = (await deps.database.db.execute(sql`
      INSERT INTO rate_limit_windows AS w (key, window_start, used)
      SELECT v.key, to_timestamp(floor(extract(epoch FROM clock_timestamp()) / v.secs) * v.secs), ${k}::int
      FROM (VALUES (${`b:${id}`}, ${cfg.burstSeconds}::int), (${`d:${id}`}, ${DAY_SECONDS}::int)) AS v(key, secs)
      ON CONFLICT (key) DO UPDATE SET
        used = CASE WHEN EXCLUDED.window_start > w.window_start THEN EXCLUDED.used ELSE w.used + EXCLUDED.used END,
        window_start = GREATEST(w.window_start, EXCLUDED.window_start)
      RETURNING key, used, extract(epoch FROM window_start)::float8 AS start, extract(epoch FROM clock_timestamp())::float8 AS now
    `)) as unknown as { rows: { key: string; used: number; start: number; now: number }[] };
    const local = Date.now();
    // A lease granted in a window that has since ended is void: what is left of it does not carry over.
    const before = `${st.burst?.start}|${st.day?.start}`;
    let granted = k;
    for (const row of res.rows) {
      const burst = row.key.startsWith('b:');
      const limit = burst ? l.burst : l.daily;
      const seconds = burst ? cfg.burstSeconds : DAY_SECONDS;
      const used = Number(row.used);
      // The window's end on this process's clock, measured from the database's (the one clock all processes share).
      const end = local + (Number(row.start) + seconds - Number(row.now)) * 1000;
      const w: Window = { limit, seconds, key: row.key, used, start: Number(row.start), end };
      if (burst) st.burst = w; else st.day = w;
      granted = Math.min(granted, Math.max(0, Math.min(k, limit - (used - k))));
    }
    if (before !== `${st.burst?.start}|${st.day?.start}`) st.pool = 0;
    st.pool += granted;
  }

  /** The size of the next lease: a share of what is left of the tighter window, at least one. */
  const leaseSize = (st: Caller, l: Limits) => {
    const left = Math.min(l.burst - (st.burst?.used ?? 0), l.daily - (st.day?.used ?? 0));
    return Math.max(1, Math.min(MAX_LEASE, Math.floor(left / LEASE_SHARE)));
  };

  function startLease(id: string, st: Caller, l: Limits, k: number): Promise<void> {
    st.pending = lease(id, st, l, k).finally(() => { st.pending = undefined; });
    return st.pending;
  }

  /** Takes one request from the caller's lease; null when allowed, else the seconds until the exhausted window ends. */
  async function take(id: string, l: Limits): Promise<{ st: Caller; retryAfter: number | null }> {
    let st = callers.get(id);
    if (!st) {
      if (callers.size > 50_000) sweep(callers);
      st = { pool: 0 };
      callers.set(id, st);
    }
    for (;;) {
      const now = Date.now();
      // A lease belongs to the windows it was granted in.
      if ((st.burst && now >= st.burst.end) || (st.day && now >= st.day.end)) {
        st.pool = 0;
        if (st.burst && now >= st.burst.end) st.burst = undefined;
        if (st.day && now >= st.day.end) st.day = undefined;
      }
      if (st.pool > 0) {
        st.pool--;
        // A steady caller's next lease is taken while the last few of this one are spent, so its requests do not
        // wait for the statement. Not near a limit, where leases are single requests taken when needed.
        const k = leaseSize(st, l);
        if (st.pool <= k / 2 && k > 1 && !st.pending) {
          startLease(id, st, l, k).catch((err) => deps.log.warn({ err }, 'rate limit lease failed'));
        }
        return { st, retryAfter: null };
      }
      const full = [st.burst, st.day].filter((w): w is Window => !!w && w.used >= w.limit);
      if (full.length) return { st, retryAfter: Math.max(...full.map((w) => Math.ceil((w.end - now) / 1000)), 1) };
      await (st.pending ?? startLease(id, st, l, leaseSize(st, l)));
    }
  }

  return async (c, next) => {
    if (c.req.path === '/api/health') return next(); // probes poll it from one address all day
    const actor = c.get('actor');
    const bearer = actor?.via === 'token' ? c.req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1] : undefined;
    const [id, l] = bearer
      ? [`t:${createHash('sha256').update(bearer).digest('base64url').slice(0, 27)}`, limitsOf(cfg, false, 'API token')]
      : actor ? [`u:${actor.id}`, limitsOf(cfg, false, 'user')] : [`ip:${clientIp(c)}`, limitsOf(cfg, true, 'address')];
    let outcome: Awaited<ReturnType<typeof take>>;
    try {
      outcome = await take(id, l);
    } catch (err) {
      // Counting is a safeguard, not the service: a failed lease lets the request through unlabelled.
      c.get('log').warn({ err }, 'rate limit lease failed');
      return next();
    }
    const headers = headersOf(outcome.st, l, policyHeader(l));
    if (outcome.retryAfter !== null) {
      for (const [k, v] of headers) c.header(k, v);
      const w = outcome.st.burst && outcome.st.burst.used >= l.burst ? `${l.burst} requests per ${cfg.burstSeconds} seconds` : `${l.daily} requests per day`;
      throw new AppError('rate_limited', `This ${l.label} reached its limit of ${w}. Retry after ${outcome.retryAfter} s.`, {
        retryAfterSeconds: outcome.retryAfter,
      });
    }
    await next();
    for (const [k, v] of headers) c.res.headers.set(k, v);
  };
}

function limitsOf(cfg: RateLimitConfig, anonymous: boolean, label: string): Limits {
  return anonymous ? { burst: cfg.anonymousBurst, daily: cfg.anonymousDaily, label } : { burst: cfg.burst, daily: cfg.daily, label };
}

/** The window closest to exhaustion speaks for RateLimit-Limit/Remaining/Reset; the policy lists both. */
function headersOf(st: Caller, l: Limits, policy: string): [string, string][] {
  const now = Date.now();
  const views = [st.burst, st.day].filter((w): w is Window => !!w).map((w) => ({
    limit: w.limit,
    // Used counts this process's unspent lease; what the caller has actually spent is used − pool.
    remaining: Math.max(0, w.limit - w.used + st.pool),
    reset: Math.max(0, Math.ceil((w.end - now) / 1000)),
  }));
  if (!views.length) return [['RateLimit-Policy', policy]];
  const v = views.reduce((a, b) => (b.remaining < a.remaining ? b : a));
  return [
    ['RateLimit-Limit', String(v.limit)], ['RateLimit-Remaining', String(v.remaining)],
    ['RateLimit-Reset', String(v.reset)], ['RateLimit-Policy', policy],
  ];
}

/** Forgets callers whose windows have ended (their next request leases afresh). */
function sweep(callers: Map<string, Caller>) {
  const now = Date.now();
  for (const [id, st] of callers) {
    if (!st.pending && (!st.burst || st.burst.end <= now)) callers.delete(id);
  }
}
