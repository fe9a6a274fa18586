// Job kinds of the imports module: an import runs as a durable job so the upload request returns at once, and a
// retried or resumed job continues after the last committed batch.
import { z } from 'zod';
import { defineJob, type JobKind } from '../../jobs/jobs';
import { runImport } from './imports.runner';

export const runImportJob = defineJob({
  name: 'imports.run',
  payload: z.object({ jobId: z.uuid() }),
  // A million-row file takes minutes on the embedded database: expire late, retry from the resume point.
  queue: { retryLimit: 3, retryDelay: 10, expireInSeconds: 3 * 3600 },
  pollingIntervalSeconds: 0.5,
  batchSize: 1,
  async handle(deps, { jobId }) {
    await runImport(deps, jobId);
  },
});

export const importsJobs: JobKind[] = [runImportJob];
