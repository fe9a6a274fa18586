// Thin routes of billing and collection: invoices, payments, credit notes, the invoice PDF, subscriptions and the
// finance summary (aging, DSO, dunning queue).
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  creditNoteCreateSchema, financeSummaryQuerySchema, invoiceCreateSchema, invoiceListQuerySchema, paymentCreateSchema,
  paymentListQuerySchema, subscriptionListQuerySchema, subscriptionUpdateSchema, voidSchema,
} from '../../../core/billing';
import {
  billingRunSchema, creditNoteIssuedSchema, financeSummarySchema, invoiceDetailSchema, invoicePageSchema, invoiceSchema,
  paymentPageSchema, paymentRecordedSchema, subscriptionPageSchema, subscriptionSchema,
} from '../../../core/billing/responses';
import type { AppEnv } from '../../http/env';
import { idParam, json, jsonBody } from '../../http/openapi';
import { ctxOf, guard } from '../../http/route';
import { policies as p } from './billing.policy';
import * as finance from './finance.service';
import * as invoices from './invoices.service';
import * as payments from './payments.service';
import * as subs from './subscriptions.service';

const tags = ['billing'];
const money = 'Amounts are integer minor units (cents).';

export function registerBillingRoutes(api: OpenAPIHono<AppEnv>) {
  api.openapi(guard(p.read, {
    method: 'get', path: '/invoices', tags, summary: 'List invoices',
    description: `Newest first (issue date, then id); keyset pagination with \`cursor\`. Filters: \`status\` (or \`open\` = issued or partially paid), \`kind\`, \`accountId\`, \`contractId\`, \`projectId\`, \`overdue\` (open and past due), \`escalated\`. Each item carries \`daysPastDue\`, \`agingBucket\` and \`nextDunningStep\` while open. ${money}`,
    request: { query: invoiceListQuerySchema },
    responses: { 200: json(invoicePageSchema, 'A page of invoices') },
  }), async (c) => c.json(await invoices.listInvoices(ctxOf(c), c.req.valid('query')) as never, 200));

  api.openapi(guard(p.write, {
    method: 'post', path: '/invoices', tags, summary: 'Issue an invoice (manual, or for an accepted milestone)',
    description: 'With `milestoneId`: the invoice of an accepted milestone (normally issued automatically on acceptance; use this after '
      + 'voiding it), with the lines from the contract. Otherwise a manual invoice from `lines` for `accountId`. Issued at once: '
      + 'the next gapless number of the issue year (INV-YYYY-NNNNNN), due after the playbook\'s payment terms. A cancelled project is '
      + `refused with 409 and nothing changes. ${money}`,
    request: { body: jsonBody(invoiceCreateSchema) },
    responses: { 201: json(invoiceSchema, 'Issued') },
  }), async (c) => c.json(await invoices.createInvoice(ctxOf(c), c.req.valid('json')) as never, 201));

  api.openapi(guard(p.read, {
    method: 'get', path: '/invoices/{id}', tags, summary: 'An invoice with payments, credit notes and dunning events',
    description: 'Dunning events are shown to internal users only.',
    request: { params: idParam },
    responses: { 200: json(invoiceDetailSchema, 'The invoice') },
  }), async (c) => c.json(await invoices.getInvoice(ctxOf(c), c.req.valid('param').id) as never, 200));

  api.openapi(guard(p.read, {
    method: 'get', path: '/invoices/{id}/pdf', tags, summary: 'The invoice as PDF',
    request: { params: idParam },
    responses: { 200: { description: 'PDF', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } } },
  }), async (c) => {
    const d = await invoices.invoiceDocument(ctxOf(c), c.req.valid('param').id);
    // pdfkit loads on first use (a quarter of a second of every start otherwise).
    const pdf = await (await import('./invoice-pdf')).renderInvoicePdf(d);
    const name = (d.invoice.number ?? d.invoice.id).replace(/[^A-Za-z0-9-]/g, '');
    return c.body(new Uint8Array(pdf), 200, { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="invoice-${name}.pdf"` }) as never;
  });

  api.openapi(guard(p.write, {
    method: 'post', path: '/invoices/{id}/void', tags, summary: 'Void an invoice',
    description: 'Only an invoice without payments or credit notes (409 otherwise: credit the balance instead). Stops its dunning. '
      + 'A voided milestone invoice may be reissued with POST /invoices and `milestoneId`.',
    request: { params: idParam, body: jsonBody(voidSchema) },
    responses: { 200: json(invoiceSchema, 'Voided') },
  }), async (c) => c.json(await invoices.voidInvoice(ctxOf(c), c.req.valid('param').id, c.req.valid('json')) as never, 200));

  api.openapi(guard(p.write, {
    method: 'post', path: '/invoices/{id}/payments', tags, summary: 'Record a payment',
    description: 'Partial payments are allowed. More than the balance is refused with 422 (the message states the balance) and nothing '
      + 'changes; the same bank `reference` twice on an invoice is a 409; a void invoice is a 409. The balance reaching zero marks the '
      + `invoice paid and stops its dunning. Send an \`Idempotency-Key\` header to make retries safe. ${money}`,
    request: { params: idParam, body: jsonBody(paymentCreateSchema) },
    responses: { 201: json(paymentRecordedSchema, 'Recorded') },
  }), async (c) => c.json(await payments.recordPayment(ctxOf(c), c.req.valid('param').id, c.req.valid('json')) as never, 201));

  api.openapi(guard(p.write, {
    method: 'post', path: '/invoices/{id}/credit-notes', tags, summary: 'Issue a credit note',
    description: `At most the balance (422 otherwise); reduces the balance (CN-YYYY-NNNNNN, gapless per year). ${money}`,
    request: { params: idParam, body: jsonBody(creditNoteCreateSchema) },
    responses: { 201: json(creditNoteIssuedSchema, 'Issued') },
  }), async (c) => c.json(await payments.issueCreditNote(ctxOf(c), c.req.valid('param').id, c.req.valid('json')) as never, 201));

  api.openapi(guard(p.read, {
    method: 'get', path: '/payments', tags, summary: 'List payments',
    description: 'Newest first (received date); keyset pagination with `cursor`.',
    request: { query: paymentListQuerySchema },
    responses: { 200: json(paymentPageSchema, 'A page of payments') },
  }), async (c) => c.json(await payments.listPayments(ctxOf(c), c.req.valid('query')) as never, 200));

  api.openapi(guard(p.finance, {
    method: 'get', path: '/finance/summary', tags, summary: 'Receivables: aging, DSO, DSO trend and the dunning queue',
    description: 'As of today. Aging: open balances in the playbook\'s buckets by days past due (= today − due date). DSO (standard '
      + 'method) = AR balance at the end of the window ÷ sales billed in the window × days in the window, over a trailing window of '
      + '`dsoDays` (default 90) days; the trend measures it at each of the last 12 month ends (the current month on today), with the AR '
      + 'of a past day rolled back from today\'s open balances by the invoices, payments and credit notes dated after it. The dunning '
      + `queue lists open invoices whose next step is due or that are escalated, most overdue first. ${money}`,
    request: { query: financeSummaryQuerySchema },
    responses: { 200: json(financeSummarySchema, 'Summary') },
  }), async (c) => c.json(await finance.summary(ctxOf(c), c.req.valid('query')) as never, 200));

  api.openapi(guard(p.read, {
    method: 'get', path: '/finance/subscriptions', tags, summary: 'List subscriptions',
    description: 'Newest start first; keyset pagination with `cursor`.',
    request: { query: subscriptionListQuerySchema },
    responses: { 200: json(subscriptionPageSchema, 'A page of subscriptions') },
  }), async (c) => c.json(await subs.listSubscriptions(ctxOf(c), c.req.valid('query')) as never, 200));

  api.openapi(guard(p.write, {
    method: 'patch', path: '/finance/subscriptions/{id}', tags, summary: 'Change the billing period of a subscription',
    description: 'annual (contract years), quarterly or monthly (calendar quarters/months). Applies from the first day not yet invoiced; a '
      + 'partial period is prorated by days. Send the `version` you loaded.',
    request: { params: idParam, body: jsonBody(subscriptionUpdateSchema) },
    responses: { 200: json(subscriptionSchema, 'Updated') },
  }), async (c) => c.json(await subs.updateSubscription(ctxOf(c), c.req.valid('param').id, c.req.valid('json')) as never, 200));

  api.openapi(guard(p.write, {
    method: 'post', path: '/finance/billing-run', tags, summary: 'Run the daily subscription billing now',
    description: 'Issues every subscription period due by today (what the daily job does at 06:00 UTC); a rerun issues nothing twice.',
    responses: { 200: json(billingRunSchema, 'Counts') },
  }), async (c) => c.json(await subs.runSubscriptionBilling(ctxOf(c).deps), 200));
}
