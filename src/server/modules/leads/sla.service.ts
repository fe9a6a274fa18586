// Lead SLA clocks as timers: each clock (first response, qualification) walks its steps — warning, breach,
// escalation levels — one pending timer at a time. Responding stops the first-response clock; qualifying or
// disqualifying stops the qualification clock. Every firing writes a lead activity and an event.
import { eq } from 'drizzle-orm';
import type { EventPayloadInput } from '../../../core/events';
import { formatInstant } from '../../../core/calendar/format';
import { slaDueTimes, slaSteps, roleLabel, type SlaClock, type SlaStep } from '../../../core/leads/sla';
import type { Playbook } from '../../../core/playbook';
import type { Tx } from '../../db/client';
import { leads } from '../../db/schema';
import type { Ctx } from '../../http/env';
import { emit } from '../../jobs/events';
import { cancelTimer, defineTimer, scheduleTimer, type TimerRow } from '../../jobs/timers';
import { currentPlaybook } from '../platform/playbook.service';
import type { LeadRow, NewLead } from './leads.repo';

/** The lead's own columns (the clocks read no score). */
type LeadFields = typeof leads.$inferSelect;
import { insertActivities, patchLead } from './leads.repo';

const KIND: Record<SlaClock, string> = { first_response: 'lead.sla.first_response', qualification: 'lead.sla.qualification' };
const LABEL: Record<SlaClock, string> = { first_response: 'First response', qualification: 'Qualification' };

interface StepPayload { clock: SlaClock; steps: SlaStep[]; index: number; [k: string]: unknown }

/** SLA fields of a new lead. */
export function slaFieldsAt(playbook: Playbook, createdAt: Date): Partial<NewLead> {
  const due = slaDueTimes(playbook, createdAt);
  return { ...due, slaDueAt: due.firstResponseDueAt };
}

/** The due time of the clock running now: first response until answered, then qualification until decided. */
export function slaDueOf(l: Pick<LeadRow, 'status' | 'firstRespondedAt' | 'firstResponseDueAt' | 'qualificationDueAt'>): Date | null {
  if (l.status === 'qualified' || l.status === 'disqualified' || l.status === 'converted') return null;
  return l.firstRespondedAt ? l.qualificationDueAt : l.firstResponseDueAt;
}

/** Starts both clocks of a freshly captured lead. */
export async function startClocks(ctx: Ctx, tx: Tx, playbook: Playbook, lead: LeadFields): Promise<void> {
  const clocks: [SlaClock, Date | null][] = [['first_response', lead.firstResponseDueAt], ['qualification', lead.qualificationDueAt]];
  for (const [clock, due] of clocks) {
    if (!due) continue;
    const steps = slaSteps(playbook, clock, lead.createdAt, due);
    await scheduleStep(ctx, tx, lead.id, { clock, steps, index: 0 });
  }
}

async function scheduleStep(ctx: Ctx, tx: Tx, leadId: string, payload: StepPayload) {
  const step = payload.steps[payload.index];
  await scheduleTimer(ctx, tx, { kind: KIND[payload.clock], entityType: 'lead', entityId: leadId, at: new Date(step.at), payload });
}

/** Stops a clock: cancels its pending timer. */
export async function stopClock(tx: Tx, leadId: string, clock: SlaClock): Promise<void> {
  await cancelTimer(tx, { kind: KIND[clock], entityType: 'lead', entityId: leadId });
}

function clockRuns(lead: LeadFields, clock: SlaClock): boolean {
  if (lead.deletedAt || ['qualified', 'disqualified', 'converted'].includes(lead.status)) return false;
  return clock === 'qualification' || !lead.firstRespondedAt;
}

async function fire(ctx: Ctx, tx: Tx, timer: TimerRow) {
  const p = timer.payload as StepPayload;
  const [lead] = await tx.select().from(leads).where(eq(leads.id, timer.entityId)).for('update');
  if (!lead || !clockRuns(lead, p.clock)) return;
  const step = p.steps[p.index];
  const { playbook } = await currentPlaybook(tx);
  const due = p.clock === 'first_response' ? lead.firstResponseDueAt : lead.qualificationDueAt;
  // People read the subject: the due time in the company's time zone. The event payload keeps the instant.
  const dueText = due ? formatInstant(due, playbook.calendar.timeZone) : 'unknown';
  let subject: string;
  let type: 'lead.sla_warning' | 'lead.sla_breached' | 'lead.escalated';
  const payload: EventPayloadInput<'lead.sla_warning'> = { clock: p.clock, dueAt: due ? due.toISOString() : 'unknown', ownerId: lead.ownerId };
  if (step.phase === 'warning') {
    subject = `${LABEL[p.clock]} SLA warning: due ${dueText}`;
    type = 'lead.sla_warning';
  } else if (step.phase === 'breach') {
    subject = `${LABEL[p.clock]} SLA breached (was due ${dueText})`;
    type = 'lead.sla_breached';
    await patchLead(tx, lead.id, { slaBreachedAt: lead.slaBreachedAt ?? new Date() });
  } else {
    const who = roleLabel(playbook, step.roleId ?? '');
    subject = `${LABEL[p.clock]} SLA escalated to ${who} (level ${step.level})`;
    type = 'lead.escalated';
    Object.assign(payload, { level: step.level, roleId: step.roleId, role: who });
    await patchLead(tx, lead.id, { escalationLevel: Math.max(lead.escalationLevel, step.level ?? 0) });
  }
  await insertActivities(tx, [{ leadId: lead.id, kind: 'system', subject, body: `Lead ${lead.companyName ?? lead.email ?? lead.id}.` }]);
  await emit(ctx, tx, { type, entityType: 'lead', entityId: lead.id, payload });
  if (p.index + 1 < p.steps.length) await scheduleStep(ctx, tx, lead.id, { ...p, index: p.index + 1 });
}

export const firstResponseTimer = defineTimer({ kind: KIND.first_response, fire });
export const qualificationTimer = defineTimer({ kind: KIND.qualification, fire });
