import { describe, it, expect } from 'vitest';
import { defaultPlaybook, playbookSchema, PLAYBOOK_SECTIONS, validatePlaybook, type Playbook } from './index';

/** A deep copy of the default playbook, changed by `mutate`. */
function broken(mutate: (p: Playbook) => void): Playbook {
  const copy = structuredClone(defaultPlaybook);
  mutate(copy);
  return copy;
}

/** Validates and returns the error paths (fails the test if validation passes). */
function errorPaths(input: unknown): string[] {
  const result = validatePlaybook(input);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors.map((e) => e.path);
}

function stage(p: Playbook, id: string) {
  const s = p.pipeline.stages.find((x) => x.id === id);
  if (!s) throw new Error(`no stage ${id}`);
  return s;
}

describe('default playbook', () => {
  it('validates', () => {
    const result = validatePlaybook(defaultPlaybook);
    if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
    expect(result.ok).toBe(true);
  });

  it('lists every top-level key in PLAYBOOK_SECTIONS exactly once', () => {
    const keys = PLAYBOOK_SECTIONS.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort()).toEqual(Object.keys(playbookSchema.shape).sort());
  });
});

describe('seed values are present', () => {
  const p = defaultPlaybook;

  it('payment schedule 25/25/25/20/5 on the seed milestones, summing to 100', () => {
    const paid = p.delivery.milestones.filter((m) => m.paymentPercent > 0);
    expect(paid.map((m) => [m.id, m.paymentPercent])).toEqual([
      ['design_approved', 25],
      ['development_complete', 25],
      ['uat_complete', 25],
      ['go_live', 20],
      ['project_closure', 5],
    ]);
    expect(p.delivery.milestones.reduce((s, m) => s + m.paymentPercent, 0)).toBe(100);
    expect(p.delivery.milestones[0]).toMatchObject({ id: 'kickoff_complete', paymentPercent: 0, week: 1 });
    expect(p.billing.paymentTermsDays).toBe(30);
  });

  it('delivery runs 12 weeks (9–16) with the seed phases and 2 weeks hypercare', () => {
    expect(p.delivery).toMatchObject({ standardWeeks: 12, minWeeks: 9, maxWeeks: 16, hypercareWeeks: 2 });
    expect(p.delivery.phases.map((ph) => [ph.id, ph.startWeek, ph.endWeek])).toEqual([
      ['kickoff', 1, 1],
      ['planning_design', 1, 3],
      ['integration_development', 4, 6],
      ['implementation', 7, 10],
      ['knowledge_transfer', 11, 12],
      ['closure', 12, 12],
    ]);
    expect(p.delivery.meetings.map((m) => m.frequency)).toEqual(['daily', 'weekly', 'biweekly', 'monthly', 'ad_hoc']);
  });

  it('health weights 30/30/20/20 and bands 80/60', () => {
    expect(p.health.weights).toEqual({ usage: 30, businessValue: 30, relationship: 20, growth: 20 });
    expect(p.health.bands.green.min).toBe(80);
    expect(p.health.bands.yellow.min).toBe(60);
  });

  it('lead SLA 24 h first response, 1 business hour target, 48 h qualification', () => {
    expect(p.leads.sla).toMatchObject({ firstResponseHours: 24, firstResponseTargetBusinessHours: 1, qualificationHours: 48 });
    expect(p.leads.slaEscalation.map((s) => s.roleId)).toEqual(['sdr_manager', 'sales_manager', 'vp_sales']);
    expect(p.leads.assignment.criteria.map((c) => c.id)).toEqual(['territory', 'vertical_expertise', 'account_size', 'workload']);
    expect(p.leads.bant.criteria.map((c) => c.letter)).toEqual(['B', 'A', 'N', 'T']);
    const servicenow = p.leads.scoring.fitRules.find((r) => r.id === 'servicenow_in_stack');
    expect(servicenow).toMatchObject({ points: 15, explanation: 'ServiceNow in stack' });
  });

  it('pipeline stages, durations and POC rules', () => {
    expect(p.pipeline.stages.map((s) => s.id)).toEqual(['discovery', 'proposal', 'poc', 'negotiation', 'closed_won', 'closed_lost']);
    expect(stage(p, 'proposal').expectedDurationDays).toEqual({ min: 5, max: 7 });
    expect(stage(p, 'poc').expectedDurationDays).toEqual({ min: 28, max: 28 });
    expect(stage(p, 'negotiation').expectedDurationDays).toEqual({ min: 7, max: 14 });
    expect(p.pipeline.poc).toMatchObject({ standardDurationWeeks: 4, feeCreditPercent: 100 });
  });

  it('renewal steps at 90/60/30 days and before expiry; win-back after 6 months', () => {
    expect(p.customerSuccess.renewal.steps.map((s) => s.daysBeforeExpiry)).toEqual([90, 60, 30, 0]);
    expect(p.customerSuccess.departure.winBack.afterMonths).toBe(6);
    expect(p.customerSuccess.escalationMatrix.map((e) => e.level)).toEqual([1, 2, 3, 4]);
    expect(p.customerSuccess.segments.map((s) => [s.id, s.shareOfCustomersPercent])).toEqual([
      ['standard', 80],
      ['strategic', 20],
    ]);
  });

  it('metric targets from the seeds', () => {
    const t = p.metricTargets;
    expect(t.net_revenue_retention).toMatchObject({ target: 145, unit: 'percent' });
    expect(t.gross_revenue_retention).toMatchObject({ target: 95, comparator: 'gt' });
    expect(t.logo_churn).toMatchObject({ target: 5, comparator: 'lt' });
    expect(t.time_to_first_value).toMatchObject({ target: 30, comparator: 'lt', unit: 'days' });
    expect(t.nps).toMatchObject({ target: 50, comparator: 'gt' });
    expect(t.csat).toMatchObject({ target: 4.5, comparator: 'gt' });
    expect(t.lead_to_opportunity_rate).toMatchObject({ target: 30, comparator: 'gt' });
    expect(t.integration_uptime.target).toBe(99.9);
  });

  it('value realization: four acts, 10 % variance alert', () => {
    expect(p.valueRealization.varianceAlertPercent).toBe(10);
    expect(p.valueRealization.stages.map((s) => s.agentId)).toEqual(['value_architect', 'value_committer', 'value_executor', 'value_amplifier']);
  });

  it('calendar default', () => {
    expect(p.calendar).toEqual({ timeZone: 'Europe/Copenhagen', workingDays: [1, 2, 3, 4, 5], startTime: '09:00', endTime: '17:00', holidays: [] });
  });
});

describe('invariants reject broken copies with the right path', () => {
  const cases: [string, (p: Playbook) => void, string][] = [
    ['payment percents must sum to 100', (p) => (p.delivery.milestones[1].paymentPercent = 30), 'delivery.milestones'],
    ['health weights must sum to 100', (p) => (p.health.weights.usage = 40), 'health.weights'],
    ['health sub-measure shares must sum to 100', (p) => (p.health.subMeasures.growth[0].sharePercent = 10), 'health.subMeasures.growth'],
    ['health bands descending', (p) => (p.health.bands.yellow.min = 85), 'health.bands.yellow.min'],
    ['stage probability ≤ 100', (p) => (p.pipeline.stages[2].probability = 120), 'pipeline.stages.2.probability'],
    ['stage probability non-decreasing', (p) => (p.pipeline.stages[2].probability = 10), 'pipeline.stages.2.probability'],
    ['won stage at 100', (p) => (stage(p, 'closed_won').probability = 90), 'pipeline.stages.4.probability'],
    ['unique stage ids', (p) => (p.pipeline.stages[1].id = 'discovery'), 'pipeline.stages.1.id'],
    ['exactly one lost stage', (p) => (stage(p, 'closed_lost').kind = 'open'), 'pipeline.stages'],
    ['duration range min ≤ max', (p) => (stage(p, 'proposal').expectedDurationDays = { min: 9, max: 7 }), 'pipeline.stages.1.expectedDurationDays.max'],
    ['renewal steps descending', (p) => (p.customerSuccess.renewal.steps[2].daysBeforeExpiry = 75), 'customerSuccess.renewal.steps.2.daysBeforeExpiry'],
    ['phase ends within total weeks', (p) => (p.delivery.phases[4].endWeek = 14), 'delivery.phases.4.endWeek'],
    ['phase end ≥ start', (p) => (p.delivery.phases[3].endWeek = 6), 'delivery.phases.3.endWeek'],
    ['milestone within total weeks', (p) => (p.delivery.milestones[5].week = 13), 'delivery.milestones.5.week'],
    ['milestone references a phase', (p) => (p.delivery.milestones[0].phaseId = 'nope'), 'delivery.milestones.0.phaseId'],
    ['min ≤ standard weeks', (p) => (p.delivery.minWeeks = 13), 'delivery.minWeeks'],
    ['lead SLA target ≤ first response', (p) => (p.leads.sla.firstResponseTargetBusinessHours = 30), 'leads.sla.firstResponseTargetBusinessHours'],
    ['SLA escalation hours increasing', (p) => (p.leads.slaEscalation[2].hoursAfterBreach = 1), 'leads.slaEscalation.2.hoursAfterBreach'],
    ['assignment weights sum to 100', (p) => (p.leads.assignment.criteria[0].weightPercent = 50), 'leads.assignment.criteria'],
    ['scoring condition value type', (p) => (p.leads.scoring.fitRules[5].when.value = 'many'), 'leads.scoring.fitRules.5.when.value'],
    ['escalation levels consecutive', (p) => (p.customerSuccess.escalationMatrix[2].level = 5), 'customerSuccess.escalationMatrix.2.level'],
    ['segment shares sum to 100', (p) => (p.customerSuccess.segments[0].shareOfCustomersPercent = 70), 'customerSuccess.segments'],
    ['touchpoints only for known segments', (p) => (p.customerSuccess.touchpoints.vip = []), 'customerSuccess.touchpoints.vip'],
    ['dunning steps ascending', (p) => (p.billing.dunning.steps[1].dayOffset = -10), 'billing.dunning.steps.1.dayOffset'],
    ['aging buckets contiguous', (p) => (p.billing.agingBuckets[2].minDaysPastDue = 35), 'billing.agingBuckets.2.minDaysPastDue'],
    ['unknown role reference', (p) => (p.delivery.phases[0].ownerRoleId = 'wizard'), 'delivery.phases.0.ownerRoleId'],
    ['unknown role in a chain', (p) => (p.delivery.escalationPaths[1].chainRoleIds[1] = 'wizard'), 'delivery.escalationPaths.1.chainRoleIds.1'],
    ['band escalation level exists', (p) => (p.health.bands.red.escalationLevel = 7), 'health.bands.red.escalationLevel'],
    ['lifecycle metric exists', (p) => (p.customerSuccess.lifecycleStages[0].successMetricIds = ['nope']), 'customerSuccess.lifecycleStages.0.successMetricIds.0'],
    ['benchmark category exists', (p) => (p.valueRealization.benchmarks[0].categoryId = 'nope'), 'valueRealization.benchmarks.0.categoryId'],
    ['variance percent 0–100', (p) => (p.valueRealization.varianceAlertPercent = -1), 'valueRealization.varianceAlertPercent'],
    ['support first response ≤ resolution', (p) => (p.support.priorities[0].firstResponseHours = 9), 'support.priorities.0.firstResponseHours'],
    ['commission 0 without basis', (p) => (p.partners.types[0].commissionPercent = 5), 'partners.types.0.commissionPercent'],
    ['calendar end after start', (p) => (p.calendar.endTime = '08:00'), 'calendar.endTime'],
    ['calendar time zone', (p) => (p.calendar.timeZone = 'Mars/Olympus'), 'calendar.timeZone'],
    ['calendar holiday format', (p) => (p.calendar.holidays = ['24/12/2026']), 'calendar.holidays.0'],
    ['scoring rule ids unique across fit and engagement', (p) => (p.leads.scoring.engagementRules[0].id = 'servicenow_in_stack'), 'leads.scoring.engagementRules.0.id'],
    ['ids are snake_case', (p) => (p.pipeline.lossReasons[0].id = 'No Budget'), 'pipeline.lossReasons.0.id'],
    ['billing currency matches', (p) => (p.billing.currency = 'EUR'), 'billing.currency'],
  ];

  it.each(cases)('%s', (_name, mutate, path) => {
    expect(errorPaths(broken(mutate))).toContain(path);
  });

  it('reports messages that explain the problem', () => {
    const result = validatePlaybook(broken((p) => (p.delivery.milestones[1].paymentPercent = 30)));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0].message).toMatch(/sum to 100 \(got 105\)/);
  });
});

describe('unknown keys are rejected', () => {
  it('at the top level', () => {
    expect(errorPaths({ ...defaultPlaybook, extra: true })).toEqual(['extra']);
  });

  it('deep inside a section', () => {
    const copy = structuredClone(defaultPlaybook) as unknown as { health: { bands: { red: Record<string, unknown> } } };
    copy.health.bands.red.min = 0;
    expect(errorPaths(copy)).toEqual(['health.bands.red.min']);
  });

  it('in array items and union members', () => {
    const copy = structuredClone(defaultPlaybook) as unknown as {
      pipeline: { stages: Record<string, unknown>[] };
      customerSuccess: { touchpoints: { standard: { schedule: Record<string, unknown> }[] } };
    };
    copy.pipeline.stages[0].colour = 'blue';
    copy.customerSuccess.touchpoints.standard[0].schedule.every = 3;
    const paths = errorPaths(copy);
    expect(paths).toContain('pipeline.stages.0.colour');
    expect(paths).toContain('customerSuccess.touchpoints.standard.0.schedule.every');
  });

  it('rejects non-objects', () => {
    expect(errorPaths(null)).toEqual(['']);
  });
});
