// Job kinds of the value module. The agents run inside the request (they are pure and fast); importing the
// service here keeps the module's registrations in one place when the job registry loads.
import type { JobKind } from '../../jobs/jobs';
import './value.service';

export const valueJobs: JobKind[] = [];
