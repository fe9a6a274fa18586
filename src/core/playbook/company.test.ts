import { describe, expect, it } from 'vitest';
import { addressLines, defaultCompany, defaultPlaybook, upgradeStoredPlaybook, validatePlaybook, type Playbook } from './index';

const withCompany = (patch: Partial<Playbook['company']>) => ({ ...defaultPlaybook, company: { ...defaultPlaybook.company, ...patch } });
const paths = (input: unknown) => { const r = validatePlaybook(input); return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`); };

describe('company settings (the seller on invoices and proposals)', () => {
  it('ships demo values the invoice can print', () => {
    expect(defaultPlaybook.company).toMatchObject({ legalName: 'OmniGaze ApS', taxId: 'DK 12 34 56 78', email: 'billing@omnigaze.example' });
    expect(addressLines(defaultCompany)).toEqual(['Vesterbrogade 149', '1620 Copenhagen V', 'Denmark']);
    expect(paths(defaultPlaybook)).toEqual([]);
  });

  it('requires a legal name, a real email when one is given, and no unknown keys', () => {
    expect(paths(withCompany({ legalName: '  ' }))).toEqual(['company.legalName: Must not be empty']);
    expect(paths(withCompany({ email: 'billing at omnigaze' }))).toEqual(['company.email: Enter an email address or leave it empty']);
    expect(paths(withCompany({ email: '', taxId: '', phone: '', website: '', address: '' }))).toEqual([]);
    expect(paths(withCompany({ paymentInstructions: 'x'.repeat(1001) }))).toEqual(['company.paymentInstructions: At most 1000 characters']);
    expect(paths({ ...defaultPlaybook, company: { ...defaultPlaybook.company, iban: 'DK50' } })).toEqual(['company.iban: Unknown key "iban"']);
    const { company: _, ...without } = defaultPlaybook;
    expect(paths(without)).toEqual(['company: Invalid input: expected object, received undefined']);
  });

  it('fills the section into a playbook stored before it existed, keeping a stored one', () => {
    const { company: _, ...old } = defaultPlaybook;
    expect(upgradeStoredPlaybook(old as Playbook).company).toEqual(defaultCompany);
    const own = withCompany({ legalName: 'Nordic Seller AS' });
    expect(upgradeStoredPlaybook(own).company.legalName).toBe('Nordic Seller AS');
  });
});
