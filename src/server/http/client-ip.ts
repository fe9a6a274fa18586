// The client's address, for every rate limit: the socket peer, or — only when that peer is a configured trusted
// proxy — the right-most address in X-Forwarded-For that is not itself a trusted proxy. Anything left of that
// hop was written by the client and can be forged, so it is never used.
import { BlockList, isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from './env';

/** Without a socket (`app.request()` in tests, other runtimes) there is no peer to go by. */
export const UNKNOWN_IP = 'unknown';

const lists = new WeakMap<readonly string[], BlockList>();

function trustList(entries: readonly string[]): BlockList {
  let list = lists.get(entries);
  if (!list) {
    list = new BlockList();
    for (const entry of entries) {
      const [ip, bits] = entry.split('/');
      const type = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
      if (bits === undefined) list.addAddress(ip, type);
      else list.addSubnet(ip, Number(bits), type);
    }
    lists.set(entries, list);
  }
  return list;
}

/** `::ffff:10.0.0.1` (an IPv4 peer on a dual-stack socket) → `10.0.0.1`, ports dropped; anything not an address → null. */
function normalize(raw: string | undefined): string | null {
  if (!raw) return null;
  const v = raw.trim()
    .replace(/^\[(.+)\](?::\d+)?$/, '$1') // [2001:db8::1]:443
    .replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, '$1') // 192.0.2.1:443 (some proxies add the port)
    .replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  return isIP(v) ? v : null;
}

function isTrusted(list: BlockList, ip: string): boolean {
  return list.check(ip, isIP(ip) === 6 ? 'ipv6' : 'ipv4');
}

/** Pure part, for the header walk: peer address, X-Forwarded-For value, trusted entries. */
export function resolveClientIp(peer: string | undefined, forwardedFor: string | undefined, trusted: readonly string[]): string {
  const ip = normalize(peer);
  if (!ip) return UNKNOWN_IP;
  if (!trusted.length || !forwardedFor) return ip;
  const list = trustList(trusted);
  if (!isTrusted(list, ip)) return ip;
  let client = ip;
  for (const hop of forwardedFor.split(',').reverse()) {
    const addr = normalize(hop);
    // A malformed entry ends the chain: the last address a trusted hop vouched for is all we know.
    if (!addr) break;
    client = addr;
    if (!isTrusted(list, addr)) break;
  }
  return client;
}

/** The one place that decides which address a request comes from (sign-in throttling, public form limits). */
export function clientIp<E extends AppEnv>(c: Context<E>): string {
  let peer: string | undefined;
  try { peer = getConnInfo(c).remote.address; } catch { /* no socket: app.request() in tests */ }
  return resolveClientIp(peer, c.req.header('x-forwarded-for'), c.get('deps').config.trustedProxies);
}

/** True when the socket peer is one of VALUEGRAPH_TRUSTED_PROXIES, whose X-Forwarded-* headers are believed. */
export function fromTrustedProxy<E extends AppEnv>(c: Context<E>): boolean {
  const trusted = c.get('deps').config.trustedProxies;
  if (!trusted.length) return false;
  let peer: string | undefined;
  try { peer = getConnInfo(c).remote.address; } catch { /* no socket: app.request() in tests */ }
  const ip = normalize(peer);
  return ip !== null && isTrusted(trustList(trusted), ip);
}
