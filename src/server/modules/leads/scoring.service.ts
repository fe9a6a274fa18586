// Scores on every lead change (JS), set-based re-scoring of every lead when the playbook changes (one SQL UPDATE
// compiled from the rules), and the predictive conversion model: training, status, probabilities.
import { desc, eq, sql } from 'drizzle-orm';
import {
  featureVector, modelFeatures, predict, predictSql, topWeights, train, type ModelLead, type TrainedModel,
} from '../../../core/leads/model';
import { compactExplanation, hydrateExplanation, scoreLead, type ScoringLead } from '../../../core/leads/scoring';
import { lit, rescoredRowsSql, scoreRowsSql } from '../../../core/leads/scoring-sql';
import type { Playbook } from '../../../core/playbook';
import { transaction, type Executor, type Tx } from '../../db/client';
import { leadModels, playbooks } from '../../db/schema';
import type { Ctx } from '../../http/env';
import { emit, onEvent } from '../../jobs/events';
import { audit } from '../platform/audit';
import { currentPlaybook } from '../platform/playbook.service';
import type { LeadRow, NewLead } from './leads.repo';

export const DEFAULT_MIN_EXAMPLES = 200;
export type ModelRow = typeof leadModels.$inferSelect;

export async function latestModel(db: Executor): Promise<ModelRow | null> {
  const [row] = await db.select().from(leadModels).orderBy(desc(leadModels.id)).limit(1);
  return row ?? null;
}

/** The model in use, if any: the latest trained one with enough history. */
export async function activeModel(db: Executor): Promise<TrainedModel | null> {
  const row = await latestModel(db);
  return row?.status === 'active' && row.model ? (row.model as TrainedModel) : null;
}

/** Score fields of a lead (and its conversion probability when a model is in use). */
export function scoreFields(playbook: Playbook, version: number, row: object, model: TrainedModel | null): Partial<NewLead> {
  const lead = row as ScoringLead;
  const s = scoreLead(playbook.leads.scoring, lead);
  let conversionProbability: number | null = null;
  if (model) {
    const ml: ModelLead = { ...lead, fitScore: s.fitScore, engagementScore: s.engagementScore };
    conversionProbability = predict(model, featureVector(modelFeatures(playbook.leads), model, ml));
  }
  return {
    fitScore: s.fitScore, engagementScore: s.engagementScore, score: s.score, priority: s.priority,
    scoreExplanation: compactExplanation(s.explanation), scoredPlaybookVersion: version, conversionProbability,
  };
}

/**
 * Re-scores every live lead after a playbook change: the new scores are written set-based into a fresh narrow
 * table that then replaces lead_scores (a million small rows inserted and indexed once, instead of a million
 * wide lead rows updated). Writers of scores wait (SHARE lock) until the swap commits; readers see the old
 * scores until then. Returns the number of leads whose score, band or explanation changed.
 */
export async function rescoreAll(db: Executor, playbook: Playbook, version: number, model: TrainedModel | null = null): Promise<number> {
  if (!('rollback' in db)) return db.transaction((tx) => rescoreAll(tx as Tx, playbook, version, model));
  const probability = model ? predictSql(modelFeatures(playbook.leads), model) : undefined;
  const run = (text: string) => db.execute(sql.raw(text));
  // The statement joins every lead with its old score: give the hash join memory instead of temp files. A million
  // rows go through Gather, so let the planner use parallel workers for the scoring (the statement is a CREATE
  // TABLE AS, which may run in parallel where an INSERT may not); JIT compiling its hundred expressions costs more
  // than it saves.
  await run(`SET LOCAL work_mem = '256MB'`);
  await run('SET LOCAL parallel_tuple_cost = 0.001');
  await run('SET LOCAL parallel_setup_cost = 100');
  await run('SET LOCAL jit = off');
  await run('LOCK TABLE lead_scores IN SHARE MODE');
  await run('DROP TABLE IF EXISTS lead_scores_next');
  await run(`CREATE TABLE lead_scores_next AS SELECT lead_id, fit_score::int, engagement_score::int, score::int, priority::text,
      score_explanation::text, scored_playbook_version::int, conversion_probability::real
    FROM (${rescoredRowsSql(playbook.leads.scoring, version, { previous: 'lead_scores', probability })}) r`);
  // Rows that changed carry this version (a narrow scan; cheaper than returning a million rows from the statement).
  const [{ changed }] = ((await run(`SELECT count(*)::int AS changed FROM lead_scores_next WHERE scored_playbook_version = ${Math.trunc(version)}`)) as unknown as { rows: { changed: number }[] }).rows;
  // The schema's defaults, constraints and indexes (leads.ts), checked and built once over the finished table.
  await run(`ALTER TABLE lead_scores_next ADD CONSTRAINT lead_scores_next_pkey PRIMARY KEY (lead_id),
    ALTER COLUMN fit_score SET DEFAULT 0, ALTER COLUMN fit_score SET NOT NULL,
    ALTER COLUMN engagement_score SET DEFAULT 0, ALTER COLUMN engagement_score SET NOT NULL,
    ALTER COLUMN score SET DEFAULT 0, ALTER COLUMN score SET NOT NULL, ALTER COLUMN priority SET NOT NULL,
    ALTER COLUMN score_explanation SET DEFAULT '[]', ALTER COLUMN score_explanation SET NOT NULL`);
  await run('CREATE INDEX lead_scores_next_priority_idx ON lead_scores_next (priority)');
  await run('ANALYZE lead_scores_next');
  // The swap: from here to the commit readers wait (a few milliseconds).
  await run('DROP TABLE lead_scores');
  await run('ALTER TABLE lead_scores_next RENAME TO lead_scores');
  await run('ALTER INDEX lead_scores_next_pkey RENAME TO lead_scores_pkey');
  await run('ALTER INDEX lead_scores_next_priority_idx RENAME TO lead_scores_priority_idx');
  return Number(changed);
}

/**
 * Scores the given leads set-based (imports: rows written straight to the table), with the conversion probability
 * when a model is in use.
 */
export async function scoreLeadsIn(tx: Tx, ids: string[]): Promise<void> {
  if (!ids.length) return;
  const { playbook, version } = await currentPlaybook(tx);
  const model = await activeModel(tx);
  const probability = model ? predictSql(modelFeatures(playbook.leads), model) : undefined;
  const where = `l.id IN (SELECT json_array_elements_text(${lit(JSON.stringify(ids))}::json)::uuid)`;
  await tx.execute(sql.raw(`INSERT INTO lead_scores (lead_id, fit_score, engagement_score, score, priority, score_explanation, scored_playbook_version, conversion_probability)
    SELECT lead_id, fit_score, engagement_score, score, priority, score_explanation, ${Math.trunc(version)}, ${probability ? 'conversion_probability' : 'NULL'}
    FROM (${scoreRowsSql(playbook.leads.scoring, where, probability)}) r
    ON CONFLICT (lead_id) DO UPDATE SET fit_score = excluded.fit_score, engagement_score = excluded.engagement_score, score = excluded.score,
      priority = excluded.priority, score_explanation = excluded.score_explanation, scored_playbook_version = excluded.scored_playbook_version,
      conversion_probability = excluded.conversion_probability`));
}

/** Fills conversion probabilities of every live lead from the model (or clears them without one). */
export async function applyModel(db: Executor, playbook: Playbook, model: TrainedModel | null): Promise<void> {
  const expr = model ? predictSql(modelFeatures(playbook.leads), model) : 'NULL';
  // The expression reads the lead's facts and its scores by bare column name (a lead without a score row yet scores 0).
  await db.execute(sql.raw(`INSERT INTO lead_scores (lead_id, priority, conversion_probability)
    SELECT id, 'cold', ${expr} FROM (SELECT l.*, coalesce(s.fit_score, 0) AS fit_score, coalesce(s.engagement_score, 0) AS engagement_score
      FROM leads l LEFT JOIN lead_scores s ON s.lead_id = l.id WHERE l.deleted_at IS NULL) x
    ON CONFLICT (lead_id) DO UPDATE SET conversion_probability = excluded.conversion_probability`));
}

onEvent({
  name: 'leads.rescore-on-playbook',
  types: ['playbook.updated'],
  async handle(ctx, tx, event) {
    const { version, playbook } = await currentPlaybook(tx);
    const payload = event.payload as { version?: number; previous?: number };
    if (payload.version !== undefined && payload.version < version) return; // a newer version's event rescores
    // Only what scores and the model read: a change of, say, the calendar leaves a million leads alone.
    const inputs = (p: Playbook) => JSON.stringify([p.leads.scoring, p.leads.sources, p.leads.bant.timelineHorizonMonths]);
    const [prev] = payload.previous ? await tx.select({ body: playbooks.body }).from(playbooks).where(eq(playbooks.version, payload.previous)) : [];
    if (prev && inputs(prev.body as Playbook) === inputs(playbook)) return;
    const n = await rescoreAll(tx, playbook, version, await activeModel(tx));
    await emit(ctx, tx, { type: 'leads.rescored', entityType: 'playbook', entityId: String(version), payload: { version, leads: n } });
  },
});

// ---------------------------------------------------------------- the predictive model

const TRAINING_CAP = 20_000; // most recent closed examples; plenty for a dozen features

/** Closed history: converted leads whose opportunity closed (won = 1, lost = 0) and disqualified leads (0). */
async function trainingExamples(db: Executor) {
  const rows = await db.execute(sql`
    SELECT l.*, coalesce(s.fit_score, 0) AS fit_score, coalesce(s.engagement_score, 0) AS engagement_score,
      CASE WHEN o.stage = 'closed_won' THEN 1 ELSE 0 END AS label
    FROM leads l LEFT JOIN lead_scores s ON s.lead_id = l.id LEFT JOIN opportunities o ON o.id = l.converted_opportunity_id
    WHERE l.deleted_at IS NULL AND (o.stage IN ('closed_won', 'closed_lost') OR l.status = 'disqualified')
    ORDER BY l.updated_at DESC LIMIT ${TRAINING_CAP}`);
  const list = ((rows as unknown as { rows?: unknown[] }).rows ?? rows) as Record<string, unknown>[];
  return list.map((r) => ({
    id: String(r.id), y: Number(r.label) as 0 | 1,
    lead: {
      techStack: (r.tech_stack as string[]) ?? [], monitoringTools: (r.monitoring_tools as string[]) ?? [],
      complianceFrameworks: (r.compliance_frameworks as string[]) ?? [], recentInitiatives: (r.recent_initiatives as string[]) ?? [],
      hasCmdb: r.has_cmdb as boolean | null, cmdbAccuracyPercent: r.cmdb_accuracy_percent as number | null,
      employees: r.employees as number | null, servers: r.servers as number | null, cloudResources: r.cloud_resources as number | null,
      networkDevices: r.network_devices as number | null, industry: r.industry as string | null, source: String(r.source),
      bant: (r.bant ?? {}) as Record<string, unknown>, engagement: (r.engagement ?? {}) as Record<string, unknown>,
      fitScore: Number(r.fit_score), engagementScore: Number(r.engagement_score),
    } satisfies ModelLead,
  }));
}

export async function trainModel(ctx: Ctx, opts: { minExamples?: number } = {}) {
  return transaction(ctx.deps.database, async (tx) => trainModelIn(ctx, tx, opts));
}

export async function trainModelIn(ctx: Ctx, tx: Tx, opts: { minExamples?: number } = {}) {
  const previous = await latestModel(tx);
  const minExamples = opts.minExamples ?? previous?.minExamples ?? DEFAULT_MIN_EXAMPLES;
  const { playbook, version } = await currentPlaybook(tx);
  const features = modelFeatures(playbook.leads);
  const examples = await trainingExamples(tx);
  const positives = examples.filter((e) => e.y === 1).length;
  const base = { sampleSize: examples.length, positives, minExamples, playbookVersion: version, trainedBy: ctx.actor.via === 'system' ? null : ctx.actor.id };
  let row: ModelRow;
  if (examples.length < minExamples || positives === 0 || positives === examples.length) {
    [row] = await tx.insert(leadModels).values({ ...base, status: 'insufficient_history' }).returning();
    await applyModel(tx, playbook, null);
  } else {
    const result = train(examples.map((e) => ({ id: e.id, y: e.y, x: features.map((f) => f.js(e.lead)) })), features.map((f) => f.id));
    const usable = result.auc !== null;
    [row] = await tx.insert(leadModels).values({
      ...base, status: usable ? 'active' : 'insufficient_history', trainSize: result.trainSize, validationSize: result.validationSize,
      auc: result.auc, model: result.model, topWeights: topWeights(features, result.model),
    }).returning();
    await applyModel(tx, playbook, usable ? result.model : null);
  }
  await audit(ctx, tx, { action: 'lead_model.train', entityType: 'lead_model', entityId: String(row.id), after: { status: row.status, auc: row.auc, sampleSize: row.sampleSize } });
  await emit(ctx, tx, { type: 'lead_model.trained', entityType: 'lead_model', entityId: String(row.id), payload: { status: row.status, auc: row.auc, sampleSize: row.sampleSize } });
  return modelStatusOf(row);
}

export function modelStatusOf(row: ModelRow | null) {
  if (!row) {
    return { status: 'not_trained', message: `No model trained yet; it needs ${DEFAULT_MIN_EXAMPLES} closed examples.`, auc: null, sampleSize: 0, positives: 0, minExamples: DEFAULT_MIN_EXAMPLES, trainedAt: null, topWeights: [] };
  }
  const message = row.status === 'active'
    ? `Trained on ${row.trainSize} closed leads, validated on ${row.validationSize} (AUC ${row.auc?.toFixed(3)}).`
    : `Not enough history: ${row.sampleSize} closed examples (${row.positives} won) of the ${row.minExamples} needed, with both outcomes present.`;
  return {
    status: row.status, message, auc: row.auc, sampleSize: row.sampleSize, positives: row.positives, trainSize: row.trainSize,
    validationSize: row.validationSize, minExamples: row.minExamples, trainedAt: row.trainedAt, topWeights: row.topWeights,
  };
}

export async function modelStatus(ctx: Ctx) {
  return modelStatusOf(await latestModel(ctx.deps.database.db));
}

/** A lead as the API shows it: the stored score points with the playbook's texts. */
export function presentLead<T extends { scoreExplanation: unknown }>(playbook: Playbook, row: T): T {
  return { ...row, scoreExplanation: hydrateExplanation(playbook.leads.scoring, row.scoreExplanation) };
}

/** The scoring input of a stored lead row. */
export const scoringLeadOf = (l: LeadRow): ScoringLead => l as unknown as ScoringLead;
