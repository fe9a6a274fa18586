// Stage gates (000 §1 stages 3–6): which exit criteria stand between an opportunity and the stage it is moved to.
// The playbook lists the stages in order with their exit criteria; this file only reads it, so editing the
// playbook changes the gates without a deploy.
import type { Playbook } from '../playbook';

export type PipelineStage = Playbook['pipeline']['stages'][number];

/** One ticked exit criterion: who ticked it, when, and why. */
export interface CriterionCheck { at: string; by: string | null; byName: string; note: string | null }
/** Exit criteria ticked so far, per stage: { proposal: { pricing_configured: {...} } }. Stage ids scope criterion ids
 * because the playbook may reuse an id in two stages (e.g. "contract_signed"). */
export type GateChecks = Record<string, Record<string, CriterionCheck>>;

export interface MissingCriterion { stage: string; stageName: string; id: string; label: string }

/** The POC outcome pseudo-criterion: a completed POC with every success criterion validated gates Negotiation. */
export const POC_OUTCOME_ID = 'poc_outcome';
export const POC_STAGE_ID = 'poc';

export type MoveKind = 'forward' | 'back' | 'same' | 'close_won' | 'close_lost' | 'from_closed';

export interface GateInput {
  stages: readonly PipelineStage[];
  from: string;
  to: string;
  checks: GateChecks;
  /** Whether the opportunity's POC is completed with all success criteria validated (see poc.ts). */
  pocPassed: boolean;
}

export interface GateResult {
  move: MoveKind;
  /** Open stages whose exit criteria the move requires: the current one and any skipped on the way. */
  gatedStages: string[];
  missing: MissingCriterion[];
}

export function stageOf(stages: readonly PipelineStage[], id: string): PipelineStage | undefined {
  return stages.find((s) => s.id === id);
}

export const openStages = (stages: readonly PipelineStage[]) => stages.filter((s) => s.kind === 'open');

/**
 * Evaluates a stage move. Forward moves (including closing won) need the exit criteria of the current stage and
 * of every open stage skipped; moving back and closing lost need none; a closed opportunity does not move.
 */
export function evaluateGate(input: GateInput): GateResult {
  const { stages, from, to, checks } = input;
  const fromStage = stageOf(stages, from);
  const toStage = stageOf(stages, to);
  if (!fromStage || !toStage) throw new Error(`Unknown stage ${!fromStage ? from : to}`);
  if (fromStage.kind !== 'open') return { move: 'from_closed', gatedStages: [], missing: [] };
  if (toStage.kind === 'lost') return { move: 'close_lost', gatedStages: [], missing: [] };
  const open = openStages(stages);
  const i = open.findIndex((s) => s.id === from);
  // Closing won passes every remaining open stage: its gate is the last open stage's exit criteria (Negotiation).
  const j = toStage.kind === 'won' ? open.length : open.findIndex((s) => s.id === to);
  if (j === i) return { move: 'same', gatedStages: [], missing: [] };
  if (j < i) return { move: 'back', gatedStages: [], missing: [] };
  const gated = open.slice(i, j);
  const missing: MissingCriterion[] = [];
  for (const s of gated) {
    for (const c of s.exitCriteria) {
      if (!checks[s.id]?.[c.id]) missing.push({ stage: s.id, stageName: s.name, id: c.id, label: c.label });
    }
    if (s.id === POC_STAGE_ID && !input.pocPassed) {
      missing.push({ stage: s.id, stageName: s.name, id: POC_OUTCOME_ID, label: 'POC completed with every success criterion validated' });
    }
  }
  return { move: toStage.kind === 'won' ? 'close_won' : 'forward', gatedStages: gated.map((s) => s.id), missing };
}

/** Who may advance past missing exit criteria (with a reason). There is no separate sales-manager role. */
export const OVERRIDE_ROLES = ['admin', 'executive'] as const;
export const canOverride = (role: string) => (OVERRIDE_ROLES as readonly string[]).includes(role);

/** Probability and forecast category after a stage change: the stage's, unless set by hand (open stages only). */
export function stageDefaults(
  stage: PipelineStage,
  current: { probability: number; forecastCategory: string; probabilityManual: boolean; forecastCategoryManual: boolean },
) {
  const closed = stage.kind !== 'open';
  return {
    probability: current.probabilityManual && !closed ? current.probability : stage.probability,
    forecastCategory: current.forecastCategoryManual && !closed ? current.forecastCategory : stage.forecastCategory,
  };
}

/** Ticks or unticks one criterion, returning a new checks object. */
export function setCheck(checks: GateChecks, stage: string, criterion: string, check: CriterionCheck | null): GateChecks {
  const forStage = { ...(checks[stage] ?? {}) };
  if (check) forStage[criterion] = check; else delete forStage[criterion];
  return { ...checks, [stage]: forStage };
}

/**
 * Which stage a criterion id belongs to: the explicitly named stage (which must list it), else the current stage
 * when it lists it, else the first stage that does.
 */
export function resolveCriterionStage(
  stages: readonly PipelineStage[], criterionId: string, opts: { explicit?: string; current?: string } = {},
): PipelineStage | undefined {
  const has = (s: PipelineStage | undefined) => !!s?.exitCriteria.some((c) => c.id === criterionId);
  if (opts.explicit) { const s = stageOf(stages, opts.explicit); return has(s) ? s : undefined; }
  const current = opts.current ? stageOf(stages, opts.current) : undefined;
  if (has(current)) return current;
  return stages.find(has);
}

/** Total whole-or-fractional days spent per stage from the stage history (ordered by time). */
export function timeInStages(history: readonly { toStage: string; at: string | Date }[], now: Date): Record<string, number> {
  const out: Record<string, number> = {};
  history.forEach((h, k) => {
    const start = new Date(h.at).getTime();
    const end = k + 1 < history.length ? new Date(history[k + 1].at).getTime() : now.getTime();
    out[h.toStage] = (out[h.toStage] ?? 0) + Math.max(0, end - start) / 86400_000;
  });
  return out;
}

/** When the stage timer fires: entry + the stage's maximum expected duration; null when the stage has none. */
export function stageDueAt(stage: PipelineStage, enteredAt: Date): Date | null {
  if (stage.kind !== 'open' || !stage.expectedDurationDays) return null;
  return new Date(enteredAt.getTime() + stage.expectedDurationDays.max * 86400_000);
}
