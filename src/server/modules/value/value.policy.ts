// Who may read and shape the value graph. The business case is part of the sales stream: customers do not see it
// here (403); partner users reach only the opportunities of their partner (404 otherwise, from the repository).
import { VALUE } from '../../../core/access/policies';
import type { Policy } from '../../http/route';

/** Defined in core (core/access/policies.ts): the web's page table is built from the same objects. */
export const policies = VALUE satisfies Record<string, Policy>;
