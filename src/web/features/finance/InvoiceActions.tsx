// Finance actions on an invoice: record a payment (partial allowed; more than the balance is refused on the field),
// issue a credit note, void (only before any payment or credit). A stale version shows a conflict message.
import { Button, Group, Modal, NumberInput, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { ApiError } from '../../lib/api';
import { handleFormError, notifyError, notifySuccess } from '../../lib/errors';
import { formatMoney } from '../../lib/format';
import { useCreditNote, useRecordPayment, useVoidInvoice, type Invoice, type PaymentMethod } from './hooks';

const today = () => new Date().toISOString().slice(0, 10);
const toMinor = (v: number | string) => Math.round(Number(v || 0) * 100);
const METHODS = [{ value: 'wire', label: 'Wire transfer' }, { value: 'ach', label: 'ACH' }, { value: 'card', label: 'Card' }, { value: 'check', label: 'Check' }, { value: 'other', label: 'Other' }];

export function PaymentModal({ inv, onClose }: { inv: Invoice; onClose: () => void }) {
  const pay = useRecordPayment(inv.id);
  const form = useForm({
    initialValues: { amount: inv.balance / 100 as number | string, receivedOn: today(), method: 'wire' as PaymentMethod, reference: '' },
    validate: { amount: (v) => (Number(v) > 0 ? null : 'Enter the amount received') },
  });
  const submit = form.onSubmit((v) => pay.mutate({ amount: toMinor(v.amount), receivedOn: v.receivedOn || undefined, method: v.method, reference: v.reference.trim() || undefined }, {
    onSuccess: (r) => { notifySuccess(r.invoice?.status === 'paid' ? `${inv.number} is paid in full.` : `Payment recorded on ${inv.number}.`, 'Payment recorded'); onClose(); },
    onError: handleFormError(form, ['amount', 'receivedOn', 'method', 'reference']),
  }));
  return (
    <Modal opened onClose={onClose} title={`Record a payment on ${inv.number}`}>
      <form onSubmit={submit}>
        <Stack>
          <Text size="sm" c="dimmed">Balance due {formatMoney(inv.balance, inv.currency)} of {formatMoney(inv.total, inv.currency)}. A partial payment leaves the rest open.</Text>
          <NumberInput label={`Amount (${inv.currency})`} required min={0} decimalScale={2} thousandSeparator="," data-autofocus {...form.getInputProps('amount')} data-testid="payment-amount" />
          <TextInput type="date" label="Received on" max={today()} {...form.getInputProps('receivedOn')} />
          <Select label="Method" data={METHODS} allowDeselect={false} {...form.getInputProps('method')} />
          <TextInput label="Reference" description="Bank or processor reference; the same reference twice is refused" {...form.getInputProps('reference')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={pay.isPending} data-testid="save-payment">Record payment</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function CreditNoteModal({ inv, onClose }: { inv: Invoice; onClose: () => void }) {
  const credit = useCreditNote(inv.id);
  const form = useForm({
    initialValues: { amount: '' as number | string, reason: '', issuedOn: today() },
    validate: { amount: (v) => (Number(v) > 0 ? null : 'Enter the amount to credit'), reason: (v) => (v.trim() ? null : 'Say why the customer is credited') },
  });
  const submit = form.onSubmit((v) => credit.mutate({ amount: toMinor(v.amount), reason: v.reason.trim(), issuedOn: v.issuedOn || undefined }, {
    onSuccess: () => { notifySuccess(`Credit note issued on ${inv.number}.`); onClose(); },
    onError: handleFormError(form, ['amount', 'reason', 'issuedOn']),
  }));
  return (
    <Modal opened onClose={onClose} title={`Credit note on ${inv.number}`}>
      <form onSubmit={submit}>
        <Stack>
          <Text size="sm" c="dimmed">Reduces the balance ({formatMoney(inv.balance, inv.currency)} open) without a payment.</Text>
          <NumberInput label={`Amount (${inv.currency})`} required min={0} decimalScale={2} thousandSeparator="," data-autofocus {...form.getInputProps('amount')} />
          <Textarea label="Reason" required autosize minRows={2} {...form.getInputProps('reason')} />
          <TextInput type="date" label="Issued on" max={today()} {...form.getInputProps('issuedOn')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={credit.isPending} data-testid="save-credit-note">Issue credit note</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function VoidModal({ inv, onClose }: { inv: Invoice; onClose: () => void }) {
  const voidIt = useVoidInvoice(inv.id);
  const form = useForm({ initialValues: { reason: '' }, validate: { reason: (v) => (v.trim() ? null : 'Say why the invoice is voided') } });
  const submit = form.onSubmit((v) => voidIt.mutate({ reason: v.reason.trim(), version: inv.version }, {
    onSuccess: () => { notifySuccess(`${inv.number} is void.`); onClose(); },
    onError: (e) => (e instanceof ApiError && e.isVersionConflict
      ? notifyError(e, 'The invoice changed meanwhile: close and look again')
      : handleFormError(form, ['reason'])(e)),
  }));
  return (
    <Modal opened onClose={onClose} title={`Void ${inv.number}`}>
      <form onSubmit={submit}>
        <Stack>
          <Text size="sm">The invoice stops counting as receivable and its dunning stops. An invoice with payments or credit notes cannot be voided.</Text>
          <Textarea label="Reason" required autosize minRows={2} data-autofocus {...form.getInputProps('reason')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" color="red" loading={voidIt.isPending}>Void invoice</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
