// Checklists that gate a project's transitions (003): entry criteria before kickoff, the go-live checklist with
// rollback readiness before go-live, exit criteria before closure, and the handoff list written at closure.
import type { DeliveryPlaybook } from './plan';

export interface CheckItem { id: string; label: string }
export interface CheckMark { at: string; by: string | null; byName: string; note: string | null }
export type Checks = Record<string, CheckMark>;

export const CHECKLISTS = ['entry', 'go_live', 'exit', 'handoff'] as const;
export type ChecklistName = (typeof CHECKLISTS)[number];

export const slug = (s: string) => s.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '').slice(0, 60) || 'item';

/** Items not ticked, in the list's order. */
export function missingItems(items: CheckItem[], checks: Checks | null | undefined): CheckItem[] {
  return items.filter((i) => !checks?.[i.id]);
}

/**
 * The go-live checklist: the tasks of the cutover activity (the last activity of the go-live milestone's phase; 003
 * §7.4 "Production Cutover": go-live preparation, production deployment, data migration, cutover execution). Rollback
 * readiness is the project's separate `rollbackReady` flag, so the item naming it is left out of the list.
 */
export function goLiveChecklist(d: Pick<DeliveryPlaybook, 'phases' | 'milestones'>): CheckItem[] {
  const goLive = goLiveMilestone(d);
  const phase = d.phases.find((p) => p.id === goLive?.phaseId);
  const cutover = phase?.activities[phase.activities.length - 1];
  return (cutover?.tasks ?? []).map((t) => ({ id: slug(t), label: t })).filter((i) => !i.id.includes('rollback'));
}

/** The playbook's go-live milestone: `go_live`, else the one before the last (closure). */
export function goLiveMilestone(d: Pick<DeliveryPlaybook, 'milestones'>) {
  return d.milestones.find((m) => m.id === 'go_live') ?? d.milestones[d.milestones.length - 2] ?? d.milestones[0];
}

export interface MilestoneGate { key: string; name: string; position: number; requiresAcceptance: boolean; status: string }

/**
 * The milestones go-live waits for: each one planned before the go-live milestone that needs the customer's
 * acceptance and does not have it (003: design, build and UAT signed off before the production cutover).
 */
export function goLiveMilestoneGaps(d: Pick<DeliveryPlaybook, 'milestones'>, milestones: MilestoneGate[]): CheckItem[] {
  const goLive = milestones.find((m) => m.key === goLiveMilestone(d)?.id);
  if (!goLive) return [];
  return milestones
    .filter((m) => m.position < goLive.position && m.requiresAcceptance && m.status !== 'accepted')
    .sort((a, b) => a.position - b.position)
    .map((m) => ({ id: `milestone_${m.key}`, label: `${m.name} accepted by the customer` }));
}

export function checklistItems(d: DeliveryPlaybook, list: ChecklistName): CheckItem[] {
  switch (list) {
    case 'entry': return d.entryCriteria;
    case 'exit': return d.exitCriteria;
    case 'handoff': return d.handoff.items;
    case 'go_live': return goLiveChecklist(d);
  }
}

/** What is missing before go-live: milestones not accepted (when given), unticked checklist items, rollback readiness. */
export function goLiveGaps(d: DeliveryPlaybook, checks: Checks, rollbackReady: boolean, milestones: MilestoneGate[] = []): CheckItem[] {
  const gaps = [...goLiveMilestoneGaps(d, milestones), ...missingItems(goLiveChecklist(d), checks)];
  if (!rollbackReady) gaps.push({ id: 'rollback_ready', label: 'Rollback readiness confirmed' });
  return gaps;
}
