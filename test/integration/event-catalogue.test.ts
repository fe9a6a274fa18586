// The event catalogue is the whole truth about domain events: every event the code emits is in it, a webhook can
// subscribe to any of them (one by one or by family) and receives the documented envelope, and the OpenAPI
// document lists each under `webhooks`.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_CATALOGUE, EVENT_NAMES, isEventName, webhookEnvelope } from '../../src/core/events';
import { openApiDocument } from '../../src/server/app';
import { transaction } from '../../src/server/db/client';
import { systemCtx } from '../../src/server/http/env';
import { emit, type DomainEvent } from '../../src/server/jobs/events';
import { createTestApp, eventually, type TestApp } from '../helpers';

const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => {
  const p = join(dir, f);
  return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
});

describe('every emitted event is catalogued', () => {
  it('the event types the server code emits by name are all in the catalogue', () => {
    const emitted = new Set<string>();
    for (const f of files('src/server')) {
      const text = readFileSync(f, 'utf8');
      // `emit(ctx, tx, { type: 'x.y', ...` possibly over several lines; template types are checked by the compiler.
      for (const m of text.matchAll(/emit\([^)]*?type:\s*'([a-z_.]+)'/gs)) emitted.add(m[1]);
    }
    expect(emitted.size).toBeGreaterThan(60);
    expect([...emitted].filter((t) => !isEventName(t))).toEqual([]);
  });

  it('emit refuses, in tests, a name or a payload the catalogue does not know', async () => {
    const t = await createTestApp();
    try {
      const send = (event: unknown) => transaction(t.deps.database, (tx) => emit(systemCtx(t.deps), tx, event as DomainEvent));
      await expect(send({ type: 'invoice.misplaced', entityType: 'invoice', entityId: 'x', payload: {} })).rejects.toThrow(/not in the event catalogue/);
      await expect(send({ type: 'account.deleted', entityType: 'account', entityId: 'x', payload: { name: 42 } })).rejects.toThrow(/account.deleted.*name/);
      // @ts-expect-error: the compiler refuses an uncatalogued name as well
      const typed: DomainEvent = { type: 'invoice.misplaced', entityType: 'invoice', entityId: 'x', payload: {} };
      expect(typed.type).toBe('invoice.misplaced');
    } finally {
      await t.close();
    }
  });
});

describe('the OpenAPI document', () => {
  it('lists every catalogued event under webhooks with its envelope, and GET /webhooks/events answers the catalogue', async () => {
    const doc = openApiDocument() as unknown as { webhooks: Record<string, { post: any }>; paths: Record<string, unknown> };
    expect(Object.keys(doc.webhooks).sort()).toEqual(EVENT_NAMES);
    const paid = doc.webhooks['invoice.paid'].post.requestBody.content['application/json'].schema;
    expect(Object.keys(paid.properties)).toEqual(['id', 'type', 'createdAt', 'entity', 'accountId', 'data']);
    expect(paid.properties.data.required).toEqual(expect.arrayContaining(['invoiceId', 'total', 'currency', 'paidOn']));
    expect(doc.paths['/webhooks/events']).toBeDefined();
  });
});

describe('webhooks on any event', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp({ workers: true, config: { webhookAllowPrivate: true } }); });
  afterAll(() => t.close());

  it('a webhook subscribed to invoice.paid receives it when a payment settles an invoice; a family subscription too', async () => {
    const received: { path: string; event: string; body: string }[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => { body += c; });
      req.on('end', () => { received.push({ path: req.url ?? '', event: String(req.headers['valuegraph-event']), body }); res.writeHead(204).end(); });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const admin = await t.login('admin');
      const catalogue = await admin.get('/api/webhooks/events');
      expect(catalogue.status).toBe(200);
      expect(catalogue.body.items.map((e: { name: string }) => e.name)).toEqual(EVENT_NAMES);
      expect(catalogue.body.items.find((e: { name: string }) => e.name === 'contract.signed')).toMatchObject({ stream: 'pipeline', family: 'contract.*' });
      expect(catalogue.body.families).toContain('invoice.*');

      expect((await admin.post('/api/webhooks', { url: `${base}/paid`, events: ['invoice.paid'] })).status).toBe(201);
      expect((await admin.post('/api/webhooks', { url: `${base}/family`, events: ['invoice.*'] })).status).toBe(201);
      expect((await admin.post('/api/webhooks', { url: `${base}/nope`, events: ['invoice.nonsense'] })).status).toBe(422);

      const finance = await t.login('finance');
      const acc = await t.account({ name: 'Paying Customer AS' });
      const inv = await finance.post('/api/invoices', { accountId: acc.id, lines: [{ description: 'Workshop', unitAmount: 2_500_00 }] });
      expect(inv.status).toBe(201);
      const paid = await finance.post(`/api/invoices/${inv.body.id}/payments`, { amount: inv.body.total });
      expect(paid.status).toBe(201);

      // /paid gets invoice.paid only; /family gets invoice.issued and invoice.paid (payment.recorded is another family).
      await eventually(async () => received.filter((r) => r.path === '/family').length >= 2 && received.some((r) => r.path === '/paid'), 30_000);
      expect(received.filter((r) => r.path === '/paid').map((r) => r.event)).toEqual(['invoice.paid']);
      expect(received.filter((r) => r.path === '/family').map((r) => r.event).sort()).toEqual(['invoice.issued', 'invoice.paid']);
      const body = JSON.parse(received.find((r) => r.path === '/paid')!.body);
      expect(webhookEnvelope('invoice.paid', EVENT_CATALOGUE['invoice.paid'].payload).parse(body)).toBeTruthy();
      expect(body).toMatchObject({
        type: 'invoice.paid', entity: { type: 'invoice', id: inv.body.id }, accountId: acc.id,
        data: { invoiceId: inv.body.id, total: inv.body.total, currency: inv.body.currency, settledBy: 'payment' },
      });
    } finally {
      server.close();
    }
  });
});
