// Sign-in, sessions and token authentication.
import { z } from 'zod';
import type { Role } from '../../../core/access/roles';
import { AppError } from '../../../core/errors';
import type { Actor, Deps } from '../../http/env';
import * as repo from './auth.repo';
import { randomToken, sha256, verifyPassword } from './crypto';

export const loginSchema = z.object({
  email: z.string().trim().min(3).max(254),
  password: z.string().min(1).max(500),
}).strict();

// Throttle: 5 failures per address or 20 per client IP within 15 minutes lock that key for 15 minutes.
const LIMITS = { email: 5, ip: 20, windowMinutes: 15, lockMinutes: 15 };

export async function login(deps: Deps, input: z.infer<typeof loginSchema>, client: { ip: string; userAgent?: string }) {
  const db = deps.database.db;
  const keys = [`email:${input.email.toLowerCase()}`, `ip:${client.ip}`];
  for (const key of keys) {
    const a = await repo.getAttempt(db, key);
    if (a?.lockedUntil && a.lockedUntil > new Date()) {
      const retryAfterSeconds = Math.ceil((a.lockedUntil.getTime() - Date.now()) / 1000);
      throw new AppError('rate_limited', 'Too many failed sign-ins. Try again later.', { retryAfterSeconds });
    }
  }
  const user = await repo.findUserByEmail(db, input.email);
  const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !ok || !user.active) {
    await repo.recordFailure(db, keys[0], LIMITS.email, LIMITS.windowMinutes, LIMITS.lockMinutes);
    await repo.recordFailure(db, keys[1], LIMITS.ip, LIMITS.windowMinutes, LIMITS.lockMinutes);
    throw new AppError('unauthenticated', 'The email or password is not correct.');
  }
  await repo.clearAttempts(db, keys[0]);
  const token = randomToken();
  const csrfToken = randomToken(24);
  await repo.insertSession(db, {
    id: sha256(token), userId: user.id, csrfToken, userAgent: client.userAgent?.slice(0, 300),
    expiresAt: new Date(Date.now() + deps.config.sessionHours * 3600_000),
  });
  await repo.markLogin(db, user.id);
  return { token, csrfToken, user: publicUser(user) };
}

export async function logout(deps: Deps, sessionId: string) {
  await repo.deleteSession(deps.database.db, sessionId);
  forgetActors();
}

export function publicUser(u: { id: string; email: string; name: string; role: string; partnerId: string | null; accountId: string | null }) {
  return { id: u.id, email: u.email, name: u.name, role: u.role as Role, partnerId: u.partnerId, accountId: u.accountId };
}

// Resolved credentials are kept for a few seconds: at list-endpoint speeds the session lookup is a third of a
// request. Any sign-out, deactivation, role or password change or token revocation in this process clears the
// cache at once; other server nodes notice within ACTOR_TTL_MS.
const ACTOR_TTL_MS = 5_000;
const actorCache = new Map<string, { actor: Actor; until: number }>();
export function forgetActors(): void { actorCache.clear(); }

/** Resolves the caller from a session cookie or a bearer token; null when neither is valid. */
export async function resolveActor(deps: Deps, creds: { cookie?: string; bearer?: string }): Promise<Actor | null> {
  const kind = creds.bearer ? 'token' : creds.cookie ? 'session' : null;
  if (!kind) return null;
  const hash = sha256((creds.bearer ?? creds.cookie)!);
  const key = `${kind}:${hash}`;
  const hit = actorCache.get(key);
  if (hit && hit.until > Date.now()) return hit.actor;
  const actor = await lookupActor(deps, kind, hash);
  if (actor) {
    if (actorCache.size > 10_000) actorCache.clear(); // bounded; a refill costs one query per active client
    actorCache.set(key, { actor, until: Date.now() + ACTOR_TTL_MS });
  }
  return actor;
}

async function lookupActor(deps: Deps, kind: 'token' | 'session', hash: string): Promise<Actor | null> {
  const db = deps.database.db;
  if (kind === 'token') {
    const row = await repo.findTokenActor(db, hash);
    if (!row) return null;
    // Last use is shown to admins at minute precision: skip the write on most requests.
    if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
      repo.touchToken(db, row.tokenId).catch(() => {});
    }
    return { ...publicUser(row), via: 'token', scopes: row.scopes };
  }
  const row = await repo.findSessionActor(db, hash);
  if (!row) return null;
  return { ...publicUser(row), via: 'session', scopes: null, sessionId: row.sessionId, csrfToken: row.csrfToken };
}
