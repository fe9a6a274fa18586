// Sales content is for the vendor's sellers and its partners' sellers; sales roles and admins maintain it.
import { CONTENT } from '../../../core/access/policies';
import type { Policy } from '../../http/route';

/** Defined in core (core/access/policies.ts): the web's page table is built from the same objects. */
export const policies = CONTENT satisfies Record<string, Policy>;
