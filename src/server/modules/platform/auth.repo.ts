// SQL for sessions, API tokens and login throttling.
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { apiTokens, loginAttempts, sessions, users } from '../../db/schema';

const actorColumns = {
  id: users.id, email: users.email, name: users.name, role: users.role,
  partnerId: users.partnerId, accountId: users.accountId,
};

export async function findUserByEmail(db: Executor, email: string) {
  const [row] = await db.select().from(users)
    .where(and(sql`lower(${users.email}) = ${email.toLowerCase()}`, isNull(users.deletedAt)));
  return row ?? null;
}

export async function insertSession(db: Executor, s: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(s);
}

export async function deleteSession(db: Executor, id: string) {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteSessionsOfUser(db: Executor, userId: string) {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** One round trip per request: the session joined with its (active) user. */
export async function findSessionActor(db: Executor, id: string) {
  const [row] = await db.select({ ...actorColumns, csrfToken: sessions.csrfToken, sessionId: sessions.id })
    .from(sessions).innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, sql`now()`), eq(users.active, true), isNull(users.deletedAt)));
  return row ?? null;
}

export async function findTokenActor(db: Executor, tokenHash: string) {
  const [row] = await db.select({ ...actorColumns, scopes: apiTokens.scopes, tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens).innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(
      eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt),
      sql`(${apiTokens.expiresAt} IS NULL OR ${apiTokens.expiresAt} > now())`,
      eq(users.active, true), isNull(users.deletedAt),
    ));
  return row ?? null;
}

export async function touchToken(db: Executor, id: string) {
  await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, id));
}

/** Whether an attempt may be evaluated; when not, how long until the key's lock ends. */
export interface Reservation { allowed: boolean; retryAfterSeconds: number }

/**
 * Counts one sign-in attempt against `key` before the password is checked, in one statement: the upsert's row
 * lock serialises parallel requests, so at most `max` attempts per window are ever evaluated. The max-th starts a
 * lock of `minutes`; later ones are refused and not counted (the count stops at max + 1). A key starts afresh
 * when its lock, or without one its window of `minutes`, has passed. (now() is when the statement began, possibly
 * before it waited for the row; the wait left is measured against the clock.)
 */
export async function reserveAttempt(db: Executor, key: string, max: number, minutes: number): Promise<Reservation> {
  const span = sql`make_interval(mins => ${minutes})`;
  const expired = sql`COALESCE(a.locked_until, a.window_start + ${span}) <= now()`;
  const n = sql`(CASE WHEN ${expired} THEN 1 ELSE LEAST(a.failures + 1, ${max}::int + 1) END)`;
  const res = (await db.execute(sql`
    INSERT INTO login_attempts AS a (key, failures, window_start, locked_until)
    VALUES (${key}, 1, now(), CASE WHEN ${max}::int <= 1 THEN now() + ${span} END)
    ON CONFLICT (key) DO UPDATE SET
      failures = ${n},
      window_start = CASE WHEN ${expired} THEN now() ELSE a.window_start END,
      locked_until = CASE WHEN ${n} < ${max}::int THEN NULL
        WHEN ${expired} OR a.locked_until IS NULL THEN now() + ${span} ELSE a.locked_until END
    RETURNING failures, CEIL(EXTRACT(EPOCH FROM locked_until - clock_timestamp()))::int AS retry_after`)) as unknown as {
    rows: { failures: number; retry_after: number | null }[];
  };
  const [row] = res.rows;
  return { allowed: Number(row.failures) <= max, retryAfterSeconds: Math.max(1, Number(row.retry_after ?? 1)) };
}

/** Gives back a reserved attempt that turned out not to be a failure (signed in, or refused by another key). */
export async function releaseAttempt(db: Executor, key: string, max: number) {
  // Above max the count only says "locked"; the attempts actually evaluated are at most max.
  await db.execute(sql`UPDATE login_attempts SET failures = GREATEST(LEAST(failures, ${max}::int) - 1, 0), locked_until = NULL
    WHERE key = ${key}`);
}

export async function clearAttempts(db: Executor, key: string) {
  await db.delete(loginAttempts).where(eq(loginAttempts.key, key));
}

export async function markLogin(db: Executor, userId: string) {
  await db.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, userId));
}
