// Payments and credit notes against an invoice. Both lock the invoice row, are checked by the pure rules (partial
// payments allowed, never more than the balance, nothing on a void invoice), and update amount paid / credited,
// balance and status in the same transaction with the audit entry, the timeline entry and the events. Settling the
// invoice stops its dunning timer.
import { rowScopeFor } from '../../../core/access/roles';
import {
  applyCredit, applyPayment, dateOf, documentNumber, formatMoney, sequenceKey, type CreditNoteCreate, type PaymentCreate,
  type PaymentListQuery,
} from '../../../core/billing';
import { AppError, notFound } from '../../../core/errors';
import { toPage } from '../../../core/pagination';
import { transaction, type Tx } from '../../db/client';
import type { Ctx } from '../../http/env';
import { emit } from '../../jobs/events';
import { logSystemActivity } from '../accounts/timeline.service';
import { audit } from '../platform/audit';
import * as repo from './billing.repo';
import { stopDunning } from './dunning';

const actorId = (ctx: Ctx) => (ctx.actor.via === 'system' ? null : ctx.actor.id);
const money = (inv: repo.InvoiceRow) => ({ status: inv.status, total: inv.total, amountPaid: inv.amountPaid, amountCredited: inv.amountCredited, balance: inv.balance });

async function lockInvoice(ctx: Ctx, tx: Tx, id: string) {
  const inv = await repo.findInvoice(tx, rowScopeFor(ctx.actor), id, { lock: true });
  if (!inv) throw notFound('Invoice');
  return inv;
}

function checkDate(value: string, inv: repo.InvoiceRow, path: string, what: string) {
  if (value > dateOf(new Date())) throw new AppError('validation_failed', `The ${what} date cannot be in the future.`, { errors: [{ path, message: 'after today' }] });
  // Also keeps the DSO roll-back exact: no money moves on an invoice before it exists.
  if (inv.issueDate && value < inv.issueDate) throw new AppError('validation_failed', `The ${what} date is before the invoice was issued (${inv.issueDate}).`, { errors: [{ path, message: 'before the issue date' }] });
}

export async function recordPayment(ctx: Ctx, invoiceId: string, input: PaymentCreate) {
  return transaction(ctx.deps.database, async (tx) => {
    const before = await lockInvoice(ctx, tx, invoiceId);
    const receivedOn = input.receivedOn ?? dateOf(new Date());
    const applied = applyPayment(money(before), input.amount, before.currency);
    if (!applied.ok) throw new AppError(applied.code, applied.message, { balance: before.balance, errors: applied.code === 'validation_failed' ? [{ path: 'amount', message: applied.message }] : undefined });
    checkDate(receivedOn, before, 'receivedOn', 'payment');
    if (input.reference) {
      const dup = await repo.paymentWithReference(tx, invoiceId, input.reference);
      if (dup) throw new AppError('conflict', `A payment with the bank reference "${input.reference}" is already recorded on this invoice (${formatMoney(dup.amount, before.currency)} received ${dup.receivedOn}).`, { paymentId: dup.id });
    }
    const payment = await repo.insertPayment(tx, {
      invoiceId, accountId: before.accountId, amount: input.amount, currency: before.currency, receivedOn, method: input.method,
      reference: input.reference ?? null, recordedBy: actorId(ctx),
    });
    const n = applied.next;
    const after = (await repo.updateInvoice(tx, invoiceId, {
      status: n.status, amountPaid: n.amountPaid, balance: n.balance, paidAt: applied.settled ? new Date(`${receivedOn}T12:00:00Z`) : null,
    }))!;
    if (applied.settled) await stopDunning(tx, invoiceId);
    await repo.addDaily(tx, receivedOn, { collected: input.amount });
    await audit(ctx, tx, { action: 'payment.record', entityType: 'payment', entityId: payment.id, accountId: before.accountId, after: payment });
    await audit(ctx, tx, { action: 'invoice.payment', entityType: 'invoice', entityId: invoiceId, accountId: before.accountId, before, after });
    await logSystemActivity(ctx, tx, before.accountId,
      applied.settled ? `Invoice ${before.number} paid in full` : `Payment received on invoice ${before.number}`,
      `${formatMoney(input.amount, before.currency)} received ${receivedOn} (${input.method}${input.reference ? `, ref ${input.reference}` : ''}); balance ${formatMoney(n.balance, before.currency)}.`,
      { type: 'invoice', id: invoiceId });
    await emit(ctx, tx, {
      type: 'payment.recorded', entityType: 'payment', entityId: payment.id, accountId: before.accountId,
      payload: { invoiceId, accountId: before.accountId, paymentId: payment.id, number: before.number, amount: input.amount, currency: before.currency, receivedOn, balance: n.balance },
    });
    if (applied.settled) {
      await emit(ctx, tx, {
        type: 'invoice.paid', entityType: 'invoice', entityId: invoiceId, accountId: before.accountId,
        payload: { invoiceId, accountId: before.accountId, number: before.number, total: before.total, currency: before.currency, paidOn: receivedOn, settledBy: 'payment' },
      });
    }
    return { payment, invoice: after };
  });
}

export async function issueCreditNote(ctx: Ctx, invoiceId: string, input: CreditNoteCreate) {
  return transaction(ctx.deps.database, async (tx) => {
    const before = await lockInvoice(ctx, tx, invoiceId);
    const issuedOn = input.issuedOn ?? dateOf(new Date());
    const applied = applyCredit(money(before), input.amount, before.currency);
    if (!applied.ok) throw new AppError(applied.code, applied.message, { balance: before.balance, errors: applied.code === 'validation_failed' ? [{ path: 'amount', message: applied.message }] : undefined });
    checkDate(issuedOn, before, 'issuedOn', 'credit note');
    const key = sequenceKey('CN', issuedOn);
    const number = documentNumber(key, await repo.takeNumbers(tx, key));
    const note = await repo.insertCreditNote(tx, {
      number, invoiceId, accountId: before.accountId, amount: input.amount, currency: before.currency, reason: input.reason, issuedOn, issuedBy: actorId(ctx),
    });
    const n = applied.next;
    const after = (await repo.updateInvoice(tx, invoiceId, {
      status: n.status, amountCredited: n.amountCredited, balance: n.balance, ...(applied.settled ? { paidAt: new Date() } : {}),
    }))!;
    if (applied.settled) await stopDunning(tx, invoiceId);
    await repo.addDaily(tx, issuedOn, { credited: input.amount });
    await audit(ctx, tx, { action: 'credit_note.issue', entityType: 'credit_note', entityId: note.id, accountId: before.accountId, after: note });
    await audit(ctx, tx, { action: 'invoice.credit', entityType: 'invoice', entityId: invoiceId, accountId: before.accountId, before, after });
    await logSystemActivity(ctx, tx, before.accountId, `Credit note ${number} on invoice ${before.number}`,
      `${formatMoney(input.amount, before.currency)} credited: ${input.reason}. Balance ${formatMoney(n.balance, before.currency)}.`, { type: 'invoice', id: invoiceId });
    await emit(ctx, tx, {
      type: 'credit_note.issued', entityType: 'credit_note', entityId: note.id, accountId: before.accountId,
      payload: { invoiceId, accountId: before.accountId, creditNoteId: note.id, number, invoiceNumber: before.number, amount: input.amount, currency: before.currency, balance: n.balance },
    });
    if (applied.settled) {
      await emit(ctx, tx, {
        type: 'invoice.paid', entityType: 'invoice', entityId: invoiceId, accountId: before.accountId,
        payload: { invoiceId, accountId: before.accountId, number: before.number, total: before.total, currency: before.currency, paidOn: issuedOn, settledBy: 'credit_note' },
      });
    }
    return { creditNote: note, invoice: after };
  });
}

export async function listPayments(ctx: Ctx, q: PaymentListQuery) {
  const rows = await repo.listPayments(ctx.deps.database.db, rowScopeFor(ctx.actor), q);
  return toPage(rows, q.limit, (r) => [r.receivedOn, r.id]);
}
