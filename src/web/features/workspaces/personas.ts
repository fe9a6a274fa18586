// The persona workspaces (DESIGN §1): each role's own work, and shortcuts into the pages it uses most. Shortcuts to
// pages a role may not open are dropped by the same page table the menu uses.
export type PersonaKey = 'sdr' | 'sales' | 'delivery' | 'finance' | 'success' | 'support';

export interface Shortcut { label: string; to: string; description: string }
export interface Persona { key: PersonaKey; title: string; description: string; shortcuts: Shortcut[] }

export const PERSONAS: Record<PersonaKey, Persona> = {
  sdr: {
    key: 'sdr', title: 'SDR workspace',
    description: 'Your leads with a running SLA clock, least time left first, and the qualified ones ready to convert.',
    shortcuts: [
      { label: 'Lead inbox', to: '/leads', description: 'Every lead with a running clock' },
      { label: 'Sales dashboard', to: '/sales/dashboard', description: 'Response times and conversion against target' },
      { label: 'Content library', to: '/content', description: 'Talk tracks, case studies, battle cards' },
    ],
  },
  sales: {
    key: 'sales', title: 'AE workspace',
    description: 'Your open deals by close date, and the ones stalled past their stage\'s expected duration or close date.',
    shortcuts: [
      { label: 'Pipeline board', to: '/pipeline', description: 'Every open deal by stage' },
      { label: 'Forecast', to: '/forecast', description: 'Commit, best case and weighted pipeline' },
      { label: 'Content library', to: '/content', description: 'Proposals, case studies, battle cards' },
    ],
  },
  delivery: {
    key: 'delivery', title: 'Delivery workspace',
    description: 'The projects you manage, milestones waiting for the customer\'s acceptance and those due in the next two weeks.',
    shortcuts: [
      { label: 'Delivery Command', to: '/delivery', description: 'Portfolio, resource load, KPI alerts' },
      { label: 'All projects', to: '/projects', description: 'Search every delivery project' },
    ],
  },
  finance: {
    key: 'finance', title: 'Finance workspace',
    description: 'Receivables, aging and the dunning queue.',
    shortcuts: [
      { label: 'Overdue invoices', to: '/invoices?overdue=true', description: 'Open invoices past their due date' },
      { label: 'Aging & DSO', to: '/finance/aging', description: 'Buckets and the DSO trend' },
      { label: 'Dunning', to: '/finance/dunning', description: 'Every invoice in collection' },
    ],
  },
  success: {
    key: 'success', title: 'Customer success workspace',
    description: 'The accounts you own, their renewals, and KPIs drifting from the business case.',
    shortcuts: [
      { label: 'All renewals', to: '/accounts?lifecycleStage=renewal&sort=-arr', description: 'Customers in the renewal window' },
      { label: 'Value realization', to: '/accounts?lifecycleStage=value_realization', description: 'Proving the business case' },
      { label: 'Departed customers', to: '/accounts?lifecycleStage=churned', description: 'Win-back candidates' },
    ],
  },
  support: {
    key: 'support', title: 'Support workspace',
    description: 'Find a customer by name, domain or a contact\'s email, and open their contacts and history.',
    shortcuts: [
      { label: 'All accounts', to: '/accounts', description: 'Filter by stage, segment and region' },
      { label: 'Strategic customers', to: '/accounts?segment=strategic&sort=-arr', description: 'Priority support' },
    ],
  },
};
