/**
 * Playbooks are stored as versions and read back without re-validation (every request reads the active one). A
 * version stored before a section was added lacks it: reading fills that section with its default, and the next
 * save stores it.
 */
import { defaultCompany } from './company';
import type { Playbook } from './schema';

export function upgradeStoredPlaybook(body: Playbook): Playbook {
  const stored = body as Partial<Playbook>;
  return stored.company ? body : { ...body, company: defaultCompany };
}
