// Opportunities and their stage history (000 §1 stages 3–6).
import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { leads } from './leads';
import { partners, stamps, users } from './platform';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const live = sql`deleted_at IS NULL`;

export const OPPORTUNITY_STAGES = ['discovery', 'proposal', 'poc', 'negotiation', 'closed_won', 'closed_lost'] as const;

export const opportunities = pgTable('opportunities', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  accountId: uuid('account_id').notNull().references(() => accounts.id),
  name: text('name').notNull(),
  stage: text('stage', { enum: OPPORTUNITY_STAGES }).notNull().default('discovery'),
  pipeline: text('pipeline').notNull().default('default'),
  amount: bigint('amount', { mode: 'number' }).notNull().default(0), // minor units
  currency: text('currency').notNull().default('USD'),
  closeDate: date('close_date', { mode: 'string' }),
  probability: integer('probability').notNull().default(0),
  forecastCategory: text('forecast_category').notNull().default('pipeline'), // pipeline | best_case | commit | closed | omitted
  ownerId: uuid('owner_id').references(() => users.id),
  partnerId: uuid('partner_id').references(() => partners.id),
  leadId: uuid('lead_id').references(() => leads.id),
  source: text('source'),
  stageEnteredAt: ts('stage_entered_at').notNull().defaultNow(),
  /** Exit criteria checked for the current and past stages: { criterionId: { at, by, note } } */
  gateChecks: jsonb('gate_checks').notNull().default({}),
  lossReason: text('loss_reason'),
  lossNotes: text('loss_notes'),
  closedAt: ts('closed_at'),
  /** External id for imports (HubSpot deal id) so a re-import updates instead of duplicating. */
  externalId: text('external_id'),
  ...stamps,
}, (t) => [
  // Pipeline board: open opportunities by stage, then close date.
  index('opps_board_idx').on(t.stage, t.closeDate, t.id).where(live),
  index('opps_owner_idx').on(t.ownerId, t.stage, t.closeDate).where(live),
  index('opps_account_idx').on(t.accountId).where(live),
  index('opps_partner_idx').on(t.partnerId, t.stage).where(live),
  index('opps_close_idx').on(t.closeDate, t.stage).where(live),
  index('opps_external_idx').on(t.externalId).where(sql`external_id IS NOT NULL`),
]);

export const opportunityStageHistory = pgTable('opportunity_stage_history', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  opportunityId: uuid('opportunity_id').notNull().references(() => opportunities.id),
  fromStage: text('from_stage'),
  toStage: text('to_stage').notNull(),
  at: ts('at').notNull().defaultNow(),
  actorId: uuid('actor_id').references(() => users.id),
  /** Set when an admin or sales manager advanced past missing exit criteria. */
  overrideReason: text('override_reason'),
  missingCriteria: jsonb('missing_criteria'),
}, (t) => [index('opp_history_opp_idx').on(t.opportunityId, t.at)]);
