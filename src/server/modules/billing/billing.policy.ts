// Who may do what in billing. Finance, admins and executives see every invoice; customer users read their own
// account's invoices and partner users their partner's (row scope in the repository, 404 otherwise). Only finance and
// admins change money: issue, void, record payments, credit, change a subscription.
import { BILLING } from '../../../core/access/policies';
import type { Policy } from '../../http/route';

/** Defined in core (core/access/policies.ts): the web's page table is built from the same objects. */
export const policies = BILLING satisfies Record<string, Policy>;
