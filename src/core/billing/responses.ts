// Response shapes of the billing API (invoices, payments, credit notes, subscriptions, the finance summary), shared by
// the server (documents and checks its answers) and the web (reads them through the generated client). Every money
// field is an integer amount of minor units of the `currency` beside it.
import { z } from 'zod';
import { currencyCode, isoDay, isoTime, minorUnits, page } from '../api/shapes';
import { INVOICE_KINDS, INVOICE_STATUSES, PAYMENT_METHODS } from './schemas';
import { BILLING_PERIODS } from './subscription';

const d = (description: string) => ({ description });
const day = isoDay;
const dayOrNull = isoDay.nullable();

export const invoiceLineSchema = z.object({
  description: z.string(),
  quantity: z.number(),
  unitAmount: minorUnits('Price of one unit (negative on a credit line)'),
  amount: minorUnits('quantity × unitAmount, rounded to a whole minor unit'),
  kind: z.enum(['service', 'subscription', 'credit', 'manual']).optional(),
}).meta({ id: 'InvoiceLine' });

export const nextDunningStepSchema = z.object({
  id: z.string(),
  action: z.string(),
  date: isoDay.meta(d('The day the step is due (due date + its day offset).')),
  escalates: z.boolean(),
}).meta({ id: 'DunningStepDue' });

/** Where an open invoice stands today; all null once it is paid or void. */
const standing = {
  open: z.boolean().meta(d('Issued or partially paid: its balance is receivable.')),
  daysPastDue: z.number().int().nullable().meta(d('Today − due date in days (negative before it); null unless open.')),
  agingBucket: z.string().nullable().meta(d('Id of the playbook aging bucket of the balance; null unless open.')),
  nextDunningStep: nextDunningStepSchema.nullable().meta(d('The next step of the dunning plan; null unless open or when the plan is done.')),
};

const invoiceCore = {
  id: z.uuid(),
  number: z.string().nullable().meta(d('INV-YYYY-NNNNNN, gapless per issue year; null while draft.')),
  accountId: z.uuid(),
  partnerId: z.uuid().nullable(),
  contractId: z.uuid().nullable(),
  projectId: z.uuid().nullable(),
  milestoneId: z.uuid().nullable(),
  kind: z.enum(INVOICE_KINDS),
  status: z.enum(INVOICE_STATUSES),
  currency: currencyCode,
  issueDate: dayOrNull,
  dueDate: dayOrNull.meta(d('Issue date + the playbook\'s payment terms.')),
  periodStart: dayOrNull.meta(d('Subscription invoices: the first day billed.')),
  periodEnd: dayOrNull.meta(d('Subscription invoices: the last day billed.')),
  total: minorUnits('Invoice total'),
  amountPaid: minorUnits('Sum of the payments'),
  amountCredited: minorUnits('Sum of the credit notes'),
  balance: minorUnits('Still due: total − paid − credited (0 when void)'),
  paidAt: isoTime.nullable(),
  dunningStep: z.string().nullable().meta(d('Id of the last dunning step taken.')),
  escalatedAt: isoTime.nullable(),
  version: z.number().int().meta(d('Optimistic-lock version: send it back when voiding.')),
};

/** An invoice as stored (what writes answer with). */
export const invoiceSchema = z.object({
  ...invoiceCore,
  lines: z.array(invoiceLineSchema),
  subtotal: minorUnits('Sum of the lines'),
  voidedAt: isoTime.nullable(),
  voidReason: z.string().nullable(),
  notes: z.string().nullable(),
  createdAt: isoTime,
  updatedAt: isoTime,
}).meta({ id: 'Invoice' });

export const invoiceListItemSchema = z.object({
  ...invoiceCore,
  accountName: z.string(),
  ...standing,
}).meta({ id: 'InvoiceListItem' });

export const paymentSchema = z.object({
  id: z.uuid(),
  invoiceId: z.uuid(),
  accountId: z.uuid(),
  amount: minorUnits('Amount received'),
  currency: currencyCode,
  receivedOn: day,
  method: z.enum(PAYMENT_METHODS),
  reference: z.string().nullable().meta(d('Bank or processor reference; unique per invoice.')),
  recordedBy: z.uuid().nullable().meta(d('The user who recorded it; null for the system.')),
  version: z.number().int(),
  createdAt: isoTime,
  updatedAt: isoTime,
}).meta({ id: 'Payment' });

export const paymentListItemSchema = z.object({
  id: z.uuid(),
  invoiceId: z.uuid(),
  invoiceNumber: z.string().nullable(),
  accountId: z.uuid(),
  accountName: z.string(),
  amount: minorUnits('Amount received'),
  currency: currencyCode,
  receivedOn: day,
  method: z.enum(PAYMENT_METHODS),
  reference: z.string().nullable(),
  recordedBy: z.uuid().nullable(),
  createdAt: isoTime,
}).meta({ id: 'PaymentListItem' });

export const creditNoteSchema = z.object({
  id: z.uuid(),
  number: z.string().meta(d('CN-YYYY-NNNNNN, gapless per year.')),
  invoiceId: z.uuid(),
  accountId: z.uuid(),
  amount: minorUnits('Amount credited'),
  currency: currencyCode,
  reason: z.string(),
  issuedOn: day,
  issuedBy: z.uuid().nullable(),
  version: z.number().int(),
  createdAt: isoTime,
  updatedAt: isoTime,
}).meta({ id: 'CreditNote' });

export const dunningEventSchema = z.object({
  id: z.uuid(),
  invoiceId: z.uuid(),
  accountId: z.uuid(),
  stepId: z.string(),
  action: z.string(),
  daysPastDue: z.number().int(),
  escalated: z.array(z.string()).nullable().meta(d('Role ids the step escalated to.')),
  at: isoTime,
  detail: z.record(z.string(), z.unknown()).nullable().meta(d('Free-form: the reminder text or delivery result of the step.')),
}).meta({ id: 'DunningEvent' });

export const invoiceDetailSchema = invoiceSchema.extend({
  accountName: z.string().nullable(),
  ...standing,
  payments: z.array(paymentSchema),
  creditNotes: z.array(creditNoteSchema),
  dunningEvents: z.array(dunningEventSchema).meta(d('Empty for partner and customer users (internal notes).')),
}).meta({ id: 'InvoiceDetail' });

export const invoicePageSchema = page(invoiceListItemSchema);
export const paymentPageSchema = page(paymentListItemSchema);
export const paymentRecordedSchema = z.object({ payment: paymentSchema, invoice: invoiceSchema }).meta({ id: 'PaymentRecorded' });
export const creditNoteIssuedSchema = z.object({ creditNote: creditNoteSchema, invoice: invoiceSchema }).meta({ id: 'CreditNoteIssued' });

// ---------------------------------------------------------------- subscriptions

const subscriptionCore = {
  id: z.uuid(),
  contractId: z.uuid(),
  accountId: z.uuid(),
  partnerId: z.uuid().nullable(),
  arr: minorUnits('Annual recurring revenue billed'),
  currency: currencyCode,
  billingPeriod: z.enum(BILLING_PERIODS),
  startDate: day,
  endDate: day,
  nextInvoiceDate: dayOrNull.meta(d('First day not yet invoiced; null when the term is fully invoiced.')),
  status: z.enum(['active', 'ended', 'cancelled']),
  version: z.number().int().meta(d('Optimistic-lock version: send it back on PATCH.')),
};
export const subscriptionSchema = z.object({ ...subscriptionCore, createdAt: isoTime, updatedAt: isoTime }).meta({ id: 'Subscription' });
export const subscriptionListItemSchema = z.object({ ...subscriptionCore, accountName: z.string() }).meta({ id: 'SubscriptionListItem' });
export const subscriptionPageSchema = page(subscriptionListItemSchema);

export const billingRunSchema = z.object({
  issued: z.number().int().meta(d('Invoices issued.')),
  advanced: z.number().int().meta(d('Subscriptions moved to their next period.')),
  ended: z.number().int().meta(d('Subscriptions ended (term over, fully invoiced).')),
  dunningScheduled: z.number().int().meta(d('Open invoices given a missing dunning timer.')),
}).meta({ id: 'BillingRun' });

// ---------------------------------------------------------------- finance summary

const agingBucketSchema = z.object({
  id: z.string(),
  label: z.string(),
  minDaysPastDue: z.number().int().nullable(),
  maxDaysPastDue: z.number().int().nullable().meta(d('null: open end.')),
  count: z.number().int().meta(d('Open invoices in the bucket.')),
  amount: minorUnits('Sum of their balances'),
}).meta({ id: 'AgingBucket' });

const dsoPointSchema = z.object({
  date: day.meta(d('The day measured (a month end, or today for the current month).')),
  month: z.string().meta(d('YYYY-MM.')),
  arBalance: minorUnits('Receivables open at the end of that day'),
  billed: minorUnits('Sales billed in the window ending that day'),
  days: z.number().int().meta(d('Length of the window in days.')),
  dso: z.number().nullable().meta(d('Days sales outstanding; null when nothing was billed in the window.')),
}).meta({ id: 'DsoPoint' });

const dunningQueueItemSchema = z.object({
  invoiceId: z.uuid(),
  number: z.string().nullable(),
  accountId: z.uuid(),
  accountName: z.string(),
  dueDate: day,
  daysPastDue: z.number().int(),
  balance: minorUnits('Still due'),
  total: minorUnits('Invoice total'),
  currency: currencyCode,
  lastStep: z.string().nullable().meta(d('Id of the last dunning step taken.')),
  escalatedAt: isoTime.nullable(),
  nextStep: nextDunningStepSchema.nullable().meta(d('The step due now (date ≤ today); null when none is due.')),
}).meta({ id: 'DunningQueueItem' });

export const financeSummarySchema = z.object({
  asOf: day,
  currency: currencyCode.meta(d('ISO 4217 code of every money field of the summary (the playbook\'s billing currency).')),
  arTotal: minorUnits('Accounts receivable: sum of the open balances'),
  openInvoices: z.number().int(),
  overdue: minorUnits('Open balances past their due date'),
  aging: z.array(agingBucketSchema),
  dso: z.object({
    days: z.number().nullable().meta(d('DSO today; null when nothing was billed in the window.')),
    arBalance: minorUnits('AR balance today'),
    billed: minorUnits('Sales billed in the window'),
    windowDays: z.number().int(),
    target: z.number().nullable().meta(d('The playbook\'s DSO target in days, if any.')),
    method: z.literal('standard'),
    formula: z.string(),
  }),
  dsoTrend: z.array(dsoPointSchema).meta(d('DSO at each of the last 12 month ends, oldest first.')),
  escalated: z.object({
    count: z.number().int(),
    amount: minorUnits('Open balances at or past the escalation threshold'),
  }),
  dunningQueue: z.array(dunningQueueItemSchema),
}).meta({ id: 'FinanceSummary' });
