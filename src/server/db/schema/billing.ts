// Billing and collection (000 §1 stage 8): milestone and subscription invoices, payments, credit notes, dunning.
// Money is in minor units. `balance` = total − paid − credited is kept as a column in the transaction of every
// change so that aging and DSO are index-only aggregates over open invoices.
import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { projectMilestones, projects } from './delivery';
import { contracts } from './pipeline';
import { partners, stamps, users } from './platform';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const INVOICE_KINDS = ['milestone', 'subscription', 'poc', 'manual'] as const;
export const INVOICE_STATUSES = ['draft', 'issued', 'partially_paid', 'paid', 'void'] as const;
/** Statuses whose balance is still receivable (aging, DSO, dunning). */
export const OPEN_INVOICE_PREDICATE = "status IN ('issued', 'partially_paid') AND deleted_at IS NULL";

export const invoices = pgTable('invoices', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  /** Sequential per year: INV-2026-000123 (billing_sequences). Null while draft. */
  number: text('number'),
  accountId: uuid('account_id').notNull().references(() => accounts.id),
  partnerId: uuid('partner_id').references(() => partners.id),
  contractId: uuid('contract_id').references(() => contracts.id),
  projectId: uuid('project_id').references(() => projects.id),
  milestoneId: uuid('milestone_id').references(() => projectMilestones.id),
  kind: text('kind', { enum: INVOICE_KINDS }).notNull(),
  status: text('status', { enum: INVOICE_STATUSES }).notNull().default('draft'),
  currency: text('currency').notNull().default('USD'),
  issueDate: date('issue_date', { mode: 'string' }),
  dueDate: date('due_date', { mode: 'string' }),
  periodStart: date('period_start', { mode: 'string' }),
  periodEnd: date('period_end', { mode: 'string' }),
  /** [{ description, quantity, unitAmount, amount }] incl. negative credit lines (POC fee credit). */
  lines: jsonb('lines').notNull().default([]),
  subtotal: bigint('subtotal', { mode: 'number' }).notNull().default(0),
  total: bigint('total', { mode: 'number' }).notNull().default(0),
  amountPaid: bigint('amount_paid', { mode: 'number' }).notNull().default(0),
  amountCredited: bigint('amount_credited', { mode: 'number' }).notNull().default(0),
  balance: bigint('balance', { mode: 'number' }).notNull().default(0),
  paidAt: ts('paid_at'),
  voidedAt: ts('voided_at'),
  voidReason: text('void_reason'),
  /** Last dunning step sent, and when the invoice was escalated (30+ days late). */
  dunningStep: text('dunning_step'),
  escalatedAt: ts('escalated_at'),
  notes: text('notes'),
  ...stamps,
}, (t) => [
  uniqueIndex('invoices_number_uq').on(t.number).where(sql`number IS NOT NULL`),
  // One invoice per accepted milestone and one per subscription period: retries and replays cannot bill twice.
  uniqueIndex('invoices_milestone_uq').on(t.milestoneId).where(sql`milestone_id IS NOT NULL AND status <> 'void' AND deleted_at IS NULL`),
  uniqueIndex('invoices_period_uq').on(t.contractId, t.kind, t.periodStart).where(sql`kind = 'subscription' AND status <> 'void' AND deleted_at IS NULL`),
  index('invoices_account_idx').on(t.accountId, t.issueDate),
  index('invoices_partner_idx').on(t.partnerId, t.issueDate).where(sql`partner_id IS NOT NULL`),
  index('invoices_status_idx').on(t.status, t.issueDate, t.id).where(sql`deleted_at IS NULL`),
  // Aging and dunning: open invoices by due date, carrying the balance for index-only sums.
  index('invoices_open_due_idx').on(t.dueDate, t.balance).where(sql.raw(OPEN_INVOICE_PREDICATE)),
  // DSO: revenue billed in a window, by issue date, carrying the total.
  index('invoices_issue_idx').on(t.issueDate, t.total).where(sql`status <> 'draft' AND status <> 'void' AND deleted_at IS NULL`),
]);

export const payments = pgTable('payments', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  invoiceId: uuid('invoice_id').notNull().references(() => invoices.id),
  accountId: uuid('account_id').notNull().references(() => accounts.id),
  amount: bigint('amount', { mode: 'number' }).notNull(),
  currency: text('currency').notNull().default('USD'),
  receivedOn: date('received_on', { mode: 'string' }).notNull(),
  method: text('method', { enum: ['wire', 'ach', 'card', 'check', 'other'] }).notNull().default('wire'),
  /** The bank / processor reference; unique per invoice so a re-posted remittance is not counted twice. */
  reference: text('reference'),
  recordedBy: uuid('recorded_by').references(() => users.id),
  ...stamps,
}, (t) => [
  index('payments_invoice_idx').on(t.invoiceId),
  index('payments_received_idx').on(t.receivedOn),
  uniqueIndex('payments_reference_uq').on(t.invoiceId, t.reference).where(sql`reference IS NOT NULL AND deleted_at IS NULL`),
]);

export const creditNotes = pgTable('credit_notes', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  number: text('number').notNull(),
  invoiceId: uuid('invoice_id').notNull().references(() => invoices.id),
  accountId: uuid('account_id').notNull().references(() => accounts.id),
  amount: bigint('amount', { mode: 'number' }).notNull(),
  currency: text('currency').notNull().default('USD'),
  reason: text('reason').notNull(),
  issuedOn: date('issued_on', { mode: 'string' }).notNull(),
  issuedBy: uuid('issued_by').references(() => users.id),
  ...stamps,
}, (t) => [uniqueIndex('credit_notes_number_uq').on(t.number), index('credit_notes_invoice_idx').on(t.invoiceId)]);

/** Gapless counters for document numbers, e.g. key 'INV-2026' (row locked while a number is taken). */
export const billingSequences = pgTable('billing_sequences', {
  key: text('key').primaryKey(),
  value: bigint('value', { mode: 'number' }).notNull().default(0),
});

/** Subscription billing of a contract's ARR: period and the next invoice date. */
export const subscriptions = pgTable('subscriptions', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  contractId: uuid('contract_id').notNull().references(() => contracts.id),
  accountId: uuid('account_id').notNull().references(() => accounts.id),
  partnerId: uuid('partner_id').references(() => partners.id),
  arr: bigint('arr', { mode: 'number' }).notNull(),
  currency: text('currency').notNull().default('USD'),
  billingPeriod: text('billing_period', { enum: ['annual', 'quarterly', 'monthly'] }).notNull().default('annual'),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  endDate: date('end_date', { mode: 'string' }).notNull(),
  nextInvoiceDate: date('next_invoice_date', { mode: 'string' }),
  status: text('status', { enum: ['active', 'ended', 'cancelled'] }).notNull().default('active'),
  ...stamps,
}, (t) => [uniqueIndex('subscriptions_contract_uq').on(t.contractId), index('subscriptions_next_idx').on(t.nextInvoiceDate).where(sql`status = 'active'`)]);

/** Each dunning step taken for an invoice (reminder sent, escalation), at most once per step. */
export const dunningEvents = pgTable('dunning_events', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  invoiceId: uuid('invoice_id').notNull().references(() => invoices.id),
  accountId: uuid('account_id').notNull().references(() => accounts.id),
  stepId: text('step_id').notNull(),
  action: text('action').notNull(),
  daysPastDue: integer('days_past_due').notNull(),
  escalated: text('escalated_to').array(),
  at: ts('at').notNull().defaultNow(),
  /** e.g. the reminder text or delivery result. */
  detail: jsonb('detail'),
}, (t) => [uniqueIndex('dunning_events_step_uq').on(t.invoiceId, t.stepId), index('dunning_events_at_idx').on(t.at)]);

/**
 * Receivables movements per calendar day: totals billed (non-void invoices by issue date), collected (payments by
 * received date) and credited (credit notes by issue date). Kept in the transaction of every billing change and rebuilt
 * set-based after bulk loads, so the DSO trend reads ~450 rows instead of a year of invoices and payments.
 */
export const billingDaily = pgTable('billing_daily', {
  day: date('day', { mode: 'string' }).primaryKey(),
  billed: bigint('billed', { mode: 'number' }).notNull().default(0),
  collected: bigint('collected', { mode: 'number' }).notNull().default(0),
  credited: bigint('credited', { mode: 'number' }).notNull().default(0),
});
