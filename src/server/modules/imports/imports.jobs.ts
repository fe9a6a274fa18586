// Job kinds of the imports module.
import type { JobKind } from '../../jobs/jobs';

export const importsJobs: JobKind[] = [];
