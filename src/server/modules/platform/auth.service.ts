// Sign-in, sessions and token authentication.
import { z } from 'zod';
import type { Role } from '../../../core/access/roles';
import { AppError } from '../../../core/errors';
import type { Actor, Deps } from '../../http/env';
import * as repo from './auth.repo';
import { issueDeviceCookie, trustedDevice } from './auth.device';
import { randomToken, sha256, verifyPassword } from './crypto';

export const loginSchema = z.object({
  email: z.string().trim().min(3).max(254),
  password: z.string().min(1).max(500),
}).strict();

/**
 * Sign-in throttling (OWASP / NIST 800-63B): failures count per account (low limit) and per client IP (high
 * enough for an office behind one address), each reserved before the password is checked so parallel guesses
 * cannot overrun it. A device that signed in to this account before is counted on its own key instead of both.
 */
export async function login(deps: Deps, input: z.infer<typeof loginSchema>, client: { ip: string; userAgent?: string; device?: string }) {
  const db = deps.database.db;
  const limits = deps.config.loginThrottle;
  const user = await repo.findUserByEmail(db, input.email);
  const device = user ? trustedDevice(client.device, user) : null;
  const keys = device
    ? [{ key: `device:${device}`, max: limits.perAccount }]
    : [{ key: `account:${input.email.toLowerCase()}`, max: limits.perAccount }, { key: `ip:${client.ip}`, max: limits.perIp }];
  for (const [i, k] of keys.entries()) {
    const r = await repo.reserveAttempt(db, k.key, k.max, limits.minutes);
    if (!r.allowed) {
      for (const held of keys.slice(0, i)) await repo.releaseAttempt(db, held.key, held.max);
      throw new AppError('rate_limited', 'Too many failed sign-ins. Try again later.', { retryAfterSeconds: r.retryAfterSeconds });
    }
  }
  const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
  // A failure keeps its reservations: they are the failure count.
  if (!user || !ok || !user.active) throw new AppError('unauthenticated', 'The email or password is not correct.');
  // Success starts the account (or this device) afresh and was never a failure of the network.
  await repo.clearAttempts(db, keys[0].key);
  if (keys[1]) await repo.releaseAttempt(db, keys[1].key, keys[1].max);
  const token = randomToken();
  const csrfToken = randomToken(24);
  await repo.insertSession(db, {
    id: sha256(token), userId: user.id, csrfToken, userAgent: client.userAgent?.slice(0, 300),
    expiresAt: new Date(Date.now() + deps.config.sessionHours * 3600_000),
  });
  await repo.markLogin(db, user.id);
  const deviceCookie = device ? null : issueDeviceCookie(user);
  return { token, csrfToken, user: publicUser(user), deviceCookie };
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
