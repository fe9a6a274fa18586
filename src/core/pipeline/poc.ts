// The POC as its own object (000 §1 stage 5): SOW, success criteria (the validation framework), environment
// checklist, the standard 4-week plan and the fee credited toward implementation.
import type { Playbook } from '../playbook';

export const POC_STATUSES = ['planned', 'running', 'completed', 'failed'] as const;
export type PocStatus = (typeof POC_STATUSES)[number];

export interface PocCriterion {
  id: string;
  measure: string;
  target: string;
  result: string | null;
  validated: boolean;
  evidence: string | null;
}
export interface ChecklistEntry { id: string; label: string; done: boolean }
export interface PlanWeek { week: number; startDate: string; endDate: string; milestones: string[] }

/**
 * Environment setup checklist every POC starts from. The seed names "Environment setup" as a POC activity without
 * items; these are assumptions, not in seed, and editable per POC.
 */
export const DEFAULT_ENVIRONMENT_CHECKLIST: readonly { id: string; label: string }[] = [
  { id: 'security_approval', label: 'Security approval for the POC scope' },
  { id: 'read_only_credentials', label: 'Read-only credentials for the discovery targets' },
  { id: 'collector_deployed', label: 'Discovery collector deployed with network access' },
  { id: 'itsm_sandbox', label: 'ITSM/CMDB sandbox instance available' },
];

const DAY = 86400_000;
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/**
 * The POC plan: `standardDurationWeeks` weeks of 7 days from the start date, with the playbook's POC-stage activities
 * spread over the weeks in order (activity i of n falls in week ⌊i·weeks/n⌋ + 1).
 */
export function pocPlan(playbook: Playbook, startDate: string): PlanWeek[] {
  const weeks = playbook.pipeline.poc.standardDurationWeeks;
  const activities = playbook.pipeline.stages.find((s) => s.id === 'poc')?.activities ?? [];
  const plan: PlanWeek[] = Array.from({ length: weeks }, (_, k) => ({
    week: k + 1, startDate: addDays(startDate, 7 * k), endDate: addDays(startDate, 7 * k + 6), milestones: [],
  }));
  activities.forEach((a, i) => plan[Math.floor((i * weeks) / activities.length)].milestones.push(a));
  return plan;
}

/** Last day of the plan. */
export const pocEndDate = (playbook: Playbook, startDate: string) =>
  addDays(startDate, 7 * playbook.pipeline.poc.standardDurationWeeks - 1);

/** The POC outcome that gates Negotiation: completed, with at least one success criterion and all validated. */
export function pocPassed(poc: { status: string; successCriteria: readonly PocCriterion[] } | null | undefined): boolean {
  return !!poc && poc.status === 'completed' && poc.successCriteria.length > 0 && poc.successCriteria.every((c) => c.validated);
}

/** Why a POC does not pass yet, for the gate dialog. */
export function pocGaps(poc: { status: string; successCriteria: readonly PocCriterion[] } | null | undefined): string[] {
  if (!poc) return ['No POC recorded'];
  const gaps: string[] = [];
  if (poc.status !== 'completed') gaps.push(`POC is ${poc.status}, not completed`);
  if (poc.successCriteria.length === 0) gaps.push('POC has no success criteria');
  for (const c of poc.successCriteria) if (!c.validated) gaps.push(`Not validated: ${c.measure}`);
  return gaps;
}

/** The part of the POC fee credited toward the implementation (minor units). */
export function pocCredit(playbook: Playbook, poc: { fee: number; feeCredited: boolean } | null | undefined): number {
  if (!poc || !poc.feeCredited) return 0;
  return Math.round((poc.fee * playbook.pipeline.poc.feeCreditPercent) / 100);
}
