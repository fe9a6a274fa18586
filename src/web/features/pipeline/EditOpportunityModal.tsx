// Edit an opportunity's deal terms: name, amount, close date, owner, partner, and a hand-set probability or forecast
// category (blank returns them to the stage's). A stale version shows the conflict instead of overwriting.
import { Button, Group, Modal, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDirectory, usePartners, userOptions } from '../../lib/directory';
import { ApiError, type BodyOf } from '../../lib/api';
import { handleFormError, notifyError, notifySuccess } from '../../lib/errors';
import { CATEGORY_LABELS, useUpdateOpportunity, type Opportunity } from './hooks';

const OPEN_CATEGORIES = ['pipeline', 'best_case', 'commit', 'omitted'];

export function EditOpportunityModal({ o, onClose }: { o: Opportunity; onClose: () => void }) {
  const update = useUpdateOpportunity(o.id);
  const { users } = useDirectory();
  const { partners } = usePartners();
  const form = useForm({
    initialValues: {
      name: o.name, amount: (o.amount === null ? '' : o.amount / 100) as number | string, closeDate: o.closeDate ?? '', ownerId: o.ownerId, partnerId: o.partnerId,
      probability: (o.probabilityManual ? o.probability : '') as number | string,
      forecastCategory: o.forecastCategoryManual ? o.forecastCategory : (null as string | null),
    },
    validate: { name: (v) => (v.trim() ? null : 'Name the opportunity') },
  });
  const submit = form.onSubmit((v) => update.mutate({
    // A deal imported without an amount keeps none until one is entered.
    version: o.version, name: v.name.trim(), amount: v.amount === '' ? undefined : Math.round(Number(v.amount) * 100), closeDate: v.closeDate || null,
    ownerId: v.ownerId || null, partnerId: v.partnerId || null,
    probability: v.probability === '' ? null : Number(v.probability), forecastCategory: (v.forecastCategory || null) as BodyOf<'/opportunities/{id}', 'patch'>['forecastCategory'],
  }, {
    onSuccess: () => { notifySuccess('Opportunity saved.'); onClose(); },
    onError: (e) => (e instanceof ApiError && e.isVersionConflict
      ? notifyError(e, 'Someone else changed this opportunity: close and reopen to see the latest')
      : handleFormError(form, ['name', 'amount', 'closeDate', 'ownerId', 'partnerId', 'probability', 'forecastCategory'])(e)),
  }));
  const isOpen = o.stageKind === 'open';
  return (
    <Modal opened onClose={onClose} title="Edit opportunity">
      <form onSubmit={submit}>
        <Stack>
          <TextInput label="Name" required {...form.getInputProps('name')} />
          <NumberInput label={`Amount (${o.currency})`} min={0} thousandSeparator="," {...form.getInputProps('amount')} />
          <TextInput type="date" label="Expected close date" {...form.getInputProps('closeDate')} />
          <Select label="Owner" clearable searchable data={userOptions(users, ['sales', 'sdr', 'admin', 'executive'])} {...form.getInputProps('ownerId')} />
          <Select label="Partner" clearable data={partners.map((p) => ({ value: p.id, label: p.name }))} {...form.getInputProps('partnerId')} />
          {isOpen && (
            <Group grow>
              <NumberInput label="Probability (%)" description={`Blank: the stage's ${o.stageName}`} min={0} max={100} {...form.getInputProps('probability')} />
              <Select label="Forecast category" description="Blank: the stage's" clearable
                data={OPEN_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] ?? c }))} {...form.getInputProps('forecastCategory')} />
            </Group>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={update.isPending} data-testid="save-opportunity">Save</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
