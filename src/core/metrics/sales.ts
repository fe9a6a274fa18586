// The sales metrics of 000 §1 and 004 "Success Metrics": definitions, and their playbook targets.
import { z } from 'zod';
import { isoDate } from '../dates';
import type { Playbook } from '../playbook';
import { average, ratePercent, targetStatus, winRate, type Comparator, type TargetStatus } from './formulas';

export const salesMetricsQuerySchema = z.object({
  /** Inclusive start date (YYYY-MM-DD); default: 365 days before `to`. */
  from: isoDate.optional(),
  /** Inclusive end date (YYYY-MM-DD); default: today. */
  to: isoDate.optional(),
  owner: z.uuid().optional(),
}).strict();
export type SalesMetricsQuery = z.infer<typeof salesMetricsQuerySchema>;

/** What the SQL gathers for a period (counts and sums only; see the formulas below). */
export interface SalesAggregates {
  leadsBySource: { source: string; leads: number }[];
  /** Leads created in the period: all (= captured), MQL, SQL (qualified), converted to an opportunity. */
  leads: { total: number; mql: number; sql: number; converted: number };
  /** First response of leads created in the period, in calendar hours from creation. */
  response: { responded: number; withinSla: number; medianHours: number | null; p90Hours: number | null };
  /** Opportunities created in the period, by the furthest stage they reached. */
  opportunities: { created: number; reachedProposal: number; reachedPoc: number; won: number };
  /** Deals closed (close date) in the period. */
  closed: {
    won: number; lost: number; wonAmount: number;
    proposalWon: number; proposalLost: number; pocWon: number; pocLost: number;
    medianDaysToClose: number | null;
  };
  pipeline: { stage: string; deals: number; amount: number; weighted: number }[];
}

export interface MetricValue {
  id: string;
  label: string;
  value: number | null;
  unit: 'percent' | 'hours' | 'days' | 'currency' | 'count';
  /** How it is computed, shown next to the figure. */
  formula: string;
  target: { metricId: string; target: number; comparator: Comparator; source: string } | null;
  status: TargetStatus;
  numerator?: number;
  denominator?: number;
}

function metric(pb: Playbook, id: string, label: string, value: number | null, unit: MetricValue['unit'], formula: string,
  targetId: string | null, extra: Partial<MetricValue> = {}): MetricValue {
  const t = targetId ? pb.metricTargets[targetId] : undefined;
  const target = t ? { metricId: targetId!, target: t.target, comparator: t.comparator, source: t.source } : null;
  return { id, label, value, unit, formula, target, status: targetStatus(value, target), ...extra };
}

/** Turns the period's aggregates into the metric list, each with its playbook target when the playbook has one. */
export function salesMetrics(pb: Playbook, a: SalesAggregates) {
  const c = a.closed;
  const metrics: MetricValue[] = [
    metric(pb, 'lead_response_median', 'Lead response time (median)', a.response.medianHours, 'hours',
      'median of (first response − created) over responded leads', 'lead_response_time'),
    metric(pb, 'lead_response_p90', 'Lead response time (90th percentile)', a.response.p90Hours, 'hours',
      '90th percentile of (first response − created)', 'lead_response_time'),
    metric(pb, 'lead_response_within_sla', 'First responses within the SLA', ratePercent(a.response.withinSla, a.response.responded), 'percent',
      'responses at or before the first-response due time ÷ responded leads', null, { numerator: a.response.withinSla, denominator: a.response.responded }),
    metric(pb, 'mql_to_sql', 'MQL → SQL', ratePercent(a.leads.sql, a.leads.mql), 'percent',
      'qualified leads ÷ MQLs created in the period', null, { numerator: a.leads.sql, denominator: a.leads.mql }),
    metric(pb, 'lead_to_opportunity', 'Lead → opportunity', ratePercent(a.leads.converted, a.leads.total), 'percent',
      'leads converted to an opportunity ÷ leads created in the period', 'lead_to_opportunity_rate', { numerator: a.leads.converted, denominator: a.leads.total }),
    metric(pb, 'discovery_to_proposal', 'Discovery → proposal', ratePercent(a.opportunities.reachedProposal, a.opportunities.created), 'percent',
      'opportunities that reached Proposal or later ÷ opportunities created in the period', null,
      { numerator: a.opportunities.reachedProposal, denominator: a.opportunities.created }),
    metric(pb, 'proposal_win_rate', 'Proposal win rate', winRate(c.proposalWon, c.proposalLost), 'percent',
      'won ÷ (won + lost) over deals closed in the period that reached Proposal', null, { numerator: c.proposalWon, denominator: c.proposalWon + c.proposalLost }),
    metric(pb, 'poc_to_contract', 'POC → contract', winRate(c.pocWon, c.pocLost), 'percent',
      'won ÷ (won + lost) over deals closed in the period that reached POC', null, { numerator: c.pocWon, denominator: c.pocWon + c.pocLost }),
    metric(pb, 'win_rate', 'Win rate', winRate(c.won, c.lost), 'percent',
      'won ÷ (won + lost) over deals closed in the period', null, { numerator: c.won, denominator: c.won + c.lost }),
    metric(pb, 'average_deal_size', 'Average deal size (won)', average(c.wonAmount, c.won), 'currency',
      'sum of won amounts ÷ won deals closed in the period', null, { numerator: c.wonAmount, denominator: c.won }),
    metric(pb, 'median_days_to_close', 'Median days to close (won)', c.medianDaysToClose, 'days',
      'median of (close date − created date) in whole days over won deals closed in the period', 'deal_velocity'),
  ];
  const funnel = [
    { id: 'lead', label: 'Leads', count: a.leads.total },
    { id: 'mql', label: 'MQL', count: a.leads.mql },
    { id: 'sql', label: 'SQL', count: a.leads.sql },
    { id: 'opportunity', label: 'Opportunity', count: a.opportunities.created },
    { id: 'proposal', label: 'Proposal', count: a.opportunities.reachedProposal },
    { id: 'poc', label: 'POC', count: a.opportunities.reachedPoc },
    { id: 'won', label: 'Won', count: a.opportunities.won },
  ];
  const stageOrder = pb.pipeline.stages.filter((s) => s.kind === 'open');
  const pipeline = stageOrder.map((s) => {
    const row = a.pipeline.find((p) => p.stage === s.id);
    return { stage: s.id, label: s.name, probability: s.probability, deals: row?.deals ?? 0, amount: row?.amount ?? 0, weighted: row?.weighted ?? 0 };
  });
  const sourceLabel = new Map(pb.leads.sources.map((s) => [s.id, s.label]));
  const leadVolume = a.leadsBySource.map((r) => ({ ...r, label: sourceLabel.get(r.source) ?? r.source })).sort((x, y) => y.leads - x.leads || x.source.localeCompare(y.source));
  return {
    metrics, funnel, pipeline, leadVolume,
    sla: { firstResponseHours: pb.leads.sla.firstResponseHours, firstResponseTargetBusinessHours: pb.leads.sla.firstResponseTargetBusinessHours },
  };
}
export type SalesMetrics = ReturnType<typeof salesMetrics>;
