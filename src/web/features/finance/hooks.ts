// Billing and collection: invoices (keyset pages), one invoice with payments, credit notes and dunning events, the
// finance summary (AR, aging, DSO trend, dunning queue), and the finance actions.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../client';
import type { Role } from '../../../core/access/roles';
import { client, ok, type BodyOf, type Schema } from '../../lib/api';

// The API's shapes, from the generated client: money fields are integer minor units of the `currency` beside them.
export type InvoiceListItem = Schema<'InvoiceListItem'>;
export type Invoice = Schema<'InvoiceDetail'>;
export type InvoiceStatus = InvoiceListItem['status'];
export type InvoiceKind = InvoiceListItem['kind'];
export type PaymentMethod = Schema<'Payment'>['method'];
export type AgingBucket = Schema<'AgingBucket'>;
export type DsoPoint = Schema<'DsoPoint'>;
export type FinanceSummary = Schema<'FinanceSummary'>;
/** The list's filters (the query of GET /invoices without its paging). */
export type InvoiceFilters = Omit<NonNullable<paths['/invoices']['get']['parameters']['query']>, 'limit' | 'cursor'>;

/** Mirrors the billing policy: finance (and admins) act on invoices; executives read. */
export const canCollect = (r: Role) => r === 'finance' || r === 'admin';
export const canSeeFinance = (r: Role) => (['admin', 'executive', 'finance'] as Role[]).includes(r);
/** Mirrors billing.policy.ts `read`: invoices are not shown to delivery, sales or CSMs. */
export const canReadInvoices = (r: Role) => (['admin', 'executive', 'finance', 'customer', 'partner'] as Role[]).includes(r);

export const STATUS_LABELS: Record<InvoiceStatus, { label: string; color: string }> = {
  draft: { label: 'Draft', color: 'gray' }, issued: { label: 'Issued', color: 'blue' }, partially_paid: { label: 'Partially paid', color: 'yellow' },
  paid: { label: 'Paid', color: 'teal' }, void: { label: 'Void', color: 'dark' },
};
export const KIND_LABELS: Record<InvoiceKind, string> = { milestone: 'Milestone', subscription: 'Subscription', poc: 'POC', manual: 'Manual' };

export const invoicePdfUrl = (id: string) => `/api/invoices/${id}/pdf`;

export const financeKeys = {
  all: ['finance'] as const,
  list: (f: InvoiceFilters) => ['finance', 'invoices', f] as const,
  one: (id: string) => ['finance', 'invoice', id] as const,
  summary: ['finance', 'summary'] as const,
};

const noRetryOn4xx = (n: number, e: Error) => { const s = (e as { status?: number }).status ?? 0; return !(s >= 400 && s < 500) && n < 2; };

export function useInvoices(f: InvoiceFilters, limit = 25, enabled = true) {
  return useInfiniteQuery({
    queryKey: [...financeKeys.list(f), limit], enabled, retry: noRetryOn4xx,
    queryFn: ({ pageParam, signal }) => ok(client.GET('/invoices', { params: { query: { ...f, limit, cursor: pageParam } }, signal })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useInvoice(id: string) {
  return useQuery({
    queryKey: financeKeys.one(id), retry: noRetryOn4xx,
    queryFn: ({ signal }) => ok(client.GET('/invoices/{id}', { params: { path: { id } }, signal })),
  });
}

export function useFinanceSummary(queueLimit = 25) {
  return useQuery({
    queryKey: [...financeKeys.summary, queueLimit], retry: noRetryOn4xx,
    queryFn: ({ signal }) => ok(client.GET('/finance/summary', { params: { query: { queueLimit } }, signal })),
  });
}

function useFinanceMutation<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: financeKeys.all });
      qc.invalidateQueries({ queryKey: ['accounts', 'timeline'] });
    },
  });
}

const onInvoice = (id: string) => ({ params: { path: { id } } });
export const useRecordPayment = (id: string) => useFinanceMutation((body: BodyOf<'/invoices/{id}/payments', 'post'>) =>
  ok(client.POST('/invoices/{id}/payments', { ...onInvoice(id), body })));
export const useCreditNote = (id: string) => useFinanceMutation((body: BodyOf<'/invoices/{id}/credit-notes', 'post'>) =>
  ok(client.POST('/invoices/{id}/credit-notes', { ...onInvoice(id), body })));
export const useVoidInvoice = (id: string) => useFinanceMutation((body: BodyOf<'/invoices/{id}/void', 'post'>) =>
  ok(client.POST('/invoices/{id}/void', { ...onInvoice(id), body })));
