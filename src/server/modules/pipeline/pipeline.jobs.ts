// Job kinds of the pipeline module. Importing the timers and totals registers the stage-overdue timer kind and the
// rollup rebuild after deal imports with the worker.
import type { JobKind } from '../../jobs/jobs';
import './timers';
import './totals';

export const pipelineJobs: JobKind[] = [];
