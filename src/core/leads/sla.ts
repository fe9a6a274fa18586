// Lead SLA clocks (000 §1 stages 1–2, 004): first response and qualification, counted on the playbook's clock
// ('business' = business hours of the playbook calendar, 'calendar' = wall-clock hours), with a warning before
// the due time, the breach at it, and escalation steps after it along `leads.slaEscalation`.
import { addBusinessHours, type BusinessCalendar } from '../calendar';
import type { Playbook } from '../playbook';

export type SlaClockMode = Playbook['leads']['sla']['clock'];
export type SlaClock = 'first_response' | 'qualification';
/** Share of the allowed time after which the owner is warned (assumption, not in seed). */
export const WARNING_AT_PERCENT = 75;

export interface SlaStep {
  phase: 'warning' | 'breach' | 'escalation';
  at: string; // ISO instant
  level?: number; // escalation level, 1 = first step of leads.slaEscalation
  roleId?: string;
}

/** `hours` later on the given clock. Business hours started outside opening hours start at the next opening. */
export function addClockHours(mode: SlaClockMode, calendar: BusinessCalendar, from: Date, hours: number): Date {
  if (mode === 'business') return addBusinessHours(calendar, from, hours);
  return new Date(from.getTime() + Math.round(hours * 3_600_000));
}

export interface SlaDueTimes {
  /** The hard first-response SLA (leads.sla.firstResponseHours on the playbook clock). */
  firstResponseDueAt: Date;
  /** The target: leads.sla.firstResponseTargetBusinessHours, always in business hours (004 Tips #1). */
  firstResponseTargetAt: Date;
  qualificationDueAt: Date;
}

export function slaDueTimes(playbook: Pick<Playbook, 'leads' | 'calendar'>, createdAt: Date): SlaDueTimes {
  const { sla } = playbook.leads;
  return {
    firstResponseDueAt: addClockHours(sla.clock, playbook.calendar, createdAt, sla.firstResponseHours),
    firstResponseTargetAt: addBusinessHours(playbook.calendar, createdAt, sla.firstResponseTargetBusinessHours),
    qualificationDueAt: addClockHours(sla.clock, playbook.calendar, createdAt, sla.qualificationHours),
  };
}

/** Every timer step of one clock, in order: warning, breach, then each escalation level. */
export function slaSteps(playbook: Pick<Playbook, 'leads' | 'calendar'>, clock: SlaClock, startedAt: Date, dueAt: Date): SlaStep[] {
  const { sla, slaEscalation } = playbook.leads;
  const hours = clock === 'first_response' ? sla.firstResponseHours : sla.qualificationHours;
  const warnAt = addClockHours(sla.clock, playbook.calendar, startedAt, (hours * WARNING_AT_PERCENT) / 100);
  const steps: SlaStep[] = [];
  if (warnAt < dueAt) steps.push({ phase: 'warning', at: warnAt.toISOString() });
  steps.push({ phase: 'breach', at: dueAt.toISOString() });
  slaEscalation.forEach((e, i) => {
    // 0 hours after the breach is the breach itself (not the next opening after a closing-time breach).
    const at = e.hoursAfterBreach === 0 ? dueAt : addClockHours(sla.clock, playbook.calendar, dueAt, e.hoursAfterBreach);
    steps.push({ phase: 'escalation', at: at.toISOString(), level: i + 1, roleId: e.roleId });
  });
  return steps;
}

/** Label of a playbook role id for messages ("SDR manager"). */
export function roleLabel(playbook: Pick<Playbook, 'roles'>, roleId: string): string {
  return playbook.roles.find((r) => r.id === roleId)?.label ?? roleId;
}
