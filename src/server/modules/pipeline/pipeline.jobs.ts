// Job kinds of the pipeline module.
import type { JobKind } from '../../jobs/jobs';

export const pipelineJobs: JobKind[] = [];
