// Who may do what in the pipeline. Partner users reach only their partner's opportunities (row scope in the repo);
// customer users see none of the sales stream. Gate overrides are limited to admins and executives in the service.
import { PIPELINE } from '../../../core/access/policies';
import type { Policy } from '../../http/route';

/** Defined in core (core/access/policies.ts): the web's page table is built from the same objects. */
export const policies = PIPELINE satisfies Record<string, Policy>;
