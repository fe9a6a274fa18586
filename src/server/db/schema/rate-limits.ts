// Request counters of the API rate limits (http/rate-limit.ts): one row per caller and window kind, the window
// restarting in place (as login_attempts does), so the table holds two rows per active caller, not one per window.
import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const rateLimitWindows = pgTable('rate_limit_windows', {
  key: text('key').primaryKey(), // '<kind>:<caller>', kind b (burst) or d (day); caller t:<token hash>, u:<user id>, ip:<address>
  windowStart: timestamp('window_start', { withTimezone: true, mode: 'date' }).notNull(),
  /** Requests granted to server processes in this window (a process takes a few at a time; see rate-limit.ts). */
  used: integer('used').notNull(),
});
