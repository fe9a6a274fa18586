import { describe, expect, it } from 'vitest';
import { defaultPlaybook, type Playbook } from '../playbook';
import { slaDueTimes, slaSteps } from './sla';

const withClock = (clock: 'business' | 'calendar', calendar: Partial<Playbook['calendar']> = {}): Playbook => ({
  ...defaultPlaybook,
  calendar: { ...defaultPlaybook.calendar, ...calendar },
  leads: { ...defaultPlaybook.leads, sla: { ...defaultPlaybook.leads.sla, clock } },
});

describe('lead SLA clocks', () => {
  it('the default playbook counts business hours', () => {
    expect(defaultPlaybook.leads.sla.clock).toBe('business');
  });

  it('a lead created Friday 17:55 (9–17 Mon–Fri, Copenhagen) is due in business hours', () => {
    const friday = new Date('2025-03-07T16:55:00Z'); // Fri 17:55 CET
    const due = slaDueTimes(withClock('business'), friday);
    expect(due.firstResponseTargetAt.toISOString()).toBe('2025-03-10T09:00:00.000Z'); // Mon 10:00 CET: 1 business hour
    expect(due.firstResponseDueAt.toISOString()).toBe('2025-03-12T16:00:00.000Z'); // Wed 17:00: 24 business hours = 3 days
    expect(due.qualificationDueAt.toISOString()).toBe('2025-03-17T16:00:00.000Z'); // next Mon 17:00: 48 business hours
  });

  it('calendar clock: wall-clock hours, the target still in business hours', () => {
    const friday = new Date('2025-03-07T16:55:00Z');
    const due = slaDueTimes(withClock('calendar'), friday);
    expect(due.firstResponseDueAt.toISOString()).toBe('2025-03-08T16:55:00.000Z');
    expect(due.firstResponseTargetAt.toISOString()).toBe('2025-03-10T09:00:00.000Z');
    expect(due.qualificationDueAt.toISOString()).toBe('2025-03-09T16:55:00.000Z');
  });

  it('skips holidays and follows DST in the calendar time zone', () => {
    // Thu 16:30 before Easter in Copenhagen; Good Friday and Easter Monday are holidays.
    const pb = withClock('business', { holidays: ['2025-04-18', '2025-04-21'] });
    const due = slaDueTimes(pb, new Date('2025-04-17T14:30:00Z')); // 16:30 CEST
    expect(due.firstResponseTargetAt.toISOString()).toBe('2025-04-22T07:30:00.000Z'); // Tue 09:30 CEST
    // Across the spring-forward weekend (30 March 2025) in New York time: Fri 16:30 EST → Mon 09:30 EDT.
    const ny = withClock('business', { timeZone: 'America/New_York' });
    expect(slaDueTimes(ny, new Date('2025-03-07T21:30:00Z')).firstResponseTargetAt.toISOString()).toBe('2025-03-10T13:30:00.000Z');
  });

  it('steps: warning at 75 %, breach at due, escalations along the playbook path', () => {
    const pb = withClock('calendar');
    const start = new Date('2025-03-03T08:00:00Z');
    const due = new Date('2025-03-04T08:00:00Z');
    const steps = slaSteps(pb, 'first_response', start, due);
    expect(steps.map((s) => [s.phase, s.at, s.roleId ?? null])).toEqual([
      ['warning', '2025-03-04T02:00:00.000Z', null],
      ['breach', '2025-03-04T08:00:00.000Z', null],
      ['escalation', '2025-03-04T08:00:00.000Z', 'sdr_manager'],
      ['escalation', '2025-03-04T12:00:00.000Z', 'sales_manager'],
      ['escalation', '2025-03-05T08:00:00.000Z', 'vp_sales'],
    ]);
    // Business clock: 75 % of 24 business hours = 18 h = 2¼ days; escalations count business hours after the breach.
    const b = slaSteps(withClock('business'), 'first_response', new Date('2025-03-03T08:00:00Z'), new Date('2025-03-05T16:00:00Z'));
    expect(b[0].at).toBe('2025-03-05T10:00:00.000Z'); // Mon 09:00 CET + 18 bh = Wed 11:00 CET
    expect(b[3].at).toBe('2025-03-06T12:00:00.000Z'); // +4 bh after Wed 17:00 → Thu 13:00 CET
  });
});
