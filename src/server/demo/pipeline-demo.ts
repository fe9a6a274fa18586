// Demo data of the pipeline stream, from the storylines (storyline.ts): open deals across every open stage with the
// exit criteria of the stages they passed ticked and POCs where the deal reached POC; won deals with the stage history
// before their signature and the contract behind the customer's ARR (its dates, term, modules and services fee from
// the storyline); lost deals with a loss reason. Stage timers are not scheduled here (no job queue in the loader):
// deals past their stage's maximum are flagged overdue.
import { randomUUID } from 'node:crypto';
import { paymentSchedule } from '../../core/pipeline/contract';
import { openStages, type GateChecks } from '../../core/pipeline/gates';
import { addDays, DEFAULT_ENVIRONMENT_CHECKLIST, pocPlan } from '../../core/pipeline/poc';
import type { Database } from '../db/client';
import { rebuildTotals } from '../modules/pipeline/totals';
import { currentPlaybook } from '../modules/platform/playbook.service';
import { rowGroup } from './bulk';
import type { DemoContext } from './context';

const DAY = 86400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);
const noon = (d: string) => new Date(`${d}T12:00:00Z`);

const POC_CRITERIA = [
  { measure: 'Servers discovered vs CMDB', target: '≥ 95 %' },
  { measure: 'Business services mapped', target: '3 critical services' },
  { measure: 'CMDB records reconciled', target: '≥ 90 % match' },
  { measure: 'Time to first inventory', target: '< 2 days' },
];

const AT = '@at@';
const opportunity = (wonChecks: GateChecks) => ({
  id: 'uuid', accountId: 'uuid', name: 'text', stage: 'text', amount: 'bigint', currency: 'text', closeDate: 'date', probability: 'int',
  forecastCategory: 'text', ownerId: 'uuid', partnerId: 'uuid', source: 'text', stageEnteredAt: 'timestamptz', stageOverdueAt: 'timestamptz',
  // A won deal has every exit criterion ticked at its signature: one template filled in by the database, instead of
  // a kilobyte of JSON per deal from here.
  gateChecks: ['jsonb', `CASE WHEN x.stage = 'closed_won' THEN replace('${JSON.stringify(wonChecks).replace(/'/g, "''")}', '${AT}',
    to_char(x.closed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::jsonb ELSE '{}'::jsonb END`],
  closedAt: 'timestamptz', lossReason: 'text', lossNotes: 'text', createdAt: 'timestamptz', updatedAt: 'timestamptz',
} as const);
const HISTORY = { opportunityId: 'uuid', fromStage: 'text', toStage: 'text', at: 'timestamptz' } as const;
const POC = {
  opportunityId: 'uuid', accountId: 'uuid', partnerId: 'uuid', status: 'text', scope: 'text', sowSignedAt: 'date', sowSignedBy: 'text', startDate: 'date',
  endDate: 'date', successCriteria: 'jsonb', environmentChecklist: 'jsonb', plan: 'jsonb', findings: 'text', fee: 'bigint', currency: 'text',
  feeCredited: 'bool', completedAt: 'timestamptz', createdAt: 'timestamptz', updatedAt: 'timestamptz',
} as const;
const CONTRACT = {
  id: 'uuid', accountId: 'uuid', opportunityId: 'uuid', partnerId: 'uuid', arr: 'bigint', currency: 'text', termMonths: 'int', startDate: 'date',
  endDate: 'date', modules: 'text[]', servicesFee: 'bigint', pocFeeCredit: 'bigint', paymentSchedule: 'jsonb', kpis: ['jsonb', "'[]'::jsonb"],
  status: 'text', signedAt: 'timestamptz', createdAt: 'timestamptz', updatedAt: 'timestamptz',
} as const;

export async function loadPipelineDemo(database: Database, ctx: DemoContext): Promise<number> {
  const db = database.db;
  const { rng: r, now } = ctx;
  const { playbook } = await currentPlaybook(db);
  const open = openStages(playbook.pipeline.stages);
  const lossReasons = playbook.pipeline.lossReasons;
  const sellers = ctx.usersByRole.sales.length ? ctx.usersByRole.sales : ctx.usersByRole.admin;
  const mark = (at: Date | string) => ({ at: typeof at === 'string' ? at : at.toISOString(), by: null, byName: 'Demo', note: null });
  const tickAll = (ids: string[], at: Date | string): GateChecks => Object.fromEntries(ids.map((id) => [id, Object.fromEntries(
    open.find((s) => s.id === id)!.exitCriteria.map((c) => [c.id, mark(at)]))]));

  // Rows go out while they are produced: a deal, its stage history, POC and contract in the same statement.
  const rows = rowGroup(db, { opportunities: opportunity(tickAll(open.map((s) => s.id), AT)), opportunity_stage_history: HISTORY, pocs: POC, contracts: CONTRACT });
  const trail = async (id: string, stages: { stage: string; at: Date }[]) => {
    for (let k = 0; k < stages.length; k++) await rows.add('opportunity_stage_history', { opportunityId: id, fromStage: k === 0 ? null : stages[k - 1].stage, toStage: stages[k].stage, at: stages[k].at });
  };

  for (const a of ctx.accounts) {
    for (const deal of a.story.deals) {
      const id = randomUUID();
      deal.ids.opportunity = id;
      const base = {
        id, accountId: a.id, name: `${a.name}: ${deal.title}`, amount: deal.case.amount, currency: 'USD', ownerId: a.aeId ?? r.pick(sellers), partnerId: a.partnerId,
        source: deal.kind === 'new' ? r.pick(['inbound', 'outbound', 'partner_referral', 'event']) : 'customer_base',
      };
      if (deal.stage === 'closed_won') {
        const wonAt = noon(deal.closedOn!);
        const stages = open.map((s, k) => ({ stage: s.id, at: new Date(wonAt.getTime() - (open.length - k) * r.int(10, 25) * DAY) }));
        await rows.add('opportunities', {
          ...base, stage: 'closed_won', closeDate: deal.closedOn, probability: 100, forecastCategory: 'closed', stageEnteredAt: wonAt, closedAt: wonAt,
          createdAt: stages[0].at, updatedAt: wonAt,
        });
        await trail(id, [...stages, { stage: 'closed_won', at: wonAt }]);
        const c = deal.contract!;
        const contractId = randomUUID();
        deal.ids.contract = contractId;
        await rows.add('contracts', {
          id: contractId, accountId: a.id, opportunityId: id, partnerId: a.partnerId, arr: deal.case.amount, currency: 'USD', termMonths: c.termMonths,
          startDate: c.start, endDate: c.end, modules: c.modules, servicesFee: c.servicesFee, pocFeeCredit: 0,
          paymentSchedule: paymentSchedule(playbook, c.servicesFee, c.start), status: c.status, signedAt: wonAt, createdAt: wonAt, updatedAt: wonAt,
        });
      } else if (deal.stage === 'closed_lost') {
        const lostAt = noon(deal.closedOn!);
        const reached = open[r.int(0, open.length - 1)];
        await rows.add('opportunities', {
          ...base, stage: 'closed_lost', closeDate: deal.closedOn, probability: 0, forecastCategory: 'omitted', stageEnteredAt: lostAt, closedAt: lostAt,
          lossReason: r.pick(lossReasons).id, lossNotes: 'Recorded at close.', createdAt: new Date(lostAt.getTime() - r.int(35, 90) * DAY), updatedAt: lostAt,
        });
        await trail(id, [{ stage: 'discovery', at: new Date(lostAt.getTime() - 30 * DAY) }, ...(reached.id !== 'discovery' ? [{ stage: reached.id, at: new Date(lostAt.getTime() - 10 * DAY) }] : []), { stage: 'closed_lost', at: lostAt }]);
      } else {
        const stageIdx = Math.max(0, open.findIndex((s) => s.id === deal.stage));
        const stage = open[stageIdx];
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
        const checks = tickAll(open.slice(0, stageIdx).map((s) => s.id), enteredAt);
        deal.ids.closeDate = iso(new Date(now.getTime() + (r.int(10, 40) + (open.length - 1 - stageIdx) * 25) * DAY));
        // Some of the current stage's criteria done already.
        const some = stage.exitCriteria.slice(0, r.int(0, stage.exitCriteria.length - 1));
        if (some.length) checks[stage.id] = Object.fromEntries(some.map((c) => [c.id, mark(now)]));
        await rows.add('opportunities', {
          ...base, stage: stage.id, closeDate: deal.ids.closeDate,
          probability: stage.probability, forecastCategory: stage.forecastCategory, stageEnteredAt: enteredAt,
          stageOverdueAt: stage.expectedDurationDays && daysIn > stage.expectedDurationDays.max ? new Date(enteredAt.getTime() + stage.expectedDurationDays.max * DAY) : null,
          gateChecks: checks, createdAt: stages[0].at, updatedAt: enteredAt,
        });
        await trail(id, stages);
        // A new customer's deal in POC runs its POC; in negotiation the POC is done (add-ons need none).
        const poc = deal.kind === 'new' && (stage.id === 'poc' || stage.id === 'negotiation') ? stages.find((s) => s.stage === 'poc') : undefined;
        if (poc) {
          const startDate = iso(poc.at);
          const done = stage.id === 'negotiation';
          const criteria = r.some(POC_CRITERIA, 3).map((c, k) => ({
            id: `criterion_${k + 1}`, ...c, result: done || k === 0 ? 'Met' : null, validated: done || k === 0, evidence: done || k === 0 ? 'POC report, section 3' : null,
          }));
          const endDate = addDays(startDate, 7 * playbook.pipeline.poc.standardDurationWeeks - 1);
          await rows.add('pocs', {
            opportunityId: id, accountId: a.id, partnerId: a.partnerId, status: done ? 'completed' : 'running',
            scope: 'Discovery of two data centres and one cloud account; reconcile with the ServiceNow CMDB.',
            sowSignedAt: startDate, sowSignedBy: 'Customer CIO', startDate, endDate, successCriteria: criteria,
            environmentChecklist: DEFAULT_ENVIRONMENT_CHECKLIST.map((e, k) => ({ ...e, done: done || k < 2 })), plan: pocPlan(playbook, startDate),
            findings: done ? 'Coverage 97 % against the CMDB; 412 unknown servers; 3 services mapped end to end.' : null,
            fee: r.int(15, 40) * 1000 * 100, currency: 'USD', feeCredited: true, completedAt: done ? enteredAt : null, createdAt: poc.at, updatedAt: done ? enteredAt : poc.at,
          });
        }
      }
    }
  }
  const { opportunities: n } = await rows.end();
  await rebuildTotals(database); // the board's rollup of every open deal loaded so far (this stream's and any other's)
  return n;
}
