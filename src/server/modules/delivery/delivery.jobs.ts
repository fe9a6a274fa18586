// Job kinds and reactions of the delivery module: a signed contract creates its project (once: the receipt of the
// event handler and the unique index on projects.contract_id), and the hypercare timer (registered by importing
// projects.service) moves a live project to closure-ready.
import type { JobKind } from '../../jobs/jobs';
import { onEvent } from '../../jobs/events';
import { createProjectFromContract } from './projects.service';

onEvent({
  name: 'delivery.project_from_contract',
  types: ['contract.signed'],
  async handle(ctx, tx, event) {
    const contract = (event.payload as { contract?: { id?: string } }).contract;
    await createProjectFromContract(ctx, tx, contract?.id ?? event.entityId);
  },
});

export const deliveryJobs: JobKind[] = [];
