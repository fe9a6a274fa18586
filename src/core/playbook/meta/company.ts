// Metadata: the seller's identity on invoices and proposals (company.ts).
import type { MetaMap } from './types';

const DEMO = 'The seeds name the company (OmniGaze) but not its legal details; the defaults are demo values to replace';

export const companyMeta: MetaMap = {
  company: { title: 'Company', help: 'The seller printed on every invoice and proposal.' },
  'company.legalName': { title: 'Legal name', productSpecific: DEMO },
  'company.address': { title: 'Address', widget: 'textarea', help: 'One line per row: street, postcode and city, country.', productSpecific: DEMO },
  'company.taxId': { title: 'VAT / tax id', help: 'Printed on invoices; leave empty when none applies.', productSpecific: DEMO },
  'company.email': { title: 'Billing email', help: 'Where customers write about invoices.', productSpecific: DEMO },
  'company.phone': { title: 'Phone', productSpecific: DEMO },
  'company.website': { title: 'Website', productSpecific: DEMO },
  'company.paymentInstructions': {
    title: 'Payment instructions', widget: 'textarea',
    help: 'Bank, account holder, IBAN or account number, BIC or routing number; printed on every invoice with the invoice number as reference.',
    productSpecific: DEMO,
  },
};
