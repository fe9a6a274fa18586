// Demo data of the pipeline stream, loaded after accounts, contacts and users (see demo.ts). Prospects carry open
// opportunities across every open stage with the exit criteria of the stages they passed ticked and POCs where the
// deal reached POC; customers carry the won opportunity and contract behind their ARR; some deals were lost.
// Stage timers are not scheduled here (no job queue in the loader): deals past their stage's maximum are flagged overdue.
import { contractEndDate, paymentSchedule } from '../../core/pipeline/contract';
import { openStages, type GateChecks } from '../../core/pipeline/gates';
import { addDays, DEFAULT_ENVIRONMENT_CHECKLIST, pocPlan } from '../../core/pipeline/poc';
import type { Database } from '../db/client';
import { contracts, opportunities, opportunityStageHistory, pocs } from '../db/schema';
import { rebuildTotals } from '../modules/pipeline/totals';
import { currentPlaybook } from '../modules/platform/playbook.service';
import type { DemoContext } from './context';

type Opp = typeof opportunities.$inferInsert;
type Hist = typeof opportunityStageHistory.$inferInsert;
const DAY = 86400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);

const DEAL_NAMES = ['CMDB discovery', 'Service mapping', 'Hybrid cloud discovery', 'Audit readiness', 'CMDB health programme', 'Dependency mapping'];
const MODULES = ['Discovery', 'Service mapping', 'CMDB sync', 'Compliance reporting', 'Cloud discovery'];
const POC_CRITERIA = [
  { measure: 'Servers discovered vs CMDB', target: '≥ 95 %' },
  { measure: 'Business services mapped', target: '3 critical services' },
  { measure: 'CMDB records reconciled', target: '≥ 90 % match' },
  { measure: 'Time to first inventory', target: '< 2 days' },
];

export async function loadPipelineDemo(database: Database, ctx: DemoContext): Promise<number> {
  const db = database.db;
  const { rng: r, now } = ctx;
  const { playbook } = await currentPlaybook(db);
  const open = openStages(playbook.pipeline.stages);
  const lossReasons = playbook.pipeline.lossReasons;
  const arrRows = await database.query<{ id: string; arr: number; created_at: Date }>('SELECT id, arr, created_at FROM accounts WHERE deleted_at IS NULL');
  const accountInfo = new Map(arrRows.map((a) => [a.id, a]));
  const sellers = ctx.usersByRole.sales.length ? ctx.usersByRole.sales : ctx.usersByRole.admin;

  const opps: Opp[] = [];
  const plans: { stages: { stage: string; at: Date }[]; poc?: 'running' | 'completed'; won?: { accountId: string; arr: number; start: string; term: number; fee: number; status: 'signed' | 'active' | 'ended' } }[] = [];
  const tickAll = (ids: string[], at: Date): GateChecks => Object.fromEntries(ids.map((id) => [id, Object.fromEntries(
    open.find((s) => s.id === id)!.exitCriteria.map((c) => [c.id, { at: at.toISOString(), by: null, byName: 'Demo', note: null }]))]));

  const prospects = ctx.accounts.filter((a) => a.lifecycleStage === 'prospect');
  prospects.forEach((a, i) => {
    const k = i % 10; // 3 discovery, 3 proposal, 2 POC, 2 negotiation
    const stageIdx = k < 3 ? 0 : k < 6 ? 1 : k < 8 ? 2 : 3;
    const stage = open[Math.min(stageIdx, open.length - 1)];
    const strategic = a.segment === 'strategic';
    const amount = (strategic ? r.int(250, 650) : r.int(40, 180)) * 1000 * 100;
    // Days in the current stage: mostly within the stage's expected range, about one in five past its maximum.
    const max = stage.expectedDurationDays?.max ?? 14;
    const daysIn = r.next() < 0.2 ? max + r.int(1, 10) : r.int(0, Math.max(1, max - 1));
    const enteredAt = new Date(now.getTime() - daysIn * DAY - r.int(0, 8) * 3600_000);
    const stages: { stage: string; at: Date }[] = [];
    let t = enteredAt.getTime();
    for (let s = stageIdx; s >= 0; s--) {
      stages.unshift({ stage: open[s].id, at: new Date(t) });
      t -= r.int(6, 20) * DAY;
    }
    const passed = open.slice(0, stageIdx).map((s) => s.id);
    const checks = tickAll(passed, enteredAt);
    // Some of the current stage's criteria done already.
    const some = stage.exitCriteria.slice(0, r.int(0, stage.exitCriteria.length - 1));
    if (some.length) checks[stage.id] = Object.fromEntries(some.map((c) => [c.id, { at: now.toISOString(), by: null, byName: 'Demo', note: null }]));
    opps.push({
      accountId: a.id, name: `${a.name}: ${r.pick(DEAL_NAMES)}`, stage: stage.id as Opp['stage'], amount, currency: 'USD',
      closeDate: iso(new Date(now.getTime() + (r.int(10, 40) + (open.length - 1 - stageIdx) * 25) * DAY)),
      probability: stage.probability, forecastCategory: stage.forecastCategory, ownerId: a.aeId ?? r.pick(sellers),
      partnerId: a.partnerId, source: r.pick(['inbound', 'outbound', 'partner_referral', 'event']), stageEnteredAt: enteredAt,
      stageOverdueAt: stage.expectedDurationDays && daysIn > stage.expectedDurationDays.max ? new Date(enteredAt.getTime() + stage.expectedDurationDays.max * DAY) : null,
      gateChecks: checks, createdAt: stages[0].at,
    });
    plans.push({ stages, poc: stage.id === 'poc' ? 'running' : stage.id === 'negotiation' ? 'completed' : undefined });
    // One in six prospects also lost an earlier deal.
    if (i % 6 === 1) {
      const lostAt = new Date(now.getTime() - r.int(60, 400) * DAY);
      const reached = open[r.int(0, open.length - 1)];
      opps.push({
        accountId: a.id, name: `${a.name}: ${r.pick(DEAL_NAMES)} (earlier)`, stage: 'closed_lost', amount: r.int(30, 200) * 1000 * 100,
        currency: 'USD', closeDate: iso(lostAt), probability: 0, forecastCategory: 'omitted', ownerId: a.aeId ?? r.pick(sellers),
        partnerId: a.partnerId, source: 'outbound', stageEnteredAt: lostAt, closedAt: lostAt, lossReason: r.pick(lossReasons).id,
        lossNotes: 'Recorded at close.', createdAt: new Date(lostAt.getTime() - r.int(20, 90) * DAY),
      });
      plans.push({ stages: [{ stage: 'discovery', at: new Date(lostAt.getTime() - 30 * DAY) }, ...(reached.id !== 'discovery' ? [{ stage: reached.id, at: new Date(lostAt.getTime() - 10 * DAY) }] : []), { stage: 'closed_lost', at: lostAt }] });
    }
  });

  for (const a of ctx.accounts.filter((x) => x.lifecycleStage !== 'prospect')) {
    const info = accountInfo.get(a.id);
    if (!info || info.arr <= 0) continue;
    const created = new Date(info.created_at);
    const wonAt = new Date(Math.min(now.getTime() - DAY, created.getTime() + r.int(20, 60) * DAY));
    const term = r.pick([12, 24, 36]);
    const start = iso(wonAt);
    const status = a.lifecycleStage === 'churned' ? 'ended' : a.lifecycleStage === 'implementation' ? 'signed' : 'active';
    const fee = Math.round((info.arr * r.int(30, 60)) / 100 / 100_000) * 100_000; // services ≈ 30–60 % of ARR, whole thousands
    const history = open.map((s, k) => ({ stage: s.id, at: new Date(wonAt.getTime() - (open.length - k) * r.int(10, 25) * DAY) }));
    opps.push({
      accountId: a.id, name: `${a.name}: ${r.pick(DEAL_NAMES)}`, stage: 'closed_won', amount: info.arr, currency: 'USD', closeDate: start,
      probability: 100, forecastCategory: 'closed', ownerId: a.aeId ?? r.pick(sellers), partnerId: a.partnerId, source: 'inbound',
      stageEnteredAt: wonAt, closedAt: wonAt, gateChecks: tickAll(open.map((s) => s.id), wonAt), createdAt: history[0].at,
    });
    plans.push({ stages: [...history, { stage: 'closed_won', at: wonAt }], won: { accountId: a.id, arr: info.arr, start, term, fee, status } });
  }

  const ids: string[] = [];
  for (let s = 0; s < opps.length; s += 300) {
    const rows = await db.insert(opportunities).values(opps.slice(s, s + 300)).returning({ id: opportunities.id });
    ids.push(...rows.map((x) => x.id));
  }
  const history: Hist[] = [];
  const pocRows: (typeof pocs.$inferInsert)[] = [];
  const contractRows: (typeof contracts.$inferInsert)[] = [];
  plans.forEach((p, i) => {
    p.stages.forEach((s, k) => history.push({ opportunityId: ids[i], fromStage: k === 0 ? null : p.stages[k - 1].stage, toStage: s.stage, at: s.at }));
    const o = opps[i];
    if (p.poc) {
      const pocStart = p.stages.find((s) => s.stage === 'poc')!.at;
      const startDate = iso(pocStart);
      const done = p.poc === 'completed';
      const criteria = r.some(POC_CRITERIA, 3).map((c, k) => ({
        id: `criterion_${k + 1}`, ...c, result: done || k === 0 ? 'Met' : null, validated: done || k === 0, evidence: done || k === 0 ? 'POC report, section 3' : null,
      }));
      pocRows.push({
        opportunityId: ids[i], accountId: o.accountId, partnerId: o.partnerId ?? null, status: p.poc,
        scope: 'Discovery of two data centres and one cloud account; reconcile with the ServiceNow CMDB.',
        sowSignedAt: startDate, sowSignedBy: 'Customer CIO', startDate, endDate: addDays(startDate, 7 * playbook.pipeline.poc.standardDurationWeeks - 1),
        successCriteria: criteria, environmentChecklist: DEFAULT_ENVIRONMENT_CHECKLIST.map((e, k) => ({ ...e, done: done || k < 2 })),
        plan: pocPlan(playbook, startDate), findings: done ? 'Coverage 97 % against the CMDB; 412 unknown servers; 3 services mapped end to end.' : null,
        fee: r.int(15, 40) * 1000 * 100, currency: 'USD', feeCredited: true, completedAt: done ? new Date(now.getTime() - 2 * DAY) : null,
      });
    }
    if (p.won) {
      contractRows.push({
        accountId: p.won.accountId, opportunityId: ids[i], partnerId: o.partnerId ?? null, arr: p.won.arr, currency: 'USD',
        termMonths: p.won.term, startDate: p.won.start, endDate: contractEndDate(p.won.start, p.won.term),
        modules: r.some(MODULES, r.int(1, 3)), servicesFee: p.won.fee, pocFeeCredit: 0,
        paymentSchedule: paymentSchedule(playbook, p.won.fee, p.won.start), kpis: [], status: p.won.status, signedAt: new Date(`${p.won.start}T12:00:00Z`),
      });
    }
  });
  for (let s = 0; s < history.length; s += 1000) await db.insert(opportunityStageHistory).values(history.slice(s, s + 1000));
  if (pocRows.length) await db.insert(pocs).values(pocRows);
  for (let s = 0; s < contractRows.length; s += 300) await db.insert(contracts).values(contractRows.slice(s, s + 300));
  await rebuildTotals(database); // the board's rollup of every open deal loaded so far (this stream's and any other's)
  return opps.length;
}
