// Billing over HTTP on a real database: an accepted milestone issues exactly one invoice (25 % of the net fee, POC
// credit shown, Net 30), replays issue nothing, a cancelled project is refused; payments move aging and DSO to
// hand-computed values, overpaying and voiding a paid invoice are refused and change nothing; row scope; dunning
// timers take their step and escalate at 30+ days late, and stop when paid; subscriptions bill their periods once;
// the invoice PDF.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, eventually, type Client, type TestApp } from '../../../../test/helpers';
import { ok, type Schema } from '../../../client';
import { addDays, dateOf, monthEnd, addMonths, monthStart, subscriptionPeriods } from '../../../core/billing';
import { netServicesFee, paymentSchedule } from '../../../core/pipeline/contract';
import { defaultPlaybook } from '../../../core/playbook';
import { transaction } from '../../db/client';
import { systemCtx } from '../../http/env';
import { emit, handleJob } from '../../jobs/events';
import { fireTimerJob } from '../../jobs/timers';
import { dailyFrom, directDaily, rebuildDaily } from './billing.repo';

const TODAY = dateOf(new Date());
const rnd = () => Math.random().toString(36).slice(2, 7);

/** Rows a test needs: an account with a won deal's contract (fee, POC credit, schedule) and its project. */
async function setup(t: TestApp, opts: { fee?: number; credit?: number; arr?: number; partnerId?: string; projectStatus?: string; start?: string } = {}) {
  const q = <T = any>(text: string, params: unknown[] = []) => t.deps.database.query<T>(text, params);
  const acc = await t.account({ name: `Fjord ${rnd()} AS`, ...(opts.partnerId ? { partnerId: opts.partnerId } : {}) });
  const [opp] = await q<{ id: string }>("INSERT INTO opportunities (account_id, name, stage, amount) VALUES ($1, 'Discovery rollout', 'closed_won', 1) RETURNING id", [acc.id]);
  const fee = opts.fee ?? 100_000_00;
  const credit = opts.credit ?? 0;
  const start = opts.start ?? addDays(TODAY, -60);
  const schedule = paymentSchedule(defaultPlaybook, netServicesFee(fee, credit), start);
  const [contract] = await q<{ id: string }>(`INSERT INTO contracts (account_id, opportunity_id, partner_id, arr, term_months, start_date, end_date, services_fee, poc_fee_credit, payment_schedule, modules)
    VALUES ($1, $2, $3, $4, 12, $5, $6, $7, $8, $9, '{Discovery}') RETURNING id`,
  [acc.id, opp.id, opts.partnerId ?? null, opts.arr ?? 120_000_00, start, addDays(addMonths(start, 12), -1), fee, credit, JSON.stringify(schedule)]);
  const [project] = await q<{ id: string }>(`INSERT INTO projects (account_id, contract_id, opportunity_id, partner_id, name, weeks, start_date, baseline_end_date, forecast_end_date, status, services_fee)
    VALUES ($1, $2, $3, $4, 'CMDB rollout', 12, $5, $6, $6, $7, $8) RETURNING id`,
  [acc.id, contract.id, opp.id, opts.partnerId ?? null, start, addDays(start, 84), opts.projectStatus ?? 'active', fee]);
  const milestone = async (key: string, opts2: { status?: string; decidedAt?: string } = {}) => {
    const m = defaultPlaybook.delivery.milestones.find((x) => x.id === key)!;
    const line = schedule.find((l) => l.milestoneId === key);
    const [row] = await q<{ id: string; amount: number }>(`INSERT INTO project_milestones (project_id, account_id, key, name, position, week, planned_date, forecast_date, payment_percent, amount, status, decided_at)
      VALUES ($1, $2, $3, $4, 1, $5, $6, $6, $7, $8, $9, $10) RETURNING id, amount`,
    [project.id, acc.id, key, m.name, m.week, addDays(start, 7 * (m.week - 1)), m.paymentPercent, line?.amount ?? 0, opts2.status ?? 'accepted', opts2.decidedAt ?? new Date().toISOString()]);
    return { id: row.id, key, name: m.name, amount: Number(row.amount), percent: m.paymentPercent };
  };
  return { acc, contractId: contract.id, projectId: project.id, schedule, milestone, start };
}

async function accept(t: TestApp, s: Awaited<ReturnType<typeof setup>>, m: Awaited<ReturnType<Awaited<ReturnType<typeof setup>>['milestone']>>, acceptedAt = new Date().toISOString()) {
  return transaction(t.deps.database, (tx) => emit(systemCtx(t.deps), tx, {
    type: 'milestone.accepted', entityType: 'project_milestone', entityId: m.id, accountId: s.acc.id,
    payload: { projectId: s.projectId, milestoneId: m.id, contractId: s.contractId, accountId: s.acc.id, key: m.key, name: m.name, amount: m.amount, currency: 'USD', paymentPercent: m.percent, acceptedAt },
  }));
}

describe('milestone invoicing (events)', () => {
  let t: TestApp;
  let finance: Client;
  const q = <T = any>(text: string, params: unknown[] = []) => t.deps.database.query<T>(text, params);
  const handled = (eventId: number, handler: string) => eventually(async () => (await q('SELECT 1 FROM event_receipts WHERE event_id = $1 AND handler = $2', [eventId, handler])).length > 0);
  beforeAll(async () => { t = await createTestApp({ workers: true }); finance = await t.login('finance'); });
  afterAll(async () => { await t?.close(); });

  it('accepting Design approved issues one invoice for exactly 25 % of the net fee, due 30 days later; a replay issues nothing', async () => {
    const s = await setup(t, { fee: 100_000_00, credit: 20_000_00 });
    const m = await s.milestone('design_approved');
    expect(m.amount).toBe(20_000_00); // 25 % of the net fee 80,000.00
    const eventId = await accept(t, s, m);
    const [row] = await eventually(async () => { const r = await q('SELECT id FROM invoices WHERE milestone_id = $1', [m.id]); return r.length ? r : null; }) as { id: string }[];
    const inv = (await finance.get(`/api/invoices/${row.id}`)).body;
    expect(inv).toMatchObject({
      kind: 'milestone', status: 'issued', total: 20_000_00, subtotal: 25_000_00, balance: 20_000_00, amountPaid: 0, issueDate: TODAY,
      dueDate: addDays(TODAY, 30), accountId: s.acc.id, projectId: s.projectId, contractId: s.contractId, milestoneId: m.id, daysPastDue: -30, agingBucket: 'current',
    });
    expect(inv.number).toMatch(/^INV-\d{4}-\d{6}$/);
    // The gross share of the services fee (25 % of 100,000.00) and the POC credit's share, summing to the schedule amount.
    expect(inv.lines.map((l: any) => [l.description, l.amount])).toEqual([
      ['Milestone: Design approved (25 % of the services fee)', 25_000_00], ['POC fee credit (share of this milestone)', -5_000_00],
    ]);
    expect(inv.nextDunningStep).toMatchObject({ id: 'pre_due_reminder', date: addDays(TODAY, 23) });
    const [timer] = await q("SELECT due_at, payload FROM timers WHERE entity_id = $1 AND kind = 'invoice.dunning' AND status = 'pending'", [row.id]);
    expect(new Date(timer.due_at).toISOString()).toBe(`${addDays(TODAY, 23)}T08:00:00.000Z`);
    expect(await q("SELECT 1 FROM activities WHERE account_id = $1 AND entity_id = $2 AND subject LIKE 'Invoice % issued: $20,000.00'", [s.acc.id, row.id])).toHaveLength(1);
    expect(await q("SELECT 1 FROM audit_log WHERE entity_id = $1 AND action = 'invoice.issue'", [row.id])).toHaveLength(1);
    expect(await q("SELECT 1 FROM domain_events WHERE entity_id = $1 AND type = 'invoice.issued'", [row.id])).toHaveLength(1);

    // Replays: the same event handled again, and a second acceptance event for the milestone.
    const seq = (await q<{ value: number }>("SELECT value FROM billing_sequences WHERE key = $1", [inv.number.slice(0, 8)]))[0].value;
    await handleJob.handle(t.deps, { eventId, handler: 'billing.invoice-accepted-milestone' }, { id: 'x', retryCount: 0 });
    const again = await accept(t, s, m);
    await handled(again, 'billing.invoice-accepted-milestone');
    expect(await q('SELECT 1 FROM invoices WHERE milestone_id = $1', [m.id])).toHaveLength(1);
    expect((await q<{ value: number }>("SELECT value FROM billing_sequences WHERE key = $1", [inv.number.slice(0, 8)]))[0].value).toBe(seq);
  });

  it('the kickoff milestone (0 %) issues nothing; later milestones number gaplessly', async () => {
    const s = await setup(t);
    const kickoff = await s.milestone('kickoff_complete');
    const e = await accept(t, s, kickoff);
    await handled(e, 'billing.invoice-accepted-milestone');
    expect(await q('SELECT 1 FROM invoices WHERE project_id = $1', [s.projectId])).toHaveLength(0);
    const dev = await s.milestone('development_complete');
    const uat = await s.milestone('uat_complete');
    await accept(t, s, dev);
    await accept(t, s, uat);
    const rows = await eventually(async () => { const r = await q<{ number: string; total: number }>('SELECT number, total FROM invoices WHERE project_id = $1 ORDER BY number', [s.projectId]); return r.length === 2 ? r : null; }) as { number: string; total: number }[];
    expect(rows.map((r) => Number(r.total))).toEqual([25_000_00, 25_000_00]);
    expect(Number(rows[1].number.slice(-6)) - Number(rows[0].number.slice(-6))).toBe(1);
  });

  it('a cancelled project: the event issues nothing, the manual endpoint answers 409 and changes nothing', async () => {
    const s = await setup(t, { projectStatus: 'cancelled' });
    const m = await s.milestone('design_approved');
    const e = await accept(t, s, m);
    await handled(e, 'billing.invoice-accepted-milestone');
    const before = { invoices: await t.count('invoices'), audit: await t.count('audit_log'), seq: await q('SELECT key, value FROM billing_sequences ORDER BY key') };
    const res = await finance.post('/api/invoices', { milestoneId: m.id });
    expect(res.status).toBe(409);
    expect(res.body.detail).toBe('The project "CMDB rollout" is cancelled; nothing of it is invoiced.');
    const manual = await finance.post('/api/invoices', { accountId: s.acc.id, projectId: s.projectId, lines: [{ description: 'Extra work', unitAmount: 1_000_00 }] });
    expect(manual.status).toBe(409);
    expect({ invoices: await t.count('invoices'), audit: await t.count('audit_log'), seq: await q('SELECT key, value FROM billing_sequences ORDER BY key') }).toEqual(before);
  });

  it('a voided milestone invoice can be reissued through the API; an invoiced one cannot be invoiced twice', async () => {
    const s = await setup(t);
    const m = await s.milestone('go_live');
    await accept(t, s, m);
    const [row] = await eventually(async () => { const r = await q<{ id: string }>('SELECT id FROM invoices WHERE milestone_id = $1', [m.id]); return r.length ? r : null; }) as { id: string }[];
    expect((await finance.post('/api/invoices', { milestoneId: m.id })).status).toBe(409);
    expect((await finance.post(`/api/invoices/${row.id}/void`, { reason: 'Wrong PO number' })).status).toBe(200);
    expect(await q("SELECT 1 FROM timers WHERE entity_id = $1 AND status = 'pending'", [row.id])).toHaveLength(0);
    const re = await finance.post('/api/invoices', { milestoneId: m.id });
    expect(re.status, JSON.stringify(re.body)).toBe(201);
    expect(re.body).toMatchObject({ kind: 'milestone', total: 20_000_00, issueDate: TODAY });
    const pending = await s.milestone('project_closure', { status: 'submitted' });
    expect((await finance.post('/api/invoices', { milestoneId: pending.id })).status).toBe(409);
  });

  it('contract.signed starts the subscription with its first invoice; the daily run bills due periods once, gaplessly', async () => {
    const admin = await t.login('admin');
    const pb = (await admin.get('/api/playbook')).body;
    pb.playbook.billing.subscriptionBillingPeriod = 'monthly';
    expect((await admin.put('/api/playbook', { baseVersion: pb.version, playbook: pb.playbook })).status).toBe(200);
    const start = addDays(TODAY, -70);
    const s = await setup(t, { arr: 120_000_00, start });
    const [{ opportunity, ...contract }] = await q(`SELECT c.id, c.account_id AS "accountId", c.opportunity_id AS "opportunityId", c.partner_id AS "partnerId", c.arr::int AS arr,
      c.currency, c.term_months AS "termMonths", c.start_date::text AS "startDate", c.end_date::text AS "endDate", c.services_fee::int AS "servicesFee", c.status,
      c.signed_at AS "signedAt", json_build_object('id', o.id, 'name', o.name, 'ownerId', o.owner_id, 'partnerId', o.partner_id) AS opportunity
      FROM contracts c JOIN opportunities o ON o.id = c.opportunity_id WHERE c.id = $1`, [s.contractId]);
    await transaction(t.deps.database, (tx) => emit(systemCtx(t.deps), tx, { type: 'contract.signed', entityType: 'contract', entityId: s.contractId, accountId: s.acc.id, payload: { contract, opportunity } }));
    const [first] = await eventually(async () => { const r = await q('SELECT total, period_start::text AS ps, period_end::text AS pe, issue_date::text AS issued FROM invoices WHERE contract_id = $1 AND kind = $2', [s.contractId, 'subscription']); return r.length ? r : null; }) as any[];
    const periods = subscriptionPeriods({ arr: 120_000_00, startDate: start, endDate: addDays(addMonths(start, 12), -1), period: 'monthly' });
    expect(first).toEqual({ total: periods[0].amount, ps: start, pe: monthEnd(start), issued: TODAY });
    const due = periods.filter((p) => p.start <= TODAY);
    const run = await finance.post('/api/finance/billing-run');
    expect(run.status, JSON.stringify(run.body)).toBe(200);
    const rows = await q<{ number: string; ps: string; total: number }>("SELECT number, period_start::text AS ps, total FROM invoices WHERE contract_id = $1 AND kind = 'subscription' ORDER BY period_start", [s.contractId]);
    expect(rows.map((r) => [r.ps, Number(r.total)])).toEqual(due.map((p) => [p.start, p.amount]));
    const nums = rows.slice(1).map((r) => Number(r.number.slice(-6)));
    nums.forEach((n, k) => { if (k > 0) expect(n - nums[k - 1]).toBe(1); });
    expect((await finance.post('/api/finance/billing-run')).body.issued).toBe(0);
    expect(await q("SELECT 1 FROM invoices WHERE contract_id = $1 AND kind = 'subscription'", [s.contractId])).toHaveLength(due.length);
    const [sub] = (await finance.get(`/api/finance/subscriptions?accountId=${s.acc.id}`)).body.items;
    expect(sub).toMatchObject({ billingPeriod: 'monthly', nextInvoiceDate: monthStart(addMonths(TODAY, 1)), arr: 120_000_00 });
    expect((await finance.patch(`/api/finance/subscriptions/${sub.id}`, { version: sub.version, billingPeriod: 'quarterly' })).status).toBe(200);
    expect((await finance.patch(`/api/finance/subscriptions/${sub.id}`, { version: sub.version, billingPeriod: 'annual' })).status).toBe(409);
    pb.playbook.billing.subscriptionBillingPeriod = 'annual';
    await admin.put('/api/playbook', { baseVersion: pb.version + 1, playbook: pb.playbook });
  });
});

describe('payments, aging and DSO', () => {
  let t: TestApp;
  let finance: Client;
  const q = <T = any>(text: string, params: unknown[] = []) => t.deps.database.query<T>(text, params);
  beforeAll(async () => { t = await createTestApp(); finance = await t.login('finance'); });
  afterAll(async () => { await t?.close(); });

  // Issued, summed and listed through the typed client the web uses: the answers are the documented shapes.
  const issue = (accountId: string, issueDate: string, amount: number) =>
    ok(finance.api.POST('/invoices', { body: { accountId, issueDate, lines: [{ description: 'Consulting', quantity: 1, unitAmount: amount }] } }));
  const summary = () => ok(finance.api.GET('/finance/summary'));
  const bucket = (sm: Schema<'FinanceSummary'>, id: string) => sm.aging.find((b) => b.id === id)!.amount;

  it('partial then full payment move the aging buckets and DSO to hand-computed values; overpaying changes nothing', async () => {
    const acc = await t.account({ name: 'Aging Co' });
    const a = await issue(acc.id, addDays(TODAY, -100), 10_000_00); // due −70: 61–90
    const b = await issue(acc.id, addDays(TODAY, -45), 30_000_00); // due −15: 1–30
    const c = await issue(acc.id, addDays(TODAY, -10), 20_000_00); // due +20: current
    expect(a.dueDate).toBe(addDays(TODAY, -70));

    // AR 60,000; billed in the 90-day window (B and C; A is 100 days old) 50,000 → DSO = 60,000 / 50,000 × 90 = 108.
    let sm = await summary();
    expect(sm.arTotal).toBe(60_000_00);
    expect(sm.aging.map((x) => [x.id, x.count, x.amount])).toEqual([
      ['current', 1, 20_000_00], ['days_1_30', 1, 30_000_00], ['days_31_60', 0, 0], ['days_61_90', 1, 10_000_00], ['days_90_plus', 0, 0],
    ]);
    expect(sm.dso).toMatchObject({ days: 108, arBalance: 60_000_00, billed: 50_000_00, windowDays: 90, method: 'standard' });
    expect(sm.overdue).toBe(40_000_00);

    const partial = await finance.post(`/api/invoices/${b.id}/payments`, { amount: 12_000_00, receivedOn: addDays(TODAY, -5), reference: 'BANK-001' });
    expect(partial.status, JSON.stringify(partial.body)).toBe(201);
    expect(partial.body.invoice).toMatchObject({ status: 'partially_paid', amountPaid: 12_000_00, balance: 18_000_00 });
    sm = await summary();
    expect(bucket(sm, 'days_1_30')).toBe(18_000_00);
    expect(sm.dso).toMatchObject({ days: 86.4, arBalance: 48_000_00 }); // 48,000 / 50,000 × 90

    // Overpaying: 422 with the balance in the message; the invoice and the payments stay as they were.
    const before = (await finance.get(`/api/invoices/${b.id}`)).body;
    const over = await finance.post(`/api/invoices/${b.id}/payments`, { amount: 18_000_01 });
    expect(over.status).toBe(422);
    expect(over.body.detail).toBe('The payment of USD 18000.01 exceeds the balance due of USD 18000.00. Record at most the balance.');
    const same = (await finance.get(`/api/invoices/${b.id}`)).body;
    expect(same).toMatchObject({ version: before.version, balance: 18_000_00, status: 'partially_paid' });
    expect(same.payments).toHaveLength(1);
    expect((await finance.post(`/api/invoices/${b.id}/payments`, { amount: 1_00, reference: 'BANK-001' })).status).toBe(409); // same bank reference

    const full = await finance.post(`/api/invoices/${b.id}/payments`, { amount: 18_000_00, reference: 'BANK-002' });
    expect(full.body.invoice).toMatchObject({ status: 'paid', balance: 0, amountPaid: 30_000_00 });
    sm = await summary();
    expect(bucket(sm, 'days_1_30')).toBe(0);
    expect(sm.arTotal).toBe(30_000_00);
    expect(sm.dso).toMatchObject({ days: 54, arBalance: 30_000_00 }); // 30,000 / 50,000 × 90
    expect(await q("SELECT 1 FROM timers WHERE entity_id = $1 AND status = 'pending'", [b.id])).toHaveLength(0); // dunning stopped

    // Void with payments: 409, nothing changes. A credit note reduces the balance, at most to zero.
    const v = await finance.post(`/api/invoices/${b.id}/void`, { reason: 'mistake' });
    expect(v.status).toBe(409);
    expect((await finance.get(`/api/invoices/${b.id}`)).body.status).toBe('paid');
    expect((await finance.post(`/api/invoices/${a.id}/credit-notes`, { amount: 10_000_01, reason: 'too much' })).status).toBe(422);
    const cn = await finance.post(`/api/invoices/${a.id}/credit-notes`, { amount: 1_000_00, reason: 'Goodwill: late delivery' });
    expect(cn.status, JSON.stringify(cn.body)).toBe(201);
    expect(cn.body.creditNote.number).toMatch(/^CN-\d{4}-000001$/);
    expect(cn.body.invoice).toMatchObject({ balance: 9_000_00, amountCredited: 1_000_00, status: 'issued' });
    sm = await summary();
    expect(sm.dso).toMatchObject({ days: 52.2, arBalance: 29_000_00 }); // 29,000 / 50,000 × 90
    expect(bucket(sm, 'days_61_90')).toBe(9_000_00);

    // The trend at the end of last month, by hand from each invoice's state that day.
    const d = monthEnd(addMonths(monthStart(TODAY), -1));
    const state = [
      { issued: addDays(TODAY, -100), total: 10_000_00, moves: [] as [string, number][] },
      { issued: addDays(TODAY, -45), total: 30_000_00, moves: [[addDays(TODAY, -5), 12_000_00], [TODAY, 18_000_00]] as [string, number][] },
      { issued: addDays(TODAY, -10), total: 20_000_00, moves: [] as [string, number][] },
    ];
    const ar = state.filter((x) => x.issued <= d).reduce((sum, x) => sum + x.total - x.moves.filter(([on]) => on <= d).reduce((s2, [, amt]) => s2 + amt, 0), 0);
    const billed = state.filter((x) => x.issued <= d && x.issued > addDays(d, -90)).reduce((sum, x) => sum + x.total, 0);
    const point = sm.dsoTrend.find((p) => p.date === d);
    expect(point).toMatchObject({ arBalance: ar, billed, dso: billed ? Math.round((ar / billed) * 90 * 10) / 10 : null });
    expect(sm.dsoTrend).toHaveLength(12);
    expect(sm.dsoTrend[11]).toMatchObject({ date: TODAY, dso: 52.2 });

    // Lists: open and overdue filters, keyset pages.
    const invoices = (query: { overdue?: 'true'; limit?: number; cursor?: string }) =>
      ok(finance.api.GET('/invoices', { params: { query: { accountId: acc.id, ...query } } }));
    const overdue = (await invoices({ overdue: 'true' })).items;
    expect(overdue.map((x) => x.id)).toEqual([a.id]);
    expect(overdue[0]).toMatchObject({ open: true, daysPastDue: 70, agingBucket: 'days_61_90', currency: 'USD', balance: 9_000_00 });
    const p1 = await invoices({ limit: 2 });
    expect(p1.items.map((x) => x.id)).toEqual([c.id, b.id]);
    const p2 = await invoices({ limit: 2, cursor: p1.nextCursor! });
    expect(p2.items.map((x) => x.id)).toEqual([a.id]);
    expect(p2.nextCursor).toBeNull();
    const paid = await ok(finance.api.GET('/payments', { params: { query: { invoiceId: b.id } } }));
    expect(paid.items.map((x) => [x.amount, x.currency, x.reference])).toEqual([[18_000_00, 'USD', 'BANK-002'], [12_000_00, 'USD', 'BANK-001']]);
  });

  it('the per-day receivables rollup equals the documents after every kind of change, and after a rebuild', async () => {
    const same = async () => {
      const key = (r: any) => `${r.day}:${Number(r.billed)}:${Number(r.collected)}:${Number(r.credited)}`;
      const rollup = (await dailyFrom(t.deps.database.db, '2000-01-01')).filter((r) => Number(r.billed) || Number(r.collected) || Number(r.credited)).map(key).sort();
      expect(rollup).toEqual((await directDaily(t.deps.database.db, '2000-01-01')).map(key).sort());
    };
    const acc = await t.account({ name: 'Rollup Co' });
    const x = await issue(acc.id, addDays(TODAY, -3), 2_000_00);
    const y = await issue(acc.id, addDays(TODAY, -2), 3_000_00);
    await finance.post(`/api/invoices/${x.id}/payments`, { amount: 500_00, receivedOn: addDays(TODAY, -1) });
    await finance.post(`/api/invoices/${x.id}/credit-notes`, { amount: 100_00, reason: 'rounding' });
    await finance.post(`/api/invoices/${y.id}/void`, { reason: 'duplicate' });
    await same();
    await transaction(t.deps.database, (tx) => rebuildDaily(tx));
    await same();
  });

  it('the unfiltered list pages every invoice newest first, across statuses, like one ordered query', async () => {
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const res: any = (await finance.get(`/api/invoices?limit=3${cursor ? `&cursor=${cursor}` : ''}`)).body;
      all.push(...res.items.map((x: any) => x.id));
      cursor = res.nextCursor;
    } while (cursor);
    const direct = await q<{ id: string }>('SELECT id FROM invoices WHERE deleted_at IS NULL ORDER BY issue_date DESC, id DESC');
    expect(all).toEqual(direct.map((r) => r.id));
    const open = (await finance.get('/api/invoices?status=open&limit=500')).body.items;
    expect(open.map((x: any) => x.id)).toEqual((await q<{ id: string }>("SELECT id FROM invoices WHERE status IN ('issued', 'partially_paid') ORDER BY issue_date DESC, id DESC")).map((r) => r.id));
  });

  it('concurrent issues take consecutive numbers; concurrent payments of the whole balance count once', async () => {
    const acc = await t.account({ name: 'Race Co' });
    const made = await Promise.all(Array.from({ length: 8 }, (_, k) => finance.post('/api/invoices', { accountId: acc.id, lines: [{ description: `Item ${k}`, unitAmount: 1_000_00 }] })));
    expect(made.map((r) => r.status)).toEqual(Array(8).fill(201));
    const nums = made.map((r) => Number(r.body.number.slice(-6))).sort((a, b) => a - b);
    nums.forEach((n, k) => { if (k > 0) expect(n - nums[k - 1]).toBe(1); });
    const target = made[0].body.id;
    const paid = await Promise.all([1, 2, 3].map(() => finance.post(`/api/invoices/${target}/payments`, { amount: 1_000_00 })));
    expect(paid.map((r) => r.status).sort()).toEqual([201, 422, 422]);
    expect((await finance.get(`/api/invoices/${target}`)).body).toMatchObject({ status: 'paid', amountPaid: 1_000_00, balance: 0 });
  });

  it('an Idempotency-Key makes a retried payment count once; bad input is refused before anything is written', async () => {
    const acc = await t.account({ name: 'Retry Co' });
    const inv = await issue(acc.id, TODAY, 5_000_00);
    const h = { 'idempotency-key': `pay-${inv.id}` };
    const r1 = await finance.post(`/api/invoices/${inv.id}/payments`, { amount: 1_000_00 }, h);
    const r2 = await finance.post(`/api/invoices/${inv.id}/payments`, { amount: 1_000_00 }, h);
    expect([r1.status, r2.status]).toEqual([201, 201]);
    expect((await finance.get(`/api/invoices/${inv.id}`)).body).toMatchObject({ balance: 4_000_00 });
    expect((await finance.post(`/api/invoices/${inv.id}/payments`, { amount: 1, receivedOn: addDays(TODAY, 1) })).status).toBe(422);
    expect((await finance.post(`/api/invoices/${inv.id}/payments`, { amount: 1, receivedOn: addDays(TODAY, -1) })).status).toBe(422); // before the issue date
    expect((await finance.post('/api/invoices', { accountId: acc.id, lines: [{ description: 'x', unitAmount: -5 }] })).status).toBe(422);
    expect((await finance.post('/api/invoices', { accountId: acc.id, issueDate: addDays(TODAY, 1), lines: [{ description: 'x', unitAmount: 5 }] })).status).toBe(422);
    expect((await finance.post('/api/invoices', { accountId: acc.id })).status).toBe(422);
    const clean = await issue(acc.id, TODAY, 100);
    const stale = await finance.post(`/api/invoices/${clean.id}/void`, { reason: 'dup', version: clean.version + 1 });
    expect(stale.status).toBe(409);
    const voided = await finance.post(`/api/invoices/${clean.id}/void`, { reason: 'dup', version: clean.version });
    expect(voided.body).toMatchObject({ status: 'void', balance: 0 });
    expect((await finance.post(`/api/invoices/${clean.id}/payments`, { amount: 1 })).status).toBe(409);
  });

  it('row scope: customers and partners read only their own invoices; only finance and admins change money', async () => {
    const partnerId = await t.partner();
    const mine = await t.account({ name: 'Partner Co', partnerId });
    const other = await t.account({ name: 'Other Co' });
    const own = await issue(mine.id, TODAY, 7_000_00);
    const foreign = await issue(other.id, TODAY, 8_000_00);
    const customer = await t.login('customer', { accountId: mine.id });
    expect((await customer.get(`/api/invoices/${own.id}`)).status).toBe(200);
    expect((await customer.get(`/api/invoices/${foreign.id}`)).status).toBe(404);
    expect((await customer.get(`/api/invoices/${foreign.id}/pdf`)).status).toBe(404);
    expect((await customer.get('/api/invoices?limit=500')).body.items.map((x: any) => x.id)).toEqual([own.id]);
    expect((await customer.get(`/api/invoices/${own.id}`)).body.dunningEvents).toEqual([]);
    expect((await customer.post(`/api/invoices/${own.id}/payments`, { amount: 1 })).status).toBe(403);
    expect((await customer.get('/api/finance/summary')).status).toBe(403);
    const partner = await t.login('partner', { partnerId });
    expect((await partner.get(`/api/invoices/${own.id}`)).status).toBe(200);
    expect((await partner.get(`/api/invoices/${foreign.id}`)).status).toBe(404);
    expect((await partner.get('/api/invoices?limit=500')).body.items.map((x: any) => x.id)).toEqual([own.id]);
    for (const role of ['sales', 'executive', 'delivery'] as const) {
      const u = await t.login(role);
      expect((await u.post(`/api/invoices/${own.id}/payments`, { amount: 1 })).status, role).toBe(403);
    }
    expect((await (await t.login('executive')).get('/api/finance/summary')).status).toBe(200);
    expect((await (await t.login('sales')).get('/api/invoices')).status).toBe(403);
  });

  it('the invoice PDF', async () => {
    const acc = await t.account({ name: 'Ærø Fjordkraft ≥ AS' });
    const inv = await issue(acc.id, addDays(TODAY, -40), 12_345_67);
    await finance.post(`/api/invoices/${inv.id}/payments`, { amount: 345_67, reference: 'R-1' });
    const res = await finance.raw(`/api/invoices/${inv.id}/pdf`, { method: 'GET' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(String(res.body).startsWith('%PDF')).toBe(true);
    const customer = await t.login('customer', { accountId: acc.id });
    const own = await customer.raw(`/api/invoices/${inv.id}/pdf`, { method: 'GET' });
    expect(String(own.body).startsWith('%PDF')).toBe(true);
  });
});

describe('dunning timers', () => {
  let t: TestApp;
  let finance: Client;
  const q = <T = any>(text: string, params: unknown[] = []) => t.deps.database.query<T>(text, params);
  beforeAll(async () => { t = await createTestApp(); finance = await t.login('finance'); });
  afterAll(async () => { await t?.close(); });

  const fire = async (invoiceId: string) => {
    const [timer] = await q<{ id: string; payload: any; due_at: Date }>("SELECT id, payload, due_at FROM timers WHERE entity_id = $1 AND kind = 'invoice.dunning' AND status = 'pending'", [invoiceId]);
    if (!timer) return null;
    await fireTimerJob.handle(t.deps, { timerId: timer.id }, { id: 'test', retryCount: 0 });
    return timer;
  };

  it('a week late: the first reminder fires, the second is scheduled; paying stops the timer', async () => {
    const acc = await t.account({ name: 'Reminder Co' });
    const inv = (await finance.post('/api/invoices', { accountId: acc.id, issueDate: addDays(TODAY, -37), lines: [{ description: 'Work', unitAmount: 4_000_00 }] })).body;
    const timer = await fire(inv.id);
    expect(timer!.payload.stepId).toBe('first_reminder'); // due 7 days ago: the step where it stands, not the missed ones
    const d = (await finance.get(`/api/invoices/${inv.id}`)).body;
    expect(d.dunningEvents.map((e: any) => [e.stepId, e.daysPastDue, e.escalated])).toEqual([['first_reminder', 7, null]]);
    expect(d).toMatchObject({ dunningStep: 'first_reminder', escalatedAt: null, nextDunningStep: { id: 'second_reminder', date: addDays(TODAY, 7) } });
    expect(await q("SELECT 1 FROM activities WHERE entity_id = $1 AND subject LIKE 'Payment reminder for invoice%First overdue reminder'", [inv.id])).toHaveLength(1);
    expect(await q("SELECT 1 FROM domain_events WHERE entity_id = $1 AND type = 'invoice.reminder'", [inv.id])).toHaveLength(1);
    const [next] = await q<{ due_at: Date; payload: any }>("SELECT due_at, payload FROM timers WHERE entity_id = $1 AND status = 'pending'", [inv.id]);
    expect(next.payload.stepId).toBe('second_reminder');
    expect(new Date(next.due_at).toISOString()).toBe(`${addDays(TODAY, 7)}T08:00:00.000Z`);
    // A timer firing twice takes the step once.
    await fireTimerJob.handle(t.deps, { timerId: (await q("SELECT id FROM timers WHERE entity_id = $1 AND status = 'fired'", [inv.id]))[0].id }, { id: 'again', retryCount: 1 });
    expect(await q('SELECT 1 FROM dunning_events WHERE invoice_id = $1', [inv.id])).toHaveLength(1);
    await finance.post(`/api/invoices/${inv.id}/payments`, { amount: 4_000_00 });
    expect(await q("SELECT 1 FROM timers WHERE entity_id = $1 AND status = 'pending'", [inv.id])).toHaveLength(0);
  });

  it('30+ days late: the timer escalates to the playbook roles, sets escalated_at, writes the timeline and emits invoice.escalated', async () => {
    const acc = await t.account({ name: 'Escalation Co' });
    const inv = (await finance.post('/api/invoices', { accountId: acc.id, issueDate: addDays(TODAY, -61), lines: [{ description: 'Work', unitAmount: 9_000_00 }] })).body;
    expect(inv.dueDate).toBe(addDays(TODAY, -31));
    const timer = await fire(inv.id);
    expect(timer!.payload.stepId).toBe('escalation');
    const d = (await finance.get(`/api/invoices/${inv.id}`)).body;
    expect(d.dunningEvents.map((e: any) => [e.stepId, e.daysPastDue, e.escalated])).toEqual([['escalation', 31, ['account_executive', 'csm']]]);
    expect(d.escalatedAt).not.toBeNull();
    expect(d.nextDunningStep).toBeNull();
    expect(await q("SELECT 1 FROM activities WHERE entity_id = $1 AND subject = $2", [inv.id, `Invoice ${inv.number} escalated: 31 days late`])).toHaveLength(1);
    const [ev] = await q<{ payload: any }>("SELECT payload FROM domain_events WHERE entity_id = $1 AND type = 'invoice.escalated'", [inv.id]);
    expect(ev.payload).toMatchObject({ invoiceId: inv.id, accountId: acc.id, daysLate: 31, balance: 9_000_00, escalatedTo: ['account_executive', 'csm'] });
    expect(await q("SELECT 1 FROM timers WHERE entity_id = $1 AND status = 'pending'", [inv.id])).toHaveLength(0); // no step left
    const sm = (await finance.get('/api/finance/summary')).body;
    expect(sm.escalated).toMatchObject({ count: 1, amount: 9_000_00 });
    expect(sm.dunningQueue.map((x: any) => x.invoiceId)).toContain(inv.id);
    expect((await finance.get('/api/invoices?escalated=true')).body.items.map((x: any) => x.id)).toEqual([inv.id]);
    // Voiding is refused for nothing here (no payments): it stops the dunning too.
    expect((await finance.post(`/api/invoices/${inv.id}/void`, { reason: 'disputed, reissued' })).status).toBe(200);
    expect((await finance.get('/api/finance/summary')).body.escalated.count).toBe(0);
  });

  it('the daily run gives open invoices without a timer (loaded outside the API) their next step', async () => {
    const acc = await t.account({ name: 'Loaded Co' });
    const inv = (await finance.post('/api/invoices', { accountId: acc.id, issueDate: addDays(TODAY, -20), lines: [{ description: 'Work', unitAmount: 1_000_00 }] })).body;
    await q("UPDATE timers SET status = 'cancelled' WHERE entity_id = $1", [inv.id]);
    const run = await finance.post('/api/finance/billing-run');
    expect(run.body.dunningScheduled).toBeGreaterThanOrEqual(1);
    const [timer] = await q<{ payload: any }>("SELECT payload FROM timers WHERE entity_id = $1 AND status = 'pending'", [inv.id]);
    expect(timer.payload.stepId).toBe('pre_due_reminder');
  });
});
