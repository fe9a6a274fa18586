// The active playbook: the seeds' rules as data, stored in versions. Every calculation reads the latest version.
import { z } from 'zod';
import { AppError } from '../../../core/errors';
import { defaultPlaybook, upgradeStoredPlaybook, validatePlaybook, type Playbook } from '../../../core/playbook';
import { transaction, type Executor } from '../../db/client';
import type { Ctx } from '../../http/env';
import { emit } from '../../jobs/events';
import { audit } from './audit';
import * as repo from './platform.repo';

export const playbookReplaceSchema = z.object({
  baseVersion: z.number().int().min(0),
  note: z.string().trim().max(500).optional(),
  playbook: z.unknown(),
}).strict();

/** Stores the seed defaults as version 1 on an empty database. */
export async function ensurePlaybook(db: Executor) {
  if (!(await repo.latestPlaybook(db))) {
    await repo.insertPlaybook(db, { version: 1, body: defaultPlaybook, note: 'Seed defaults' });
  }
}

export async function currentPlaybook(db: Executor): Promise<{ version: number; playbook: Playbook; createdAt: Date; note: string | null }> {
  const row = await repo.latestPlaybook(db);
  if (!row) return { version: 0, playbook: defaultPlaybook, createdAt: new Date(0), note: 'Seed defaults (not stored yet)' };
  return { version: row.version, playbook: upgradeStoredPlaybook(row.body as Playbook), createdAt: row.createdAt, note: row.note };
}

export async function replacePlaybook(ctx: Ctx, input: z.infer<typeof playbookReplaceSchema>) {
  const result = validatePlaybook(input.playbook);
  if (!result.ok) {
    throw new AppError('validation_failed', `The playbook has ${result.errors.length} invalid field(s).`, {
      errors: result.errors.map((e) => ({ path: `playbook.${e.path}`, message: e.message })),
    });
  }
  return transaction(ctx.deps.database, async (tx) => {
    const current = await currentPlaybook(tx);
    if (current.version !== input.baseVersion) {
      throw new AppError('version_conflict', `The playbook is at version ${current.version}; you edited version ${input.baseVersion}. Reload and reapply your change.`, { currentVersion: current.version });
    }
    const row = await repo.insertPlaybook(tx, {
      version: current.version + 1, body: result.playbook, note: input.note ?? null,
      createdBy: ctx.actor.via === 'system' ? null : ctx.actor.id,
    });
    await audit(ctx, tx, { action: 'playbook.replace', entityType: 'playbook', entityId: String(row.version), before: { version: current.version }, after: { version: row.version, note: row.note } });
    await emit(ctx, tx, { type: 'playbook.updated', entityType: 'playbook', entityId: String(row.version), payload: { version: row.version, previous: current.version } });
    return { version: row.version, playbook: row.body as Playbook, createdAt: row.createdAt, note: row.note };
  });
}
