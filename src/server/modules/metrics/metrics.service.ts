// Sales metrics for a period: resolve the period, SQL aggregates, core definitions, playbook targets.
import { resolvePeriod, salesMetrics, type SalesMetricsQuery } from '../../../core/metrics';
import { AppError } from '../../../core/errors';
import type { Ctx } from '../../http/env';
import { currentPlaybook } from '../platform/playbook.service';
import { historyBounds, salesAggregates, type StageSets } from './metrics.repo';

export async function sales(ctx: Ctx, q: SalesMetricsQuery) {
  const db = ctx.deps.database.db;
  const { playbook, version } = await currentPlaybook(db);
  const stages = playbook.pipeline.stages;
  const open = stages.filter((s) => s.kind === 'open').map((s) => s.id);
  const sets: StageSets = {
    won: stages.find((s) => s.kind === 'won')!.id,
    lost: stages.find((s) => s.kind === 'lost')!.id,
    open,
    proposalOrLater: open.includes('proposal') ? open.slice(open.indexOf('proposal')) : [],
    poc: open.includes('poc') ? ['poc'] : [],
  };
  // Partner users see the figures of their own partner's leads and deals only.
  const partnerId = ctx.actor.role === 'partner' ? (ctx.actor.partnerId ?? '00000000-0000-0000-0000-000000000000') : undefined;
  const scope = { ownerId: q.owner, partnerId };
  const today = new Date().toISOString().slice(0, 10);
  const bounds = q.period === 'all' && !q.from && !q.to ? await historyBounds(db, scope, sets) : undefined;
  const period = resolvePeriod(q, today, bounds && { first: bounds.first, last: bounds.latestClose });
  if (period.from > period.to) {
    throw new AppError('validation_failed', '`from` must not be after `to`.', { errors: [{ path: 'from', message: 'after to' }] });
  }
  const aggregates = await salesAggregates(db, { from: period.from, to: period.to, ...scope, currency: playbook.currency }, sets);
  return { owner: q.owner ?? null, playbookVersion: version, ...salesMetrics(playbook, aggregates, period) };
}
