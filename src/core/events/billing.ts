// Events of the billing stream: invoices, payments, credit notes, dunning and subscriptions.
import { z } from 'zod';
import { currencyCode, isoDay, minorUnits } from '../api/shapes';
import { d, optRef, ref, stream } from './define';

const invoice = { invoiceId: ref('invoice'), accountId: ref('account'), number: z.string().nullable().meta(d('Invoice number (null only on a draft).')) };

export const billingEvents = stream('billing', {
  'invoice.issued': { description: 'An invoice was issued (milestone, subscription or POC).', payload: z.object({
    ...invoice, kind: z.string(), total: minorUnits('Invoice total'), currency: currencyCode, issueDate: isoDay.nullable(), dueDate: isoDay.nullable(),
    contractId: optRef('contract'), projectId: optRef('project').optional(), milestoneId: optRef('milestone').optional(),
    periodStart: isoDay.nullable(), periodEnd: isoDay.nullable(),
  }) },
  'invoice.paid': { description: 'An invoice was settled in full, by payment or credit note.', payload: z.object({
    ...invoice, total: minorUnits('Invoice total'), currency: currencyCode, paidOn: isoDay, settledBy: z.enum(['payment', 'credit_note']),
  }) },
  'invoice.voided': { description: 'An invoice was voided.', payload: z.object({
    ...invoice, total: minorUnits('Invoice total'), currency: currencyCode, reason: z.string(), milestoneId: optRef('milestone'),
  }) },
  'invoice.reminder': { description: 'A dunning step sent a payment reminder.', payload: z.object({
    ...invoice, stepId: z.string(), action: z.string(), daysPastDue: z.number().int(), balance: minorUnits('Open balance'), currency: currencyCode, dueDate: isoDay,
  }) },
  'invoice.escalated': { description: 'A late invoice was escalated to the account team.', payload: z.object({
    ...invoice, daysLate: z.number().int(), balance: minorUnits('Open balance'), currency: currencyCode, dueDate: isoDay,
    escalatedTo: z.array(z.string()).nullable().meta(d('Roles the escalation went to.')), stepId: z.string(), aeId: optRef('account executive'), csmId: optRef('customer success manager'),
  }) },
  'payment.recorded': { description: 'A payment was recorded against an invoice.', payload: z.object({
    ...invoice, paymentId: ref('payment'), amount: minorUnits('Payment amount'), currency: currencyCode, receivedOn: isoDay, balance: minorUnits('Open balance after it'),
  }) },
  'credit_note.issued': { description: 'A credit note was issued against an invoice.', payload: z.object({
    ...invoice, creditNoteId: ref('credit note'), number: z.string().meta(d('Credit note number.')), invoiceNumber: z.string().nullable(),
    amount: minorUnits('Credited amount'), currency: currencyCode, balance: minorUnits('Open balance of the invoice after it'),
  }) },
  'subscription.updated': { description: 'The billing period of a subscription changed.', payload: z.object({
    subscriptionId: ref('subscription'), billingPeriod: z.string(), previous: z.string(),
  }) },
});
