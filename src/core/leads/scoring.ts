// Lead scoring (004 §1.2–1.3): fit + engagement from the playbook's rules, every point explained.
// The same rules compile to one SQL expression (scoring-sql.ts) for set-based re-scoring; both follow the
// semantics written here, and a test scores the same leads both ways.
//
// Intent: the score ranks leads by how soon a seller should call. Fit is who the buyer is (profile, 004 §1.3) and
// what they told us (BANT, 004 §1.2, the playbook's test of sales readiness); engagement is how warm the conversation
// is. Engagement is usually thin when the answers come from one call, so fit weighs more: with the default playbook
// four BANT answers make a lead warm, four answers and a good profile make it hot, and no answers with a poor
// profile leave it cold (scoring.test.ts pins these typical leads).
import type { Playbook } from '../playbook';
import type { Bant, Engagement, Priority } from './schemas';

type ScoringConfig = Playbook['leads']['scoring'];
type Rule = ScoringConfig['fitRules'][number];
type Condition = Rule['when'];
export type Fact = Condition['fact'];

/** The lead fields the scoring facts read. */
export interface ScoringLead {
  techStack: string[];
  monitoringTools: string[];
  complianceFrameworks: string[];
  recentInitiatives: string[];
  hasCmdb: boolean | null;
  cmdbAccuracyPercent: number | null;
  employees: number | null;
  servers: number | null;
  cloudResources: number | null;
  networkDevices: number | null;
  industry: string | null;
  source: string;
  bant: Partial<Bant> | Record<string, unknown>;
  engagement: Engagement | Record<string, unknown>;
}

export interface ScorePoint { rule: string; kind: 'fit' | 'engagement'; points: number; explanation: string }
export interface LeadScore {
  fitPoints: number;
  engagementPoints: number;
  /** 0–100: fit points capped at maxFitPoints, scaled. */
  fitScore: number;
  engagementScore: number;
  /** 0–100: fit% × fit weight + engagement% × engagement weight. */
  score: number;
  priority: Priority;
  explanation: ScorePoint[];
}

export type FactType = 'list' | 'text' | 'number' | 'boolean';
export const FACT_TYPES: Record<Fact, FactType> = {
  techStack: 'list', monitoringTools: 'list', complianceFrameworks: 'list', recentInitiatives: 'list',
  hasCmdb: 'boolean', 'bant.budget': 'boolean', 'bant.authority': 'boolean', 'bant.need': 'boolean',
  cmdbAccuracyPercent: 'number', employees: 'number', servers: 'number', cloudResources: 'number', networkDevices: 'number',
  'bant.timelineMonths': 'number',
  'activity.webinarAttended': 'number', 'activity.eventAttended': 'number', 'activity.contentDownloaded': 'number',
  'activity.emailReplied': 'number', 'activity.meetingAccepted': 'number', 'activity.websiteVisits': 'number',
  industry: 'text', source: 'text',
};

type FactValue = string | number | boolean | string[] | null;

/** Reads one fact. Engagement counters default to 0; BANT answers of the wrong type read as unknown (null). */
export function factValue(lead: ScoringLead, fact: Fact): FactValue {
  if (fact.startsWith('activity.')) {
    const v = (lead.engagement as Record<string, unknown>)[fact.slice('activity.'.length)];
    return typeof v === 'number' ? v : 0;
  }
  if (fact.startsWith('bant.')) {
    const v = (lead.bant as Record<string, unknown>)[fact.slice('bant.'.length)];
    const want = FACT_TYPES[fact] === 'boolean' ? 'boolean' : 'number';
    return typeof v === want ? (v as boolean | number) : null;
  }
  return (lead as unknown as Record<string, FactValue>)[fact] ?? null;
}

const lower = (s: string) => s.toLowerCase();

/**
 * Whether a condition holds. Lists: exists = non-empty; eq/contains = has the item (case-insensitive);
 * in = has any of the items; neq = lacks the item. Text: eq/in/contains compare case-insensitively.
 * Numbers and booleans compare exactly. Unknown (null) values satisfy only `neq`. Anything else is false.
 */
export function conditionHolds(cond: Condition, value: FactValue): boolean {
  const type = FACT_TYPES[cond.fact];
  const v = cond.value;
  if (type === 'list') {
    const items = ((value as string[] | null) ?? []).map(lower);
    switch (cond.op) {
      case 'exists': return items.length > 0;
      case 'eq': case 'contains': return typeof v === 'string' && items.includes(lower(v));
      case 'neq': return !(typeof v === 'string' && items.includes(lower(v)));
      case 'in': return Array.isArray(v) && v.some((x) => items.includes(lower(x)));
      default: return false;
    }
  }
  if (type === 'text') {
    const s = typeof value === 'string' ? lower(value) : null;
    switch (cond.op) {
      case 'exists': return s !== null && s !== '';
      case 'eq': return s !== null && typeof v === 'string' && s === lower(v);
      case 'neq': return !(s !== null && typeof v === 'string' && s === lower(v));
      case 'in': return s !== null && Array.isArray(v) && v.some((x) => lower(x) === s);
      case 'contains': return s !== null && typeof v === 'string' && s.includes(lower(v));
      default: return false;
    }
  }
  if (type === 'number') {
    const n = typeof value === 'number' ? value : null;
    const t = typeof v === 'number' ? v : null;
    switch (cond.op) {
      case 'exists': return n !== null;
      case 'eq': return n !== null && t !== null && n === t;
      case 'neq': return !(n !== null && t !== null && n === t);
      case 'gt': return n !== null && t !== null && n > t;
      case 'gte': return n !== null && t !== null && n >= t;
      case 'lt': return n !== null && t !== null && n < t;
      case 'lte': return n !== null && t !== null && n <= t;
      default: return false;
    }
  }
  const b = typeof value === 'boolean' ? value : null;
  switch (cond.op) {
    case 'exists': return b !== null;
    case 'isTrue': return b === true;
    case 'isFalse': return b === false;
    case 'eq': return b !== null && typeof v === 'boolean' && b === v;
    case 'neq': return !(b !== null && typeof v === 'boolean' && b === v);
    default: return false;
  }
}

/** Integer maths only (floors of non-negative integers), so SQL gives exactly the same numbers. */
export function combine(scoring: ScoringConfig, fitPoints: number, engagementPoints: number) {
  const scale = (points: number, max: number) => Math.floor((Math.min(Math.max(points, 0), max) * 100) / max);
  const fitScore = scale(fitPoints, scoring.maxFitPoints);
  const engagementScore = scale(engagementPoints, scoring.maxEngagementPoints);
  const score = Math.floor((fitScore * scoring.combineWeights.fit + engagementScore * scoring.combineWeights.engagement) / 100);
  return { fitScore, engagementScore, score, priority: priorityOf(scoring, score) };
}

export function priorityOf(scoring: ScoringConfig, score: number): Priority {
  if (score >= scoring.priorityBands.hot) return 'hot';
  if (score >= scoring.priorityBands.warm) return 'warm';
  return 'cold';
}

export function scoreLead(scoring: ScoringConfig, lead: ScoringLead): LeadScore {
  const explanation: ScorePoint[] = [];
  let fitPoints = 0;
  let engagementPoints = 0;
  for (const [kind, rules] of [['fit', scoring.fitRules], ['engagement', scoring.engagementRules]] as const) {
    for (const rule of rules) {
      if (!conditionHolds(rule.when, factValue(lead, rule.when.fact))) continue;
      explanation.push({ rule: rule.id, kind, points: rule.points, explanation: rule.explanation });
      if (kind === 'fit') fitPoints += rule.points; else engagementPoints += rule.points;
    }
  }
  return { fitPoints, engagementPoints, ...combine(scoring, fitPoints, engagementPoints), explanation };
}

/** What is stored per lead: the matched rules and their points (texts come from the playbook when read). */
export interface StoredPoint { rule: string; points: number }
export const compactExplanation = (points: ScorePoint[]): StoredPoint[] => points.map((p) => ({ rule: p.rule, points: p.points }));

/** The stored points with the current playbook's kinds and texts (a rule since removed shows its id). */
export function hydrateExplanation(scoring: ScoringConfig, stored: unknown): ScorePoint[] {
  const rules = new Map<string, { kind: 'fit' | 'engagement'; explanation: string }>();
  for (const r of scoring.fitRules) rules.set(r.id, { kind: 'fit', explanation: r.explanation });
  for (const r of scoring.engagementRules) rules.set(r.id, { kind: 'engagement', explanation: r.explanation });
  return (Array.isArray(stored) ? stored as StoredPoint[] : []).map((p) => ({
    rule: p.rule, kind: rules.get(p.rule)?.kind ?? 'fit', points: p.points, explanation: rules.get(p.rule)?.explanation ?? p.rule,
  }));
}

/** "+15 ServiceNow in stack", "−10 Initiative more than 12 months out". */
export function pointLabel(p: Pick<ScorePoint, 'points' | 'explanation'>): string {
  return `${p.points >= 0 ? '+' : '−'}${Math.abs(p.points)} ${p.explanation}`;
}
