// Billing and collection: invoices (keyset pages), one invoice with payments, credit notes and dunning events, the
// finance summary (AR, aging, DSO trend, dunning queue), and the finance actions.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role } from '../../../core/access/roles';
import type { InvoiceLine } from '../../../core/billing/invoice';
import { api, type Page } from '../../lib/api';

export type InvoiceStatus = 'draft' | 'issued' | 'partially_paid' | 'paid' | 'void';
export type InvoiceKind = 'milestone' | 'subscription' | 'poc' | 'manual';
export interface NextStep { id: string; action: string; date: string; escalates: boolean }
export interface InvoiceListItem {
  id: string; number: string | null; accountId: string; accountName: string; partnerId: string | null; contractId: string | null;
  projectId: string | null; milestoneId: string | null; kind: InvoiceKind; status: InvoiceStatus; currency: string;
  issueDate: string | null; dueDate: string | null; periodStart: string | null; periodEnd: string | null; total: number;
  amountPaid: number; amountCredited: number; balance: number; paidAt: string | null; dunningStep: string | null; escalatedAt: string | null;
  version: number; open: boolean; daysPastDue: number | null; agingBucket: string | null; nextDunningStep: NextStep | null;
}
export interface Payment { id: string; amount: number; currency: string; receivedOn: string; method: string; reference: string | null; recordedBy: string | null; createdAt: string }
export interface CreditNote { id: string; number: string; amount: number; currency: string; reason: string; issuedOn: string; createdAt: string }
export interface DunningEvent { id: string; stepId: string; action: string; daysPastDue: number; escalated: string[] | null; at: string }
export interface Invoice extends InvoiceListItem {
  lines: InvoiceLine[]; subtotal: number; notes: string | null; voidedAt: string | null; voidReason: string | null;
  payments: Payment[]; creditNotes: CreditNote[]; dunningEvents: DunningEvent[];
}
export interface AgingBucket { id: string; label: string; minDaysPastDue: number | null; maxDaysPastDue: number | null; count: number; amount: number }
export interface DsoPoint { date: string; month: string; arBalance: number; billed: number; days: number; dso: number | null }
export interface QueueItem {
  invoiceId: string; number: string | null; accountId: string; accountName: string; dueDate: string; daysPastDue: number; balance: number;
  total: number; currency: string; lastStep: string | null; escalatedAt: string | null; nextStep: NextStep | null;
}
export interface FinanceSummary {
  asOf: string; currency: string; arTotal: number; openInvoices: number; overdue: number; aging: AgingBucket[];
  dso: { days: number | null; arBalance: number; billed: number; windowDays: number; target: number | null; formula: string };
  dsoTrend: DsoPoint[]; escalated: { count: number; amount: number }; dunningQueue: QueueItem[];
}
export interface InvoiceFilters { status?: string; kind?: string; accountId?: string; projectId?: string; overdue?: string; escalated?: string }

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
    queryFn: ({ pageParam, signal }) => api.get<Page<InvoiceListItem>>('/invoices', { ...f, limit, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useInvoice(id: string) {
  return useQuery({ queryKey: financeKeys.one(id), retry: noRetryOn4xx, queryFn: ({ signal }) => api.get<Invoice>(`/invoices/${encodeURIComponent(id)}`, undefined, signal) });
}

export function useFinanceSummary(queueLimit = 25) {
  return useQuery({
    queryKey: [...financeKeys.summary, queueLimit], retry: noRetryOn4xx,
    queryFn: ({ signal }) => api.get<FinanceSummary>('/finance/summary', { queueLimit }, signal),
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

export const useRecordPayment = (id: string) => useFinanceMutation((b: { amount: number; receivedOn?: string; method: string; reference?: string }) =>
  api.post<{ invoice: Invoice }>(`/invoices/${id}/payments`, b));
export const useCreditNote = (id: string) => useFinanceMutation((b: { amount: number; reason: string; issuedOn?: string }) =>
  api.post<{ invoice: Invoice }>(`/invoices/${id}/credit-notes`, b));
export const useVoidInvoice = (id: string) => useFinanceMutation((b: { reason: string; version?: number }) => api.post<Invoice>(`/invoices/${id}/void`, b));
