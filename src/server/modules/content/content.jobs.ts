// Job kinds of the content module.
import type { JobKind } from '../../jobs/jobs';

export const contentJobs: JobKind[] = [];
