// Task use cases. `createTaskTx` is the shared entry other streams call inside their own transaction (value
// realization raises course-correction tasks with it); the HTTP-facing task use cases live in tasks.api.service.ts.
import { AppError, notFound } from '../../../core/errors';
import { addDays, maxDate, todayUtc } from '../../../core/delivery/dates';
import type { TASK_KINDS } from '../../db/schema/delivery';
import type { Tx } from '../../db/client';
import type { Ctx } from '../../http/env';
import { emit } from '../../jobs/events';
import { audit } from '../platform/audit';
import { findProjectRow } from './projects.repo';
import * as repo from './tasks.repo';

export interface CreateTaskInput {
  projectId: string;
  title: string;
  description?: string | null;
  kind: (typeof TASK_KINDS)[number];
  ownerId?: string | null;
  phaseId?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  estimateHours?: number | null;
  sourceType?: string | null;
  sourceId?: string | null;
}

/** Working hours a task of unknown length is assumed to take per calendar day when only an estimate is given. */
const HOURS_PER_DAY = 8;

/**
 * Creates one task in the caller's transaction, audited, and returns the row. Dates default to: start = the later of
 * today and the project start; end = start + ⌈estimate / 8 h⌉ − 1 days (at least the start day).
 */
export async function createTaskTx(ctx: Ctx, tx: Tx, input: CreateTaskInput): Promise<repo.TaskRow> {
  const project = await findProjectRow(tx, input.projectId);
  if (!project) throw notFound('Project');
  const estimate = Math.max(0, input.estimateHours ?? 0);
  const startDate = input.startDate ?? maxDate(todayUtc(), project.startDate);
  const days = Math.max(1, Math.ceil(estimate / HOURS_PER_DAY));
  const endDate = input.endDate ?? addDays(startDate, days - 1);
  if (endDate < startDate) throw new AppError('validation_failed', 'The task ends before it starts.', { errors: [{ path: 'endDate', message: 'must be on or after startDate' }] });
  const row = await repo.insertTask(tx, {
    projectId: project.id, phaseId: input.phaseId ?? null, title: input.title, description: input.description ?? null,
    kind: input.kind, ownerId: input.ownerId ?? null, position: (await repo.maxPosition(tx, project.id)) + 1,
    startDate, endDate, estimateHours: estimate, sourceType: input.sourceType ?? null, sourceId: input.sourceId ?? null,
  });
  await audit(ctx, tx, { action: 'task.create', entityType: 'project_task', entityId: row.id, accountId: project.accountId, after: row });
  await emit(ctx, tx, { type: 'task.created', entityType: 'project_task', entityId: row.id, accountId: project.accountId,
    payload: { projectId: project.id, taskId: row.id, kind: row.kind, sourceType: row.sourceType, sourceId: row.sourceId } });
  return row;
}
