// The Value Architect (002 Act I): from the account profile and the pains ticked in discovery, build the
// pain-to-value map with adjustable assumptions, and compute ROI, NPV and payback. Pure: the server stores what
// these functions return, and the browser runs the same `computeHypothesis` to recalculate live while editing.
//
// Pain formulas (a(x) = assumption x; all money in minor units; annual):
//   manual_cmdb_upkeep   impact = servers / 1000 × manual_cmdb_upkeep_hours (per month per 1,000 servers) × 12
//                                 × it_staff_hourly_cost;                 reduction = processing_time_reduction %
//   consultant_spend     impact = consultant_days_avoided × consultant_day_rate; reduction = consultant_spend_avoided_share %
//   audit_findings       impact = compliance_frameworks × audit_findings_baseline (per framework) × audit_finding_cost;
//                                                                          reduction = audit_findings_reduction %
//   dependency_outages   impact = servers / 1000 × dependency_outages_per_1000_servers × outage_cost;
//                                                                          reduction = dependency_outage_reduction %
//   license_waste        impact = servers × software_spend_per_server × license_waste_percent %;
//                                                                          reduction = license_waste_recovery %
//   custom pain <id>     impact = <id>_impact;                             reduction = <id>_reduction %
//   Each pain's annual benefit = round(impact × reduction / 100); the annual benefit is the sum over ticked pains.
// Years: B₁ = round(annual benefit × first_year_realization / 100) (benefits start at go-live), Bₜ = annual benefit;
// C₁ = implementation_cost + annual_subscription, Cₜ = annual_subscription. ROI/NPV/payback: see roi.ts.
import { AppError, type FieldError } from '../errors';
import type { Playbook } from '../playbook';
import { benchmark } from './benchmarks';
import { money, num } from './format';
import type { Assumption, DiscoveryInput, HypothesisEdit, HypothesisModel, Pain } from './model';
import { businessCase, type RoiResult } from './roi';

export interface AccountProfile {
  name: string;
  industry: string | null;
  employees: number | null;
  servers: number;
  cloudResources: number;
  networkDevices: number;
  complianceFrameworks: string[];
  techStack: string[];
}

type Get = (id: string) => number;
interface CatalogPain {
  id: string;
  label: string;
  categoryId: string;
  /** What the seller hears in discovery (004 §1.2 Need). */
  description: string;
  benchmarks: string[];
  accountFacts: ('servers' | 'compliance_frameworks')[];
  reductionId: string;
  impact(a: Get): number;
  explain(a: Get, currency: string): string;
  suggested(p: AccountProfile): boolean;
}

export const PAIN_CATALOG: CatalogPain[] = [
  {
    id: 'manual_cmdb_upkeep', label: 'Manual CMDB upkeep', categoryId: 'efficiency',
    description: 'Staff keep the CMDB current by hand; records drift from reality.',
    benchmarks: ['manual_cmdb_upkeep_hours', 'it_staff_hourly_cost', 'processing_time_reduction'], accountFacts: ['servers'],
    reductionId: 'processing_time_reduction',
    impact: (a) => (a('servers') / 1000) * a('manual_cmdb_upkeep_hours') * 12 * a('it_staff_hourly_cost'),
    explain: (a, c) => `${num(a('servers'), 0)} servers ÷ 1,000 × ${num(a('manual_cmdb_upkeep_hours'))} h/month × 12 × ${money(a('it_staff_hourly_cost'), c)}/h`,
    suggested: (p) => p.servers > 0,
  },
  {
    id: 'consultant_spend', label: 'Consultant spend on IT landscape assessments', categoryId: 'consultant_cost_avoidance',
    description: 'Consultancies are hired to map the estate for audits, migrations and M&A.',
    benchmarks: ['consultant_days_avoided', 'consultant_day_rate', 'consultant_spend_avoided_share'], accountFacts: [],
    reductionId: 'consultant_spend_avoided_share',
    impact: (a) => a('consultant_days_avoided') * a('consultant_day_rate'),
    explain: (a, c) => `${num(a('consultant_days_avoided'))} consultant days × ${money(a('consultant_day_rate'), c)}/day`,
    suggested: (p) => (p.employees ?? 0) >= 1000,
  },
  {
    id: 'audit_findings', label: 'Asset-related audit findings', categoryId: 'compliance',
    description: 'Auditors find unknown or unmanaged assets; remediation and rework follow.',
    benchmarks: ['audit_findings_baseline', 'audit_finding_cost', 'audit_findings_reduction'], accountFacts: ['compliance_frameworks'],
    reductionId: 'audit_findings_reduction',
    impact: (a) => a('compliance_frameworks') * a('audit_findings_baseline') * a('audit_finding_cost'),
    explain: (a, c) => `${num(a('compliance_frameworks'), 0)} framework${a('compliance_frameworks') === 1 ? '' : 's'} × ${num(a('audit_findings_baseline'))} findings/year × ${money(a('audit_finding_cost'), c)}`,
    suggested: (p) => p.complianceFrameworks.length > 0,
  },
  {
    id: 'dependency_outages', label: 'Outages from unknown dependencies', categoryId: 'risk_reduction',
    description: 'Changes break services nobody knew depended on the changed system.',
    benchmarks: ['dependency_outages_per_1000_servers', 'outage_cost', 'dependency_outage_reduction'], accountFacts: ['servers'],
    reductionId: 'dependency_outage_reduction',
    impact: (a) => (a('servers') / 1000) * a('dependency_outages_per_1000_servers') * a('outage_cost'),
    explain: (a, c) => `${num(a('servers'), 0)} servers ÷ 1,000 × ${num(a('dependency_outages_per_1000_servers'))} outages/year × ${money(a('outage_cost'), c)}`,
    suggested: (p) => p.servers >= 500,
  },
  {
    id: 'license_waste', label: 'Licence waste', categoryId: 'cost_reduction',
    description: 'Licences run on decommissioned or unknown hosts and are renewed anyway.',
    benchmarks: ['software_spend_per_server', 'license_waste_percent', 'license_waste_recovery'], accountFacts: ['servers'],
    reductionId: 'license_waste_recovery',
    impact: (a) => a('servers') * a('software_spend_per_server') * (a('license_waste_percent') / 100),
    explain: (a, c) => `${num(a('servers'), 0)} servers × ${money(a('software_spend_per_server'), c)}/year × ${num(a('license_waste_percent'))} % unused`,
    suggested: (p) => p.servers >= 1000,
  },
];

const ACCOUNT_FACTS = {
  servers: { label: 'Servers in scope', unit: 'servers' as const, origin: 'account:servers', read: (p: AccountProfile) => p.servers },
  compliance_frameworks: {
    label: 'Compliance frameworks in scope', unit: 'count' as const, origin: 'account:complianceFrameworks',
    read: (p: AccountProfile) => Math.max(1, p.complianceFrameworks.length),
  },
};

export interface PainResult {
  id: string;
  label: string;
  categoryId: string;
  selected: boolean;
  annualImpact: number;
  reductionPercent: number;
  annualBenefit: number;
  explanation: string;
}
export interface DriverResult { categoryId: string; label: string; annualBenefit: number; sharePercent: number; painIds: string[] }
export interface HypothesisResults extends RoiResult {
  currency: string;
  horizonYears: number;
  discountRatePercent: number;
  pains: PainResult[];
  drivers: DriverResult[];
  annualImpact: number;
  annualBenefit: number;
  annualSubscription: number;
  implementationCost: number;
}

function getter(model: HypothesisModel): Get {
  const byId = new Map(model.assumptions.map((x) => [x.id, x.value]));
  return (id) => {
    const v = byId.get(id);
    if (v === undefined) throw new AppError('validation_failed', `The hypothesis has no assumption "${id}".`, { errors: [{ path: 'assumptions', message: `missing ${id}` }] });
    return v;
  };
}

/** Recomputes every figure from the model. Same input, same output, in the server and in the browser. */
export function computeHypothesis(model: HypothesisModel): HypothesisResults {
  const a = getter(model);
  const c = model.currency;
  const pains: PainResult[] = model.pains.map((p) => {
    const def = PAIN_CATALOG.find((x) => x.id === p.id);
    const impact = Math.round(p.custom || !def ? a(`${p.id}_impact`) : def.impact(a));
    const reductionPercent = p.custom || !def ? a(`${p.id}_reduction`) : a(def.reductionId);
    const explanation = p.custom || !def ? `Estimated by the seller: ${money(impact, c)} per year` : def.explain(a, c);
    return {
      id: p.id, label: p.label, categoryId: p.categoryId, selected: p.selected, annualImpact: impact, reductionPercent,
      annualBenefit: Math.round((impact * reductionPercent) / 100), explanation,
    };
  });
  const ticked = pains.filter((p) => p.selected);
  const annualBenefit = ticked.reduce((s, p) => s + p.annualBenefit, 0);
  const annualImpact = ticked.reduce((s, p) => s + p.annualImpact, 0);
  const drivers: DriverResult[] = [];
  for (const p of ticked) {
    let d = drivers.find((x) => x.categoryId === p.categoryId);
    if (!d) {
      d = { categoryId: p.categoryId, label: model.categories.find((k) => k.id === p.categoryId)?.label ?? p.categoryId, annualBenefit: 0, sharePercent: 0, painIds: [] };
      drivers.push(d);
    }
    d.annualBenefit += p.annualBenefit;
    d.painIds.push(p.id);
  }
  for (const d of drivers) d.sharePercent = annualBenefit ? Math.round((d.annualBenefit / annualBenefit) * 1000) / 10 : 0;
  drivers.sort((x, y) => y.annualBenefit - x.annualBenefit);

  const subscription = Math.round(a('annual_subscription'));
  const implementation = Math.round(a('implementation_cost'));
  const n = model.horizonYears;
  const benefits = Array.from({ length: n }, (_, i) => (i === 0 ? Math.round((annualBenefit * a('first_year_realization')) / 100) : annualBenefit));
  const costs = Array.from({ length: n }, (_, i) => (i === 0 ? implementation + subscription : subscription));
  return {
    ...businessCase(benefits, costs, model.discountRatePercent),
    currency: c, horizonYears: n, discountRatePercent: model.discountRatePercent,
    pains, drivers, annualImpact, annualBenefit, annualSubscription: subscription, implementationCost: implementation,
  };
}

export interface ArchitectInput {
  account: AccountProfile;
  /** amount null: not known yet (the benchmark price stands in, as for 0). */
  opportunity: { amount: number | null; currency: string };
  playbook: Playbook;
  discovery: DiscoveryInput;
}

function fromBenchmark(playbook: Playbook, benchmarkId: string, painId: string | null, id = benchmarkId): Assumption {
  const b = benchmark(playbook, benchmarkId);
  return {
    id, label: b.label, value: b.value, unit: b.unit === 'ratio' ? 'count' : b.unit, source: 'benchmark', defaultValue: b.value,
    defaultSource: 'benchmark', origin: `benchmark:${b.id}${b.from === 'model' ? ' (model default)' : ''}`, basis: b.basis, per: b.per, painId,
  };
}

/** The Architect: builds the model (pains ticked from discovery or suggested by the profile, all assumptions). */
export function buildHypothesis(input: ArchitectInput): HypothesisModel {
  const { account, playbook, discovery, opportunity } = input;
  const errors: FieldError[] = [];
  (discovery.painIds ?? []).forEach((id, i) => {
    if (!PAIN_CATALOG.some((p) => p.id === id)) errors.push({ path: `painIds.${i}`, message: `Unknown pain "${id}" (known: ${PAIN_CATALOG.map((p) => p.id).join(', ')})` });
  });
  const categories = playbook.valueRealization.kpiCategories.map((k) => ({ id: k.id, label: k.label }));
  (discovery.customPains ?? []).forEach((p, i) => {
    if (!categories.some((k) => k.id === p.categoryId)) errors.push({ path: `customPains.${i}.categoryId`, message: `Unknown value category "${p.categoryId}"` });
  });
  if (errors.length) throw new AppError('validation_failed', 'The discovery input has errors.', { errors });

  const assumptions: Assumption[] = [];
  const add = (x: Assumption) => { if (!assumptions.some((y) => y.id === x.id)) assumptions.push(x); };
  const pains: Pain[] = [];
  for (const def of PAIN_CATALOG) {
    const selected = discovery.painIds ? discovery.painIds.includes(def.id) : def.suggested(account);
    pains.push({ id: def.id, label: def.label, categoryId: def.categoryId, selected, note: discovery.notes?.[def.id] ?? null, custom: false });
    for (const f of def.accountFacts) {
      const fact = ACCOUNT_FACTS[f];
      const v = fact.read(account);
      add({ id: f, label: fact.label, value: v, unit: fact.unit, source: 'account', defaultValue: v, defaultSource: 'account', origin: fact.origin, basis: null, per: null, painId: null });
    }
    for (const b of def.benchmarks) add(fromBenchmark(playbook, b, def.id));
  }
  (discovery.customPains ?? []).forEach((p, i) => {
    const id = `custom_${i + 1}`;
    pains.push({ id, label: p.label, categoryId: p.categoryId, selected: true, note: p.note ?? null, custom: true });
    const user = { source: 'account' as const, defaultSource: 'account' as const, basis: null, painId: id };
    add({ id: `${id}_impact`, label: `${p.label}: annual impact`, value: p.annualImpact, unit: 'money', defaultValue: p.annualImpact, origin: 'discovery', per: 'year', ...user });
    add({ id: `${id}_reduction`, label: `${p.label}: reduction`, value: p.reductionPercent, unit: 'percent', defaultValue: p.reductionPercent, origin: 'discovery', per: 'year', ...user });
  });

  // Cost side: the opportunity amount is the annual subscription; without one, a per-server list price.
  const perServer = benchmark(playbook, 'subscription_per_server');
  const priced = (opportunity.amount ?? 0) > 0;
  const subscription = priced ? opportunity.amount! : account.servers * perServer.value;
  add({
    id: 'annual_subscription', label: 'Annual subscription', value: subscription, unit: 'money',
    source: priced ? 'account' : 'benchmark', defaultValue: subscription,
    defaultSource: priced ? 'account' : 'benchmark',
    origin: priced ? 'opportunity:amount' : `benchmark:subscription_per_server × servers`, basis: priced ? null : perServer.basis, per: 'year', painId: null,
  });
  const share = benchmark(playbook, 'implementation_share_of_subscription');
  const implementation = Math.round((subscription * share.value) / 100);
  add({
    id: 'implementation_cost', label: 'Implementation services (one-time)', value: implementation, unit: 'money', source: 'benchmark',
    defaultValue: implementation, defaultSource: 'benchmark', origin: `benchmark:${share.id} (${share.value} % of subscription)`, basis: share.basis, per: 'contract', painId: null,
  });
  // Benefits start at go-live: the first year realizes the weeks after the standard delivery (003 "12 weeks").
  const ramp = Math.round(((52 - playbook.delivery.standardWeeks) / 52) * 100);
  add({
    id: 'first_year_realization', label: 'First-year benefit realization (after go-live)', value: ramp, unit: 'percent', source: 'benchmark',
    defaultValue: ramp, defaultSource: 'benchmark', origin: `playbook:delivery.standardWeeks (${playbook.delivery.standardWeeks} weeks)`, basis: 'seed', per: 'year 1', painId: null,
  });
  return {
    currency: opportunity.currency, horizonYears: playbook.valueRealization.roi.horizonYears,
    discountRatePercent: playbook.valueRealization.roi.discountRatePercent, categories, pains, assumptions,
  };
}

/** Applies an edit; an edited assumption becomes source "user" (back to its default source when reset). */
export function applyHypothesisEdit(model: HypothesisModel, edit: Omit<HypothesisEdit, 'version'>): HypothesisModel {
  const errors: FieldError[] = [];
  const assumptions = model.assumptions.map((x) => ({ ...x }));
  (edit.assumptions ?? []).forEach((e, i) => {
    const target = assumptions.find((x) => x.id === e.id);
    if (!target) { errors.push({ path: `assumptions.${i}.id`, message: `Unknown assumption "${e.id}"` }); return; }
    if (e.value < 0) errors.push({ path: `assumptions.${i}.value`, message: 'Must be ≥ 0' });
    else if (target.unit === 'percent' && e.value > 100) errors.push({ path: `assumptions.${i}.value`, message: 'A percentage must be ≤ 100' });
    else if (e.value > 1e13) errors.push({ path: `assumptions.${i}.value`, message: 'Too large' });
    else if (target.value !== e.value || target.source === 'user') {
      target.value = target.unit === 'money' ? Math.round(e.value) : e.value;
      target.source = 'user';
    }
  });
  (edit.reset ?? []).forEach((id, i) => {
    const target = assumptions.find((x) => x.id === id);
    if (!target) { errors.push({ path: `reset.${i}`, message: `Unknown assumption "${id}"` }); return; }
    target.value = target.defaultValue;
    target.source = target.defaultSource;
  });
  const pains = model.pains.map((p) => ({ ...p }));
  (edit.pains ?? []).forEach((e, i) => {
    const target = pains.find((p) => p.id === e.id);
    if (!target) { errors.push({ path: `pains.${i}.id`, message: `Unknown pain "${e.id}"` }); return; }
    if (e.selected !== undefined) target.selected = e.selected;
    if (e.note !== undefined) target.note = e.note;
  });
  if (errors.length) throw new AppError('validation_failed', 'The hypothesis edit has errors.', { errors });
  return {
    ...model, assumptions, pains,
    horizonYears: edit.horizonYears ?? model.horizonYears,
    discountRatePercent: edit.discountRatePercent ?? model.discountRatePercent,
  };
}

/** The Architect's narrative, in the seed's "value theater" voice, with the numbers it stands on. */
export function architectNarrative(accountName: string, model: HypothesisModel, r: HypothesisResults): string {
  const c = r.currency;
  const ticked = r.pains.filter((p) => p.selected).sort((x, y) => y.annualBenefit - x.annualBenefit);
  if (!ticked.length) return `No pains are ticked for ${accountName} yet: tick the pains heard in discovery to quantify the opportunity.`;
  const top = ticked[0];
  const bySource = (s: string) => model.assumptions.filter((x) => x.source === s).length;
  return [
    `We've identified ${money(r.annualImpact, c)} a year in operational cost at ${accountName} across ${ticked.length} pain${ticked.length > 1 ? 's' : ''}; ` +
      `the platform addresses ${money(r.annualBenefit, c)} of it each year, led by ${top.label.toLowerCase()} (${money(top.annualBenefit, c)}).`,
    `Over ${r.horizonYears} years the business case returns ${r.roiPercent === null ? 'an unbounded ROI (no cost)' : `an ROI of ${num(r.roiPercent)} %`}, ` +
      `an NPV of ${money(r.npv, c)} at ${num(r.discountRatePercent)} %, and pays back ${r.paybackMonths === null ? 'after the horizon' : `in ${num(r.paybackMonths)} months`}.`,
    `Assumptions: ${bySource('benchmark')} from benchmarks, ${bySource('account')} from the account profile and discovery, ${bySource('user')} adjusted by the seller. Every one is editable.`,
  ].join(' ');
}

/** The edit that turns `saved` into `draft` (what the browser editor sends when the seller saves). */
export function diffHypothesisEdit(saved: HypothesisModel, draft: HypothesisModel): Omit<HypothesisEdit, 'version'> {
  const before = new Map(saved.assumptions.map((x) => [x.id, x]));
  const assumptions = draft.assumptions
    .filter((x) => x.source === 'user' && (before.get(x.id)?.value !== x.value || before.get(x.id)?.source !== 'user'))
    .map((x) => ({ id: x.id, value: x.value }));
  const reset = draft.assumptions.filter((x) => x.source !== 'user' && before.get(x.id)?.source === 'user').map((x) => x.id);
  const pains = draft.pains
    .filter((p) => { const s = saved.pains.find((q) => q.id === p.id); return !s || s.selected !== p.selected || s.note !== p.note; })
    .map((p) => ({ id: p.id, selected: p.selected, note: p.note }));
  return {
    ...(assumptions.length ? { assumptions } : {}), ...(reset.length ? { reset } : {}), ...(pains.length ? { pains } : {}),
    ...(draft.horizonYears !== saved.horizonYears ? { horizonYears: draft.horizonYears } : {}),
    ...(draft.discountRatePercent !== saved.discountRatePercent ? { discountRatePercent: draft.discountRatePercent } : {}),
  };
}
