import { playbookSchema, type Playbook } from './schema';

export * from './schema';
export { defaultPlaybook } from './defaults';
export * from './company';
export { upgradeStoredPlaybook } from './upgrade';
export * from './form-tree';
export * from './meta';

export interface PlaybookFieldError {
  /** Dotted path, e.g. `health.weights.usage` or `pipeline.stages.2.probability`; '' for the root. */
  path: string;
  message: string;
}

export type PlaybookValidation = { ok: true; playbook: Playbook } | { ok: false; errors: PlaybookFieldError[] };

/** Validates an untrusted playbook (API body, database row, imported file). */
export function validatePlaybook(input: unknown): PlaybookValidation {
  const result = playbookSchema.safeParse(input);
  if (result.success) return { ok: true, playbook: result.data };
  const errors: PlaybookFieldError[] = [];
  for (const iss of result.error.issues) {
    const base = iss.path.map(String);
    if (iss.code === 'unrecognized_keys') {
      // One error per unknown key, pointing at the key itself.
      for (const key of iss.keys) errors.push({ path: [...base, key].join('.'), message: `Unknown key "${key}"` });
    } else {
      errors.push({ path: base.join('.'), message: iss.message });
    }
  }
  return { ok: false, errors };
}

export interface PlaybookSection {
  key: keyof Playbook;
  label: string;
  description: string;
}

/** Top-level playbook sections in display order, for the admin UI. */
export const PLAYBOOK_SECTIONS: readonly PlaybookSection[] = [
  { key: 'schemaVersion', label: 'Schema version', description: 'Version of the playbook format' },
  { key: 'name', label: 'Name', description: 'Name of this playbook version' },
  { key: 'currency', label: 'Currency', description: 'Default currency for money amounts' },
  { key: 'calendar', label: 'Business hours', description: 'Time zone, working days, hours and holidays for SLA clocks' },
  { key: 'company', label: 'Company', description: 'The seller on invoices and proposals: legal name, address, tax id, contact and payment instructions' },
  { key: 'roles', label: 'Roles', description: 'Organisational roles that own stages, steps and escalations' },
  { key: 'leads', label: 'Lead management', description: 'Sources, BANT, enrichment, scoring, assignment, SLAs and handoff' },
  { key: 'pipeline', label: 'Sales pipeline', description: 'Stages, probabilities, exit criteria, loss reasons and POC rules' },
  { key: 'delivery', label: 'Delivery projects', description: 'Project template: phases, milestones, payments, meetings, risks' },
  { key: 'billing', label: 'Billing & collection', description: 'Payment terms, dunning schedule and aging buckets' },
  { key: 'customerSuccess', label: 'Customer success', description: 'Segments, lifecycle, touchpoints, escalations, renewal and win-back' },
  { key: 'health', label: 'Health score', description: 'Component weights, sub-measures and bands' },
  { key: 'valueRealization', label: 'Value realization', description: 'Value stages and agents, variance alerts, KPI categories, benchmarks, ROI' },
  { key: 'support', label: 'Support', description: 'Support levels, ticket priorities and SLAs' },
  { key: 'partners', label: 'Partners', description: 'Partner types, commissions, certification' },
  { key: 'productDevelopment', label: 'Product development', description: 'Feature request stages and release checklist' },
  { key: 'metricTargets', label: 'Metric targets', description: 'Targets for every tracked metric' },
];
