// Create an opportunity (it starts in the playbook's first stage).
import { Button, Group, Modal, NumberInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from 'react-router';
import { applyFieldErrors, notifyError, notifySuccess } from '../../lib/errors';
import { AccountPicker } from '../accounts/AccountPicker';
import { useCreateOpportunity } from './hooks';

export function NewOpportunityModal({ onClose, accountId }: { onClose: () => void; accountId?: string }) {
  const create = useCreateOpportunity();
  const navigate = useNavigate();
  const form = useForm({
    initialValues: { accountId: accountId ?? (null as string | null), name: '', amount: 100_000 as number | string, closeDate: '' },
    validate: { accountId: (v) => (v ? null : 'Pick an account'), name: (v) => (v.trim() ? null : 'Name the opportunity') },
  });
  const submit = form.onSubmit((v) => create.mutate({
    accountId: v.accountId!, name: v.name.trim(), amount: Math.round(Number(v.amount || 0) * 100), closeDate: v.closeDate || null,
  }, {
    onSuccess: (o) => { notifySuccess('Opportunity created in Discovery.'); onClose(); navigate(`/opportunities/${o.id}`); },
    onError: (e) => { if (applyFieldErrors(form, e, { known: ['accountId', 'name', 'amount', 'closeDate'] }).length || !(e as { fieldErrors?: unknown[] }).fieldErrors?.length) notifyError(e); },
  }));
  return (
    <Modal opened onClose={onClose} title="New opportunity">
      <form onSubmit={submit}>
        <Stack>
          <AccountPicker label="Account" required value={form.values.accountId} onChange={(id) => form.setFieldValue('accountId', id)} error={form.errors.accountId} />
          <TextInput label="Name" required {...form.getInputProps('name')} />
          <NumberInput label="Amount (USD)" min={0} thousandSeparator="," {...form.getInputProps('amount')} />
          <TextInput type="date" label="Expected close date" {...form.getInputProps('closeDate')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={create.isPending}>Create</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
