import { describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../playbook';
import { conditionHolds, pointLabel, scoreLead, type ScoringLead } from './scoring';
import { conditionSql, rescoredRowsSql, scoreSelectSql } from './scoring-sql';

const scoring = defaultPlaybook.leads.scoring;
const blank: ScoringLead = {
  techStack: [], monitoringTools: [], complianceFrameworks: [], recentInitiatives: [], hasCmdb: null, cmdbAccuracyPercent: null,
  employees: null, servers: null, cloudResources: null, networkDevices: null, industry: null, source: 'outbound', bant: {}, engagement: {},
};

describe('lead scoring', () => {
  it('explains every point and combines fit and engagement with the playbook weights', () => {
    const s = scoreLead(scoring, {
      ...blank, techStack: ['servicenow', 'AWS'], servers: 1500, hasCmdb: true, cmdbAccuracyPercent: 60, source: 'website',
      bant: { budget: true, authority: true, need: true, timelineMonths: 6 }, engagement: { meetingAccepted: 1, websiteVisits: 2 },
    });
    // fit: 15 ServiceNow + 5 CMDB + 10 inaccurate + 10 servers + 15+15+15+15 BANT = 100; engagement: 15 inbound + 25 meeting = 40
    expect(s.fitPoints).toBe(100);
    expect(s.engagementPoints).toBe(40);
    expect(s.fitScore).toBe(100);
    expect(s.engagementScore).toBe(40);
    expect(s.score).toBe(Math.floor((100 * 70 + 40 * 30) / 100)); // 82
    expect(s.priority).toBe('hot');
    expect(s.explanation.map((p) => p.rule)).toEqual([
      'servicenow_in_stack', 'has_cmdb', 'cmdb_inaccurate', 'servers_1000', 'budget_identified', 'has_authority', 'clear_need',
      'timeline_12m', 'inbound_inquiry', 'meeting_accepted',
    ]);
    expect(pointLabel(s.explanation[0])).toBe('+15 ServiceNow in stack');
    expect(s.explanation.reduce((n, p) => n + p.points, 0)).toBe(140);
  });

  it('subtracts negative rules, never goes below 0 and caps at the maximum', () => {
    const late = scoreLead(scoring, { ...blank, bant: { timelineMonths: 24 } });
    expect(late.fitPoints).toBe(-10);
    expect(late.fitScore).toBe(0);
    expect(pointLabel(late.explanation[0])).toBe('−10 Initiative more than 12 months out');
    const capped = scoreLead({ ...scoring, maxFitPoints: 20 }, { ...blank, techStack: ['ServiceNow'], servers: 5000, employees: 9000 });
    expect(capped.fitPoints).toBe(30);
    expect(capped.fitScore).toBe(100);
  });

  it('bands priority: hot at 70, warm at 40', () => {
    const hot = scoreLead({ ...scoring, combineWeights: { fit: 100, engagement: 0 } }, {
      ...blank, techStack: ['ServiceNow'], monitoringTools: ['Datadog'], hasCmdb: true, cmdbAccuracyPercent: 50,
      complianceFrameworks: ['SOX'], servers: 2000, bant: { budget: true, authority: true, need: true },
    });
    expect(hot.score).toBe(100); // 15 + 5 + 5 + 10 + 10 + 10 + 15 + 15 + 15 = 100 (capped)
    expect(hot.priority).toBe('hot');
    expect(scoreLead(scoring, blank).priority).toBe('cold');
  });

  describe('typical leads get scores a sales manager believes (default playbook)', () => {
    const bantAll = { budget: true, authority: true, need: true, timelineMonths: 6 };
    const goodFit = { techStack: ['ServiceNow'], servers: 2400, complianceFrameworks: ['SOX'], hasCmdb: true, cmdbAccuracyPercent: 60 };
    const score = (lead: Partial<ScoringLead>) => scoreLead(scoring, { ...blank, ...lead });

    it('full BANT and an ideal fit are hot, with or without recorded touches', () => {
      expect(score({ ...goodFit, bant: bantAll, source: 'website', engagement: { meetingAccepted: 1 } })).toMatchObject({ score: 82, priority: 'hot' });
      expect(score({ ...goodFit, bant: bantAll })).toMatchObject({ fitScore: 100, engagementScore: 0, score: 70, priority: 'hot' });
    });

    it('full BANT alone is warm; with ServiceNow too (once 33, cold) still warm, short of hot', () => {
      expect(score({ bant: bantAll })).toMatchObject({ score: 42, priority: 'warm' });
      expect(score({ bant: bantAll, source: 'website' })).toMatchObject({ score: 46, priority: 'warm' });
      expect(score({ bant: bantAll, techStack: ['ServiceNow'] })).toMatchObject({ score: 52, priority: 'warm' });
    });

    it('without BANT answers an ideal profile is warm, a good one warm once engaged, a poor one cold however it arrived', () => {
      const ideal = { ...goodFit, monitoringTools: ['Datadog'], employees: 8000, recentInitiatives: ['Cloud migration'] };
      expect(score({ ...ideal, source: 'website' })).toMatchObject({ score: 50, priority: 'warm' });
      expect(score({ ...goodFit, source: 'webinar', engagement: { webinarAttended: 1 } })).toMatchObject({ score: 38, priority: 'cold' });
      expect(score({ ...goodFit, source: 'website', engagement: { meetingAccepted: 1 } })).toMatchObject({ score: 47, priority: 'warm' });
      expect(score({ employees: 150 })).toMatchObject({ score: 0, priority: 'cold' });
      expect(score({ employees: 150, source: 'website', engagement: { contentDownloaded: 1, websiteVisits: 4 } })).toMatchObject({ score: 7, priority: 'cold' });
    });

    it('an answer of "no" counts against a lead: no budget keeps a good one warm, failing BANT makes it cold', () => {
      expect(score({ ...goodFit, bant: { ...bantAll, budget: false } })).toMatchObject({ fitPoints: 80, score: 56, priority: 'warm' });
      expect(score({ ...goodFit, bant: { budget: false, authority: false, need: true, timelineMonths: 24 } })).toMatchObject({ fitPoints: 25, score: 17, priority: 'cold' });
      expect(score({ bant: { budget: false, authority: false, need: false, timelineMonths: 24 } })).toMatchObject({ fitScore: 0, priority: 'cold' });
    });
  });

  it('conditions: lists case-insensitive, unknown values only satisfy neq', () => {
    expect(conditionHolds({ fact: 'techStack', op: 'contains', value: 'ServiceNow' }, ['SERVICENOW'])).toBe(true);
    expect(conditionHolds({ fact: 'techStack', op: 'in', value: ['Jira', 'ServiceNow'] }, ['servicenow'])).toBe(true);
    expect(conditionHolds({ fact: 'techStack', op: 'neq', value: 'Jira' }, [])).toBe(true);
    expect(conditionHolds({ fact: 'industry', op: 'contains', value: 'fin' }, 'Financial Services')).toBe(true);
    expect(conditionHolds({ fact: 'industry', op: 'eq', value: 'retail' }, null)).toBe(false);
    expect(conditionHolds({ fact: 'industry', op: 'neq', value: 'retail' }, null)).toBe(true);
    expect(conditionHolds({ fact: 'servers', op: 'gte', value: 1000 }, null)).toBe(false);
    expect(conditionHolds({ fact: 'hasCmdb', op: 'isFalse' }, null)).toBe(false);
    expect(conditionHolds({ fact: 'hasCmdb', op: 'exists' }, false)).toBe(true);
  });

  it('compiles rules to SQL with escaped literals', () => {
    const sql = conditionSql({ fact: 'industry', op: 'eq', value: "O'Reilly; DROP TABLE leads" });
    expect(sql).toContain("'o''reilly; drop table leads'");
    expect(conditionSql({ fact: 'activity.meetingAccepted', op: 'gte', value: 1 })).toContain("engagement->'meetingAccepted'");
    expect(scoreSelectSql(scoring)).toContain(`'{"rule":"servicenow_in_stack","points":15}'`);
    expect(rescoredRowsSql(scoring, 7, { previous: 'lead_scores' })).toMatch(/ELSE 7 END AS scored_playbook_version[^]*WHERE l.deleted_at IS NULL/);
    expect(() => conditionSql({ fact: 'servers', op: 'gt', value: Number.NaN })).toThrow();
  });
});
