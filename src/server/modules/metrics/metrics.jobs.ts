// Job kinds of the metrics module.
import type { JobKind } from '../../jobs/jobs';

export const metricsJobs: JobKind[] = [];
