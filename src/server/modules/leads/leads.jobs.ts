// Job kinds of the leads module.
import type { JobKind } from '../../jobs/jobs';

export const leadsJobs: JobKind[] = [];
