// Strict-Transport-Security only on answers that travel over HTTPS. Over plain HTTP the header is meaningless (a
// browser ignores it there), and a deployment reached over http://host:3000 on a LAN must not tell browsers to
// insist on HTTPS for that host for half a year.
// HTTPS is: a TLS socket (or an https request URL); or, behind a reverse proxy that terminates TLS, an
// X-Forwarded-Proto of https sent by a peer listed in VALUEGRAPH_TRUSTED_PROXIES (anyone else could write that
// header); with no trusted proxy configured, a VALUEGRAPH_PUBLIC_URL starting with https: says the server is
// published over HTTPS only.
import type { Context, MiddlewareHandler } from 'hono';
import { fromTrustedProxy } from './client-ip';
import type { AppEnv } from './env';

const HSTS = 'max-age=15552000; includeSubDomains';

export function servedOverHttps(c: Context<AppEnv>): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  const config = c.get('deps').config;
  if (!config.trustedProxies.length) return !!config.publicUrl?.startsWith('https:');
  // The first entry is the client-facing hop, as the proxy that terminated TLS wrote it.
  const proto = c.req.header('x-forwarded-proto')?.split(',')[0].trim().toLowerCase();
  return proto === 'https' && fromTrustedProxy(c);
}

export const strictTransportSecurity: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (servedOverHttps(c)) c.header('Strict-Transport-Security', HSTS);
};
