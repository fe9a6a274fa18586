// Open-pipeline totals (count, amount, Σ amount × probability) per stage and close date, along the dimensions the
// board filters on (all, owner, partner, owner and partner). Every service change applies its delta in its own transaction; bulk writers (imports, demo,
// benchmarks) rebuild set-based. The board then sums about a thousand rollup rows instead of every open deal.
import { createHash } from 'node:crypto';
import { and, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { RowScope } from '../../../core/access/roles';
import type { BoardQuery } from '../../../core/pipeline/schemas';
import type { Database, Executor, Tx } from '../../db/client';
import { pipelineTotals } from '../../db/schema';
import { onEvent } from '../../jobs/events';
import type { OpportunityRow } from './opportunities.repo';

const ZERO = '00000000-0000-0000-0000-000000000000';
/** Stands for "no close date" in the rollup key. */
export const NO_DATE = '9999-12-31';
const CLOSED = new Set(['closed_won', 'closed_lost']);
const t = pipelineTotals;

type Contributing = Pick<OpportunityRow, 'stage' | 'amount' | 'probability' | 'closeDate' | 'ownerId' | 'partnerId' | 'deletedAt'>;
interface Delta { dim: 'all' | 'owner' | 'partner' | 'owner_partner'; key: string; stage: string; closeDate: string; count: number; amount: number; weightedRaw: number }

function entries(row: Contributing | null, sign: 1 | -1): Delta[] {
  if (!row || row.deletedAt || CLOSED.has(row.stage)) return [];
  // A deal without an amount counts as a deal and adds nothing to the sums (as sum() in the rebuild skips it).
  const amount = row.amount ?? 0;
  const base = { stage: row.stage, closeDate: row.closeDate ?? NO_DATE, count: sign, amount: sign * amount, weightedRaw: sign * amount * row.probability };
  const out: Delta[] = [{ dim: 'all', key: ZERO, ...base }];
  if (row.ownerId) out.push({ dim: 'owner', key: row.ownerId, ...base });
  if (row.partnerId) out.push({ dim: 'partner', key: row.partnerId, ...base });
  if (row.ownerId && row.partnerId) out.push({ dim: 'owner_partner', key: pairKey(row.ownerId, row.partnerId), ...base });
  return out;
}

/** One uuid for an (owner, partner) pair: md5 of both, as PostgreSQL's md5(text)::uuid computes it in the rebuild. */
export function pairKey(ownerId: string, partnerId: string): string {
  const h = createHash('md5').update(`${ownerId}:${partnerId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Applies the change of one opportunity (null before = created; null after = gone) to the rollup. */
export async function applyTotals(tx: Tx, before: Contributing | null, after: Contributing | null) {
  const net = new Map<string, Delta>();
  for (const d of [...entries(before, -1), ...entries(after, 1)]) {
    const k = `${d.dim}|${d.key}|${d.stage}|${d.closeDate}`;
    const cur = net.get(k);
    if (cur) { cur.count += d.count; cur.amount += d.amount; cur.weightedRaw += d.weightedRaw; } else net.set(k, { ...d });
  }
  // Sorted so that concurrent changes lock rollup rows in one order (no deadlocks).
  const rows = [...net.entries()].filter(([, d]) => d.count !== 0 || d.amount !== 0 || d.weightedRaw !== 0).sort(([a], [b]) => (a < b ? -1 : 1)).map(([, d]) => d);
  if (rows.length === 0) return;
  await tx.insert(t).values(rows).onConflictDoUpdate({
    target: [t.dim, t.key, t.stage, t.closeDate],
    set: {
      count: sql`${t.count} + excluded.count`, amount: sql`${t.amount} + excluded.amount`, weightedRaw: sql`${t.weightedRaw} + excluded.weighted_raw`,
    },
  });
}

const REBUILD = `
  INSERT INTO pipeline_totals (dim, key, stage, close_date, count, amount, weighted_raw)
  SELECT 'all', '${ZERO}'::uuid, stage, coalesce(close_date, '${NO_DATE}'), count(*), coalesce(sum(amount), 0), coalesce(sum(amount * probability), 0)
    FROM opportunities WHERE deleted_at IS NULL AND stage NOT IN ('closed_won', 'closed_lost') GROUP BY stage, close_date
  UNION ALL
  SELECT 'owner', owner_id, stage, coalesce(close_date, '${NO_DATE}'), count(*), coalesce(sum(amount), 0), coalesce(sum(amount * probability), 0)
    FROM opportunities WHERE deleted_at IS NULL AND stage NOT IN ('closed_won', 'closed_lost') AND owner_id IS NOT NULL GROUP BY owner_id, stage, close_date
  UNION ALL
  SELECT 'partner', partner_id, stage, coalesce(close_date, '${NO_DATE}'), count(*), coalesce(sum(amount), 0), coalesce(sum(amount * probability), 0)
    FROM opportunities WHERE deleted_at IS NULL AND stage NOT IN ('closed_won', 'closed_lost') AND partner_id IS NOT NULL GROUP BY partner_id, stage, close_date
  UNION ALL
  SELECT 'owner_partner', md5(owner_id::text || ':' || partner_id::text)::uuid, stage, coalesce(close_date, '${NO_DATE}'), count(*), coalesce(sum(amount), 0), coalesce(sum(amount * probability), 0)
    FROM opportunities WHERE deleted_at IS NULL AND stage NOT IN ('closed_won', 'closed_lost') AND owner_id IS NOT NULL AND partner_id IS NOT NULL
    GROUP BY owner_id, partner_id, stage, close_date`;

/**
 * Recomputes the rollup from the opportunities. The exclusive lock waits for transactions that already applied a
 * delta and holds back those about to, so every change is counted exactly once.
 */
export async function rebuildTotalsIn(tx: Tx) {
  await tx.execute(sql.raw('LOCK TABLE pipeline_totals IN EXCLUSIVE MODE'));
  await tx.execute(sql.raw('DELETE FROM pipeline_totals'));
  await tx.execute(sql.raw(REBUILD));
}

export async function rebuildTotals(database: Database) {
  await database.db.transaction((tx) => rebuildTotalsIn(tx as Tx));
}

const checked = new WeakMap<Database, true>();
/** Once per process and database: an empty rollup next to open deals (e.g. right after an upgrade) is rebuilt. */
export async function ensureTotals(database: Database) {
  if (checked.has(database)) return;
  const [row] = await database.query<{ missing: boolean }>(`SELECT NOT EXISTS (SELECT 1 FROM pipeline_totals)
    AND EXISTS (SELECT 1 FROM opportunities WHERE deleted_at IS NULL AND stage NOT IN ('closed_won', 'closed_lost')) AS missing`);
  if (row?.missing) await rebuildTotals(database);
  checked.set(database, true);
}

/**
 * Board totals from the rollup: one dimension (owner and partner, partner scope or filter, owner filter, or all)
 * and the close date range. Returns null for scopes the rollup does not cover; the caller then aggregates the deals.
 */
export function rollupTotalsQuery(db: Executor, scope: RowScope, q: Pick<BoardQuery, 'ownerId' | 'partnerId' | 'closeFrom' | 'closeTo'>) {
  const partnerId = scope.kind === 'partner' ? scope.partnerId : q.partnerId;
  if (scope.kind === 'account') return null;
  if (scope.kind === 'partner' && q.partnerId && q.partnerId !== scope.partnerId) return null;
  const [dim, key] = partnerId && q.ownerId ? ['owner_partner', pairKey(q.ownerId, partnerId)] as const
    : partnerId ? ['partner', partnerId] as const : q.ownerId ? ['owner', q.ownerId] as const : ['all', ZERO] as const;
  const dated = q.closeFrom || q.closeTo;
  const where: (SQL | undefined)[] = [
    eq(t.dim, dim), eq(t.key, key),
    q.closeFrom ? gte(t.closeDate, q.closeFrom) : undefined,
    q.closeTo ? lte(t.closeDate, q.closeTo) : undefined,
    dated ? lt(t.closeDate, NO_DATE) : undefined,
  ];
  return db.select({
    stage: t.stage,
    count: sql<number>`coalesce(sum(${t.count}), 0)::int`,
    amount: sql<number>`coalesce(sum(${t.amount}), 0)::bigint`,
    weightedRaw: sql<number>`coalesce(sum(${t.weightedRaw}), 0)::bigint`,
  }).from(t).where(and(...where)).groupBy(t.stage);
}

// Imports write deals set-based in their own transactions; when a deals import completes, the rollup is rebuilt.
onEvent({
  name: 'pipeline.totals_after_import',
  types: ['import.completed'],
  async handle(_ctx, tx, event) {
    const kind = (event.payload as { kind?: string }).kind;
    if (kind === undefined || /deal|opportunit/i.test(kind)) await rebuildTotalsIn(tx);
  },
});

