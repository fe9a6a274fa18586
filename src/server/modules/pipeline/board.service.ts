// The pipeline board (open opportunities by stage with per-stage totals) and the forecast by period and owner.
import { rowScopeFor } from '../../../core/access/roles';
import { AppError } from '../../../core/errors';
import { toPage } from '../../../core/pagination';
import { addPeriods, periodLabel, periodStart } from '../../../core/pipeline/forecast';
import { openStages } from '../../../core/pipeline/gates';
import type { BoardQuery, ForecastQuery } from '../../../core/pipeline/schemas';
import type { Ctx } from '../../http/env';
import { OPPORTUNITY_STAGES } from '../../db/schema';
import * as repo from './opportunities.repo';
import { terminalStages } from './opportunities.service';
import { readPlaybook } from './playbook-cache';
import { ensureTotals, rollupTotalsQuery } from './totals';

type Card = repo.BoardCard;
const DAY = 86400_000;

/**
 * A card as the board shows it. Two different lateness facts: too long in the stage (the stage timer's flag) and the
 * close date behind us — stallOf's rules without a stage (the timer's flag decides), computed here once per page's
 * clock instead of formatting today's date for every card.
 */
function card(r: Card, now: number, today: string) {
  // The row is this request's own: the card's fields are added to it (after its columns, as a spread would place
  // them) instead of copying its sixteen columns into a new object for every card.
  return Object.assign(r, {
    daysInStage: Math.max(0, Math.floor((now - Date.parse(r.stageEnteredAt)) / DAY)),
    overdue: !!r.stageOverdueAt,
    closeDatePassed: !!r.closeDate && r.closeDate < today,
    weighted: r.amount === null ? null : Math.round((r.amount * r.probability) / 100),
  });
}

export async function board(ctx: Ctx, q: BoardQuery) {
  const db = ctx.deps.database.db;
  const scope = rowScopeFor(ctx.actor);
  if (q.cursor && !q.stage) throw new AppError('bad_request', 'A cursor pages one column: send the stage with it.', { errors: [{ path: 'stage', message: 'required with cursor' }] });
  // Open stage ids are a subset of the column's fixed values, so the queries start alongside the playbook read.
  const candidates = OPPORTUNITY_STAGES.filter((s) => s !== 'closed_won' && s !== 'closed_lost' && (!q.stage || s === q.stage));
  await ensureTotals(ctx.deps.database);
  const [playbook, totals, cards] = await Promise.all([
    readPlaybook(ctx.deps.database),
    rollupTotalsQuery(db, scope, q) ?? repo.boardTotalsQuery(db, scope, q),
    repo.boardCards(ctx.deps.database, db, scope, candidates, q, q.stage ? q.cursor : undefined),
  ]);
  const stages = openStages(playbook.pipeline.stages);
  const shown = q.stage ? stages.filter((s) => s.id === q.stage) : stages;
  if (q.stage && shown.length === 0) throw new AppError('validation_failed', `"${q.stage}" is not an open stage.`, { errors: [{ path: 'stage', message: `one of ${stages.map((s) => s.id).join(', ')}` }] });
  const pageOf = new Map<string, Card[]>();
  for (const c of cards) {
    const page = pageOf.get(c.stage);
    if (page) page.push(c); else pageOf.set(c.stage, [c]);
  }
  const now = Date.now();
  const today = new Date(now).toISOString().slice(0, 10);
  const byStage = new Map(totals.map((t) => [t.stage as string, t]));
  return {
    columns: shown.map((s) => {
      const t = byStage.get(s.id);
      const page = toPage(pageOf.get(s.id) ?? [], q.limit, (r) => [r.closeDate, r.id]);
      return {
        stage: s.id, name: s.name, probability: s.probability, forecastCategory: s.forecastCategory,
        expectedDurationDays: s.expectedDurationDays,
        // The sums add deals' minor units as they are: in the playbook currency, which deals are entered in by default.
        count: Number(t?.count ?? 0), amount: Number(t?.amount ?? 0), weighted: Math.round(Number(t?.weightedRaw ?? 0) / 100),
        currency: playbook.currency,
        items: page.items.map((r) => card(r, now, today)), nextCursor: page.nextCursor,
      };
    }),
  };
}

/** Default window: two periods back to three ahead of the current one. */
export async function forecast(ctx: Ctx, q: ForecastQuery) {
  const db = ctx.deps.database.db;
  const playbook = await readPlaybook(ctx.deps.database);
  const current = periodStart(new Date().toISOString().slice(0, 10), q.period);
  const from = q.from ? periodStart(q.from, q.period) : addPeriods(current, q.period, -2);
  const to = q.to ? addPeriods(periodStart(q.to, q.period), q.period, 1) : addPeriods(current, q.period, 4);
  if (from >= to) throw new AppError('validation_failed', '`from` must be before `to`.', { errors: [{ path: 'to', message: 'before from' }] });
  const { won, lost } = terminalStages(playbook);
  const rows = await repo.forecastQuery(db, rowScopeFor(ctx.actor), { period: q.period, from, to, ownerId: q.owner, wonStage: won, lostStage: lost });
  const items = rows.map((r) => ({
    period: r.period, label: periodLabel(r.period, q.period), ownerId: r.ownerId, ownerName: r.ownerName,
    pipeline: Number(r.pipeline), bestCase: Number(r.bestCase), commit: Number(r.commit), closedWon: Number(r.closedWon),
    weighted: Number(r.weighted), currency: playbook.currency, open: r.open, won: r.won,
  })).sort((a, b) => a.period.localeCompare(b.period) || (a.ownerName ?? '~').localeCompare(b.ownerName ?? '~'));
  const periods: { period: string; label: string; pipeline: number; bestCase: number; commit: number; closedWon: number; weighted: number; currency: string }[] = [];
  for (let p = from; p < to; p = addPeriods(p, q.period, 1)) {
    const cells = items.filter((i) => i.period === p);
    const sum = (k: 'pipeline' | 'bestCase' | 'commit' | 'closedWon' | 'weighted') => cells.reduce((s, c) => s + c[k], 0);
    periods.push({ period: p, label: periodLabel(p, q.period), pipeline: sum('pipeline'), bestCase: sum('bestCase'), commit: sum('commit'), closedWon: sum('closedWon'), weighted: sum('weighted'), currency: playbook.currency });
  }
  return { period: q.period, from, to, currency: playbook.currency, periods, items };
}
