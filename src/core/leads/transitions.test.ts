import { describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../playbook';
import { mergedFields, type MergeableLead } from './merge';
import { companyDomain } from './schemas';
import { bantCheck, bantQuestionKeys, transitionProblem } from './transitions';

describe('lead status machine', () => {
  it('allows new → working → qualified | disqualified and refuses the rest with a clear message', () => {
    expect(transitionProblem('new', 'working')).toBeNull();
    expect(transitionProblem('working', 'qualified')).toBeNull();
    expect(transitionProblem('working', 'disqualified')).toBeNull();
    expect(transitionProblem('disqualified', 'working')).toBeNull();
    expect(transitionProblem('new', 'qualified')).toBe('A new lead can move to working or disqualified, not to qualified.');
    expect(transitionProblem('converted', 'working')).toBe('A converted lead cannot change status.');
    expect(transitionProblem('qualified', 'converted')).toMatch(/conversion action/);
    expect(transitionProblem('working', 'working')).toBe('The lead is already working.');
  });

  it('BANT: all four criteria by default, timeline within the horizon', () => {
    const leads = defaultPlaybook.leads;
    expect(bantCheck(leads, { budget: true, authority: true, need: true, timelineMonths: 12 }).ok).toBe(true);
    const c = bantCheck(leads, { budget: true, authority: false, need: true, timelineMonths: 18 });
    expect(c.ok).toBe(false);
    expect(c.met).toEqual(['budget', 'need']);
    expect(c.missing.map((m) => m.id)).toEqual(['authority', 'timeline']);
    expect(bantCheck({ ...leads, bant: { ...leads.bant, requiredCriteriaMet: 2 } }, { budget: true, need: true }).ok).toBe(true);
    expect(bantQuestionKeys(leads)).toEqual(['budget.0', 'authority.0', 'need.0', 'need.1', 'need.2', 'timeline.0']);
  });
});

describe('merge and domains', () => {
  const base = {
    firstName: null, lastName: null, email: null, phone: null, title: null, companyName: null, domain: null, country: null, region: null,
    industry: null, employees: null, servers: null, cloudResources: null, networkDevices: null, hasCmdb: null, cmdbAccuracyPercent: null,
    campaign: null, ownerId: null, partnerId: null, referredByAccountId: null, firstRespondedAt: null,
    techStack: [], monitoringTools: [], complianceFrameworks: [], recentInitiatives: [], engagement: {}, bant: {}, notes: null,
  } as unknown as MergeableLead;

  it('keeps the survivor\'s values, fills its gaps, unions lists and sums engagement', () => {
    const survivor = { ...base, email: 'a@x.com', phone: '', servers: 100, techStack: ['ServiceNow'], engagement: { websiteVisits: 2 }, bant: { budget: true, answers: { 'need.0': 'CMDB drift' } } };
    const loser = { ...base, email: 'b@x.com', phone: '+45 1', servers: 900, employees: 4000, techStack: ['servicenow', 'Datadog'], engagement: { websiteVisits: 3, meetingAccepted: 1 }, bant: { budget: false, need: true, answers: { 'need.0': 'x', 'budget.0': 'Yes' } }, notes: 'met at summit' };
    expect(mergedFields(survivor as MergeableLead, loser as MergeableLead)).toEqual({
      phone: '+45 1', employees: 4000, techStack: ['ServiceNow', 'Datadog'],
      engagement: { websiteVisits: 5, meetingAccepted: 1 },
      bant: { budget: true, need: true, answers: { 'budget.0': 'Yes', 'need.0': 'CMDB drift' } },
      notes: 'met at summit',
    });
  });

  it('derives the company domain from the email unless it is free mail', () => {
    expect(companyDomain({ email: 'Ann@Fjord.NO' })).toBe('fjord.no');
    expect(companyDomain({ email: 'ann@gmail.com' })).toBeNull();
    expect(companyDomain({ domain: 'acme.com', email: 'x@gmail.com' })).toBe('acme.com');
  });
});
