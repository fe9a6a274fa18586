// Set-based SQL for the sales metrics: four grouped scans (leads, first responses, opportunities created,
// deals closed) and the open pipeline by stage. The formulas on top of these counts live in core/metrics.
import { sql, type SQL } from 'drizzle-orm';
import type { SalesAggregates } from '../../../core/metrics';
import type { Executor } from '../../db/client';

export interface MetricsFilter {
  from: string; // YYYY-MM-DD, inclusive
  to: string; // YYYY-MM-DD, inclusive
  ownerId?: string;
  partnerId?: string;
}
export interface StageSets {
  won: string;
  lost: string;
  /** Stages at or after Proposal / POC (including won). */
  proposalOrLater: string[];
  pocOrLater: string[];
  firstResponseHours: number;
}

async function rows<T>(db: Executor, q: SQL): Promise<T[]> {
  return ((await db.execute(q)) as unknown as { rows: T[] }).rows;
}

const arr = (values: string[]) => sql`ARRAY(SELECT json_array_elements_text(${JSON.stringify(values)}::json))`;

function scope(alias: string, f: MetricsFilter) {
  const a = sql.raw(alias);
  return sql`${f.ownerId ? sql`AND ${a}.owner_id = ${f.ownerId}::uuid` : sql``} ${f.partnerId ? sql`AND ${a}.partner_id = ${f.partnerId}::uuid` : sql``}`;
}

/** [from 00:00 UTC, to + 1 day 00:00 UTC) */
const period = (col: SQL, f: MetricsFilter) => sql`${col} >= ${f.from}::date AND ${col} < (${f.to}::date + 1)`;

export async function salesAggregates(db: Executor, f: MetricsFilter, s: StageSets): Promise<SalesAggregates> {
  const leadRows = await rows<{ source: string; total: number; mql: number; sql: number; converted: number }>(db, sql`
    SELECT l.source, count(*)::int AS total,
      -- MQL: worked beyond "new", or scored hot/warm by the playbook's scoring
      count(*) FILTER (WHERE l.status <> 'new' OR ls.priority IN ('hot', 'warm'))::int AS mql,
      -- SQL: qualified against BANT (004 §1.2), including those converted since
      count(*) FILTER (WHERE l.qualified_at IS NOT NULL OR l.status IN ('qualified', 'converted'))::int AS sql,
      count(*) FILTER (WHERE l.status = 'converted' OR l.converted_opportunity_id IS NOT NULL)::int AS converted
    FROM leads l LEFT JOIN lead_scores ls ON ls.lead_id = l.id
    WHERE l.deleted_at IS NULL AND l.merged_into_id IS NULL AND ${period(sql`l.created_at`, f)} ${scope('l', f)}
    GROUP BY l.source`);

  const [resp] = await rows<{ responded: number; within: number; median: number | null; p90: number | null }>(db, sql`
    SELECT count(*)::int AS responded,
      count(*) FILTER (WHERE l.first_responded_at <= coalesce(l.first_response_due_at, l.created_at + make_interval(hours => ${s.firstResponseHours}::int)))::int AS within,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM l.first_responded_at - l.created_at) / 3600) AS median,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM l.first_responded_at - l.created_at) / 3600) AS p90
    FROM leads l
    WHERE l.deleted_at IS NULL AND l.first_responded_at IS NOT NULL AND ${period(sql`l.created_at`, f)} ${scope('l', f)}`);

  // "Reached" a stage: a won deal passed every gate; any other deal reached what its stage history shows.
  const [opp] = await rows<{ created: number; proposal: number; poc: number; won: number }>(db, sql`
    WITH o AS (
      SELECT o.id, o.stage FROM opportunities o
      WHERE o.deleted_at IS NULL AND ${period(sql`o.created_at`, f)} ${scope('o', f)}
    ), h AS (
      SELECT opportunity_id, array_agg(DISTINCT to_stage) AS st FROM opportunity_stage_history
      WHERE opportunity_id IN (SELECT id FROM o) GROUP BY opportunity_id
    )
    SELECT count(*)::int AS created,
      count(*) FILTER (WHERE o.stage = ANY(${arr(s.proposalOrLater)}) OR h.st && ${arr(s.proposalOrLater)})::int AS proposal,
      count(*) FILTER (WHERE o.stage = ANY(${arr(s.pocOrLater)}) OR h.st && ${arr(s.pocOrLater)})::int AS poc,
      count(*) FILTER (WHERE o.stage = ${s.won})::int AS won
    FROM o LEFT JOIN h ON h.opportunity_id = o.id`);

  const [closed] = await rows<{
    won: number; lost: number; won_amount: number; proposal_won: number; proposal_lost: number; poc_won: number; poc_lost: number; median_days: number | null;
  }>(db, sql`
    WITH c AS (
      SELECT o.id, o.stage, o.amount, o.close_date, o.created_at FROM opportunities o
      WHERE o.deleted_at IS NULL AND o.stage IN (${s.won}, ${s.lost}) AND o.close_date BETWEEN ${f.from}::date AND ${f.to}::date ${scope('o', f)}
    ), h AS (
      SELECT opportunity_id, array_agg(DISTINCT to_stage) AS st FROM opportunity_stage_history
      WHERE opportunity_id IN (SELECT id FROM c WHERE stage = ${s.lost}) GROUP BY opportunity_id
    )
    SELECT count(*) FILTER (WHERE c.stage = ${s.won})::int AS won,
      count(*) FILTER (WHERE c.stage = ${s.lost})::int AS lost,
      coalesce(sum(c.amount) FILTER (WHERE c.stage = ${s.won}), 0)::float8 AS won_amount,
      count(*) FILTER (WHERE c.stage = ${s.won})::int AS proposal_won,
      count(*) FILTER (WHERE c.stage = ${s.lost} AND h.st && ${arr(s.proposalOrLater)})::int AS proposal_lost,
      count(*) FILTER (WHERE c.stage = ${s.won})::int AS poc_won,
      count(*) FILTER (WHERE c.stage = ${s.lost} AND h.st && ${arr(s.pocOrLater)})::int AS poc_lost,
      -- whole calendar days from the creation date (UTC) to the close date
      percentile_cont(0.5) WITHIN GROUP (ORDER BY (c.close_date - (c.created_at AT TIME ZONE 'UTC')::date)) FILTER (WHERE c.stage = ${s.won}) AS median_days
    FROM c LEFT JOIN h ON h.opportunity_id = c.id`);

  const pipeline = await rows<{ stage: string; deals: number; amount: number; weighted: number }>(db, sql`
    SELECT o.stage, count(*)::int AS deals, coalesce(sum(o.amount), 0)::float8 AS amount,
      coalesce(sum(o.amount * o.probability / 100.0), 0)::float8 AS weighted
    FROM opportunities o
    WHERE o.deleted_at IS NULL AND o.stage NOT IN ('closed_won', 'closed_lost') ${scope('o', f)}
    GROUP BY o.stage`);

  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    leadsBySource: leadRows.map((r) => ({ source: r.source, leads: r.total })),
    leads: leadRows.reduce((a, r) => ({ total: a.total + r.total, mql: a.mql + r.mql, sql: a.sql + r.sql, converted: a.converted + r.converted }),
      { total: 0, mql: 0, sql: 0, converted: 0 }),
    response: { responded: resp.responded, withinSla: resp.within, medianHours: num(resp.median), p90Hours: num(resp.p90) },
    opportunities: { created: opp.created, reachedProposal: opp.proposal, reachedPoc: opp.poc, won: opp.won },
    closed: {
      won: closed.won, lost: closed.lost, wonAmount: Number(closed.won_amount), proposalWon: closed.proposal_won, proposalLost: closed.proposal_lost,
      pocWon: closed.poc_won, pocLost: closed.poc_lost, medianDaysToClose: num(closed.median_days),
    },
    pipeline: pipeline.map((p) => ({ stage: p.stage, deals: p.deals, amount: Number(p.amount), weighted: Number(p.weighted) })),
  };
}
