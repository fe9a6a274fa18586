// Lead status machine (000 §1 stages 1–2; 004): new → working → qualified | disqualified → converted.
// Conversion happens only through the conversion use case, never through a status change.
import type { Playbook } from '../playbook';
import type { Bant, LeadStatus } from './schemas';

const ALLOWED: Record<LeadStatus, LeadStatus[]> = {
  new: ['working', 'disqualified'],
  working: ['qualified', 'disqualified', 'new'],
  qualified: ['working', 'disqualified'], // back to working when the qualification was premature
  disqualified: ['working'], // re-opened, e.g. a nurtured lead came back
  converted: [],
};

export function allowedNext(from: LeadStatus): LeadStatus[] { return ALLOWED[from]; }

/** null when allowed, else the message for a 409. */
export function transitionProblem(from: LeadStatus, to: LeadStatus): string | null {
  if (from === to) return `The lead is already ${from}.`;
  if (to === 'converted') return 'Convert a qualified lead with the conversion action; it creates the account, contacts and opportunity.';
  if (ALLOWED[from].includes(to)) return null;
  const next = ALLOWED[from];
  return next.length
    ? `A ${from} lead can move to ${next.join(' or ')}, not to ${to}.`
    : `A ${from} lead cannot change status.`;
}

export interface BantCheck { met: string[]; missing: { id: string; label: string; criterion: string }[]; required: number; ok: boolean }

/** Which BANT criteria are met (004 §1.2) and whether enough are met to qualify. */
export function bantCheck(leads: Playbook['leads'], bant: Partial<Bant>): BantCheck {
  const isMet = (id: string) => {
    if (id === 'timeline') return typeof bant.timelineMonths === 'number' && bant.timelineMonths <= leads.bant.timelineHorizonMonths;
    return bant[id as 'budget' | 'authority' | 'need'] === true;
  };
  const met = leads.bant.criteria.filter((c) => isMet(c.id)).map((c) => c.id);
  const missing = leads.bant.criteria.filter((c) => !isMet(c.id)).map((c) => ({ id: c.id, label: c.label, criterion: c.criterion }));
  return { met, missing, required: leads.bant.requiredCriteriaMet, ok: met.length >= leads.bant.requiredCriteriaMet };
}

/** The question keys of the playbook's BANT form: `need.1` = second question of Need. */
export function bantQuestionKeys(leads: Playbook['leads']): string[] {
  return leads.bant.criteria.flatMap((c) => c.questions.map((_, i) => `${c.id}.${i}`));
}
