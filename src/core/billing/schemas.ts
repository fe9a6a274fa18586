// Request shapes of the billing API, shared by server routes and web forms.
import { z } from 'zod';
import { listLimit } from '../accounts/schemas';
import { isoDate } from '../dates';
import { BILLING_PERIODS } from './subscription';

export const INVOICE_KINDS = ['milestone', 'subscription', 'poc', 'manual'] as const;
export const INVOICE_STATUSES = ['draft', 'issued', 'partially_paid', 'paid', 'void'] as const;
export const PAYMENT_METHODS = ['wire', 'ach', 'card', 'check', 'other'] as const;

const day = isoDate;
const money = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const currency = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code');
const text = (max: number) => z.string().trim().min(1).max(max);
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const invoiceListQuerySchema = z.object({
  limit: listLimit,
  cursor: z.string().max(500).optional(),
  /** `open` = issued or partially paid. */
  status: z.enum([...INVOICE_STATUSES, 'open']).optional(),
  kind: z.enum(INVOICE_KINDS).optional(),
  accountId: z.uuid().optional(),
  contractId: z.uuid().optional(),
  projectId: z.uuid().optional(),
  /** Open invoices past their due date. */
  overdue: flag.optional(),
  /** Escalated, still open invoices. */
  escalated: flag.optional(),
}).strict();
export type InvoiceListQuery = z.infer<typeof invoiceListQuerySchema>;

export const manualLineSchema = z.object({
  description: text(300),
  quantity: z.number().positive().max(1_000_000).default(1),
  /** Minor units; negative for a discount or credit line. */
  unitAmount: z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER),
}).strict();

export const invoiceCreateSchema = z.object({
  accountId: z.uuid().optional(),
  /** Invoice an accepted milestone (when its automatic invoice was voided or never issued); lines come from the contract. */
  milestoneId: z.uuid().optional(),
  projectId: z.uuid().optional(),
  contractId: z.uuid().optional(),
  kind: z.enum(['manual', 'poc']).optional(),
  /** Default: today (milestone: the acceptance date). Due = issue date + the playbook's payment terms. */
  issueDate: day.optional(),
  currency: currency.optional(),
  lines: z.array(manualLineSchema).min(1).max(100).optional(),
  notes: z.string().trim().max(2000).optional(),
}).strict().superRefine((v, ctx) => {
  if (!v.milestoneId && !v.accountId) ctx.addIssue({ code: 'custom', path: ['accountId'], message: 'accountId is required (or milestoneId)' });
  if (!v.milestoneId && !v.lines) ctx.addIssue({ code: 'custom', path: ['lines'], message: 'lines are required for a manual invoice' });
  if (v.milestoneId && v.lines) ctx.addIssue({ code: 'custom', path: ['lines'], message: 'a milestone invoice takes its lines from the contract' });
});
export type InvoiceCreate = z.infer<typeof invoiceCreateSchema>;

export const voidSchema = z.object({
  reason: text(500),
  /** The version you loaded (optional): a stale one is a 409. */
  version: z.number().int().min(1).optional(),
}).strict();
export type VoidInput = z.infer<typeof voidSchema>;

export const paymentCreateSchema = z.object({
  amount: money,
  /** Default: today. Not in the future, not before the invoice's issue date. */
  receivedOn: day.optional(),
  method: z.enum(PAYMENT_METHODS).default('wire'),
  /** The bank or processor reference; the same reference twice on one invoice is refused. */
  reference: z.string().trim().min(1).max(200).optional(),
}).strict();
export type PaymentCreate = z.infer<typeof paymentCreateSchema>;

export const creditNoteCreateSchema = z.object({
  amount: money,
  reason: text(500),
  issuedOn: day.optional(),
}).strict();
export type CreditNoteCreate = z.infer<typeof creditNoteCreateSchema>;

export const paymentListQuerySchema = z.object({
  limit: listLimit,
  cursor: z.string().max(500).optional(),
  accountId: z.uuid().optional(),
  invoiceId: z.uuid().optional(),
  from: day.optional(),
  to: day.optional(),
}).strict();
export type PaymentListQuery = z.infer<typeof paymentListQuerySchema>;

export const financeSummaryQuerySchema = z.object({
  /** Trailing window of the DSO in days (default 90). */
  dsoDays: z.coerce.number().int().min(7).max(365).default(90),
  /** How many invoices of the dunning queue to list. */
  queueLimit: z.coerce.number().int().min(0).max(200).default(25),
}).strict();
export type FinanceSummaryQuery = z.infer<typeof financeSummaryQuerySchema>;

export const subscriptionListQuerySchema = z.object({
  limit: listLimit,
  cursor: z.string().max(500).optional(),
  accountId: z.uuid().optional(),
  status: z.enum(['active', 'ended', 'cancelled']).optional(),
}).strict();
export type SubscriptionListQuery = z.infer<typeof subscriptionListQuerySchema>;

export const subscriptionUpdateSchema = z.object({
  version: z.number().int().min(1),
  /** Applies from the next period not yet invoiced. */
  billingPeriod: z.enum(BILLING_PERIODS),
}).strict();
export type SubscriptionUpdate = z.infer<typeof subscriptionUpdateSchema>;
