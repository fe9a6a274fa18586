import { describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../playbook';
import {
  average, daysBetween, median, meets, METRIC_CATALOGUE, percentile, ratePercent, resolvePeriod, salesMetrics,
  targetStatus, winRate, type SalesAggregates,
} from './index';

describe('formulas', () => {
  it('rates, win rate and averages', () => {
    expect(ratePercent(3, 10)).toBe(30);
    expect(ratePercent(1, 0)).toBeNull();
    expect(winRate(3, 1)).toBe(75); // open deals are not in the denominator
    expect(winRate(0, 0)).toBeNull();
    expect(average(10_001, 2)).toBe(5000.5);
    expect(average(5, 0)).toBeNull();
  });

  it('percentiles interpolate like PostgreSQL percentile_cont', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([1, 2, 3, 10])).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1, 10);
    expect(median([])).toBeNull();
  });

  it('target comparators and status', () => {
    expect(meets(31, 'gt', 30)).toBe(true);
    expect(meets(30, 'gt', 30)).toBe(false);
    expect(meets(30, 'gte', 30)).toBe(true);
    expect(meets(23.9, 'lt', 24)).toBe(true);
    expect(meets(72, 'lte', 72)).toBe(true);
    expect(meets(100, 'eq', 100)).toBe(true);
    expect(targetStatus(null, { target: 1, comparator: 'gt' })).toBe('no_data');
    expect(targetStatus(5, null)).toBe('no_target');
    expect(targetStatus(20, { target: 30, comparator: 'gt' })).toBe('off_target');
  });

  it('days between dates ignore daylight saving', () => {
    expect(daysBetween('2024-03-01', '2024-04-01')).toBe(31);
    expect(daysBetween('2024-10-20', '2024-10-30')).toBe(10);
    expect(daysBetween('2024-01-10', '2024-01-01')).toBe(-9);
  });
});

describe('sales metrics', () => {
  const a: SalesAggregates = {
    leadsBySource: [{ source: 'website', leads: 4 }, { source: 'webinar', leads: 6 }],
    // furthest stage in the period: 0 lead … 3 opportunity (discovery) … 6 negotiation, 7 won
    journeys: [
      { rank: 0, fromLead: true, journeys: 2 }, { rank: 1, fromLead: true, journeys: 4 }, { rank: 2, fromLead: true, journeys: 1 },
      { rank: 3, fromLead: true, journeys: 2 }, { rank: 7, fromLead: true, journeys: 1 },
      { rank: 3, fromLead: false, journeys: 2 }, { rank: 4, fromLead: false, journeys: 1 }, { rank: 5, fromLead: false, journeys: 1 },
      { rank: 7, fromLead: false, journeys: 2 },
    ],
    response: { responded: 8, medianHours: 3.5, p90Hours: 30 },
    sla: { onTime: 6, late: 1, overdue: 3, pending: 2 },
    target: { onTime: 2, late: 5, overdue: 5, pending: 0 },
    closed: { won: 3, lost: 1, wonInCurrency: 2, wonAmount: 3_000_001, medianDaysToClose: 80 },
    paths: { created: { known: 5, unknown: 2, reachedProposal: 3 }, proposal: { won: 2, lost: 1 }, poc: { won: 1, lost: 0 }, closedUnknown: 1 },
    pipeline: [{ stage: 'proposal', deals: 2, amount: 500, weighted: 200.4 }],
    latestClose: null,
  };
  const period = resolvePeriod({}, '2026-06-30');
  const m = salesMetrics(defaultPlaybook, a, period);
  const byId = Object.fromEntries(m.metrics.map((x) => [x.id, x]));

  it('the funnel counts journeys at their furthest stage or later, so every stage is a subset of the one before', () => {
    expect(m.funnel.map((f) => f.label)).toEqual(['Lead', 'MQL', 'SQL', 'Opportunity', 'Proposal', 'POC', 'Negotiation', 'Won']);
    expect(m.funnel.map((f) => f.count)).toEqual([16, 14, 10, 9, 5, 4, 3, 3]);
    expect(m.funnel.map((f) => f.fromLeads)).toEqual([10, 8, 4, 3, 1, 1, 1, 1]);
    for (const f of m.funnel) expect(f.fromLeads + f.withoutLead).toBe(f.count);
  });

  it('one won count: the funnel, the won deals and the win rate agree', () => {
    expect(byId.won_deals.value).toBe(3);
    expect(m.funnel.at(-1)!.count).toBe(3);
    expect(byId.win_rate).toMatchObject({ value: 75, numerator: 3, denominator: 4, status: 'no_target' });
  });

  it('lead rates come from the lead journeys of the funnel; targets from the playbook', () => {
    expect(byId.mql_to_sql).toMatchObject({ value: 50, numerator: 4, denominator: 8 });
    expect(byId.lead_to_opportunity).toMatchObject({ value: 30, numerator: 3, denominator: 10, status: 'off_target', target: { target: 30, comparator: 'gt' } });
    expect(byId.median_days_to_close).toMatchObject({ value: 80, status: 'off_target', target: { target: 72, comparator: 'lte', source: '002 Measurable Outcomes' } });
    expect(byId.lead_response_median).toMatchObject({ value: 3.5, status: 'on_target', denominator: 8 });
    expect(byId.lead_response_p90).toMatchObject({ value: 30, status: 'off_target' });
  });

  it('SLA attainment counts unanswered leads past due as breaches; pending ones are not counted', () => {
    expect(byId.first_response_sla).toMatchObject({ value: 60, numerator: 6, denominator: 10 });
    expect(byId.first_response_target).toMatchObject({ numerator: 2, denominator: 12 });
    expect(m.sla).toMatchObject({ firstResponseHours: 24, firstResponseTargetBusinessHours: 1, clock: 'business',
      slaLabel: 'SLA: first response within 24 business hours', targetLabel: 'Target: first response within 1 business hour' });
  });

  it('stage conversion rests on recorded paths and says on how many deals', () => {
    expect(byId.discovery_to_proposal).toMatchObject({ value: 60, numerator: 3, denominator: 5, excluded: 2 });
    expect(byId.proposal_win_rate.value).toBeCloseTo(200 / 3, 10);
    expect(byId.proposal_win_rate).toMatchObject({ denominator: 3, excluded: 1 });
    expect(byId.poc_to_contract).toMatchObject({ value: 100, denominator: 1, excluded: 1 });
  });

  it('money is integer minor units with its currency', () => {
    expect(byId.average_deal_size).toMatchObject({ value: 1_500_001, unit: 'minor_units', currency: 'USD', numerator: 3_000_001, denominator: 2, excluded: 1 });
    expect(m.pipeline[1]).toMatchObject({ stage: 'proposal', deals: 2, amount: 500, weighted: 200, unit: 'minor_units', currency: 'USD' });
    for (const x of m.metrics) expect(x.currency).toBe(x.unit === 'minor_units' ? 'USD' : null);
  });

  it('lists every open stage and lead volume by channel with labels, and each figure with its definition', () => {
    expect(m.pipeline.map((p) => p.stage)).toEqual(['discovery', 'proposal', 'poc', 'negotiation']);
    expect(m.leadVolume[0]).toMatchObject({ source: 'webinar', label: 'Webinar registration', leads: 6 });
    for (const x of m.metrics) expect(x.definition).toBe(METRIC_CATALOGUE.find((d) => d.id === x.id)!.definition);
  });

  it('says which period it shows and hints at other history when the period has no closed deal', () => {
    expect(m.period).toMatchObject({ preset: '365d', from: '2025-07-01', to: '2026-06-30', days: 365, emptyHint: null });
    const empty = salesMetrics(defaultPlaybook, { ...a, closed: { ...a.closed, won: 0, lost: 0 }, latestClose: '2019-06-30' }, period);
    expect(empty.period.emptyHint).toEqual({ latestClose: '2019-06-30' });
  });
});

describe('periods', () => {
  const today = '2026-05-14';
  it('named choices resolve to inclusive UTC dates', () => {
    expect(resolvePeriod({ period: '30d' }, today)).toMatchObject({ from: '2026-04-15', to: today, days: 30 });
    expect(resolvePeriod({ period: 'quarter' }, today)).toMatchObject({ from: '2026-04-01', to: today });
    expect(resolvePeriod({ period: 'last_quarter' }, today)).toMatchObject({ from: '2026-01-01', to: '2026-03-31', days: 90 });
    expect(resolvePeriod({ period: 'last_quarter' }, '2026-02-10')).toMatchObject({ from: '2025-10-01', to: '2025-12-31' });
    expect(resolvePeriod({ period: 'year' }, today)).toMatchObject({ from: '2026-01-01', to: today });
    expect(resolvePeriod({ period: 'last_year' }, today)).toMatchObject({ from: '2025-01-01', to: '2025-12-31', days: 365 });
    expect(resolvePeriod({ from: '2019-01-01', to: '2019-12-31' }, today)).toMatchObject({ preset: 'custom', days: 365 });
    expect(resolvePeriod({ to: '2019-12-31' }, today)).toMatchObject({ from: '2019-01-01' });
  });

  it('all time runs from the first record to today or a later close date', () => {
    expect(resolvePeriod({ period: 'all' }, today, { first: '2018-03-02', last: '2019-01-01' })).toMatchObject({ from: '2018-03-02', to: today, label: 'All time' });
    expect(resolvePeriod({ period: 'all' }, today, { first: null, last: '2026-09-01' })).toMatchObject({ from: today, to: '2026-09-01' });
  });
});

describe('metric catalogue', () => {
  it('every entry is complete; targets name playbook metric targets', () => {
    for (const d of METRIC_CATALOGUE) {
      expect(d.definition.length).toBeGreaterThan(40);
      expect(d.seed).toBeTruthy();
      if (d.targetId) expect(defaultPlaybook.metricTargets[d.targetId]).toBeDefined();
    }
    expect(new Set(METRIC_CATALOGUE.map((d) => d.id)).size).toBe(METRIC_CATALOGUE.length);
  });
});
