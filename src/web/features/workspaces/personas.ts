// The persona workspaces (DESIGN §1): what each team can use today, and what arrives with later modules.
import type { LifecycleStage } from '../../lib/types';

export type PersonaKey = 'sales' | 'delivery' | 'finance' | 'success' | 'support';

export interface Persona {
  key: PersonaKey;
  title: string;
  description: string;
  stages: LifecycleStage[];
  links: { label: string; to: string; description: string }[];
  /** Sort of the "recent accounts" list. */
  sort: string;
  upcoming: string;
}

export const PERSONAS: Record<PersonaKey, Persona> = {
  sales: {
    key: 'sales', title: 'Sales workspace', description: 'Pre-sale accounts and the customers you own as account executive.',
    stages: ['prospect'], sort: '-updatedAt',
    links: [
      { label: 'Pre-sale accounts', to: '/accounts?lifecycleStage=prospect&sort=-updatedAt', description: 'Prospects, most recently touched first' },
      { label: 'Largest customers', to: '/accounts?sort=-arr', description: 'Expansion candidates by ARR' },
      { label: 'Strategic accounts', to: '/accounts?segment=strategic', description: 'The 20 % that get an executive sponsor' },
    ],
    upcoming: 'The lead inbox with SLA clocks and the pipeline board with stage gates arrive with the leads and pipeline modules.',
  },
  delivery: {
    key: 'delivery', title: 'Delivery workspace', description: 'Customers in implementation, with their infrastructure scale and stack.',
    stages: ['implementation'], sort: '-updatedAt',
    links: [
      { label: 'In implementation', to: '/accounts?lifecycleStage=implementation', description: 'Accounts being onboarded now' },
      { label: 'Adoption', to: '/accounts?lifecycleStage=adoption', description: 'Recently live, in hypercare and adoption' },
    ],
    upcoming: 'Project command (plan, milestones, risks, KPI trackers) arrives with the delivery module.',
  },
  finance: {
    key: 'finance', title: 'Finance workspace', description: 'Recurring revenue across the portfolio.',
    stages: ['renewal', 'expansion'], sort: '-arr',
    links: [
      { label: 'Accounts by ARR', to: '/accounts?sort=-arr', description: 'Largest recurring revenue first' },
      { label: 'Up for renewal', to: '/accounts?lifecycleStage=renewal&sort=-arr', description: 'Revenue at stake in renewals' },
      { label: 'Executive dashboard', to: '/dashboard', description: 'ARR by segment and stage' },
    ],
    upcoming: 'Invoices, aging and DSO arrive with the billing module.',
  },
  success: {
    key: 'success', title: 'Customer success workspace', description: 'Adoption, value realization, expansion and renewals.',
    stages: ['adoption', 'value_realization', 'expansion', 'renewal'], sort: '-updatedAt',
    links: [
      { label: 'Renewals', to: '/accounts?lifecycleStage=renewal&sort=-arr', description: 'Customers in the renewal window' },
      { label: 'Value realization', to: '/accounts?lifecycleStage=value_realization', description: 'Proving the business case' },
      { label: 'Departed customers', to: '/accounts?lifecycleStage=churned', description: 'Win-back candidates' },
    ],
    upcoming: 'Health scores, touchpoint cadences and escalations arrive with the success module.',
  },
  support: {
    key: 'support', title: 'Support workspace', description: 'Find a customer fast and see their contacts and history.',
    stages: ['implementation', 'adoption', 'value_realization', 'expansion', 'renewal'], sort: '-updatedAt',
    links: [
      { label: 'Find an account', to: '/accounts', description: 'Search by name or domain' },
      { label: 'Strategic customers', to: '/accounts?segment=strategic', description: 'Priority support' },
    ],
    upcoming: 'Tickets with SLA clocks and the knowledge base arrive with the support module.',
  },
};
