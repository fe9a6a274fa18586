// Job kinds of the value module.
import type { JobKind } from '../../jobs/jobs';

export const valueJobs: JobKind[] = [];
