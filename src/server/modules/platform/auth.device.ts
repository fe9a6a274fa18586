// Trusted devices ("device cookies", OWASP): a browser that signed in to an account carries a signed cookie naming
// that account. Its attempts at that account are throttled on a key of their own, so the account's lockout and the
// network's limit — driven by other people's failures — do not shut its owner out, while a stolen cookie still
// gets only the per-account number of guesses.
//
// The signing key is the account's password hash: a secret that never leaves the server (random salt + argon2id
// output), needs no key management across server nodes, and changes with the password — so setting a new password
// revokes every device cookie of the account. Whoever could read it could crack the hash offline anyway.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { randomToken } from './crypto';

export const DEVICE_COOKIE = 'vg_device';
export const DEVICE_DAYS = 180;

type Account = { id: string; passwordHash: string | null };

const sign = (key: string, body: string) => createHmac('sha256', key).update(`device.v1.${body}`).digest('base64url');

/** `<user id>.<issued, unix seconds>.<device id>.<signature>`; null for an account without a password. */
export function issueDeviceCookie(user: Account): string | null {
  if (!user.passwordHash) return null;
  const body = `${user.id}.${Math.floor(Date.now() / 1000)}.${randomToken(16)}`;
  return `${body}.${sign(user.passwordHash, body)}`;
}

/** The device id when the cookie is genuine, younger than DEVICE_DAYS and signed for this account; otherwise null. */
export function trustedDevice(cookie: string | undefined, user: Account): string | null {
  const parts = cookie?.split('.') ?? [];
  if (parts.length !== 4 || !user.passwordHash) return null;
  const [uid, issued, device, signature] = parts;
  if (uid !== user.id || !/^\d{1,12}$/.test(issued) || Date.now() / 1000 - Number(issued) > DEVICE_DAYS * 86400) return null;
  const want = Buffer.from(sign(user.passwordHash, `${uid}.${issued}.${device}`));
  const got = Buffer.from(signature);
  return want.length === got.length && timingSafeEqual(want, got) ? device : null;
}
