import { describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../playbook';
import { average, daysBetween, median, meets, percentile, ratePercent, salesMetrics, targetStatus, winRate, type SalesAggregates } from './index';

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
    leads: { total: 10, mql: 8, sql: 4, converted: 4 },
    response: { responded: 8, withinSla: 6, medianHours: 3.5, p90Hours: 30 },
    opportunities: { created: 5, reachedProposal: 3, reachedPoc: 2, won: 1 },
    closed: { won: 3, lost: 1, wonAmount: 3_000_001, proposalWon: 2, proposalLost: 1, pocWon: 1, pocLost: 0, medianDaysToClose: 80 },
    pipeline: [{ stage: 'proposal', deals: 2, amount: 500, weighted: 200 }],
  };
  const m = salesMetrics(defaultPlaybook, a);
  const byId = Object.fromEntries(m.metrics.map((x) => [x.id, x]));

  it('computes each metric and compares it with its playbook target', () => {
    expect(byId.lead_to_opportunity).toMatchObject({ value: 40, status: 'on_target', target: { target: 30, comparator: 'gt' } });
    expect(byId.win_rate).toMatchObject({ value: 75, status: 'no_target', numerator: 3, denominator: 4 });
    expect(byId.average_deal_size.value).toBe(3_000_001 / 3);
    expect(byId.median_days_to_close).toMatchObject({ value: 80, status: 'off_target', target: { target: 72, comparator: 'lte' } });
    expect(byId.lead_response_median).toMatchObject({ value: 3.5, status: 'on_target' });
    expect(byId.lead_response_p90).toMatchObject({ value: 30, status: 'off_target' });
    expect(byId.mql_to_sql.value).toBe(50);
    expect(byId.discovery_to_proposal.value).toBe(60);
    expect(byId.proposal_win_rate.value).toBeCloseTo(200 / 3, 10);
    expect(byId.poc_to_contract.value).toBe(100);
    expect(byId.lead_response_within_sla.value).toBe(75);
  });

  it('lists the funnel, every open stage of the pipeline and lead volume by channel with labels', () => {
    expect(m.funnel.map((f) => f.count)).toEqual([10, 8, 4, 5, 3, 2, 1]);
    expect(m.pipeline.map((p) => p.stage)).toEqual(['discovery', 'proposal', 'poc', 'negotiation']);
    expect(m.pipeline[1]).toMatchObject({ deals: 2, amount: 500, weighted: 200 });
    expect(m.leadVolume[0]).toMatchObject({ source: 'webinar', label: 'Webinar registration', leads: 6 });
    expect(m.sla.firstResponseHours).toBe(24);
  });
});
