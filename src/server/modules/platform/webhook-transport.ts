// Outgoing webhook requests reach only public addresses (unless VALUEGRAPH_WEBHOOK_ALLOW_PRIVATE): an admin's URL
// must not turn the server into a proxy to its loopback, its private network or the cloud metadata endpoint.
// The check runs on the address actually connected to: the resolver hook of the request checks every address the
// name resolves to, so a name cannot resolve to a public address for the check and a private one for the connection.
// Redirects are not followed; failures are logged for operators, while the delivery log gets only "refused" or
// "delivery failed" (a connection refused vs. timed out would tell an admin which internal ports answer).
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { AppError } from '../../../core/errors';
import { classifyAddress, refusedHost } from '../../../core/net/addresses';

export class RefusedDestination extends Error {}

/** Resolves like dns.lookup and fails when any address is not public. */
function checkedLookup(): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...(options as LookupOptions), all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      if (addresses.some((a) => classifyAddress(a.address) !== 'public')) {
        return callback(new RefusedDestination(`${hostname} resolves to a non-public address`), '', 0);
      }
      if ((options as LookupOptions).all) return callback(null, addresses);
      return callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

/** POSTs the body; resolves with the HTTP status. Throws RefusedDestination, or the network error. */
export function postWebhook(url: string, body: string, headers: Record<string, string>, opts: { allowPrivate: boolean; timeoutMs: number }): Promise<number> {
  const target = new URL(url);
  // Literal addresses never reach the resolver hook: checked here.
  const literal = opts.allowPrivate ? null : refusedHost(target.hostname);
  if (literal) return Promise.reject(new RefusedDestination(literal));
  const send = target.protocol === 'https:' ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const req = send(target, {
      method: 'POST', agent: false, signal: AbortSignal.timeout(opts.timeoutMs),
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      ...(opts.allowPrivate ? {} : { lookup: checkedLookup() }),
    }, (res) => {
      res.resume(); // the receiver's answer body is not kept
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Subscription-time check: literal addresses and local names are refused; a name that resolves now is refused when
 * an address is not public. A name that does not resolve yet is accepted (every delivery checks again).
 */
export async function assertPublicWebhookUrl(url: string, allowPrivate: boolean): Promise<void> {
  if (allowPrivate) return;
  const host = new URL(url).hostname;
  const refuse = (why: string) => new AppError('validation_failed', 'The webhook URL must point to a public address.', {
    errors: [{ path: 'url', message: `${why}; webhooks reach only public addresses unless VALUEGRAPH_WEBHOOK_ALLOW_PRIVATE=1 allows them` }],
  });
  const literal = refusedHost(host);
  if (literal) throw refuse(literal);
  if (classifyAddress(host)) return; // a public literal
  const addresses = await new Promise<LookupAddress[]>((resolve) => {
    const timer = setTimeout(() => resolve([]), 3000);
    dnsLookup(host, { all: true }, (err, found) => { clearTimeout(timer); resolve(err ? [] : found); });
  });
  if (addresses.some((a) => classifyAddress(a.address) !== 'public')) throw refuse(`${host} resolves to a non-public address`);
}
