// Assignment (004 §1.4) against the people's sales profiles; the explanation goes on the lead and its timeline.
import { rankCandidates, type AssignmentLead, type AssignmentResult, type Candidate } from '../../../core/leads/assignment';
import type { Playbook } from '../../../core/playbook';
import type { Executor } from '../../db/client';
import { assignmentCandidates } from './leads.repo';

export interface AssignmentExplanation {
  by: 'rules' | 'manual' | 'form' | 'capture';
  text: string;
  ranking?: { userId: string; name: string; points: number; parts: string[] }[];
  skipped?: { userId: string; name: string; why: string }[];
  actorName?: string;
  reason?: string;
}

export async function loadCandidates(db: Executor): Promise<Candidate[]> {
  return (await assignmentCandidates(db)).map((c) => ({ ...c, openLeads: Number(c.openLeads) }));
}

/** Ranks candidates for one lead and, when someone is chosen, counts the lead against their workload. */
export function assignFrom(playbook: Playbook, candidates: Candidate[], lead: AssignmentLead, now = new Date()): {
  result: AssignmentResult; explanation: AssignmentExplanation;
} {
  const result = rankCandidates(playbook.leads.assignment, lead, candidates, now);
  if (result.chosen) {
    const c = candidates.find((x) => x.userId === result.chosen!.userId);
    if (c) c.openLeads += 1; // later leads of the same batch see the new workload
  }
  return {
    result,
    explanation: {
      by: 'rules', text: result.explanation,
      ranking: result.ranking.slice(0, 5).map((r) => ({ userId: r.userId, name: r.name, points: r.points, parts: r.parts.map((p) => p.text) })),
      skipped: result.skipped,
    },
  };
}
