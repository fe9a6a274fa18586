// Sales metrics for a period: SQL aggregates, core formulas, playbook targets.
import { salesMetrics, type SalesMetricsQuery } from '../../../core/metrics';
import { AppError } from '../../../core/errors';
import type { Ctx } from '../../http/env';
import { currentPlaybook } from '../platform/playbook.service';
import { salesAggregates, type StageSets } from './metrics.repo';

const day = (d: Date) => d.toISOString().slice(0, 10);

export async function sales(ctx: Ctx, q: SalesMetricsQuery) {
  const to = q.to ?? day(new Date());
  const from = q.from ?? day(new Date(Date.parse(`${to}T00:00:00Z`) - 364 * 86_400_000));
  if (from > to) throw new AppError('validation_failed', '`from` must not be after `to`.', { errors: [{ path: 'from', message: 'after to' }] });
  const db = ctx.deps.database.db;
  const { playbook, version } = await currentPlaybook(db);
  const stages = playbook.pipeline.stages;
  const won = stages.find((s) => s.kind === 'won')!.id;
  const lost = stages.find((s) => s.kind === 'lost')!.id;
  const open = stages.filter((s) => s.kind === 'open').map((s) => s.id);
  const from_ = (id: string) => (open.includes(id) ? [...open.slice(open.indexOf(id)), won] : [won]);
  const sets: StageSets = {
    won, lost, proposalOrLater: from_('proposal'), pocOrLater: from_('poc'), firstResponseHours: playbook.leads.sla.firstResponseHours,
  };
  // Partner users see the figures of their own partner's leads and deals only.
  const partnerId = ctx.actor.role === 'partner' ? (ctx.actor.partnerId ?? '00000000-0000-0000-0000-000000000000') : undefined;
  const aggregates = await salesAggregates(db, { from, to, ownerId: q.owner, partnerId }, sets);
  return { period: { from, to }, owner: q.owner ?? null, playbookVersion: version, currency: playbook.currency, ...salesMetrics(playbook, aggregates) };
}
