// The real HTTP server on a TCP socket: a refused body (413) or an answer sent before the body was read leaves the
// connection in a state the client can use (the next request succeeds), and a closing answer says so.
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/runtime';
import { createTestApp, PASSWORD, type TestApp } from '../helpers';

let t: TestApp;
let server: RunningServer;
let port: number;
let auth: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp({ config: { port: 0, host: '127.0.0.1' } });
  server = await startServer(t.deps);
  port = (server.server.address() as net.AddressInfo).port;
  const admin = await t.login('admin');
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: admin.user.email, password: PASSWORD }),
  });
  auth = { cookie: res.headers.get('set-cookie')!.split(';')[0], 'x-csrf-token': ((await res.json()) as { csrfToken: string }).csrfToken };
});
afterAll(async () => {
  await new Promise<void>((r) => (server ? server.server.close(() => r()) : r()));
  await t?.close();
});

interface Reply { status: number; connection: string | undefined; body: string; socket: net.Socket }

/** One request through a keep-alive agent; the socket it went over tells whether the connection was reused. */
function send(agent: http.Agent, method: string, path: string, body?: string | Buffer, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, agent, headers: {
      ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}), ...headers,
    } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { text += c; });
      res.on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection, body: text, socket: req.socket! }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Writes raw bytes on a fresh socket and collects everything until the server closes or `waitMs` passes. */
function raw(chunks: (string | Buffer)[], waitMs: number): Promise<{ text: string; error: string | null; serverClosed: boolean }> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    let text = '';
    let error: string | null = null;
    let serverClosed = false;
    s.on('data', (d) => { text += d.toString('latin1'); });
    s.on('error', (e) => { error = e.message; });
    s.on('end', () => { serverClosed = true; });
    s.on('close', () => resolve({ text, error, serverClosed }));
    s.on('connect', async () => {
      for (const c of chunks) {
        if (s.destroyed) break;
        s.write(c);
        await new Promise((r) => setTimeout(r, 150));
      }
      setTimeout(() => s.end(), waitMs);
    });
  });
}

const statuses = (text: string) => [...text.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => Number(m[1]));
const json = { 'content-type': 'application/json' };

describe('refused and unread request bodies', () => {
  it('a 413 says Connection: close and the same keep-alive client goes on with its next requests', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const before = await send(agent, 'GET', '/api/health');
      const big = JSON.stringify({ name: 'Too big', description: 'x'.repeat(2_000_000) });
      const refused = await send(agent, 'POST', '/api/accounts', big, { ...json, ...auth });
      expect(refused.status).toBe(413);
      expect(refused.connection).toBe('close');
      expect(JSON.parse(refused.body)).toMatchObject({ status: 413, code: 'payload_too_large' });
      const created = await send(agent, 'POST', '/api/accounts', JSON.stringify({ name: 'After the refusal' }), { ...json, ...auth });
      expect(created.status).toBe(201);
      expect(created.connection).toBe('keep-alive');
      const again = await send(agent, 'GET', '/api/health');
      expect(again.status).toBe(200);
      expect(again.socket).toBe(created.socket); // kept alive after an ordinary answer
      expect(before.socket).not.toBe(created.socket); // a fresh socket after the closing 413
    } finally { agent.destroy(); }
  });

  it('closes a 413 connection cleanly: the whole answer, then FIN, no reset, while the client is still sending', async () => {
    const body = 'x'.repeat(2_000_000);
    const head = `POST /api/accounts HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
    // The body goes out in 64 KiB pieces over ~4.5 s, long after the answer: the server keeps reading.
    const pieces = Array.from({ length: Math.ceil(body.length / 65_536) }, (_, i) => body.slice(i * 65_536, (i + 1) * 65_536));
    const r = await raw([head, ...pieces], 300);
    expect(r.error).toBeNull();
    expect(r.serverClosed).toBe(true);
    expect(statuses(r.text)).toEqual([413]);
    expect(r.text).toMatch(/\r\nconnection: close\r\n/i);
    expect(JSON.parse(r.text.slice(r.text.indexOf('\r\n\r\n') + 4))).toMatchObject({ status: 413 });
  });

  it('an answer sent before the body was read (401) keeps the connection usable for the next request', async () => {
    const body = 'x'.repeat(900_000);
    const r = await raw([
      `POST /api/accounts HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
      'GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n',
    ], 1_000);
    expect(r.error).toBeNull();
    expect(statuses(r.text)).toEqual([401, 200]);
  });

  it('the measurement bulk and CSV endpoints refuse beyond their own 16 MiB limit the same way', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const bulk = JSON.stringify({ measurements: [], pad: 'x'.repeat(17 * 1024 * 1024) });
      const a = await send(agent, 'POST', '/api/kpis/measurements/bulk', bulk, { ...json, ...auth });
      expect([a.status, a.connection]).toEqual([413, 'close']);
      const csv = `kpi,measured_at,value\n${'k,2026-01-01,1\n'.repeat(1_300_000)}`;
      const b = await send(agent, 'POST', '/api/kpis/measurements/csv', csv, { 'content-type': 'text/csv', ...auth });
      expect([b.status, b.connection]).toEqual([413, 'close']);
      expect((await send(agent, 'GET', '/api/health')).status).toBe(200);
    } finally { agent.destroy(); }
  });

  it('an import upload declaring more than 1 GB is refused before it is stored, and the client goes on', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const refused = await new Promise<Reply>((resolve, reject) => {
        // Declares 2 GiB, sends 1 MiB and waits for the answer.
        const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/api/imports/uploads', agent, headers: {
          'content-type': 'text/csv', 'content-length': String(2 * 1024 ** 3), ...auth,
        } }, (res) => {
          let text = '';
          res.on('data', (c) => { text += c; });
          res.on('end', () => { resolve({ status: res.statusCode!, connection: res.headers.connection, body: text, socket: req.socket! }); req.destroy(); });
        });
        req.on('error', (e) => { if (!(e as NodeJS.ErrnoException).code?.startsWith('ERR_STREAM')) reject(e); });
        req.write(Buffer.alloc(1024 * 1024, 'a'));
      });
      expect([refused.status, refused.connection]).toEqual([413, 'close']);
      expect(JSON.parse(refused.body).detail).toContain('1024 MB');
      expect((await send(agent, 'GET', '/api/health')).status).toBe(200);
    } finally { agent.destroy(); }
  });
});
