// Events of the lead stream: capture, assignment, qualification, SLA clocks, conversion and scoring.
import { z } from 'zod';
import { isoTime } from '../api/shapes';
import { d, optRef, ref, stream } from './define';
import { leadSnapshot } from './snapshots';

const statusChange = (what: string) => ({
  description: `A lead's status was set to ${what}.`,
  payload: z.object({ from: z.string().meta(d('Status before.')), to: z.string().meta(d('Status after.')), reason: z.string().nullable().meta(d('Disqualification reason id, when disqualified.')) }),
});
const sla = (what: string) => ({
  description: what,
  payload: z.object({
    clock: z.enum(['first_response', 'qualification']), dueAt: z.union([isoTime, z.literal('unknown')]).meta(d('When the clock is due (ISO instant).')),
    ownerId: optRef('lead owner'), level: z.number().int().optional(), roleId: z.string().optional(), role: z.string().optional(),
  }),
});

export const leadEvents = stream('leads', {
  'lead.created': { description: 'One lead was captured (a batch emits leads.captured).', payload: z.object({
    lead: leadSnapshot,
    possibleDuplicates: z.array(z.object({ id: ref('possible duplicate lead'), match: z.enum(['email', 'domain']) })).optional(),
  }) },
  'leads.captured': { description: 'A batch of leads was captured from a source.', payload: z.object({
    source: z.string(), campaign: z.string().nullable().optional(), count: z.number().int().min(0),
  }) },
  'lead.assigned': { description: 'A lead was assigned to an owner, with the reason.', payload: z.object({
    from: optRef('previous owner').optional(), ownerId: optRef('new owner (null: unassigned)'), explanation: z.string().optional(),
  }) },
  'lead.updated': { description: "A lead was edited; its score before and after.", payload: z.object({
    before: z.object({ score: z.number().nullable() }), after: z.object({ score: z.number().nullable() }),
  }) },
  'lead.bant_updated': { description: 'BANT answers of a lead changed.', payload: z.object({
    met: z.array(z.string()).meta(d('BANT criteria met (budget, authority, need, timeline).')),
  }) },
  'lead.new': statusChange('new'),
  'lead.working': statusChange('working'),
  'lead.qualified': statusChange('qualified'),
  'lead.disqualified': statusChange('disqualified'),
  'lead.activity_logged': { description: 'An activity was logged on a lead.', payload: z.object({
    kind: z.string(), firstResponse: z.boolean().meta(d('Whether it was the first response to the lead.')),
  }) },
  'lead.merged': { description: 'Two leads were merged; the survivor keeps the id.', payload: z.object({
    survivorId: ref('surviving lead'), mergedId: ref('merged lead'), fields: z.array(z.string()), activitiesMoved: z.number().int().min(0),
  }) },
  'lead.sla_warning': sla('An SLA clock of a lead is about to run out.'),
  'lead.sla_breached': sla('An SLA clock of a lead ran out.'),
  'lead.escalated': sla('An SLA breach of a lead was escalated to the next level.'),
  'lead.converted': { description: 'A lead became an account, contacts and an opportunity.', payload: z.object({
    leadId: ref('lead'), accountId: ref('account'), accountCreated: z.boolean(), contactIds: z.array(z.uuid()), opportunityId: ref('opportunity'),
  }) },
  'lead_form.submitted': { description: 'A web form was submitted and created a lead.', payload: z.object({ leadId: ref('lead') }) },
  'leads.rescored': { description: 'All open leads were rescored against a playbook version.', payload: z.object({
    version: z.number().int(), leads: z.number().int().min(0),
  }) },
  'lead_model.trained': { description: 'The lead conversion model was retrained.', payload: z.object({
    status: z.string(), auc: z.number().nullable(), sampleSize: z.number().int().min(0),
  }) },
});
