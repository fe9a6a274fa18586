// Stage timers (000 §1: proposal 5–7 days, POC 4 weeks, negotiation 1–2 weeks): entering an open stage schedules an
// alert at the stage's expected maximum; leaving the stage moves or cancels it (one pending timer per opportunity).
import { stageDueAt, type PipelineStage } from '../../../core/pipeline/gates';
import type { Tx } from '../../db/client';
import type { Ctx } from '../../http/env';
import { emit } from '../../jobs/events';
import { cancelTimer, defineTimer, scheduleTimer } from '../../jobs/timers';
import { logSystemActivity } from '../accounts/timeline.service';
import { currentPlaybook } from '../platform/playbook.service';
import * as repo from './opportunities.repo';

export const STAGE_TIMER = 'opportunity.stage_overdue';
const key = (opportunityId: string) => ({ kind: STAGE_TIMER, entityType: 'opportunity', entityId: opportunityId });

export const stageTimer = defineTimer({
  kind: STAGE_TIMER,
  async fire(ctx, tx, timer) {
    const p = timer.payload as { stage: string; days?: number };
    const row = await repo.findOpportunity(tx, { kind: 'all' }, timer.entityId, { lock: true });
    if (!row || row.stage !== p.stage) return; // moved on (the timer would have been moved too)
    const updated = await repo.markOverdue(tx, row.id, p.stage, new Date());
    if (!updated) return;
    const { playbook } = await currentPlaybook(tx);
    const stage = playbook.pipeline.stages.find((s) => s.id === p.stage);
    const days = Math.round((Date.now() - row.stageEnteredAt.getTime()) / 86400_000);
    await logSystemActivity(ctx, tx, row.accountId, `Opportunity overdue in ${stage?.name ?? p.stage}: ${row.name}`,
      `In ${stage?.name ?? p.stage} for ${days} days; the playbook expects at most ${p.days ?? stage?.expectedDurationDays?.max} days.`,
      { type: 'opportunity', id: row.id });
    await emit(ctx, tx, {
      type: 'opportunity.stage_overdue', entityType: 'opportunity', entityId: row.id, accountId: row.accountId,
      payload: { stage: p.stage, stageEnteredAt: row.stageEnteredAt.toISOString(), expectedMaxDays: p.days ?? null, ownerId: row.ownerId },
    });
  },
});

/** Schedules the alert of the stage just entered, or cancels the pending one when the stage has no duration. */
export async function restartStageTimer(ctx: Ctx, tx: Tx, opportunityId: string, stage: PipelineStage, enteredAt: Date) {
  const due = stageDueAt(stage, enteredAt);
  if (!due) { await cancelTimer(tx, key(opportunityId)); return null; }
  return scheduleTimer(ctx, tx, { ...key(opportunityId), at: due, payload: { stage: stage.id, days: stage.expectedDurationDays?.max } });
}
