// The Value Executor's weekly value update (002 Act III, "Week 12 Update: We've achieved $780K …"): computed from the
// KPIs' latest measurements and the business case, written as a narrative from those numbers only, and stored as an
// agent artifact (agent 'executor', entity 'value_realization' = the account's value graph) for a person to accept or
// reject. A weekly job drafts one for every account with tracked KPIs that has none yet this week. Accepting one
// publishes it to the customer (artifact and timeline entry): the portal's "ROI achieved".
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { audiencesFor } from '../../../core/access/audience';
import { rowScopeFor } from '../../../core/access/roles';
import { andAudienceIn } from '../../db/audience';
import { AppError, notFound } from '../../../core/errors';
import { weeklyNarrative } from '../../../core/value';
import { transaction, type Executor, type Tx } from '../../db/client';
import type { Ctx, Deps } from '../../http/env';
import { systemCtx } from '../../http/env';
import { emit } from '../../jobs/events';
import { logSystemActivity } from '../accounts/timeline.service';
import { audit } from '../platform/audit';
import { ensureGraph } from './contract-kpis.service';
import * as repo from './realization.repo';
import { factsFor, realizationFacts, type Facts } from './realization.service';

const ENTITY = 'value_realization';
const actorId = (ctx: Ctx) => (ctx.actor.via === 'system' ? null : ctx.actor.id);

/** The artifact's inputs (the numbers), outputs (the figures derived) and narrative. */
export function weeklyUpdateOf(f: Facts) {
  const kpis = f.kpis.map((k) => ({
    id: k.id, key: k.key, name: k.name, unit: k.unit, betterWhen: k.betterWhen, baseline: k.baseline, target: k.target, startDate: k.startDate,
    deadline: k.deadline, lastValue: k.lastValue, lastMeasuredAt: k.lastMeasuredAt, expected: k.lastExpected, variancePercent: k.variancePercent,
    progressPercent: k.progressPercent, annualValueAtTarget: k.annualValueAtTarget, alert: k.status === 'alert',
  }));
  const narrative = weeklyNarrative({
    accountName: f.account.name, week: f.week, currency: f.currency, thresholdPercent: f.threshold, kpis, summary: f.summary, openAlerts: f.openAlerts,
  });
  const measured = kpis.filter((k) => k.lastValue !== null);
  return {
    inputs: { accountId: f.account.id, asOf: f.asOf, startDate: f.startDate, thresholdPercent: f.threshold, currency: f.currency, kpis, hypothesis: f.hypothesis, openAlerts: f.openAlerts },
    outputs: {
      week: f.week, ...f.summary, kpis: kpis.length, measured: measured.length, behind: measured.filter((k) => k.alert).length,
      onTrack: measured.filter((k) => !k.alert).length, openAlerts: f.openAlerts,
    },
    narrative,
  };
}

async function insertArtifact(tx: Tx, f: Facts, graphId: string, createdBy: string | null) {
  const u = weeklyUpdateOf(f);
  const [row] = await repo.rows<Record<string, unknown> & { id: string }>(tx, sql`INSERT INTO agent_artifacts
      (agent, value_graph_id, account_id, entity_type, entity_id, inputs, outputs, narrative, playbook_version, created_by)
    VALUES ('executor', ${graphId}, ${f.account.id}, ${ENTITY}, ${graphId}, ${JSON.stringify(u.inputs)}::jsonb, ${JSON.stringify(u.outputs)}::jsonb, ${u.narrative},
      (SELECT max(version) FROM playbooks), ${createdBy}::uuid)
    RETURNING id, agent, account_id AS "accountId", entity_type AS "entityType", entity_id AS "entityId", inputs, outputs, narrative, status, created_at AS "createdAt"`);
  return row;
}

/** POST /value/accounts/:id/weekly-updates: runs the Value Executor now and stores a draft. */
export async function generateWeeklyUpdate(ctx: Ctx, accountId: string) {
  return transaction(ctx.deps.database, async (tx) => {
    const f = await realizationFacts(tx, rowScopeFor(ctx.actor), accountId);
    if (!f.kpis.length) throw new AppError('conflict', 'The account has no tracked KPIs yet: they are created when a contract with KPIs is signed.');
    const graphId = await ensureGraph(tx, accountId);
    const row = await insertArtifact(tx, f, graphId, actorId(ctx));
    await audit(ctx, tx, { action: 'value_weekly_update.generate', entityType: 'agent_artifact', entityId: row.id, accountId, after: row.outputs });
    await emit(ctx, tx, { type: 'value.weekly_update_generated', entityType: 'agent_artifact', entityId: row.id, accountId, payload: { artifactId: row.id, week: f.week, realizedAnnualValue: f.summary.realizedAnnualValue, currency: f.currency } });
    return row;
  });
}

const present = (r: Record<string, unknown>) => r;

/** Weekly updates of an account, newest first. Partners and customers see the published (accepted) ones only. */
export async function listWeeklyUpdates(ctx: Ctx, accountId: string, limit: number) {
  const db = ctx.deps.database.db;
  const f = await realizationFacts(db, rowScopeFor(ctx.actor), accountId);
  const items = await repo.rows<Record<string, unknown>>(db, sql`SELECT id, agent, account_id AS "accountId", entity_type AS "entityType", entity_id AS "entityId",
      inputs, outputs, narrative, status, created_at AS "createdAt", created_by AS "createdBy", accepted_at AS "acceptedAt", accepted_by AS "acceptedBy",
      rejected_at AS "rejectedAt", rejection_reason AS "rejectionReason"
    FROM agent_artifacts WHERE account_id = ${f.account.id} AND entity_type = ${ENTITY}${andAudienceIn(sql`audience`, audiencesFor(ctx.actor))}
    ORDER BY created_at DESC, id DESC LIMIT ${limit}`);
  return { items: items.map(present), nextCursor: null };
}

/** Accept or reject a weekly update. Accepting puts its narrative on the account's timeline. */
export async function decideWeeklyUpdate(ctx: Ctx, id: string, decision: { accept: boolean; reason?: string }) {
  return transaction(ctx.deps.database, async (tx) => {
    const [art] = await repo.rows<{ id: string; accountId: string; status: string; narrative: string; week: number | null }>(tx, sql`SELECT id, account_id AS "accountId", status,
        narrative, (outputs->>'week')::int AS week FROM agent_artifacts WHERE id = ${id} AND entity_type = ${ENTITY} FOR UPDATE`);
    if (!art) throw notFound('Weekly update');
    if (art.status !== 'draft') throw new AppError('conflict', `The weekly update is already ${art.status}.`);
    const [row] = await repo.rows<Record<string, unknown>>(tx, decision.accept
      ? sql`UPDATE agent_artifacts SET status = 'accepted', audience = 'customer', accepted_by = ${actorId(ctx)}::uuid, accepted_at = now() WHERE id = ${id} RETURNING id, status, narrative, accepted_at AS "acceptedAt"`
      : sql`UPDATE agent_artifacts SET status = 'rejected', rejected_by = ${actorId(ctx)}::uuid, rejected_at = now(), rejection_reason = ${decision.reason ?? null}
          WHERE id = ${id} RETURNING id, status, narrative, rejected_at AS "rejectedAt", rejection_reason AS "rejectionReason"`);
    await audit(ctx, tx, { action: `agent_artifact.${decision.accept ? 'accept' : 'reject'}`, entityType: 'agent_artifact', entityId: id, accountId: art.accountId, before: { status: 'draft' }, after: { status: row.status, rejectionReason: decision.reason ?? null } });
    if (decision.accept) await logSystemActivity(ctx, tx, art.accountId, `Weekly value update${art.week ? `, week ${art.week}` : ''}`, art.narrative, { type: 'agent_artifact', id }, 'customer');
    await emit(ctx, tx, { type: 'value.artifact_decided', entityType: 'agent_artifact', entityId: id, accountId: art.accountId, payload: { agent: 'executor', status: String(row.status) } });
    return { ...row, accountId: art.accountId };
  });
}

/**
 * The weekly job: drafts an update for every account with live KPIs and no update since the start of this ISO week
 * (so a retried or doubled run drafts nothing twice). Accounts are chosen in one query and handled 200 at a time.
 */
export async function generateWeeklyDrafts(deps: Deps, now = new Date()): Promise<number> {
  const ctx = systemCtx(deps, 'weekly-value-updates');
  const db: Executor = deps.database.db;
  const due = await repo.rows<{ id: string; name: string }>(db, sql`SELECT a.id, a.name FROM accounts a
    WHERE a.deleted_at IS NULL AND EXISTS (SELECT 1 FROM value_kpis k WHERE k.account_id = a.id AND k.deleted_at IS NULL)
      AND NOT EXISTS (SELECT 1 FROM agent_artifacts x WHERE x.account_id = a.id AND x.entity_type = ${ENTITY}
        AND x.created_at >= date_trunc('week', ${now.toISOString()}::timestamptz))
    ORDER BY a.id`);
  let made = 0;
  for (let i = 0; i < due.length; i += 200) {
    const batch = due.slice(i, i + 200);
    await transaction(deps.database, async (tx) => {
      const facts = await factsFor(tx, { kind: 'all' }, batch, now);
      await tx.execute(sql`INSERT INTO value_graphs (account_id) SELECT unnest(${repo.toArray(batch.map((a) => a.id))}::uuid[]) ON CONFLICT DO NOTHING`);
      const graphs = new Map((await repo.rows<{ id: string; accountId: string }>(tx, sql`SELECT id, account_id AS "accountId" FROM value_graphs
        WHERE account_id = ANY(${repo.toArray(batch.map((a) => a.id))}::uuid[]) AND deleted_at IS NULL`)).map((g) => [g.accountId, g.id]));
      const docs = batch.map((a) => ({ a, g: graphs.get(a.id)!, u: weeklyUpdateOf(facts.get(a.id)!) }));
      await tx.execute(sql`INSERT INTO agent_artifacts (agent, value_graph_id, account_id, entity_type, entity_id, inputs, outputs, narrative, playbook_version)
        SELECT 'executor', x.g, x.a, ${ENTITY}, x.g, x.i, x.o, x.n, (SELECT max(version) FROM playbooks)
        FROM json_to_recordset(${JSON.stringify(docs.map((d) => ({ a: d.a.id, g: d.g, i: d.u.inputs, o: d.u.outputs, n: d.u.narrative })))}::json)
          AS x(a uuid, g uuid, i jsonb, o jsonb, n text)`);
      made += docs.length;
    });
  }
  if (made) {
    await transaction(deps.database, (tx) => audit(ctx, tx, { action: 'value_weekly_update.generate_drafts', entityType: 'job', entityId: randomUUID(), after: { drafts: made, asOf: now.toISOString() } }));
  }
  return made;
}
