import { describe, expect, it } from 'vitest';
import { ACCOUNT_PANELS, mayFollow, mayOpen, mayUse, PAGES, pageOf, type PageId } from './pages';
import { BILLING, PIPELINE } from './policies';
import { ROLES, type Role } from './roles';

const openFor = (role: Role) => (Object.keys(PAGES) as PageId[]).filter((p) => mayOpen(role, p));

describe('page table', () => {
  it('resolves links to pages, literal segments before parameters, query strings ignored', () => {
    expect(pageOf('/leads/forms')).toBe('leadForms');
    expect(pageOf('/leads/4f1c')).toBe('lead');
    expect(pageOf('/opportunities/4f1c/value')).toBe('opportunityValue');
    expect(pageOf('/accounts?lifecycleStage=renewal&sort=-arr')).toBe('accounts');
    expect(pageOf('/accounts/9a/?tab=timeline')).toBe('account');
    expect(pageOf('/workspace/finance')).toBe('workspaceFinance');
    expect(pageOf('/nowhere')).toBeNull();
    expect(mayFollow('admin', '/nowhere')).toBe(false);
  });

  it('opens a page only when every API it needs answers the role, within its audience', () => {
    // The forecast needs the pipeline forecast policy: SDRs and delivery are refused by the API, so by the page too.
    expect(ROLES.filter((r) => mayOpen(r, 'forecast'))).toEqual(PIPELINE.forecast.roles);
    expect(ROLES.filter((r) => mayOpen(r, 'aging'))).toEqual(BILLING.finance.roles);
    expect(ROLES.filter((r) => mayOpen(r, 'invoices'))).toEqual(['admin', 'executive', 'finance', 'partner', 'customer']);
    expect(ROLES.filter((r) => mayOpen(r, 'imports'))).toEqual(['admin', 'sales', 'sdr']);
    expect(ROLES.filter((r) => mayOpen(r, 'workspaceSdr'))).toEqual(['admin', 'sdr']);
    expect(ROLES.filter((r) => mayOpen(r, 'portal'))).toEqual(['customer']);
    expect(openFor('customer').sort()).toEqual(['account', 'invoice', 'invoices', 'portal', 'portalValue', 'project'].sort());
    expect((Object.keys(PAGES) as PageId[]).filter((p) => !mayOpen('admin', p))).toEqual(['portal', 'portalValue']);
  });

  it('shows account panels by the policy of their API: invoices to billing readers, deals never to customers', () => {
    const panels = (role: Role) => (Object.keys(ACCOUNT_PANELS) as (keyof typeof ACCOUNT_PANELS)[]).filter((k) => mayUse(role, ACCOUNT_PANELS[k]));
    expect(panels('sales')).toEqual(['opportunities', 'projects', 'kpis', 'value', 'audit']);
    expect(panels('finance')).toEqual(['opportunities', 'projects', 'invoices', 'kpis', 'value', 'audit']);
    expect(panels('customer')).toEqual(['projects', 'invoices', 'kpis', 'value']);
    expect(panels('admin')).toEqual(Object.keys(ACCOUNT_PANELS));
  });
});
