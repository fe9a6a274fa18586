// Job kinds of the leads module. Importing the services here registers their SLA timer kinds and the
// playbook.updated re-scoring handler in every process that runs jobs.
import { inArray, lt } from 'drizzle-orm';
import { z } from 'zod';
import { leadFormSubmissions, leads } from '../../db/schema';
import { systemCtx } from '../../http/env';
import { defineJob, type JobKind } from '../../jobs/jobs';
import { currentPlaybook } from '../platform/playbook.service';
import { trainModel } from './scoring.service';
import { startClocks } from './sla.service';

/** SLA timers for a large capture (an event list), started after the capture committed. */
export const bulkClocksJob = defineJob({
  name: 'leads.bulk-clocks',
  payload: z.object({ ids: z.array(z.uuid()).min(1).max(1000) }),
  async handle(deps, { ids }) {
    const ctx = systemCtx(deps, 'leads.bulk-clocks');
    await deps.database.db.transaction(async (tx) => {
      const { playbook } = await currentPlaybook(tx);
      const rows = await tx.select().from(leads).where(inArray(leads.id, ids));
      // Idempotent: scheduleTimer replaces the pending timer of the same kind and lead.
      for (const l of rows) if (l.status === 'new' && !l.deletedAt && !l.firstRespondedAt) await startClocks(ctx, tx, playbook, l);
    });
  },
});

/** Nightly: retrain the conversion model on the day's closed history; drop old form submission records. */
export const nightlyModelJob = defineJob({
  name: 'leads.nightly',
  payload: z.object({}).passthrough(),
  cron: '20 2 * * *',
  async handle(deps) {
    await trainModel(systemCtx(deps, 'leads.nightly'));
    await deps.database.db.delete(leadFormSubmissions).where(lt(leadFormSubmissions.createdAt, new Date(Date.now() - 30 * 86400_000)));
  },
});

export const leadsJobs: JobKind[] = [bulkClocksJob, nightlyModelJob] as JobKind[];
