// Re-scheduling inside the transaction of a change: the forward pass of core/delivery/schedule over the project's
// task network, then milestone forecasts and the project's forecast end.
import { AppError } from '../../../core/errors';
import { CycleError, forwardPass, milestoneForecast, type Moved } from '../../../core/delivery';
import type { Tx } from '../../db/client';
import * as projectsRepo from './projects.repo';
import * as repo from './tasks.repo';

export interface ScheduleResult { moved: Moved[]; forecastEndDate: string; milestonesMoved: { id: string; key: string; from: string; to: string }[] }

/**
 * Applies the forward pass to the project (locked by the caller), writes moved tasks, milestone forecasts and the
 * forecast end. A cycle is refused with 422 (it cannot arise through the API, which refuses cyclic dependencies).
 */
export async function reschedule(tx: Tx, project: projectsRepo.ProjectRow): Promise<ScheduleResult> {
  const [tasks, deps, phases, milestones] = await Promise.all([
    repo.projectTaskList(tx, project.id), repo.projectDeps(tx, project.id), projectsRepo.phasesOf(tx, project.id), projectsRepo.milestonesOf(tx, project.id),
  ]);
  let result: ReturnType<typeof forwardPass>;
  try {
    result = forwardPass(tasks.map((t) => ({ id: t.id, startDate: t.startDate, endDate: t.endDate, status: t.status })), deps);
  } catch (e) {
    if (e instanceof CycleError) throw new AppError('validation_failed', e.message, { cycle: e.cycle });
    throw e;
  }
  await repo.moveTasks(tx, result.moved);
  const now = new Map(result.tasks.map((t) => [t.id, t]));
  const keyOf = new Map(phases.map((p) => [p.id, p.key]));
  const forecastInput = tasks.map((t) => ({ phaseKey: t.phaseId ? keyOf.get(t.phaseId) ?? null : null, endDate: now.get(t.id)!.endDate, baselineEndDate: t.baselineEndDate }));
  const milestonesMoved: ScheduleResult['milestonesMoved'] = [];
  const forecasts = milestones.filter((m) => m.status !== 'accepted').map((m) => {
    const f = milestoneForecast({ plannedDate: m.plannedDate, phaseKey: m.phaseKey }, forecastInput);
    if (f !== m.forecastDate) milestonesMoved.push({ id: m.id, key: m.key, from: m.forecastDate, to: f });
    return { id: m.id, forecastDate: f };
  });
  await projectsRepo.setMilestoneForecasts(tx, forecasts.filter((f) => milestonesMoved.some((m) => m.id === f.id)));
  const forecastEndDate = result.forecastEnd ?? project.forecastEndDate;
  if (forecastEndDate !== project.forecastEndDate) await projectsRepo.updateProject(tx, project.id, { forecastEndDate });
  return { moved: result.moved, forecastEndDate, milestonesMoved };
}
