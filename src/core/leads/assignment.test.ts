import { describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../playbook';
import { rankCandidates, sizeTierOf, type Candidate } from './assignment';

const config = defaultPlaybook.leads.assignment;
const now = new Date('2025-03-03T10:00:00Z');
const person = (over: Partial<Candidate>): Candidate => ({
  userId: over.name ?? 'x', name: 'x', territories: [], verticals: [], sizeTier: null, capacity: 20, outOfOfficeUntil: null, openLeads: 0, ...over,
});
const lead = { region: 'EMEA', country: 'DK', industry: 'Financial Services', employees: 8000 };

describe('lead assignment', () => {
  it('ranks territory → vertical → size → workload with the playbook weights and explains the choice', () => {
    const r = rankCandidates(config, lead, [
      person({ name: 'Ana', territories: ['EMEA'], verticals: ['Financial Services'], sizeTier: 'enterprise', openLeads: 5 }),
      person({ name: 'Bo', territories: ['EMEA'], verticals: ['Retail'], sizeTier: 'enterprise', openLeads: 0 }),
      person({ name: 'Cy', territories: ['NA'], verticals: ['Financial Services'], sizeTier: 'enterprise', openLeads: 0 }),
    ], now);
    expect(r.ranking.map((c) => [c.name, c.points])).toEqual([['Ana', 40 + 30 + 20 + 8], ['Bo', 40 + 20 + 10], ['Cy', 30 + 20 + 10]]);
    expect(r.chosen?.name).toBe('Ana');
    expect(r.explanation).toBe('Assigned to Ana (98 points): EMEA territory +40, Financial Services +30, Enterprise (5,000+ employees) +20, workload 5/20 open +8.');
  });

  it('matches a country territory, is case-insensitive, and breaks ties by the lighter workload', () => {
    const r = rankCandidates({ ...config, criteria: config.criteria.map((c) => (c.id === 'workload' ? { ...c, weightPercent: 0 } : c)) },
      lead, [person({ name: 'Dee', territories: ['dk'], openLeads: 3 }), person({ name: 'Eli', territories: ['emea'], openLeads: 1 })], now);
    expect(r.ranking.map((c) => c.points)).toEqual([40, 40]);
    expect(r.chosen?.name).toBe('Eli');
    expect(r.ranking[1].parts[0].text).toBe('DK territory +40');
  });

  it('skips people out of office and at capacity, and says so', () => {
    const r = rankCandidates(config, lead, [
      person({ name: 'Fay', territories: ['EMEA'], outOfOfficeUntil: new Date('2025-03-10T00:00:00Z') }),
      person({ name: 'Gus', territories: ['EMEA'], capacity: 4, openLeads: 4 }),
      person({ name: 'Hal', territories: ['APAC'], outOfOfficeUntil: new Date('2025-03-01T00:00:00Z') }),
    ], now);
    expect(r.chosen?.name).toBe('Hal');
    expect(r.skipped.map((s) => s.name)).toEqual(['Fay', 'Gus']);
    expect(r.explanation).toContain('Skipped: Fay (out of office until 2025-03-10); Gus (at capacity (4/4 open leads))');
    const none = rankCandidates(config, lead, [person({ name: 'Ivy', capacity: 0 })], now);
    expect(none.chosen).toBeNull();
    expect(none.explanation).toMatch(/^No one available/);
  });

  it('size tiers are read largest first', () => {
    expect(sizeTierOf(config, 5000)?.id).toBe('enterprise');
    expect(sizeTierOf(config, 4999)?.id).toBe('mid_market');
    expect(sizeTierOf(config, 10)?.id).toBe('smb');
    expect(sizeTierOf(config, null)).toBeNull();
  });
});
