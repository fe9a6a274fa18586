// Who may do what in delivery. Customer users see their own account's projects, milestones, Gantt, calendar and
// sent status reports, and accept or reject milestones; partner users see their partner's projects (read only).
// Internal delivery users (and admins) run projects; executives also decide change requests and may cancel.
import { DELIVERY } from '../../../core/access/policies';
import type { Policy } from '../../http/route';

/** Defined in core (core/access/policies.ts): the web's page table is built from the same objects. */
export const policies = DELIVERY satisfies Record<string, Policy>;
