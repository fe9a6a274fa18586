// What the base demo hands to each stream's demo loader.
import type { Role } from '../../core/access/roles';
import type { AccountProfile } from '../../core/value';
import type { rng } from './demo';
import type { Story } from './storyline';

export interface DemoAccount {
  id: string; name: string; lifecycleStage: string; segment: string; partnerId: string | null; aeId: string | null; csmId: string | null;
  industry: string | null; timeZone: string;
  /** What the Value Architect reads: industry, size, estate, compliance frameworks, tech stack. */
  profile: AccountProfile;
  /** The account's storyline: every stream's rows follow it (see storyline.ts). Loaders note the ids they create in its deals. */
  story: Story;
}

export interface DemoContext {
  rng: ReturnType<typeof rng>;
  now: Date;
  /** Accounts in generation order. */
  accounts: DemoAccount[];
  usersByRole: Record<Role, string[]>;
  partnerIds: string[];
  /** Scale factor of the dataset (1 = the 240-account demo). */
  scale: number;
}
