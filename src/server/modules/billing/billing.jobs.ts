// Billing's reactions and jobs: an accepted milestone issues its invoice, a signed contract starts its subscription,
// and a daily job issues the subscription periods that came due. Importing this file registers the handlers and the
// dunning timer kind with every server and worker (src/server/jobs/registry.ts).
import { z } from 'zod';
import { AppError } from '../../../core/errors';
import { onEvent } from '../../jobs/events';
import { defineJob, type JobKind } from '../../jobs/jobs';
import './dunning';
import { issueMilestoneInvoiceTx } from './invoices.service';
import { runSubscriptionBilling, startSubscriptionTx } from './subscriptions.service';

interface MilestoneAccepted { milestoneId?: string; acceptedAt?: string; amount?: number; projectId?: string }

onEvent({
  name: 'billing.invoice-accepted-milestone',
  types: ['milestone.accepted'],
  async handle(ctx, tx, event) {
    const p = event.payload as MilestoneAccepted;
    if (!p.milestoneId) return;
    if (p.amount !== undefined && p.amount <= 0) return; // kickoff and other 0 % milestones bill nothing
    try {
      const out = await issueMilestoneInvoiceTx(ctx, tx, p.milestoneId, { acceptedAt: p.acceptedAt ?? event.createdAt });
      if (out.skipped) ctx.deps.log.info({ milestoneId: p.milestoneId, skipped: out.skipped }, 'milestone not invoiced');
    } catch (e) {
      // A cancelled project or a milestone that is gone: nothing to bill, and retrying would not change that.
      if (e instanceof AppError && (e.code === 'conflict' || e.code === 'not_found')) {
        ctx.deps.log.warn({ milestoneId: p.milestoneId, reason: e.detail }, 'milestone acceptance not invoiced');
        return;
      }
      throw e;
    }
  },
});

onEvent({
  name: 'billing.start-subscription',
  types: ['contract.signed'],
  async handle(ctx, tx, event) {
    const contractId = (event.payload as { contract?: { id?: string } }).contract?.id ?? event.entityId;
    await startSubscriptionTx(ctx, tx, contractId);
  },
});

export const subscriptionBillingJob = defineJob({
  name: 'billing.daily',
  payload: z.object({}).passthrough(),
  cron: '0 6 * * *', // 06:00 UTC: invoices of the day go out before the business day starts in Europe
  async handle(deps) {
    const out = await runSubscriptionBilling(deps);
    deps.log.info({ billing: out }, 'daily subscription billing');
  },
});

export const billingJobs: JobKind[] = [subscriptionBillingJob];
