// Events of the delivery stream: projects through their lifecycle, milestones, tasks, issues, changes and reports.
import { z } from 'zod';
import { currencyCode, isoDay, isoTime, minorUnits } from '../api/shapes';
import { d, optRef, ref, stream } from './define';

const project = { projectId: ref('project'), accountId: ref('account'), contractId: optRef('contract') };
const lifecycle = <S extends z.ZodRawShape = Record<never, never>>(description: string, extra?: S) =>
  ({ description, payload: z.object({ ...project, ...(extra ?? {}) } as typeof project & S) });
const milestone = { projectId: ref('project'), milestoneId: ref('milestone'), key: z.string(), name: z.string() };
const changeRequest = (what: string) => ({
  description: `A change request was ${what}.`,
  payload: z.object({
    projectId: ref('project'), changeRequestId: ref('change request'), budgetImpactHours: z.number(),
    budgetImpactAmount: minorUnits('Budget impact'), currency: currencyCode, timelineImpactDays: z.number().int(),
  }),
});

export const deliveryEvents = stream('delivery', {
  'project.created': lifecycle('A delivery project was created from a signed contract.'),
  'project.updated': lifecycle('A project was edited.'),
  'project.kicked_off': lifecycle('A project was kicked off.'),
  'project.go_live': lifecycle('A project went live; hypercare starts.'),
  'project.hypercare_ended': lifecycle('The hypercare period of a project ended.'),
  'project.closed': lifecycle('A project was closed.', { csatScore: z.number().nullable().optional().meta(d('Customer satisfaction at closure.')) }),
  'project.handoff': lifecycle('A closed project was handed off to customer success, with the handoff list.', {
    toRoleIds: z.array(z.string()),
    items: z.array(z.object({ id: z.string(), label: z.string(), note: z.string().nullable() }).catchall(z.unknown())),
    acceptedMilestoneIds: z.array(z.uuid()),
  }),
  'project.cancelled': lifecycle('A project was cancelled.', { reason: z.string() }),
  'milestone.submitted': { description: 'Delivery submitted a milestone for the customer to accept.', payload: z.object(milestone) },
  'milestone.accepted': { description: 'The customer accepted a milestone; billing invoices its share of the services fee.', payload: z.object({
    ...milestone, contractId: optRef('contract'), accountId: ref('account'),
    amount: minorUnits('Amount of the services fee due on this milestone'), currency: currencyCode,
    paymentPercent: z.number().nullable().meta(d('Share of the services fee due on this milestone, in percent.')), acceptedAt: isoTime,
  }) },
  'milestone.rejected': { description: 'The customer rejected a milestone.', payload: z.object(milestone) },
  'task.created': { description: 'A task was added to a project plan.', payload: z.object({
    projectId: ref('project'), taskId: ref('task'), kind: z.string(), sourceType: z.string().nullable(), sourceId: z.string().nullable(),
  }) },
  'task.updated': { description: 'A task was edited; how many later tasks the schedule moved.', payload: z.object({
    projectId: ref('project'), taskId: ref('task'), status: z.string(), moved: z.number().int().min(0),
  }) },
  'issue.logged': { description: 'An issue was logged on a project.', payload: z.object({
    projectId: ref('project'), issueId: ref('issue'), severity: z.enum(['low', 'medium', 'high', 'critical']),
  }) },
  'issue.resolved': { description: 'A project issue was resolved.', payload: z.object({ projectId: ref('project'), issueId: ref('issue') }) },
  'issue.escalated': { description: 'A project issue was escalated along the playbook path.', payload: z.object({
    projectId: ref('project'), issueId: ref('issue'), topic: z.string(), level: z.number().int(), roleId: z.string().nullable(),
  }) },
  'change_request.approved': changeRequest('approved; the plan moved with it'),
  'change_request.rejected': changeRequest('rejected'),
  'status_report.sent': { description: 'A weekly status report was sent to the customer.', payload: z.object({
    projectId: ref('project'), reportId: ref('status report'), weekOf: isoDay, overall: z.enum(['green', 'amber', 'red']),
  }) },
});
