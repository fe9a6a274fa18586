// Benchmarks the Value Architect reads. The playbook (valueRealization.benchmarks) is the source; the model also
// needs a few figures the playbook does not carry yet. Those defaults live here, in the playbook's own benchmark
// shape, and a playbook benchmark with the same id always wins, so an admin can override any of them without a
// deploy.
import type { Playbook } from '../playbook';

type Benchmark = Playbook['valueRealization']['benchmarks'][number];

export const MODEL_BENCHMARKS: Benchmark[] = [
  { id: 'consultant_spend_avoided_share', label: 'Share of consultant assessment work replaced by continuous discovery', categoryId: 'consultant_cost_avoidance', per: 'year', basis: 'assumption', kind: 'quantity', value: 75, unit: 'percent' }, // assumption, not in seed
  { id: 'dependency_outages_per_1000_servers', label: 'Outages caused by unknown dependencies', categoryId: 'risk_reduction', per: 'year per 1,000 servers', basis: 'assumption', kind: 'quantity', value: 2, unit: 'count' }, // assumption, not in seed
  { id: 'outage_cost', label: 'Cost of a major outage (downtime, recovery, lost revenue)', categoryId: 'risk_reduction', per: 'outage', basis: 'assumption', kind: 'money', amount: { amountMinor: 6_000_000, currency: 'USD' } }, // assumption, not in seed
  { id: 'dependency_outage_reduction', label: 'Reduction in dependency outages with mapped dependencies', categoryId: 'risk_reduction', per: 'year', basis: 'assumption', kind: 'quantity', value: 40, unit: 'percent' }, // assumption, not in seed
  { id: 'software_spend_per_server', label: 'Software licence spend', categoryId: 'cost_reduction', per: 'server per year', basis: 'assumption', kind: 'money', amount: { amountMinor: 150_000, currency: 'USD' } }, // assumption, not in seed
  { id: 'license_waste_percent', label: 'Licences unused or on decommissioned hosts', categoryId: 'cost_reduction', per: 'year', basis: 'assumption', kind: 'quantity', value: 10, unit: 'percent' }, // assumption, not in seed
  { id: 'license_waste_recovery', label: 'Share of licence waste recovered once assets are known', categoryId: 'cost_reduction', per: 'year', basis: 'assumption', kind: 'quantity', value: 50, unit: 'percent' }, // assumption, not in seed
  { id: 'implementation_share_of_subscription', label: 'Implementation services as a share of the first-year subscription', categoryId: 'cost_reduction', per: 'contract', basis: 'assumption', kind: 'quantity', value: 50, unit: 'percent' }, // assumption, not in seed
  { id: 'subscription_per_server', label: 'Subscription price when the opportunity has no amount yet', categoryId: 'cost_reduction', per: 'server per year', basis: 'assumption', kind: 'money', amount: { amountMinor: 5_000, currency: 'USD' } }, // assumption, not in seed
];

export interface ResolvedBenchmark {
  id: string;
  label: string;
  value: number; // quantity, or minor units for money
  unit: 'hours' | 'days' | 'percent' | 'count' | 'ratio' | 'money';
  per: string;
  basis: 'seed' | 'assumption';
  /** Where it came from: the stored playbook, or this file's defaults. */
  from: 'playbook' | 'model';
}

/** The benchmark with this id: the playbook's if it has one, else the model default. Throws on an unknown id. */
export function benchmark(playbook: Playbook, id: string): ResolvedBenchmark {
  const own = playbook.valueRealization.benchmarks.find((b) => b.id === id);
  const b = own ?? MODEL_BENCHMARKS.find((m) => m.id === id);
  if (!b) throw new Error(`Unknown benchmark "${id}"`);
  const base = { id: b.id, label: b.label, per: b.per, basis: b.basis, from: own ? 'playbook' as const : 'model' as const };
  return b.kind === 'money' ? { ...base, value: b.amount.amountMinor, unit: 'money' } : { ...base, value: b.value, unit: b.unit };
}
