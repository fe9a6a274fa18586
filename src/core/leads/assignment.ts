// Lead assignment (004 §1.4): territory → vertical expertise → account size → workload, weighted by the playbook,
// skipping people out of office or at capacity. Every decision explains itself ("EMEA territory +40, …").
import type { Playbook } from '../playbook';

type AssignmentConfig = Playbook['leads']['assignment'];

export interface Candidate {
  userId: string;
  name: string;
  territories: string[]; // regions (EMEA, NA, …) or ISO country codes
  verticals: string[]; // industries
  sizeTier: string | null; // playbook account size tier id
  capacity: number; // open leads at most
  outOfOfficeUntil: Date | null;
  openLeads: number;
}

export interface AssignmentLead { region: string | null; country: string | null; industry: string | null; employees: number | null }

export interface AssignmentPart { criterion: string; points: number; text: string }
export interface RankedCandidate { userId: string; name: string; points: number; parts: AssignmentPart[] }
export interface Skipped { userId: string; name: string; why: string }
export interface AssignmentResult {
  chosen: RankedCandidate | null;
  ranking: RankedCandidate[];
  skipped: Skipped[];
  /** One line for the lead and its timeline. */
  explanation: string;
}

const lc = (s: string) => s.trim().toLowerCase();

/** The playbook tier of a company size (tiers are listed largest first). */
export function sizeTierOf(config: AssignmentConfig, employees: number | null): AssignmentConfig['accountSizeTiers'][number] | null {
  if (employees === null) return null;
  return config.accountSizeTiers.find((t) => employees >= t.minEmployees) ?? null;
}

export function rankCandidates(config: AssignmentConfig, lead: AssignmentLead, candidates: Candidate[], now: Date): AssignmentResult {
  const weight = (id: string) => config.criteria.find((c) => c.id === id)?.weightPercent ?? 0;
  const order = config.criteria.map((c) => c.id);
  const tier = sizeTierOf(config, lead.employees);
  const skipped: Skipped[] = [];
  const ranking: RankedCandidate[] = [];
  for (const c of candidates) {
    if (c.outOfOfficeUntil && c.outOfOfficeUntil > now) {
      skipped.push({ userId: c.userId, name: c.name, why: `out of office until ${c.outOfOfficeUntil.toISOString().slice(0, 10)}` });
      continue;
    }
    if (c.openLeads >= c.capacity) {
      skipped.push({ userId: c.userId, name: c.name, why: `at capacity (${c.openLeads}/${c.capacity} open leads)` });
      continue;
    }
    const parts: AssignmentPart[] = [];
    const territories = c.territories.map(lc);
    const territory = [lead.country, lead.region].find((t) => t && territories.includes(lc(t)));
    if (territory && weight('territory')) parts.push({ criterion: 'territory', points: weight('territory'), text: `${territory} territory +${weight('territory')}` });
    if (lead.industry && c.verticals.map(lc).includes(lc(lead.industry)) && weight('vertical_expertise')) {
      parts.push({ criterion: 'vertical_expertise', points: weight('vertical_expertise'), text: `${lead.industry} +${weight('vertical_expertise')}` });
    }
    if (tier && c.sizeTier === tier.id && weight('account_size')) {
      parts.push({ criterion: 'account_size', points: weight('account_size'), text: `${tier.label} +${weight('account_size')}` });
    }
    const w = weight('workload');
    if (w) {
      const free = c.capacity > 0 ? (c.capacity - c.openLeads) / c.capacity : 0;
      const pts = Math.round(w * free);
      parts.push({ criterion: 'workload', points: pts, text: `workload ${c.openLeads}/${c.capacity} open +${pts}` });
    }
    parts.sort((a, b) => order.indexOf(a.criterion as never) - order.indexOf(b.criterion as never));
    ranking.push({ userId: c.userId, name: c.name, points: parts.reduce((s, p) => s + p.points, 0), parts });
  }
  const load = new Map(candidates.map((c) => [c.userId, c.openLeads]));
  // Highest points; ties go to the lighter workload, then a stable order by name and id.
  ranking.sort((a, b) => b.points - a.points || load.get(a.userId)! - load.get(b.userId)! || a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId));
  const chosen = ranking[0] ?? null;
  const skippedText = skipped.length ? ` Skipped: ${skipped.map((s) => `${s.name} (${s.why})`).join('; ')}.` : '';
  const explanation = chosen
    ? `Assigned to ${chosen.name} (${chosen.points} points): ${chosen.parts.map((p) => p.text).join(', ') || 'no criterion matched'}.${skippedText}`
    : `No one available to assign: ${candidates.length ? 'every candidate is out of office or at capacity' : 'no sales or SDR user has a sales profile'}.${skippedText}`;
  return { chosen, ranking, skipped, explanation };
}
