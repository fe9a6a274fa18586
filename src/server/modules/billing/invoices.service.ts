// Invoice use cases: issue (milestone, subscription, manual), read, list, void. Issuing takes the next gapless number
// of the issue year, sets Net-terms due date, and in the same transaction writes the audit entry, the account
// timeline entry, the `invoice.issued` event and the invoice's first dunning timer.
import { rowScopeFor } from '../../../core/access/roles';
import {
  canVoid, dateOf, daysPastDue, documentNumber, dueDate, dunningPlan, formatMoney, lineAmount, milestoneInvoiceLines,
  nextStep, sequenceKey, totals, bucketIndex, type InvoiceCreate, type InvoiceLine, type InvoiceListQuery, type VoidInput,
} from '../../../core/billing';
import { AppError, notFound } from '../../../core/errors';
import { toPage } from '../../../core/pagination';
import type { Playbook } from '../../../core/playbook';
import { transaction, type Tx } from '../../db/client';
import type { Ctx } from '../../http/env';
import { emit } from '../../jobs/events';
import { logSystemActivity } from '../accounts/timeline.service';
import { audit } from '../platform/audit';
import { currentPlaybook } from '../platform/playbook.service';
import { readPlaybook } from '../pipeline/playbook-cache';
import * as repo from './billing.repo';
import { scheduleDunning, stopDunning } from './dunning';

export interface InvoiceDraft {
  kind: repo.InvoiceRow['kind'];
  accountId: string;
  partnerId: string | null;
  contractId?: string | null;
  projectId?: string | null;
  milestoneId?: string | null;
  currency: string;
  issueDate: string;
  periodStart?: string | null;
  periodEnd?: string | null;
  lines: InvoiceLine[];
  notes?: string | null;
}

/** Dunning notes are internal: partner and customer users do not see them. */
const EXTERNAL_ROLES = new Set(['partner', 'customer']);

/** Issues an invoice inside the caller's transaction (number, due date, audit, timeline, event, dunning timer). */
export async function issueInvoiceTx(ctx: Ctx, tx: Tx, playbook: Playbook, d: InvoiceDraft): Promise<repo.InvoiceRow> {
  const { subtotal, total } = totals(d.lines);
  if (total <= 0) throw new AppError('validation_failed', 'An invoice must bill a positive total.', { errors: [{ path: 'lines', message: 'the lines sum to zero or less' }] });
  const key = sequenceKey('INV', d.issueDate);
  const n = await repo.takeNumbers(tx, key);
  const terms = playbook.billing.paymentTermsDays;
  const row = await repo.insertInvoice(tx, {
    number: documentNumber(key, n), accountId: d.accountId, partnerId: d.partnerId, contractId: d.contractId ?? null,
    projectId: d.projectId ?? null, milestoneId: d.milestoneId ?? null, kind: d.kind, status: 'issued', currency: d.currency,
    issueDate: d.issueDate, dueDate: dueDate(d.issueDate, terms), periodStart: d.periodStart ?? null, periodEnd: d.periodEnd ?? null,
    lines: d.lines, subtotal, total, balance: total, notes: d.notes ?? null,
  });
  await repo.addDaily(tx, d.issueDate, { billed: total });
  await audit(ctx, tx, { action: 'invoice.issue', entityType: 'invoice', entityId: row.id, accountId: row.accountId, after: row });
  await logSystemActivity(ctx, tx, row.accountId, `Invoice ${row.number} issued: ${formatMoney(total, row.currency)}`,
    `${d.lines[0].description}. Issued ${row.issueDate}, due ${row.dueDate} (Net ${terms}).`, { type: 'invoice', id: row.id });
  await emit(ctx, tx, {
    type: 'invoice.issued', entityType: 'invoice', entityId: row.id, accountId: row.accountId,
    payload: {
      invoiceId: row.id, accountId: row.accountId, number: row.number, kind: row.kind, total, currency: row.currency,
      issueDate: row.issueDate, dueDate: row.dueDate, contractId: row.contractId, projectId: row.projectId, milestoneId: row.milestoneId,
      periodStart: row.periodStart, periodEnd: row.periodEnd,
    },
  });
  await scheduleDunning(ctx, tx, playbook.billing, row);
  return row;
}

const cancelled = (name: string) => new AppError('conflict', `The project "${name}" is cancelled; nothing of it is invoiced.`, { reason: 'project_cancelled' });

export type MilestoneOutcome =
  | { invoice: repo.InvoiceRow; skipped?: undefined }
  | { invoice: null; skipped: 'no_amount' | 'already_invoiced'; existing?: { id: string; number: string | null } };

/**
 * The invoice of an accepted milestone: its share of the services fee net of the POC credit (the milestone amount from
 * the contract's schedule), with the gross share and the credit shown as lines; issued on the acceptance date.
 * Refused (409) when the project is cancelled. A milestone that bills nothing (kickoff) or is already invoiced is skipped.
 */
export async function issueMilestoneInvoiceTx(ctx: Ctx, tx: Tx, milestoneId: string, opts: { acceptedAt?: string | Date | null; issueDate?: string } = {}): Promise<MilestoneOutcome> {
  const mc = await repo.milestoneContext(tx, milestoneId);
  if (!mc) throw notFound('Milestone');
  const { milestone: m, project } = mc;
  if (project.status === 'cancelled') throw cancelled(project.name);
  if (m.amount <= 0) return { invoice: null, skipped: 'no_amount' };
  const existing = await repo.activeMilestoneInvoice(tx, m.id);
  if (existing) return { invoice: null, skipped: 'already_invoiced', existing };
  const { playbook } = await currentPlaybook(tx);
  const contract = project.contractId ? await repo.findContract(tx, project.contractId) : null;
  const account = await repo.accountBrief(tx, project.accountId);
  const lines = milestoneInvoiceLines(
    contract ? { servicesFee: contract.servicesFee, pocFeeCredit: contract.pocFeeCredit, paymentSchedule: contract.paymentSchedule as never } : null,
    { key: m.key, name: m.name, amount: m.amount, paymentPercent: m.paymentPercent || null },
  );
  const accepted = opts.acceptedAt ?? m.decidedAt ?? new Date();
  const invoice = await issueInvoiceTx(ctx, tx, playbook, {
    kind: 'milestone', accountId: project.accountId, partnerId: project.partnerId ?? contract?.partnerId ?? account?.partnerId ?? null,
    contractId: contract?.id ?? null, projectId: project.id, milestoneId: m.id, currency: contract?.currency ?? project.currency,
    issueDate: opts.issueDate ?? dateOf(accepted), lines,
    notes: `${project.name}: milestone "${m.name}" accepted ${dateOf(accepted)}.`,
  });
  return { invoice };
}

/** POST /invoices: a manual invoice, or the invoice of an accepted milestone (after a void, or if never issued). */
export async function createInvoice(ctx: Ctx, input: InvoiceCreate) {
  const today = dateOf(new Date());
  if (input.issueDate && input.issueDate > today) {
    throw new AppError('validation_failed', 'An invoice cannot be issued in the future.', { errors: [{ path: 'issueDate', message: 'after today' }] });
  }
  return transaction(ctx.deps.database, async (tx) => {
    if (input.milestoneId) {
      const mc = await repo.milestoneContext(tx, input.milestoneId);
      if (!mc) throw notFound('Milestone');
      if (mc.project.status === 'cancelled') throw cancelled(mc.project.name);
      if (mc.milestone.status !== 'accepted') throw new AppError('conflict', `The milestone "${mc.milestone.name}" is ${mc.milestone.status}; only an accepted milestone is invoiced.`);
      if (mc.milestone.amount <= 0) throw new AppError('conflict', `The milestone "${mc.milestone.name}" bills nothing (0 % of the services fee).`);
      const out = await issueMilestoneInvoiceTx(ctx, tx, input.milestoneId, { issueDate: input.issueDate });
      if (!out.invoice) throw new AppError('conflict', `The milestone is already invoiced (${out.existing?.number}). Void that invoice first to reissue it.`, { invoiceId: out.existing?.id });
      return out.invoice;
    }
    const account = await repo.accountBrief(tx, input.accountId!);
    if (!account) throw notFound('Account');
    let partnerId = account.partnerId;
    let contractId = input.contractId ?? null;
    if (input.projectId) {
      const project = await repo.findProject(tx, input.projectId);
      if (!project || project.accountId !== account.id) throw new AppError('validation_failed', 'The project does not belong to this account.', { errors: [{ path: 'projectId', message: 'not a project of the account' }] });
      if (project.status === 'cancelled') throw cancelled(project.name);
      partnerId = project.partnerId ?? partnerId;
      contractId = contractId ?? project.contractId;
    }
    let currency = input.currency ?? account.currency;
    if (contractId) {
      const contract = await repo.findContract(tx, contractId);
      if (!contract || contract.accountId !== account.id) throw new AppError('validation_failed', 'The contract does not belong to this account.', { errors: [{ path: 'contractId', message: 'not a contract of the account' }] });
      partnerId = partnerId ?? contract.partnerId;
      currency = input.currency ?? contract.currency;
    }
    const { playbook } = await currentPlaybook(tx);
    const lines: InvoiceLine[] = input.lines!.map((l) => ({
      description: l.description, quantity: l.quantity, unitAmount: l.unitAmount, amount: lineAmount(l.quantity, l.unitAmount),
      kind: l.unitAmount < 0 ? 'credit' : 'manual',
    }));
    return issueInvoiceTx(ctx, tx, playbook, {
      kind: input.kind ?? 'manual', accountId: account.id, partnerId, contractId, projectId: input.projectId ?? null,
      currency, issueDate: input.issueDate ?? today, lines, notes: input.notes ?? null,
    });
  });
}

/** Aging position and next dunning step of an invoice, for lists and the detail view. */
export function standing(playbook: Playbook, inv: Pick<repo.InvoiceRow, 'status' | 'dueDate' | 'dunningStep' | 'balance'>, today: string) {
  const open = inv.status === 'issued' || inv.status === 'partially_paid';
  if (!open || !inv.dueDate) return { open, daysPastDue: null, agingBucket: null, nextDunningStep: null };
  const d = daysPastDue(inv.dueDate, today);
  const buckets = playbook.billing.agingBuckets;
  const next = nextStep(dunningPlan(playbook.billing, inv.dueDate), inv.dunningStep);
  return {
    open, daysPastDue: d, agingBucket: buckets[bucketIndex(buckets, d)].id,
    nextDunningStep: next ? { id: next.id, action: next.action, date: next.date, escalates: next.escalates } : null,
  };
}

export async function getInvoice(ctx: Ctx, id: string) {
  const db = ctx.deps.database.db;
  const inv = await repo.findInvoice(db, rowScopeFor(ctx.actor), id);
  if (!inv) throw notFound('Invoice');
  const [account, paymentRows, credits, dunning, { playbook }] = await Promise.all([
    repo.accountBrief(db, inv.accountId), repo.invoicePayments(db, id), repo.invoiceCreditNotes(db, id),
    EXTERNAL_ROLES.has(ctx.actor.role) ? Promise.resolve([]) : repo.invoiceDunning(db, id), currentPlaybook(db),
  ]);
  return {
    ...inv, accountName: account?.name ?? null, ...standing(playbook, inv, dateOf(new Date())),
    payments: paymentRows, creditNotes: credits, dunningEvents: dunning,
  };
}

export async function listInvoices(ctx: Ctx, q: InvoiceListQuery) {
  const db = ctx.deps.database.db;
  const today = dateOf(new Date());
  // The playbook body (~60 KB) is read and parsed only when its version changes (pipeline/playbook-cache).
  const [rows, playbook] = await Promise.all([repo.listInvoices(ctx.deps.database, db, rowScopeFor(ctx.actor), q, today), readPlaybook(ctx.deps.database)]);
  const page = toPage(rows, q.limit, (r) => [r.issueDate, r.id]);
  return { ...page, items: page.items.map((r) => Object.assign(r, standingOf(playbook, r, today))) };
}

// A list page's standings repeat (a due date, a dunning step and today decide one) and the dunning plan behind each is
// built from the playbook's steps: they are kept per cached playbook object, whose identity changes with its version.
const standings = new WeakMap<Playbook, Map<string, ReturnType<typeof standing>>>();
function standingOf(playbook: Playbook, inv: Pick<repo.InvoiceRow, 'status' | 'dueDate' | 'dunningStep' | 'balance'>, today: string) {
  const open = inv.status === 'issued' || inv.status === 'partially_paid';
  if (!open || !inv.dueDate) return { open, daysPastDue: null, agingBucket: null, nextDunningStep: null };
  let known = standings.get(playbook);
  if (!known) standings.set(playbook, known = new Map());
  const key = `${today} ${inv.dueDate} ${inv.dunningStep}`;
  let s = known.get(key);
  if (!s) {
    if (known.size >= 10_000) known.clear();
    known.set(key, s = standing(playbook, inv, today));
  }
  return s;
}

export async function voidInvoice(ctx: Ctx, id: string, input: VoidInput) {
  return transaction(ctx.deps.database, async (tx) => {
    const before = await repo.findInvoice(tx, rowScopeFor(ctx.actor), id, { lock: true });
    if (!before) throw notFound('Invoice');
    if (input.version !== undefined && before.version !== input.version) {
      throw new AppError('version_conflict', `The invoice changed since you loaded it (version ${before.version}, you sent ${input.version}). Reload and try again.`, { currentVersion: before.version });
    }
    const ok = canVoid(before);
    if (!ok.ok) throw new AppError(ok.code, ok.message);
    const after = (await repo.updateInvoice(tx, id, { status: 'void', balance: 0, voidedAt: new Date(), voidReason: input.reason }))!;
    await stopDunning(tx, id);
    if (before.issueDate && before.status !== 'draft') await repo.addDaily(tx, before.issueDate, { billed: -before.total });
    await audit(ctx, tx, { action: 'invoice.void', entityType: 'invoice', entityId: id, accountId: after.accountId, before, after });
    await logSystemActivity(ctx, tx, after.accountId, `Invoice ${after.number} voided`, `${formatMoney(after.total, after.currency)} no longer due: ${input.reason}`, { type: 'invoice', id });
    await emit(ctx, tx, { type: 'invoice.voided', entityType: 'invoice', entityId: id, accountId: after.accountId, payload: { invoiceId: id, accountId: after.accountId, number: after.number, total: after.total, currency: after.currency, reason: input.reason, milestoneId: after.milestoneId } });
    return after;
  });
}

/** Everything the invoice PDF shows: the invoice, the customer and the seller (the playbook's company section). */
export async function invoiceDocument(ctx: Ctx, id: string) {
  const inv = await getInvoice(ctx, id);
  const db = ctx.deps.database.db;
  const [account, { playbook }] = await Promise.all([repo.accountBrief(db, inv.accountId), currentPlaybook(db)]);
  return { invoice: inv, account, seller: playbook.company };
}
