// Predictive conversion model: logistic regression trained by gradient descent on the tenant's own closed
// history (converted leads whose opportunity closed won = 1; closed lost or disqualified = 0), validated on a
// held-out split with its AUC. Each feature has a JS and a SQL form so probabilities can be filled set-based.
import type { Playbook } from '../playbook';
import { factSql, lit } from './scoring-sql';
import type { ScoringLead } from './scoring';

export interface ModelLead extends ScoringLead { fitScore: number; engagementScore: number }

export interface Feature { id: string; label: string; js(lead: ModelLead): number; sql: string }

const ln1p = (n: number | null) => Math.log(1 + Math.max(0, n ?? 0));
const hasItem = (xs: string[], item: string) => xs.some((x) => x.toLowerCase() === item);
const bantTrue = (l: ModelLead, k: string) => (l.bant as Record<string, unknown>)[k] === true;

/** The features: scores, size, stack, BANT and a one-hot of the playbook's lead sources. */
export function modelFeatures(leads: Pick<Playbook['leads'], 'sources' | 'bant'>): Feature[] {
  const horizon = leads.bant.timelineHorizonMonths;
  const fixed: Feature[] = [
    { id: 'fit', label: 'Fit score', js: (l) => l.fitScore / 100, sql: '(fit_score::float8 / 100)' },
    { id: 'engagement', label: 'Engagement score', js: (l) => l.engagementScore / 100, sql: '(engagement_score::float8 / 100)' },
    { id: 'employees', label: 'Company size (log)', js: (l) => ln1p(l.employees), sql: 'ln(1 + GREATEST(COALESCE(employees, 0), 0)::float8)' },
    { id: 'servers', label: 'Servers (log)', js: (l) => ln1p(l.servers), sql: 'ln(1 + GREATEST(COALESCE(servers, 0), 0)::float8)' },
    { id: 'servicenow', label: 'ServiceNow in stack', js: (l) => (hasItem(l.techStack, 'servicenow') ? 1 : 0), sql: `(CASE WHEN 'servicenow' = ANY(lower(tech_stack::text)::text[]) THEN 1 ELSE 0 END)::float8` },
    { id: 'monitoring', label: 'Monitoring tools', js: (l) => (l.monitoringTools.length > 0 ? 1 : 0), sql: '(CASE WHEN cardinality(monitoring_tools) > 0 THEN 1 ELSE 0 END)::float8' },
    { id: 'compliance', label: 'Compliance needs', js: (l) => (l.complianceFrameworks.length > 0 ? 1 : 0), sql: '(CASE WHEN cardinality(compliance_frameworks) > 0 THEN 1 ELSE 0 END)::float8' },
    ...(['budget', 'authority', 'need'] as const).map((k): Feature => ({
      id: `bant_${k}`, label: `BANT: ${k}`, js: (l) => (bantTrue(l, k) ? 1 : 0),
      sql: `(CASE WHEN ${factSql(`bant.${k}`)} IS TRUE THEN 1 ELSE 0 END)::float8`,
    })),
    {
      id: 'bant_timeline', label: `BANT: timeline within ${horizon} months`,
      js: (l) => { const t = (l.bant as Record<string, unknown>).timelineMonths; return typeof t === 'number' && t <= horizon ? 1 : 0; },
      sql: `(CASE WHEN ${factSql('bant.timelineMonths')} <= ${horizon} THEN 1 ELSE 0 END)::float8`,
    },
  ];
  const sources = leads.sources.map((s): Feature => ({
    id: `source_${s.id}`, label: `Source: ${s.label}`, js: (l) => (l.source === s.id ? 1 : 0),
    sql: `(CASE WHEN source = ${lit(s.id)} THEN 1 ELSE 0 END)::float8`,
  }));
  return [...fixed, ...sources];
}

export interface TrainedModel {
  featureIds: string[];
  mean: number[];
  std: number[];
  weights: number[];
  intercept: number;
}

export interface TrainOptions { learningRate?: number; iterations?: number; l2?: number; validationShare?: number; seed?: number }

export interface TrainResult {
  model: TrainedModel;
  auc: number | null;
  trainSize: number;
  validationSize: number;
  positives: number;
}

const Z_LIMIT = 30; // keeps exp() in range in JS and SQL alike

export function sigmoid(z: number): number {
  const c = Math.min(Math.max(z, -Z_LIMIT), Z_LIMIT);
  return 1 / (1 + Math.exp(-c));
}

/** Deterministic split key: FNV-1a of the example id. */
export function splitHash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) { h ^= id.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; }
  return h;
}

export function train(examples: { id: string; x: number[]; y: 0 | 1 }[], featureIds: string[], opts: TrainOptions = {}): TrainResult {
  const { learningRate = 0.5, iterations = 600, l2 = 0.001, validationShare = 0.2 } = opts;
  const cut = Math.floor(0x100000000 * validationShare);
  const validation = examples.filter((e) => splitHash(e.id) < cut);
  const training = examples.filter((e) => splitHash(e.id) >= cut);
  const k = featureIds.length;
  const mean = new Array(k).fill(0);
  const std = new Array(k).fill(0);
  for (const e of training) for (let j = 0; j < k; j++) mean[j] += e.x[j] / training.length;
  for (const e of training) for (let j = 0; j < k; j++) std[j] += (e.x[j] - mean[j]) ** 2 / training.length;
  for (let j = 0; j < k; j++) std[j] = Math.sqrt(std[j]) || 1; // constant features keep scale 1 (weight stays ~0)
  const xs = training.map((e) => e.x.map((v, j) => (v - mean[j]) / std[j]));
  const w = new Array(k).fill(0);
  let b = 0;
  const n = training.length || 1;
  for (let it = 0; it < iterations; it++) {
    const gw = new Array(k).fill(0);
    let gb = 0;
    for (let i = 0; i < xs.length; i++) {
      let z = b;
      for (let j = 0; j < k; j++) z += w[j] * xs[i][j];
      const err = sigmoid(z) - training[i].y;
      gb += err;
      for (let j = 0; j < k; j++) gw[j] += err * xs[i][j];
    }
    b -= (learningRate * gb) / n;
    for (let j = 0; j < k; j++) w[j] -= learningRate * (gw[j] / n + l2 * w[j]);
  }
  const model: TrainedModel = { featureIds, mean, std, weights: w, intercept: b };
  const scores = validation.map((e) => ({ p: predict(model, e.x), y: e.y }));
  return {
    model, auc: auc(scores), trainSize: training.length, validationSize: validation.length,
    positives: examples.filter((e) => e.y === 1).length,
  };
}

export function predict(model: TrainedModel, x: number[]): number {
  let z = model.intercept;
  for (let j = 0; j < model.weights.length; j++) z += model.weights[j] * ((x[j] - model.mean[j]) / model.std[j]);
  return sigmoid(z);
}

/** Feature values of a lead in the model's feature order (features the playbook no longer has read as 0). */
export function featureVector(features: Feature[], model: Pick<TrainedModel, 'featureIds'>, lead: ModelLead): number[] {
  const byId = new Map(features.map((f) => [f.id, f]));
  return model.featureIds.map((id) => byId.get(id)?.js(lead) ?? 0);
}

/** The probability as one SQL expression over a leads row (same arithmetic as predict). */
export function predictSql(features: Feature[], model: TrainedModel): string {
  const byId = new Map(features.map((f) => [f.id, f]));
  const f8 = (n: number) => `(${Number.isFinite(n) ? n : 0})::float8`;
  const terms = model.featureIds.map((id, j) =>
    `${f8(model.weights[j])} * ((${byId.get(id)?.sql ?? '0::float8'} - ${f8(model.mean[j])}) / ${f8(model.std[j])})`);
  const z = [f8(model.intercept), ...terms].join(' + ');
  return `(1 / (1 + exp(-LEAST(GREATEST(${z}, ${-Z_LIMIT}), ${Z_LIMIT}))))`;
}

/** Area under the ROC curve (Mann–Whitney U with tied scores counted half); null without both classes. */
export function auc(scored: { p: number; y: 0 | 1 }[]): number | null {
  const pos = scored.filter((s) => s.y === 1).length;
  const neg = scored.length - pos;
  if (pos === 0 || neg === 0) return null;
  const sorted = [...scored].sort((a, b) => a.p - b.p);
  let rankSumPos = 0;
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j < sorted.length && sorted[j].p === sorted[i].p) j++;
    const avgRank = (i + 1 + j) / 2; // ranks i+1 … j share their average
    for (let t = i; t < j; t++) if (sorted[t].y === 1) rankSumPos += avgRank;
    i = j;
  }
  return (rankSumPos - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** The largest weights by magnitude, for "what drives conversion here". */
export function topWeights(features: Feature[], model: TrainedModel, n = 8) {
  const label = new Map(features.map((f) => [f.id, f.label]));
  return model.featureIds.map((id, j) => ({ feature: id, label: label.get(id) ?? id, weight: model.weights[j] }))
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight)).slice(0, n);
}
