/**
 * The seller: who issues the invoices and proposals, where to reach them and how to pay them. Printed on every
 * invoice PDF (legal name, address, tax id, payment instructions) and on the proposal's title block. The seeds name
 * the company (OmniGaze) but none of these details; the defaults are demo values to replace before real invoices go out.
 */
import { z } from 'zod';
import { labelSchema } from './schema-parts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const text = (max: number) => z.string().trim().max(max, `At most ${max} characters`);

export const companySchema = z
  .object({
    legalName: labelSchema.max(200, 'At most 200 characters'),
    /** Postal address, one line per row (street, postcode and city, country). */
    address: text(500),
    /** VAT number or other tax id; empty when none applies. */
    taxId: text(40),
    /** Where customers write about invoices. */
    email: text(254).refine((v) => v === '' || EMAIL.test(v), 'Enter an email address or leave it empty'),
    phone: text(40),
    website: text(200),
    /** How to pay: bank, account holder, IBAN / account number, BIC / routing; printed on every invoice. */
    paymentInstructions: text(1000),
  })
  .strict();

export type CompanySettings = z.infer<typeof companySchema>;

export const defaultCompany: CompanySettings = {
  legalName: 'OmniGaze ApS',
  address: 'Vesterbrogade 149\n1620 Copenhagen V\nDenmark',
  taxId: 'DK 12 34 56 78',
  email: 'billing@omnigaze.example',
  phone: '+45 70 20 30 40',
  website: 'omnigaze.example',
  paymentInstructions: 'Bank transfer to OmniGaze ApS\nDanske Bank · IBAN DK50 0040 0440 1162 43 · BIC DABADKKK',
};

/** The address as lines, without blank ones. */
export const addressLines = (c: Pick<CompanySettings, 'address'>) => c.address.split('\n').map((l) => l.trim()).filter(Boolean);
