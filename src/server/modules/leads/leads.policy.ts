// Who may do what with leads. Partner users see and create only their own partner's referrals (row scope in the
// repository); customer users have no part in the sales stream.
import { LEADS } from '../../../core/access/policies';
import type { Policy } from '../../http/route';

/** Defined in core (core/access/policies.ts): the web's page table is built from the same objects. */
export const policies = LEADS satisfies Record<string, Policy>;

export const publicForm: Policy = { public: true, why: 'prospects submit embedded web forms without an account; spam is held off by a honeypot, a minimum fill time and a per-IP rate limit' };
