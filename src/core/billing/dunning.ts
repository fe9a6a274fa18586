// Dunning (reminders before and after the due date) and escalation of late invoices, from the playbook's billing
// section. A step falls on due date + dayOffset (negative = before the due date). Every step on or after
// `escalateWhenDaysLate` days late escalates (to the playbook's escalation roles); when no step reaches that day, an
// escalation step is added there so an invoice 30+ days late is always escalated.
import type { Playbook } from '../playbook';
import { addDays, daysBetween } from './dates';

export type BillingRules = Playbook['billing'];

export interface DunningStep { id: string; dayOffset: number; action: string; ownerRoleId: string; date: string; escalates: boolean }

export function dunningSteps(billing: BillingRules): Omit<DunningStep, 'date'>[] {
  const { steps, escalateWhenDaysLate } = billing.dunning;
  const out = steps.map((s) => ({ ...s, escalates: s.dayOffset >= escalateWhenDaysLate }));
  if (!out.some((s) => s.escalates)) {
    out.push({ id: 'escalation', dayOffset: escalateWhenDaysLate, action: 'Escalate the late invoice', ownerRoleId: steps[steps.length - 1].ownerRoleId, escalates: true });
  }
  return out.sort((a, b) => a.dayOffset - b.dayOffset);
}

/** The dated steps of an invoice: step date = due date + dayOffset. */
export function dunningPlan(billing: BillingRules, dueDate: string): DunningStep[] {
  return dunningSteps(billing).map((s) => ({ ...s, date: addDays(dueDate, s.dayOffset) }));
}

/**
 * The step due on a date: the latest step whose date is on or before asOf, or null before the first step. An invoice
 * found late (issued back-dated, or after an outage) gets only the step for where it stands, not every reminder it
 * missed: a courtesy reminder after the due date would be nonsense.
 */
export function stepDueOn(plan: DunningStep[], asOf: string): DunningStep | null {
  let due: DunningStep | null = null;
  for (const s of plan) if (s.date <= asOf) due = s;
  return due;
}

/** The next step after `afterStepId` (or the first one when null) — what the dunning timer waits for. */
export function nextStep(plan: DunningStep[], afterStepId: string | null): DunningStep | null {
  if (afterStepId === null) return plan[0] ?? null;
  const i = plan.findIndex((s) => s.id === afterStepId);
  return i >= 0 ? plan[i + 1] ?? null : null;
}

/**
 * What the dunning timer should wait for, given the last step taken: the step due now if one is due and not yet taken
 * (it fires at once), else the next future step; null when every step is behind it.
 */
export function pendingStep(plan: DunningStep[], lastStepId: string | null, asOf: string): DunningStep | null {
  const lastIdx = lastStepId === null ? -1 : plan.findIndex((s) => s.id === lastStepId);
  const due = stepDueOn(plan, asOf);
  const dueIdx = due ? plan.indexOf(due) : -1;
  if (dueIdx > lastIdx) return due;
  return plan[Math.max(lastIdx, dueIdx) + 1] ?? null;
}

/** Days late on a date (0 until the day after the due date). */
export const daysLate = (dueDate: string, asOf: string): number => Math.max(0, daysBetween(dueDate, asOf));

/** Whether an invoice is in the escalation zone on a date. */
export const shouldEscalate = (billing: BillingRules, dueDate: string, asOf: string): boolean =>
  daysLate(dueDate, asOf) >= billing.dunning.escalateWhenDaysLate;
