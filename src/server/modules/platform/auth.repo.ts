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

export async function getAttempt(db: Executor, key: string) {
  const [row] = await db.select().from(loginAttempts).where(eq(loginAttempts.key, key));
  return row ?? null;
}

/** Counts a failure in a sliding window; locks the key once the window holds `max` failures. */
export async function recordFailure(db: Executor, key: string, max: number, windowMinutes: number, lockMinutes: number) {
  await db.execute(sql`
    INSERT INTO login_attempts (key, failures, window_start) VALUES (${key}, 1, now())
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN login_attempts.window_start < now() - make_interval(mins => ${windowMinutes}) THEN 1 ELSE login_attempts.failures + 1 END,
      window_start = CASE WHEN login_attempts.window_start < now() - make_interval(mins => ${windowMinutes}) THEN now() ELSE login_attempts.window_start END,
      locked_until = CASE WHEN login_attempts.window_start >= now() - make_interval(mins => ${windowMinutes})
        AND login_attempts.failures + 1 >= ${max} THEN now() + make_interval(mins => ${lockMinutes}) ELSE login_attempts.locked_until END`);
}

export async function clearAttempts(db: Executor, key: string) {
  await db.delete(loginAttempts).where(eq(loginAttempts.key, key));
}

export async function markLogin(db: Executor, userId: string) {
  await db.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, userId));
}
