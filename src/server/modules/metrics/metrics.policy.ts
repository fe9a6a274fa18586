// Who sees the sales metrics: the vendor's sales, management and admins; partners see their own figures.
import { METRICS } from '../../../core/access/policies';
import type { Policy } from '../../http/route';

/** Defined in core (core/access/policies.ts): the web's page table is built from the same objects. */
export const policies = METRICS satisfies Record<string, Policy>;
