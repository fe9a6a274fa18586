// The Value Committer (002 Act II): at negotiation, turn the hypothesis into contracted KPIs (unit, baseline,
// target, deadline, owner, contract clause) and success criteria.
//
// KPI per ticked pain (baseline from the hypothesis' assumptions, target = baseline × (1 − reduction %)):
//   manual_cmdb_upkeep   hours/month  servers / 1000 × manual_cmdb_upkeep_hours      due go-live + 90 days
//                        + CMDB accuracy % from cmdb_accuracy_baseline to cmdb_accuracy_target (003 ">98%") at go-live + 90 days
//   consultant_spend     days/year    consultant_days_avoided                         due go-live + 365 days
//   audit_findings       count/year   frameworks × audit_findings_baseline             due go-live + 365 days
//   dependency_outages   count/year   servers / 1000 × outages per 1,000 servers       due go-live + 365 days
//   license_waste        money/year   the pain's annual impact                         due go-live + 365 days
//   custom pains         money/year   the pain's annual impact                         due go-live + 365 days
// Go-live = start date (close date, or today) + delivery.standardWeeks weeks (003 "12 weeks").
import { z } from 'zod';
import { isoDate } from '../dates';
import type { Playbook } from '../playbook';
import { benchmark } from './benchmarks';
import { money, num } from './format';
import type { HypothesisResults } from './hypothesis';
import type { HypothesisModel } from './model';

export const KPI_UNITS = ['hours/month', 'days/year', 'count/year', 'money/year', 'percent'] as const;
const date = isoDate;

export const kpiSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]{1,60}$/),
  painId: z.string().max(60).nullable(),
  categoryId: z.string().max(60),
  label: z.string().trim().min(1).max(200),
  unit: z.enum(KPI_UNITS),
  betterWhen: z.enum(['higher', 'lower']),
  baseline: z.number().finite().min(0),
  target: z.number().finite().min(0),
  deadline: date,
  ownerContactId: z.uuid().nullable(),
  ownerContactName: z.string().max(200).nullable(),
  ownerUserId: z.uuid().nullable(),
  clause: z.string().max(2000),
}).strict().superRefine((k, ctx) => {
  if (k.unit === 'percent' && (k.baseline > 100 || k.target > 100)) ctx.addIssue({ code: 'custom', path: ['target'], message: 'A percentage must be ≤ 100' });
  if (k.betterWhen === 'lower' ? k.target > k.baseline : k.target < k.baseline) {
    ctx.addIssue({ code: 'custom', path: ['target'], message: `The target must be ${k.betterWhen === 'lower' ? 'at or below' : 'at or above'} the baseline` });
  }
});
export type Kpi = z.infer<typeof kpiSchema>;

export const successCriterionSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]{1,60}$/),
  label: z.string().trim().min(1).max(300),
  kpiId: z.string().max(60).nullable(),
}).strict();
export type SuccessCriterion = z.infer<typeof successCriterionSchema>;

export const commitmentEditSchema = z.object({
  version: z.number().int().min(1),
  kpis: z.array(kpiSchema).min(1).max(30).optional(),
  successCriteria: z.array(successCriterionSchema).max(50).optional(),
}).strict();
export type CommitmentEdit = z.infer<typeof commitmentEditSchema>;

export interface StakeholderContact { id: string; name: string; roles: string[] }

export interface CommitterInput {
  model: HypothesisModel;
  results: HypothesisResults;
  playbook: Playbook;
  /** Close date, or today when the opportunity has none (YYYY-MM-DD). */
  startDate: string;
  contacts: StakeholderContact[];
  /** The vendor user accountable for the outcome (CSM, else the opportunity owner). */
  vendorOwnerId: string | null;
}

export function addDays(d: string, days: number): string {
  return new Date(Date.parse(`${d}T00:00:00Z`) + days * 86400_000).toISOString().slice(0, 10);
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The customer contact who owns a KPI: business outcomes go to sponsors and buyers, technical ones to technical owners. */
export function pickOwner(contacts: StakeholderContact[], technical: boolean): StakeholderContact | null {
  const order = technical
    ? ['technical', 'champion', 'decision_maker', 'exec_sponsor', 'economic_buyer']
    : ['exec_sponsor', 'economic_buyer', 'decision_maker', 'champion', 'technical'];
  for (const role of order) {
    const c = contacts.find((x) => x.roles.includes(role));
    if (c) return c;
  }
  return contacts[0] ?? null;
}

export function proposeCommitment(input: CommitterInput): { kpis: Kpi[]; successCriteria: SuccessCriterion[]; narrative: string } {
  const { model, results, playbook, contacts } = input;
  const a = (id: string) => model.assumptions.find((x) => x.id === id)?.value ?? 0;
  const goLive = addDays(input.startDate, playbook.delivery.standardWeeks * 7);
  const quarter = addDays(goLive, 90);
  const year = addDays(goLive, 365);
  const c = model.currency;
  const variance = playbook.valueRealization.varianceAlertPercent;
  const review = playbook.valueRealization.reviewFrequency;
  const kpis: Kpi[] = [];
  const push = (k: Omit<Kpi, 'ownerContactId' | 'ownerContactName' | 'ownerUserId' | 'clause'>, technical: boolean) => {
    const owner = pickOwner(contacts, technical);
    const fmt = (v: number) => (k.unit === 'money/year' ? money(v, c) : `${num(v)} ${k.unit === 'percent' ? '%' : k.unit}`);
    const clause = `Schedule V.${kpis.length + 1} — ${k.label}: from ${fmt(k.baseline)} to ${fmt(k.target)} by ${k.deadline}. ` +
      `Measured and reviewed ${review}; a drift of more than ${variance} % from the target trajectory triggers a joint course-correction plan.`;
    kpis.push({ ...k, ownerContactId: owner?.id ?? null, ownerContactName: owner?.name ?? null, ownerUserId: input.vendorOwnerId, clause });
  };
  for (const p of results.pains.filter((x) => x.selected)) {
    const reduce = (baseline: number) => round1(baseline * (1 - p.reductionPercent / 100));
    const base = { painId: p.id, categoryId: p.categoryId, betterWhen: 'lower' as const };
    if (p.id === 'manual_cmdb_upkeep') {
      const hours = round1((a('servers') / 1000) * a('manual_cmdb_upkeep_hours'));
      push({ ...base, id: 'cmdb_upkeep_hours', label: 'Manual CMDB upkeep', unit: 'hours/month', baseline: hours, target: reduce(hours), deadline: quarter }, true);
      const accuracy = benchmark(playbook, 'cmdb_accuracy_baseline').value;
      const target = benchmark(playbook, 'cmdb_accuracy_target').value;
      push({ ...base, id: 'cmdb_accuracy', categoryId: 'data_quality', betterWhen: 'higher', label: 'CMDB accuracy', unit: 'percent', baseline: accuracy, target, deadline: quarter }, true);
    } else if (p.id === 'consultant_spend') {
      const days = a('consultant_days_avoided');
      push({ ...base, id: 'consultant_days', label: 'Consultant days for landscape assessments', unit: 'days/year', baseline: days, target: reduce(days), deadline: year }, false);
    } else if (p.id === 'audit_findings') {
      const findings = a('compliance_frameworks') * a('audit_findings_baseline');
      push({ ...base, id: 'audit_findings', label: 'Asset-related audit findings', unit: 'count/year', baseline: findings, target: reduce(findings), deadline: year }, false);
    } else if (p.id === 'dependency_outages') {
      const outages = round1((a('servers') / 1000) * a('dependency_outages_per_1000_servers'));
      push({ ...base, id: 'dependency_outages', label: 'Outages from unknown dependencies', unit: 'count/year', baseline: outages, target: reduce(outages), deadline: year }, true);
    } else {
      const label = p.id === 'license_waste' ? 'Unused licence spend' : p.label;
      push({ ...base, id: p.id === 'license_waste' ? 'license_waste' : `${p.id}_spend`, label, unit: 'money/year', baseline: p.annualImpact, target: p.annualImpact - p.annualBenefit, deadline: year }, false);
    }
  }
  const realization = playbook.metricTargets.value_realization_rate?.target ?? 94;
  const successCriteria: SuccessCriterion[] = [
    ...kpis.map((k) => ({ id: `sc_${k.id}`, kpiId: k.id, label: `${k.label} ${k.betterWhen === 'lower' ? '≤' : '≥'} ${k.unit === 'money/year' ? money(k.target, c) : `${num(k.target)} ${k.unit === 'percent' ? '%' : k.unit}`} by ${k.deadline}` })),
    { id: 'sc_value_realized', kpiId: null, label: `At least ${realization} % of the promised ${money(results.annualBenefit, c)} annual benefit realized within a year of go-live (${year})` },
  ];
  const owners = [...new Set(kpis.map((k) => k.ownerContactName).filter(Boolean))];
  const narrative = kpis.length
    ? `Proposed ${kpis.length} contracted KPIs from the accepted business case (${money(results.annualBenefit, c)} a year), go-live ${goLive} after the ${playbook.delivery.standardWeeks}-week standard delivery. ` +
      `Owners on the customer side: ${owners.length ? owners.join(', ') : 'none named yet — add an executive sponsor'}. Each KPI carries a contract clause with ${review} reviews and a ${variance} % variance trigger.`
    : 'No pains are ticked in the hypothesis, so there is nothing to commit to yet.';
  return { kpis, successCriteria, narrative };
}
