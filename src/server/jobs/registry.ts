// Every job kind of every module. Importing a module's service here also registers its timer kinds and event
// handlers, so a worker process runs exactly what a server would.
import '../modules/accounts/timeline.service';
import { billingJobs } from '../modules/billing/billing.jobs';
import { contentJobs } from '../modules/content/content.jobs';
import { deliveryJobs } from '../modules/delivery/delivery.jobs';
import { importsJobs } from '../modules/imports/imports.jobs';
import { leadsJobs } from '../modules/leads/leads.jobs';
import { metricsJobs } from '../modules/metrics/metrics.jobs';
import { pipelineJobs } from '../modules/pipeline/pipeline.jobs';
import { purgeJob } from '../modules/platform/maintenance.jobs';
import { deliverJob } from '../modules/platform/webhooks.service';
import { realizationJobs } from '../modules/realization/realization.jobs';
import { valueJobs } from '../modules/value/value.jobs';
import { eventJobs } from './events';
import type { JobKind } from './jobs';
import { fireTimerJob } from './timers';

const extra: JobKind[] = [];
/** Tests and plugins add job kinds before the runtime starts. */
export function registerJobKind(kind: JobKind) { extra.push(kind); }

export function allJobKinds(): JobKind[] {
  return [
    ...eventJobs, fireTimerJob, deliverJob, purgeJob,
    ...leadsJobs, ...pipelineJobs, ...valueJobs, ...deliveryJobs, ...realizationJobs, ...importsJobs, ...contentJobs, ...metricsJobs, ...billingJobs, ...extra,
  ] as JobKind[];
}
