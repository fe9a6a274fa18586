// One storyline per demo account, decided before any row is written, so that every stream's rows agree on dates and
// numbers. The lifecycle stage decides which deals exist and where they stand, when the contract started and ends,
// which week the delivery project is in (or when it closed), how long the KPIs have been measured and how they trend.
// A deal's price follows from its business case: the subscription is set so that the case returns the ROI the seller
// and the buyer agreed on (accepted cases 115–240 % over the horizon, drafts still being worked 70–240 %).
// Pure: the loaders write what this returns.
import type { LIFECYCLE_STAGES } from '../../core/accounts/schemas';
import { addMonths } from '../../core/billing/dates';
import { addDays, mondayOf, projectWeeks } from '../../core/delivery';
import { contractEndDate } from '../../core/pipeline/contract';
import type { Playbook } from '../../core/playbook';
import { applyHypothesisEdit, buildHypothesis, computeHypothesis, PAIN_CATALOG, type AccountProfile, type Kpi, type PainValue } from '../../core/value';
import type { rng } from './demo';

export type Stage = (typeof LIFECYCLE_STAGES)[number];
export type OpenStage = 'discovery' | 'proposal' | 'poc' | 'negotiation';
type Rng = ReturnType<typeof rng>;

/** An assumption the seller adjusted with the customer. */
export interface Edit { id: string; value: number }
/** The business case a deal is sold on: the pains ticked, the seller's edits, and the subscription priced from them. */
export interface BusinessCase { pains: string[]; edits: Edit[]; amount: number; roiTarget: number }
export interface ContractPlan { start: string; termMonths: number; end: string; status: 'signed' | 'active' | 'ended'; modules: string[]; servicesFee: number }
/** A delivery project: its Monday start, planned length, slip of the unfinished work, and how it is going. */
export interface ProjectPlan { start: string; weeks: number; slipDays: number; health: 'green' | 'amber' | 'red'; closed: boolean }
export interface Deal {
  kind: 'new' | 'expansion' | 'renewal';
  title: string;
  stage: OpenStage | 'closed_won' | 'closed_lost';
  case: BusinessCase;
  hypothesis: 'none' | 'draft' | 'accepted';
  commitment: 'none' | 'draft' | 'accepted';
  /** Won or lost on (YYYY-MM-DD); null while open. */
  closedOn: string | null;
  contract: ContractPlan | null;
  project: ProjectPlan | null;
  /** What the loaders wrote for this deal, for the loaders after them. */
  ids: {
    opportunity?: string; closeDate?: string; contract?: string; project?: string; projectManager?: string | null;
    /** The stored business case's pains (with their annual benefit) and the contracted KPIs, when written. */
    pains?: PainValue[]; kpis?: Kpi[];
  };
}
export interface Story {
  stage: Stage;
  createdAt: Date;
  /** Annual recurring revenue of the contracts running today (minor units). */
  arr: number;
  deals: Deal[];
  /** How the account's KPIs trend against their trajectories: on it, ahead, or one KPI drifting beyond the threshold. */
  realization: 'on_track' | 'ahead' | 'lagging';
}

const DAY = 86_400_000;
const DEAL_NAMES = ['CMDB discovery', 'Service mapping', 'Hybrid cloud discovery', 'Audit readiness', 'CMDB health programme', 'Dependency mapping'];
export const MODULES = ['Discovery', 'Service mapping', 'CMDB sync', 'Compliance reporting', 'Cloud discovery'];
/** What an account buys later when its first deal left a pain out: the module and the deal's name. */
const EXPANSION: Record<string, { module: string; title: string }> = {
  dependency_outages: { module: 'Service mapping', title: 'Service mapping expansion' },
  license_waste: { module: 'Cloud discovery', title: 'Licence optimisation add-on' },
  consultant_spend: { module: 'Discovery', title: 'Landscape assessment add-on' },
  audit_findings: { module: 'Compliance reporting', title: 'Compliance reporting add-on' },
  manual_cmdb_upkeep: { module: 'CMDB sync', title: 'CMDB sync expansion' },
};
const MIN_SUBSCRIPTION = 800_000; // $8,000 a year
const PRICE_STEP = 50_000; // whole $500
/** A deal is worth pursuing from $40,000 of annual benefit: priced at the floor it still returns more than 200 %. */
const MIN_CASE = 4_000_000;

// ---------------------------------------------------------------- pricing from the business case

const REFERENCE: AccountProfile = {
  name: 'Reference', industry: null, employees: 1000, servers: 1000, cloudResources: 0, networkDevices: 0, complianceFrameworks: ['Reference'], techStack: [],
};
const REFERENCE_AMOUNT = 10_000_000;

/** The account facts a pain's impact is proportional to (hypothesis.ts: each pain scales with at most one fact). */
function units(profile: AccountProfile, painId: string): number {
  const facts = PAIN_CATALOG.find((p) => p.id === painId)?.accountFacts ?? [];
  return facts.reduce((x, f) => x * (f === 'servers' ? profile.servers : Math.max(1, profile.complianceFrameworks.length)), 1);
}

export interface Pricing {
  /** The case's annual benefit and its total over the horizon (year 1 ramps up after go-live), as the hypothesis computes them. */
  benefits(profile: AccountProfile, c: Pick<BusinessCase, 'pains' | 'edits'>): { annual: number; total: number };
  /** The subscription (whole $500, at least $8,000) at which the case returns about `roiPercent` over the horizon. */
  price(profile: AccountProfile, c: Pick<BusinessCase, 'pains' | 'edits'>, roiPercent: number): number;
}

/**
 * Prices from the same core the Value Architect runs. Building a hypothesis per account costs ~0.1 ms, too much for
 * 100k accounts, so the core is run once per distinct set of edits on a reference estate and each pain's benefit is
 * scaled by the account fact it is proportional to (exact up to the rounding of each pain to a minor unit).
 */
export function pricing(playbook: Playbook): Pricing {
  const cache = new Map<string, { rate: Map<string, number>; firstYear: number; years: number; costPerAmount: number }>();
  const ratesFor = (edits: Edit[]) => {
    const key = edits.map((e) => `${e.id}=${e.value}`).join('&');
    let hit = cache.get(key);
    if (!hit) {
      let model = buildHypothesis({ account: REFERENCE, opportunity: { amount: REFERENCE_AMOUNT, currency: 'USD' }, playbook, discovery: { painIds: PAIN_CATALOG.map((p) => p.id) } });
      if (edits.length) model = applyHypothesisEdit(model, { assumptions: edits });
      const res = computeHypothesis(model);
      hit = {
        rate: new Map(res.pains.map((p) => [p.id, p.annualBenefit / units(REFERENCE, p.id)])),
        firstYear: (model.assumptions.find((a) => a.id === 'first_year_realization')?.value ?? 100) / 100,
        years: model.horizonYears, costPerAmount: res.totalCosts / REFERENCE_AMOUNT,
      };
      cache.set(key, hit);
    }
    return hit;
  };
  const benefits: Pricing['benefits'] = (profile, c) => {
    const k = ratesFor(c.edits);
    const annual = c.pains.reduce((s, id) => s + Math.round((k.rate.get(id) ?? 0) * units(profile, id)), 0);
    return { annual, total: Math.round(annual * k.firstYear) + annual * (k.years - 1) };
  };
  return {
    benefits,
    price(profile, c, roiPercent) {
      const { total } = benefits(profile, c);
      const amount = total / ((1 + roiPercent / 100) * ratesFor(c.edits).costPerAmount);
      return Math.max(MIN_SUBSCRIPTION, Math.round(amount / PRICE_STEP) * PRICE_STEP);
    },
  };
}

// ---------------------------------------------------------------- stories

export interface StoryEnv { r: Rng; today: string; playbook: Playbook; pricing: Pricing; prospects: { n: number }; projects: { n: number } }
export interface StoryInput { stage: Stage; profile: AccountProfile; /** The customer portal's account: an expansion in its third project week. */ portal?: boolean }

const TERMS = [12, 24, 36];

function seller(r: Rng): Edit[] {
  if (r.next() >= 0.35) return [];
  const edits: Edit[] = [{ id: 'it_staff_hourly_cost', value: r.int(70, 110) * 100 }];
  if (r.next() < 0.5) edits.push({ id: 'processing_time_reduction', value: r.int(30, 55) });
  return edits;
}

/** A case for `pains` priced to an ROI in [lo, hi] %. */
function priced(env: StoryEnv, profile: AccountProfile, pains: string[], lo: number, hi: number): BusinessCase {
  const edits = seller(env.r);
  const roiTarget = env.r.int(lo, hi);
  return { pains, edits, roiTarget, amount: env.pricing.price(profile, { pains, edits }, roiTarget) };
}

const accepted = (env: StoryEnv, profile: AccountProfile, pains: string[]) => priced(env, profile, pains, 115, 240);
const draft = (env: StoryEnv, profile: AccountProfile, pains: string[]) => priced(env, profile, pains, 70, 240);

function deal(x: Omit<Deal, 'ids' | 'contract' | 'project' | 'closedOn' | 'commitment'> & Partial<Pick<Deal, 'contract' | 'project' | 'closedOn' | 'commitment'>>): Deal {
  return { contract: null, project: null, closedOn: null, commitment: 'none', ...x, ids: {} };
}

/** A term (months) whose contract, started on `start`, still runs more than four months after today. */
function runningTerm(r: Rng, start: string, today: string): number {
  const fits = TERMS.filter((t) => contractEndDate(start, t) > addDays(today, 120));
  return fits.length ? r.pick(fits) : 36;
}

/** Health of the running projects in turn, so that even a small dataset has projects on track, late and in trouble. */
const HEALTH = ['green', 'amber', 'green', 'red', 'green', 'amber', 'green', 'green', 'amber', 'green', 'red', 'amber'] as const;

function project(env: StoryEnv, start: string, weeks: number, closed: boolean, lagging: boolean): ProjectPlan {
  const { r } = env;
  const next = closed ? 'green' : HEALTH[env.projects.n++ % HEALTH.length];
  // A project whose KPIs lag is not green.
  const health = lagging && next === 'green' ? 'amber' : next;
  const slipDays = closed || health === 'green' ? 0 : health === 'amber' ? r.int(3, 9) : r.int(10, 21);
  return { start, weeks, slipDays, health, closed };
}

/** The storyline of one account. */
export function storyOf(input: StoryInput, env: StoryEnv): Story {
  const { r, today, playbook } = env;
  const { stage, profile } = input;
  const monday = mondayOf(today);
  const suggested = PAIN_CATALOG.filter((p) => p.suggested(profile)).map((p) => p.id);
  const worth = (ids: string[]) => env.pricing.benefits(profile, { pains: ids, edits: [] }).annual;
  // The seller leaves one suggested pain out of the case now and then, never so much that the case is not worth it.
  const trim = (ids: string[]) => {
    if (ids.length < 2 || r.next() >= 0.4) return ids;
    const left = ids.filter((_, k) => k !== r.int(0, ids.length - 1));
    return worth(left) >= MIN_CASE ? left : ids;
  };
  const dealName = r.pick(DEAL_NAMES);

  if (stage === 'prospect') {
    const n = env.prospects.n++;
    const k = n % 10; // 3 discovery, 3 proposal, 2 POC, 2 negotiation
    const open: OpenStage = k < 3 ? 'discovery' : k < 6 ? 'proposal' : k < 8 ? 'poc' : 'negotiation';
    const hypothesis = open === 'discovery' ? 'none' : open === 'negotiation' || (open === 'poc' && r.next() < 0.6) ? 'accepted' : 'draft';
    const pains = trim(suggested);
    const createdAt = new Date(Date.parse(`${today}T00:00:00Z`) - r.int(100, 300) * DAY - r.int(0, 86_399) * 1000);
    const deals = [deal({
      kind: 'new', title: dealName, stage: open, hypothesis, case: hypothesis === 'accepted' ? accepted(env, profile, pains) : draft(env, profile, pains),
      commitment: open === 'negotiation' ? (r.next() < 0.5 ? 'accepted' : 'draft') : 'none',
    })];
    // One in six prospects lost an earlier deal.
    if (n % 6 === 1) {
      const lostOn = addDays(createdAt.toISOString().slice(0, 10), r.int(30, 80));
      deals.unshift(deal({ kind: 'new', title: `${r.pick(DEAL_NAMES)} (earlier)`, stage: 'closed_lost', hypothesis: 'none', closedOn: lostOn, case: draft(env, profile, pains) }));
    }
    return { stage, createdAt, arr: 0, deals, realization: 'on_track' };
  }

  // A customer: the first deal was won on the pains of its case. An expansion account buys an add-on for a pain the
  // first deal left out: the smallest that is still a sizeable part of the estate's value (customers start with the
  // biggest pains), else the largest; landscape assessments when the estate is too small for the others.
  const addOns = suggested.filter((p) => ['dependency_outages', 'license_waste', 'consultant_spend'].includes(p) && worth([p]) >= MIN_CASE)
    .sort((x, y) => worth([x]) - worth([y]));
  const sizeable = addOns.find((p) => worth([p]) >= 0.15 * worth(suggested)) ?? addOns[addOns.length - 1];
  const later = stage === 'expansion' ? [sizeable ?? 'consultant_spend'] : [];
  const basePains = stage === 'expansion' ? suggested.filter((p) => !later.includes(p)) : trim(suggested);
  const pains = basePains.length ? basePains : ['manual_cmdb_upkeep'];
  const modules = r.some(MODULES.filter((m) => !later.some((p) => EXPANSION[p].module === m)), r.int(1, 3));
  const infra = profile.servers + profile.cloudResources + profile.networkDevices;
  const weeks = projectWeeks(playbook.delivery, { modules: modules.length, infrastructureItems: infra > 0 ? infra : null });
  const activeProject = stage === 'implementation';
  const realization = input.portal ? 'on_track' : r.next() < (activeProject ? 0.25 : 0.15) ? 'lagging' : r.next() < 0.12 ? 'ahead' : 'on_track';

  // When the contract started, by stage; the project starts on a Monday one to three weeks after signature.
  let start: string;
  let projectStart: string;
  let term = r.pick(TERMS);
  if (stage === 'implementation') {
    projectStart = addDays(monday, -7 * r.int(0, weeks - 1)); // weeks 1..N of the plan
    start = addDays(projectStart, -r.int(7, 21));
  } else if (stage === 'adoption') {
    projectStart = addDays(monday, -7 * (weeks + r.int(1, 16))); // closed one to sixteen weeks ago
    start = addDays(projectStart, -r.int(7, 21));
  } else {
    if (stage === 'renewal') start = addMonths(addDays(today, r.int(10, 85) + 1), -term); // ends within the renewal window
    else if (stage === 'churned') { term = r.pick([12, 24]); start = addMonths(addDays(today, -r.int(30, 270) + 1), -term); }
    else start = addDays(today, -7 * (stage === 'expansion' ? (input.portal ? 60 : r.int(52, 120)) : r.int(30, 87)));
    if (stage === 'value_realization' || stage === 'expansion') term = runningTerm(r, start, today);
    projectStart = mondayOf(addDays(start, r.int(7, 21)));
  }
  const createdAt = new Date(Date.parse(`${start}T00:00:00Z`) - r.int(60, 200) * DAY - r.int(0, 86_399) * 1000);
  const won = accepted(env, profile, pains);
  const fee = Math.round((won.amount * r.int(30, 60)) / 100 / 100_000) * 100_000; // services ≈ 30–60 % of the subscription
  const deals: Deal[] = [deal({
    kind: 'new', title: dealName, stage: 'closed_won', case: won, hypothesis: 'accepted', commitment: 'accepted', closedOn: start,
    contract: {
      start, termMonths: term, end: contractEndDate(start, term), modules, servicesFee: fee,
      status: stage === 'churned' ? 'ended' : stage === 'implementation' ? 'signed' : 'active',
    },
    project: project(env, projectStart, weeks, !activeProject, realization === 'lagging'),
  })];

  if (stage === 'churned') {
    // The renewal was lost a few weeks before the contract ended.
    const end = deals[0].contract!.end;
    deals.push(deal({ kind: 'renewal', title: 'Renewal', stage: 'closed_lost', hypothesis: 'none', closedOn: addDays(end, -r.int(20, 60)), case: { ...won } }));
  }
  if (stage === 'expansion') {
    const x = EXPANSION[later[0]];
    const wonExpansion = input.portal || r.next() < 0.2;
    if (wonExpansion) {
      // Won a few weeks ago: its own contract (co-terming is left to renewal) and a project in its first weeks.
      const xWeeks = projectWeeks(playbook.delivery, { modules: 1, infrastructureItems: infra > 0 ? infra : null });
      const xStart = addDays(monday, -7 * (input.portal ? 2 : r.int(0, xWeeks - 1)));
      const signed = addDays(xStart, -r.int(7, 14));
      const c = accepted(env, profile, later);
      deals.push(deal({
        kind: 'expansion', title: x.title, stage: 'closed_won', case: c, hypothesis: 'accepted', commitment: 'accepted', closedOn: signed,
        contract: { start: signed, termMonths: 12, end: contractEndDate(signed, 12), modules: [x.module], servicesFee: Math.round((c.amount * r.int(25, 45)) / 100 / 100_000) * 100_000, status: 'signed' },
        project: input.portal ? { start: xStart, weeks: xWeeks, slipDays: 0, health: 'green', closed: false } : project(env, xStart, xWeeks, false, false),
      }));
    } else {
      const u = r.next();
      const open: OpenStage = u < 0.3 ? 'discovery' : u < 0.65 ? 'proposal' : 'negotiation';
      const hypothesis = open === 'discovery' ? 'none' : open === 'negotiation' || r.next() < 0.5 ? 'accepted' : 'draft';
      deals.push(deal({
        kind: 'expansion', title: x.title, stage: open, hypothesis, case: hypothesis === 'accepted' ? accepted(env, profile, later) : draft(env, profile, later),
        commitment: open === 'negotiation' ? (r.next() < 0.5 ? 'accepted' : 'draft') : 'none',
      }));
    }
  }
  const arr = deals.reduce((s, d) => s + (d.stage === 'closed_won' && d.contract && d.contract.status !== 'ended' ? d.case.amount : 0), 0);
  return { stage, createdAt, arr, deals, realization };
}
