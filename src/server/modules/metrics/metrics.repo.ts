// Set-based SQL for the sales metrics: the funnel's journeys, the leads' clocks, deals closed and their recorded paths,
// deals created, and the open pipeline. Counts and sums only; the definitions on top live in core/metrics.
import { sql, type SQL } from 'drizzle-orm';
import type { ClockTally, SalesAggregates } from '../../../core/metrics';
import type { Executor } from '../../db/client';

export interface MetricsFilter {
  from: string; // YYYY-MM-DD, inclusive (UTC)
  to: string; // YYYY-MM-DD, inclusive (UTC)
  ownerId?: string;
  partnerId?: string;
  /** Money is summed in this currency only. */
  currency: string;
}
export interface StageSets {
  won: string;
  lost: string;
  /** The open stages in pipeline order; the first one is where an opportunity starts. */
  open: string[];
  /** Open stages from Proposal on: a deal that was at one of them had a proposal. */
  proposalOrLater: string[];
  /** The POC stage (empty when the playbook has none). */
  poc: string[];
}

async function rows<T>(db: Executor, q: SQL): Promise<T[]> {
  return ((await db.execute(q)) as unknown as { rows: T[] }).rows;
}

const arr = (values: string[]) => sql`ARRAY(SELECT json_array_elements_text(${JSON.stringify(values)}::json))`;

function scope(alias: string, f: Pick<MetricsFilter, 'ownerId' | 'partnerId'>) {
  const a = sql.raw(alias);
  return sql`${f.ownerId ? sql`AND ${a}.owner_id = ${f.ownerId}::uuid` : sql``} ${f.partnerId ? sql`AND ${a}.partner_id = ${f.partnerId}::uuid` : sql``}`;
}

/** [from 00:00 UTC, to + 1 day 00:00 UTC), whatever the session's time zone. */
const inPeriod = (col: SQL, f: MetricsFilter) =>
  sql`(${col} >= (${f.from}::date)::timestamp AT TIME ZONE 'UTC' AND ${col} < (${f.to}::date + 1)::timestamp AT TIME ZONE 'UTC')`;
const closedIn = (col: SQL, f: MetricsFilter) => sql`${col} BETWEEN ${f.from}::date AND ${f.to}::date`;

/**
 * A deal's path is known when the product recorded it from the start (a creation entry) and no import moved it since:
 * imports create deals without history and mark the moves they see as inferred.
 */
const pathsOf = (ids: SQL) => sql`
  SELECT opportunity_id, array_agg(DISTINCT to_stage) AS st, bool_or(from_stage IS NULL AND NOT inferred) AND NOT bool_or(inferred) AS known
  FROM opportunity_stage_history WHERE opportunity_id IN (${ids}) GROUP BY opportunity_id`;

/**
 * Funnel ranks: 0 lead, 1 MQL, 2 SQL, 3 + i the i-th open stage (3 = opportunity), 3 + open stages = won. Each lead
 * (with the deal it converted into) and each deal without a lead is one journey; its rank is the furthest stage it
 * reached within the period. Imported leads lack the later timestamps, so their creation time stands in.
 */
async function journeys(db: Executor, f: MetricsFilter, s: StageSets) {
  const open = arr(s.open);
  const wonRank = 3 + s.open.length;
  return rows<{ rank: number; from_lead: boolean; journeys: number }>(db, sql`
    WITH lk AS (
      SELECT converted_opportunity_id AS opp_id, min(id::text) AS lead_key FROM leads
      WHERE deleted_at IS NULL AND merged_into_id IS NULL AND converted_opportunity_id IS NOT NULL GROUP BY converted_opportunity_id
    ), lj AS (
      SELECT l.id::text AS key, true AS from_lead, greatest(
        CASE WHEN (l.status = 'converted' OR l.converted_opportunity_id IS NOT NULL) AND ${inPeriod(sql`coalesce(l.converted_at, l.created_at)`, f)} THEN 3 END,
        CASE WHEN (l.qualified_at IS NOT NULL OR l.status IN ('qualified', 'converted'))
          AND ${inPeriod(sql`coalesce(l.qualified_at, l.converted_at, l.created_at)`, f)} THEN 2 END,
        CASE WHEN ((l.first_responded_at IS NOT NULL OR l.status <> 'new') AND ${inPeriod(sql`coalesce(l.first_responded_at, l.created_at)`, f)})
          OR (ls.priority IN ('hot', 'warm') AND ${inPeriod(sql`l.created_at`, f)}) THEN 1 END,
        CASE WHEN ${inPeriod(sql`l.created_at`, f)} THEN 0 END) AS rank
      FROM leads l LEFT JOIN lead_scores ls ON ls.lead_id = l.id
      WHERE l.deleted_at IS NULL AND l.merged_into_id IS NULL ${scope('l', f)}
    ), hp AS (
      SELECT h.opportunity_id, max(array_position(${open}, h.to_stage)) AS pos FROM opportunity_stage_history h
      WHERE ${inPeriod(sql`h.at`, f)} AND h.to_stage = ANY(${open}) GROUP BY h.opportunity_id
    ), oj AS (
      SELECT coalesce(lk.lead_key, o.id::text) AS key, lk.lead_key IS NOT NULL AS from_lead, greatest(
        CASE WHEN o.stage = ${s.won} AND ${closedIn(sql`o.close_date`, f)} THEN ${wonRank}::int END,
        2 + hp.pos,
        CASE WHEN o.stage = ANY(${open}) AND ${inPeriod(sql`o.stage_entered_at`, f)} THEN 2 + array_position(${open}, o.stage) END,
        CASE WHEN ${inPeriod(sql`o.created_at`, f)} THEN 3 END) AS rank
      FROM opportunities o LEFT JOIN lk ON lk.opp_id = o.id LEFT JOIN hp ON hp.opportunity_id = o.id
      WHERE o.deleted_at IS NULL ${scope('o', f)}
    ), j AS (
      SELECT key, bool_or(from_lead) AS from_lead, max(rank) AS rank
      FROM (SELECT * FROM lj UNION ALL SELECT * FROM oj) e WHERE rank IS NOT NULL GROUP BY key
    )
    SELECT rank::int AS rank, from_lead, count(*)::int AS journeys FROM j GROUP BY rank, from_lead`);
}

async function leadClocks(db: Executor, f: MetricsFilter) {
  // The overdue condition is the inbox's (a running clock past its due time), so the two agree.
  const tally = (due: SQL) => sql`
    count(*) FILTER (WHERE l.first_responded_at <= ${due})::int,
    count(*) FILTER (WHERE l.first_responded_at > ${due})::int,
    count(*) FILTER (WHERE l.first_responded_at IS NULL AND l.sla_due_at IS NOT NULL AND ${due} < now())::int,
    count(*) FILTER (WHERE l.first_responded_at IS NULL AND l.sla_due_at IS NOT NULL AND ${due} >= now())::int`;
  const [r] = await rows<Record<string, number | null>>(db, sql`
    SELECT ARRAY[${tally(sql`l.first_response_due_at`)}] AS sla, ARRAY[${tally(sql`l.first_response_target_at`)}] AS target,
      count(l.first_responded_at)::int AS responded,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM l.first_responded_at - l.created_at) / 3600) AS median,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM l.first_responded_at - l.created_at) / 3600) AS p90
    FROM leads l
    WHERE l.deleted_at IS NULL AND l.merged_into_id IS NULL AND ${inPeriod(sql`l.created_at`, f)} ${scope('l', f)}`);
  const t = (v: unknown): ClockTally => { const [onTime, late, overdue, pending] = (v as number[]).map(Number); return { onTime, late, overdue, pending }; };
  return { sla: t(r.sla), target: t(r.target), responded: Number(r.responded), median: r.median, p90: r.p90 };
}

export async function salesAggregates(db: Executor, f: MetricsFilter, s: StageSets): Promise<SalesAggregates> {
  const leadRows = await rows<{ source: string; leads: number }>(db, sql`
    SELECT l.source, count(*)::int AS leads FROM leads l
    WHERE l.deleted_at IS NULL AND l.merged_into_id IS NULL AND ${inPeriod(sql`l.created_at`, f)} ${scope('l', f)}
    GROUP BY l.source`);
  const journeyRows = await journeys(db, f, s);
  const clocks = await leadClocks(db, f);

  const [closed] = await rows<Record<string, number | null>>(db, sql`
    WITH c AS (
      SELECT o.id, o.stage, o.amount, o.currency, o.close_date, o.created_at FROM opportunities o
      WHERE o.deleted_at IS NULL AND o.stage IN (${s.won}, ${s.lost}) AND ${closedIn(sql`o.close_date`, f)} ${scope('o', f)}
    ), k AS (
      SELECT c.*, coalesce(h.known, false) AS known, h.st FROM c LEFT JOIN (${pathsOf(sql`SELECT id FROM c`)}) h ON h.opportunity_id = c.id
    )
    SELECT count(*) FILTER (WHERE stage = ${s.won})::int AS won,
      count(*) FILTER (WHERE stage = ${s.lost})::int AS lost,
      count(*) FILTER (WHERE stage = ${s.won} AND currency = ${f.currency} AND amount IS NOT NULL)::int AS won_in_currency,
      coalesce(sum(amount) FILTER (WHERE stage = ${s.won} AND currency = ${f.currency}), 0)::float8 AS won_amount,
      -- whole calendar days from the creation date (UTC) to the close date
      percentile_cont(0.5) WITHIN GROUP (ORDER BY (close_date - (created_at AT TIME ZONE 'UTC')::date)) FILTER (WHERE stage = ${s.won}) AS median_days,
      count(*) FILTER (WHERE known AND stage = ${s.won} AND st && ${arr(s.proposalOrLater)})::int AS proposal_won,
      count(*) FILTER (WHERE known AND stage = ${s.lost} AND st && ${arr(s.proposalOrLater)})::int AS proposal_lost,
      count(*) FILTER (WHERE known AND stage = ${s.won} AND st && ${arr(s.poc)})::int AS poc_won,
      count(*) FILTER (WHERE known AND stage = ${s.lost} AND st && ${arr(s.poc)})::int AS poc_lost,
      count(*) FILTER (WHERE NOT known)::int AS unknown
    FROM k`);

  const [created] = await rows<{ known: number; unknown: number; reached: number }>(db, sql`
    WITH o AS (
      SELECT o.id FROM opportunities o WHERE o.deleted_at IS NULL AND ${inPeriod(sql`o.created_at`, f)} ${scope('o', f)}
    )
    SELECT count(*) FILTER (WHERE h.known)::int AS known, count(*) FILTER (WHERE h.known IS NOT TRUE)::int AS unknown,
      count(*) FILTER (WHERE h.known AND h.st && ${arr([...s.proposalOrLater, s.won])})::int AS reached
    FROM o LEFT JOIN (${pathsOf(sql`SELECT id FROM o`)}) h ON h.opportunity_id = o.id`);

  const pipeline = await rows<{ stage: string; deals: number; amount: number; weighted: number }>(db, sql`
    SELECT o.stage, count(*)::int AS deals,
      coalesce(sum(o.amount) FILTER (WHERE o.currency = ${f.currency}), 0)::float8 AS amount,
      coalesce(sum(o.amount * o.probability / 100.0) FILTER (WHERE o.currency = ${f.currency}), 0)::float8 AS weighted
    FROM opportunities o
    WHERE o.deleted_at IS NULL AND o.stage = ANY(${arr(s.open)}) ${scope('o', f)}
    GROUP BY o.stage`);

  const won = Number(closed.won), lost = Number(closed.lost);
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    leadsBySource: leadRows.map((r) => ({ source: r.source, leads: Number(r.leads) })),
    journeys: journeyRows.map((r) => ({ rank: Number(r.rank), fromLead: r.from_lead, journeys: Number(r.journeys) })),
    response: { responded: clocks.responded, medianHours: num(clocks.median), p90Hours: num(clocks.p90) },
    sla: clocks.sla,
    target: clocks.target,
    closed: {
      won, lost, wonInCurrency: Number(closed.won_in_currency), wonAmount: Number(closed.won_amount), medianDaysToClose: num(closed.median_days),
    },
    paths: {
      created: { known: Number(created.known), unknown: Number(created.unknown), reachedProposal: Number(created.reached) },
      proposal: { won: Number(closed.proposal_won), lost: Number(closed.proposal_lost) },
      poc: { won: Number(closed.poc_won), lost: Number(closed.poc_lost) },
      closedUnknown: Number(closed.unknown),
    },
    pipeline: pipeline.map((p) => ({ stage: p.stage, deals: Number(p.deals), amount: Number(p.amount), weighted: Number(p.weighted) })),
    latestClose: won + lost === 0 ? (await historyBounds(db, f, s)).latestClose : null,
  };
}

/** The first dated record in scope (for "all time") and the latest close date of any closed deal. */
export async function historyBounds(db: Executor, f: Pick<MetricsFilter, 'ownerId' | 'partnerId'>, s: Pick<StageSets, 'won' | 'lost'>) {
  const [r] = await rows<{ first: string | null; latest_close: string | null }>(db, sql`
    SELECT least(
        (SELECT (min(l.created_at) AT TIME ZONE 'UTC')::date FROM leads l WHERE l.deleted_at IS NULL ${scope('l', f)}),
        (SELECT (min(o.created_at) AT TIME ZONE 'UTC')::date FROM opportunities o WHERE o.deleted_at IS NULL ${scope('o', f)}),
        (SELECT min(o.close_date) FROM opportunities o WHERE o.deleted_at IS NULL AND o.stage IN (${s.won}, ${s.lost}) ${scope('o', f)})
      )::text AS first,
      (SELECT max(o.close_date) FROM opportunities o WHERE o.deleted_at IS NULL AND o.stage IN (${s.won}, ${s.lost}) ${scope('o', f)})::text AS latest_close`);
  return { first: r.first, latestClose: r.latest_close };
}
