// Daily housekeeping: purge what passed its retention, set-based.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Deps } from '../../http/env';
import { defineJob } from '../../jobs/jobs';

export async function purge(deps: Deps): Promise<Record<string, number>> {
  const { restoreWindowDays, auditRetentionDays } = deps.config;
  const out: Record<string, number> = {};
  await deps.database.db.transaction(async (tx) => {
    const run = async (name: string, text: string) => {
      const res = (await tx.execute(sql.raw(text))) as unknown as { rows: { n: number }[] };
      out[name] = Number(res.rows[0]?.n ?? 0);
    };
    // Accounts deleted longer ago than the restore window go for good, with everything that hangs off them.
    const gone = `SELECT id FROM accounts WHERE deleted_at < now() - interval '${restoreWindowDays} days'`;
    await run('activities', `WITH d AS (DELETE FROM activities WHERE account_id IN (${gone}) OR deleted_at < now() - interval '${restoreWindowDays} days' RETURNING 1) SELECT count(*)::int AS n FROM d`);
    await run('contacts', `WITH d AS (DELETE FROM contacts WHERE account_id IN (${gone}) OR deleted_at < now() - interval '${restoreWindowDays} days' RETURNING 1) SELECT count(*)::int AS n FROM d`);
    await run('accounts', `WITH d AS (DELETE FROM accounts WHERE id IN (${gone}) RETURNING 1) SELECT count(*)::int AS n FROM d`);
    await run('audit', `WITH d AS (DELETE FROM audit_log WHERE at < now() - interval '${auditRetentionDays} days' RETURNING 1) SELECT count(*)::int AS n FROM d`);
    await run('sessions', `WITH d AS (DELETE FROM sessions WHERE expires_at < now() RETURNING 1) SELECT count(*)::int AS n FROM d`);
    await run('idempotency', `WITH d AS (DELETE FROM idempotency_keys WHERE created_at < now() - interval '1 day' RETURNING 1) SELECT count(*)::int AS n FROM d`);
    await run('loginAttempts', `WITH d AS (DELETE FROM login_attempts WHERE window_start < now() - interval '1 day' RETURNING 1) SELECT count(*)::int AS n FROM d`);
    await run('rateLimitWindows', `WITH d AS (DELETE FROM rate_limit_windows WHERE window_start < now() - interval '1 day' RETURNING 1) SELECT count(*)::int AS n FROM d`);
  });
  return out;
}

export const purgeJob = defineJob({
  name: 'maintenance.purge',
  payload: z.object({}).passthrough(),
  cron: '17 3 * * *',
  async handle(deps) {
    const counts = await purge(deps);
    deps.log.info({ purged: counts }, 'retention purge');
  },
});
