// Response shapes of project governance (003): risk register, issue log with resolution step and escalation, change
// requests, RACI rows, meeting series, and the Delivery Command's cross-project overview.
import { z } from 'zod';
import { currencyCode, isoDay, isoTime, minorUnits, stamps } from '../api/shapes';
import { MEETING_FREQUENCIES } from './calendar';
import { milestoneStatus, scheduleChangeSchema } from './responses';

const d = (description: string) => ({ description });
const level = z.enum(['low', 'medium', 'high']);

const riskFields = {
  templateKey: z.string().nullable().meta(d('The playbook\'s common risk it came from (scope_creep, …); null when raised by hand.')),
  title: z.string(), impact: level, probability: level, mitigation: z.string().nullable(), ownerId: z.uuid().nullable(),
  status: z.enum(['open', 'mitigating', 'closed']),
};
export const riskSchema = z.object({ ...stamps, projectId: z.uuid(), ...riskFields }).meta({ id: 'ProjectRisk' });

export const issueSchema = z.object({
  ...stamps, projectId: z.uuid(), title: z.string(), description: z.string().nullable(),
  severity: z.enum(['low', 'medium', 'high', 'critical']), ownerId: z.uuid().nullable(),
  step: z.number().int().meta(d('Index into `steps`, the playbook\'s issue resolution steps (0 = identification and logging).')),
  status: z.enum(['open', 'resolved']), resolution: z.string().nullable(), escalationLevel: z.number().int(), resolvedAt: isoTime.nullable(),
  stepLabel: z.string().nullable(), steps: z.array(z.string()),
  escalation: z.object({
    topic: z.string().nullable().meta(d('Topic of the latest escalation; null when never escalated.')),
    level: z.number().int().meta(d('0 = not escalated; n = the n-th role of `chain`.')),
    roleId: z.string().nullable(), chain: z.array(z.string()).meta(d('Playbook role ids of the topic\'s escalation path.')),
  }),
}).meta({ id: 'ProjectIssue' });

export const changeRequestSchema = z.object({
  ...stamps, projectId: z.uuid(), title: z.string(), description: z.string().nullable(), scopeImpact: z.string().nullable(),
  budgetImpactHours: z.number(),
  budgetImpactAmount: minorUnits('Budget impact (recorded for the commercial follow-up, not invoiced)'), currency: currencyCode,
  timelineImpactDays: z.number().int(), status: z.enum(['proposed', 'approved', 'rejected']),
  requestedBy: z.uuid().nullable(), decidedBy: z.uuid().nullable(), decidedAt: isoTime.nullable(), decisionNote: z.string().nullable(),
}).meta({ id: 'ChangeRequest' });
export const changeDecisionSchema = changeRequestSchema.extend({
  schedule: scheduleChangeSchema.nullable().meta(d('What the approval re-scheduled; null for a rejection.')),
}).meta({ id: 'ChangeRequestDecision' });

export const raciSchema = z.object({
  ...stamps, projectId: z.uuid(), activity: z.string(), position: z.number().int(),
  responsible: z.array(z.string()), accountable: z.array(z.string()), consulted: z.array(z.string()), informed: z.array(z.string()),
}).meta({ id: 'RaciRow', description: 'Who is Responsible, Accountable, Consulted and Informed for an activity (playbook role ids or names).' });

export const meetingSchema = z.object({
  ...stamps, projectId: z.uuid(),
  key: z.string().nullable().meta(d('The playbook meeting id (standup, status, steering, executive_briefing); null for an ad hoc series.')),
  title: z.string(), frequency: z.enum(MEETING_FREQUENCIES), firstStartsAt: isoTime, untilDate: isoDay.nullable(),
  durationMinutes: z.number().int(), timezone: z.string(),
}).meta({ id: 'ProjectMeeting' });

export const portfolioOverviewSchema = z.object({
  dueBy: isoDay.meta(d('Milestones forecast on or before this day are listed.')),
  milestones: z.array(z.object({
    id: z.uuid(), projectId: z.uuid(), projectName: z.string(), key: z.string(), name: z.string(), status: milestoneStatus,
    forecastDate: isoDay, plannedDate: isoDay, amount: minorUnits('Invoiced on acceptance'), currency: currencyCode, paymentPercent: z.number(),
  })).meta(d('Submitted milestones first, then those due by `dueBy`, by forecast day; at most 200.')),
  risks: z.array(z.object({ id: z.uuid(), projectId: z.uuid(), projectName: z.string(), ...riskFields, version: z.number().int() }))
    .meta(d('Open risks of the open projects; empty for customer users.')),
}).meta({ id: 'DeliveryOverview' });
