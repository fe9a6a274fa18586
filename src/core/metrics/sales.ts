// The sales figures of 000 §1 and 004 "Success Metrics" for a period: the SQL gathers counts and sums, this file turns
// them into values, each carrying its catalogue definition and its playbook target. Figures that share a name share a
// count (the funnel's Won is the win rate's won), so the page cannot contradict itself.
import { z } from 'zod';
import { isoDate } from '../dates';
import type { Playbook } from '../playbook';
import { metricDefinition, type MetricDefinition, type MetricId } from './catalogue';
import { average, ratePercent, targetStatus, winRate, type Comparator, type TargetStatus } from './formulas';
import { PERIOD_PRESETS, type ResolvedPeriod } from './period';

export const salesMetricsQuerySchema = z.object({
  /** A named period; default: the last 365 days. */
  period: z.enum(PERIOD_PRESETS).optional(),
  /** Inclusive start date (YYYY-MM-DD), instead of `period`; default: 364 days before `to`. */
  from: isoDate.optional(),
  /** Inclusive end date (YYYY-MM-DD), instead of `period`; default: today. */
  to: isoDate.optional(),
  owner: z.uuid().optional(),
}).strict().refine((q) => !(q.period && (q.from || q.to)), { message: 'Choose either a period or from/to dates', path: ['period'] });
export type SalesMetricsQuery = z.infer<typeof salesMetricsQuerySchema>;

/** Decided and open clocks of one kind (first-response SLA or the stricter target) over leads created in the period. */
export interface ClockTally { onTime: number; late: number; overdue: number; pending: number }

/** What the SQL gathers (counts and sums only). */
export interface SalesAggregates {
  /** Leads created in the period, by channel. */
  leadsBySource: { source: string; leads: number }[];
  /** Funnel journeys by the furthest stage reached in the period (index into funnelStages) and whether a lead started them. */
  journeys: { rank: number; fromLead: boolean; journeys: number }[];
  /** Calendar hours to the first response of answered leads created in the period. */
  response: { responded: number; medianHours: number | null; p90Hours: number | null };
  sla: ClockTally;
  target: ClockTally;
  /** Deals closed (close date) in the period; amounts only of won deals in the report currency. */
  closed: { won: number; lost: number; wonInCurrency: number; wonAmount: number; medianDaysToClose: number | null };
  /** Stage conversion over deals whose path the product recorded (known) vs. imported without one (unknown). */
  paths: {
    created: { known: number; unknown: number; reachedProposal: number };
    proposal: { won: number; lost: number };
    poc: { won: number; lost: number };
    closedUnknown: number;
  };
  /** Open deals now; amounts in the report currency. */
  pipeline: { stage: string; deals: number; amount: number; weighted: number }[];
  /** The latest close date of any closed deal in scope (all time), for the empty-period hint. */
  latestClose: string | null;
}

export interface MetricValue {
  id: MetricId;
  label: string;
  definition: string;
  formula: string;
  unit: MetricDefinition['unit'];
  /** For unit 'minor_units': the currency of value and numerator; otherwise null. */
  currency: string | null;
  direction: MetricDefinition['direction'];
  seed: string;
  value: number | null;
  /** For rates and averages: what was divided (n = denominator). */
  numerator?: number;
  denominator?: number;
  /** Records the definition leaves out (deals without a recorded path, won deals in another currency). */
  excluded?: number;
  target: { metricId: string; target: number; comparator: Comparator; unit: string; source: string } | null;
  status: TargetStatus;
}

export interface FunnelStage { id: string; label: string; definition: string; count: number; fromLeads: number; withoutLead: number }

/** Lead, MQL, SQL, then the playbook's open stages (the first one is "Opportunity"), then Won. */
export function funnelStages(pb: Playbook): { id: string; label: string; definition: string }[] {
  const open = pb.pipeline.stages.filter((s) => s.kind === 'open');
  const won = pb.pipeline.stages.find((s) => s.kind === 'won')!;
  return [
    { id: 'lead', label: 'Lead', definition: 'created in the period' },
    { id: 'mql', label: 'MQL', definition: 'first response recorded, or scored warm or hot' },
    { id: 'sql', label: 'SQL', definition: 'qualified against BANT' },
    ...open.map((s, i) => i === 0
      ? { id: s.id, label: 'Opportunity', definition: `converted to a deal, or created as one (${s.name})` }
      : { id: s.id, label: s.name, definition: `moved to ${s.name}` }),
    { id: won.id, label: 'Won', definition: 'closed won, close date in the period' },
  ];
}

function value(pb: Playbook, id: MetricId, v: number | null, extra: Partial<MetricValue> = {}, currency: string | null = null): MetricValue {
  const d = metricDefinition(id);
  const t = d.targetId ? pb.metricTargets[d.targetId] : undefined;
  const target = t ? { metricId: d.targetId!, target: t.target, comparator: t.comparator, unit: t.unit, source: t.source } : null;
  return {
    id, label: d.label, definition: d.definition, formula: d.formula, unit: d.unit, currency: d.unit === 'minor_units' ? currency : null,
    direction: d.direction, seed: d.seed, value: v, ...extra, target, status: targetStatus(v, target),
  };
}

const rate = (pb: Playbook, id: MetricId, num: number, den: number, extra: Partial<MetricValue> = {}) =>
  value(pb, id, ratePercent(num, den), { numerator: num, denominator: den, ...extra });
const closedRate = (pb: Playbook, id: MetricId, c: { won: number; lost: number }, excluded?: number) =>
  value(pb, id, winRate(c.won, c.lost), { numerator: c.won, denominator: c.won + c.lost, ...(excluded === undefined ? {} : { excluded }) });

const tallyRate = (pb: Playbook, id: MetricId, t: ClockTally) => rate(pb, id, t.onTime, t.onTime + t.late + t.overdue);

/** Turns the period's aggregates into the page: metrics, funnel, SLA, pipeline, lead volume and the period itself. */
export function salesMetrics(pb: Playbook, a: SalesAggregates, period: ResolvedPeriod) {
  const currency = pb.currency;
  const stages = funnelStages(pb);
  // "Reached this stage or a later one": each stage counts every journey whose furthest stage is at or after it.
  const atLeast = (rank: number, fromLead?: boolean) => a.journeys
    .filter((j) => j.rank >= rank && (fromLead === undefined || j.fromLead === fromLead)).reduce((n, j) => n + j.journeys, 0);
  const funnel: FunnelStage[] = stages.map((s, rank) => ({ ...s, count: atLeast(rank), fromLeads: atLeast(rank, true), withoutLead: atLeast(rank, false) }));
  const opportunityRank = 3;
  const c = a.closed;
  const p = a.paths;
  const metrics: MetricValue[] = [
    value(pb, 'leads_created', a.leadsBySource.reduce((n, s) => n + s.leads, 0)),
    rate(pb, 'mql_to_sql', funnel[2].fromLeads, funnel[1].fromLeads),
    rate(pb, 'lead_to_opportunity', funnel[opportunityRank].fromLeads, funnel[0].fromLeads),
    tallyRate(pb, 'first_response_sla', a.sla),
    tallyRate(pb, 'first_response_target', a.target),
    value(pb, 'lead_response_median', a.response.medianHours, { denominator: a.response.responded }),
    value(pb, 'lead_response_p90', a.response.p90Hours, { denominator: a.response.responded }),
    rate(pb, 'discovery_to_proposal', p.created.reachedProposal, p.created.known, { excluded: p.created.unknown }),
    closedRate(pb, 'proposal_win_rate', p.proposal, p.closedUnknown),
    closedRate(pb, 'poc_to_contract', p.poc, p.closedUnknown),
    value(pb, 'won_deals', c.won),
    value(pb, 'lost_deals', c.lost),
    closedRate(pb, 'win_rate', c),
    value(pb, 'average_deal_size', nullableRound(average(c.wonAmount, c.wonInCurrency)),
      { numerator: Math.round(c.wonAmount), denominator: c.wonInCurrency, excluded: c.won - c.wonInCurrency }, currency),
    value(pb, 'median_days_to_close', c.medianDaysToClose, { denominator: c.won }),
  ];
  const open = pb.pipeline.stages.filter((s) => s.kind === 'open');
  const pipeline = open.map((s) => {
    const row = a.pipeline.find((r) => r.stage === s.id);
    return {
      stage: s.id, label: s.name, probability: s.probability, deals: row?.deals ?? 0,
      amount: Math.round(row?.amount ?? 0), weighted: Math.round(row?.weighted ?? 0), unit: 'minor_units' as const, currency,
    };
  });
  const sourceLabel = new Map(pb.leads.sources.map((s) => [s.id, s.label]));
  const leadVolume = a.leadsBySource.map((r) => ({ ...r, label: sourceLabel.get(r.source) ?? r.source }))
    .sort((x, y) => y.leads - x.leads || x.source.localeCompare(y.source));
  const sla = pb.leads.sla;
  const clockWord = sla.clock === 'business' ? 'business hours' : 'hours';
  return {
    period: { ...period, emptyHint: c.won + c.lost === 0 && a.latestClose ? { latestClose: a.latestClose } : null },
    currency,
    metrics,
    funnel,
    pipeline,
    leadVolume,
    sla: {
      firstResponseHours: sla.firstResponseHours,
      clock: sla.clock,
      firstResponseTargetBusinessHours: sla.firstResponseTargetBusinessHours,
      slaLabel: `SLA: first response within ${sla.firstResponseHours} ${clockWord}`,
      targetLabel: `Target: first response within ${sla.firstResponseTargetBusinessHours} business ${sla.firstResponseTargetBusinessHours === 1 ? 'hour' : 'hours'}`,
      attainment: a.sla,
      targetAttainment: a.target,
    },
  };
}
export type SalesMetrics = ReturnType<typeof salesMetrics>;

function nullableRound(n: number | null): number | null {
  return n === null ? null : Math.round(n);
}
