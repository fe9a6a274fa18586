// Framing is refused the same way by both headers, and Strict-Transport-Security is sent only over HTTPS: a TLS
// request, X-Forwarded-Proto https from a trusted proxy, or (no proxy configured) an https public URL.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/runtime';
import { createTestApp, type TestApp } from '../helpers';

let t: TestApp;
let server: RunningServer;
let base: string;

beforeAll(async () => {
  t = await createTestApp({ config: { port: 0, host: '127.0.0.1' } });
  server = await startServer(t.deps);
  base = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => (server ? server.server.close(() => r()) : r()));
  await t?.close();
});

const hsts = (res: Response) => res.headers.get('strict-transport-security');

describe('security headers', () => {
  it('X-Frame-Options DENY agrees with frame-ancestors none, on pages, API answers and errors', async () => {
    for (const path of ['/api/health', '/', '/api/nope']) {
      const res = await t.request(path);
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
    }
  });

  it('sends HSTS over HTTPS only', async () => {
    expect(hsts(await t.request('/api/health'))).toBeNull();
    expect(hsts(await t.request('https://valuegraph.example/api/health'))).toBe('max-age=15552000; includeSubDomains');
    expect(hsts(await t.request('https://valuegraph.example/api/nope'))).toContain('max-age='); // error answers too
  });

  it('believes X-Forwarded-Proto only from a trusted proxy', async () => {
    const config = t.deps.config; // read on every request: switched per case
    const get = (headers: Record<string, string> = {}) => fetch(`${base}/api/health`, { headers });
    try {
      expect(hsts(await get({ 'x-forwarded-proto': 'https' }))).toBeNull(); // no proxy trusted: anyone could send it
      config.trustedProxies = ['10.0.0.0/8'];
      expect(hsts(await get({ 'x-forwarded-proto': 'https' }))).toBeNull(); // the peer (127.0.0.1) is not a listed proxy
      config.trustedProxies = ['127.0.0.1'];
      expect(hsts(await get({ 'x-forwarded-proto': 'https' }))).toContain('max-age=');
      expect(hsts(await get({ 'x-forwarded-proto': 'https, http' }))).toContain('max-age=');
      expect(hsts(await get({ 'x-forwarded-proto': 'http' }))).toBeNull();
      expect(hsts(await get())).toBeNull();
    } finally { config.trustedProxies = []; }
  });

  it('without a trusted proxy, an https public URL means the server is published over HTTPS', async () => {
    const config = t.deps.config;
    try {
      config.publicUrl = 'https://valuegraph.example';
      expect(hsts(await t.request('/api/health'))).toContain('max-age=');
      config.publicUrl = 'http://valuegraph.example';
      expect(hsts(await t.request('/api/health'))).toBeNull();
    } finally { config.publicUrl = undefined; }
  });
});
