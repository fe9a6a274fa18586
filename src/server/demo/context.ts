// What the base demo hands to each stream's demo loader.
import type { Role } from '../../core/access/roles';
import type { rng } from './demo';

export interface DemoContext {
  rng: ReturnType<typeof rng>;
  now: Date;
  /** Accounts in creation order, with the fields stream loaders need. */
  accounts: { id: string; name: string; lifecycleStage: string; segment: string; partnerId: string | null; aeId: string | null; industry: string | null }[];
  usersByRole: Record<Role, string[]>;
  partnerIds: string[];
  /** Scale factor of the dataset (1 = the 240-account demo). */
  scale: number;
}
