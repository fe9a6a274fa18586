// A deal is stalled when it has sat in its stage past the playbook's expected duration (the stage timer marks it
// overdue at the same moment) or is still open after its expected close date. The AE workspace lists these first.
import { stageDueAt, type PipelineStage } from './gates';

export interface StallCheck {
  stageEnteredAt: string | Date; stageOverdueAt: string | Date | null; closeDate: string | null;
}
export interface Stall {
  /** Whole days since the deal entered its stage. */
  daysInStage: number;
  /** The stage's expected maximum, when the playbook gives one. */
  expectedDays: number | null;
  /** Why it is stalled; empty when it is not. */
  reasons: ('stage_overdue' | 'close_date_passed')[];
}

const DAY = 86400_000;

export function stallOf(stage: PipelineStage | undefined, deal: StallCheck, now: Date): Stall {
  const entered = new Date(deal.stageEnteredAt);
  const due = stage ? stageDueAt(stage, entered) : null;
  const reasons: Stall['reasons'] = [];
  if (deal.stageOverdueAt || (due && due.getTime() <= now.getTime())) reasons.push('stage_overdue');
  if (deal.closeDate && deal.closeDate < now.toISOString().slice(0, 10)) reasons.push('close_date_passed');
  return {
    daysInStage: Math.max(0, Math.floor((now.getTime() - entered.getTime()) / DAY)),
    expectedDays: stage?.kind === 'open' ? stage.expectedDurationDays?.max ?? null : null,
    reasons,
  };
}
