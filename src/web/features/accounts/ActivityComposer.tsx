// Log a note, call, meeting or email on the account, or set a follow-up reminder.
import { Alert, Button, Card, Group, SegmentedControl, Stack, Tabs, Textarea, TextInput } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useForm } from '@mantine/form';
import dayjs from 'dayjs';
import { defaultAudience } from '../../../core/access/audience';
import { ACTIVITY_KINDS } from '../../../core/accounts/schemas';
import { useUser } from '../../lib/auth';
import { handleFormError, notifySuccess } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import type { ActivityKind } from '../../lib/types';
import { IconBell, IconNote } from '../../ui/Icons';
import { AudienceSelect } from './AudienceSelect';
import { useLogActivity, usePendingReminders, useSetReminder } from './hooks';
import { KIND_META } from './timeline-kinds';

export function ActivityComposer({ accountId }: { accountId: string }) {
  return (
    <Card p="md">
      <Tabs defaultValue="log" variant="pills" radius="md">
        <Tabs.List mb="sm">
          <Tabs.Tab value="log" leftSection={<IconNote size={14} />}>Log activity</Tabs.Tab>
          <Tabs.Tab value="reminder" leftSection={<IconBell size={14} />}>Set reminder</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="log"><LogActivityForm accountId={accountId} /></Tabs.Panel>
        <Tabs.Panel value="reminder"><ReminderForm accountId={accountId} /></Tabs.Panel>
      </Tabs>
    </Card>
  );
}

const iso = (local: string | null) => (local ? dayjs(local).format() : undefined); // ISO 8601 with the browser's offset

function LogActivityForm({ accountId }: { accountId: string }) {
  const log = useLogActivity(accountId);
  const user = useUser();
  const form = useForm({
    initialValues: { kind: 'note' as ActivityKind, subject: '', body: '', occurredAt: null as string | null, audience: defaultAudience(user) },
    validate: {
      subject: (v) => (v.trim() ? null : 'Give it a short subject'),
      occurredAt: (v) => (v && dayjs(v).isAfter(dayjs().add(1, 'day')) ? 'Activities are logged after they happen' : null),
    },
  });
  const submit = form.onSubmit((v) => log.mutate(
    { kind: v.kind, subject: v.subject.trim(), body: v.body.trim() || null, occurredAt: iso(v.occurredAt), audience: v.audience },
    {
      onSuccess: () => { notifySuccess(`${KIND_META[v.kind].label} logged.`); form.reset(); },
      onError: handleFormError(form, ['kind', 'subject', 'body', 'occurredAt', 'audience']),
    },
  ));
  return (
    <form onSubmit={submit} noValidate aria-label="Log activity">
      <Stack gap="sm">
        <SegmentedControl size="xs" aria-label="Activity kind" data={ACTIVITY_KINDS.map((k) => ({ value: k, label: KIND_META[k].label }))}
          {...form.getInputProps('kind')} style={{ alignSelf: 'flex-start' }} />
        <TextInput label="Subject" placeholder="e.g. Quarterly value review" {...form.getInputProps('subject')} />
        <Textarea label="Details" autosize minRows={2} maxRows={8} {...form.getInputProps('body')} />
        <Group align="flex-end" justify="space-between" wrap="wrap">
          <DateTimePicker label="When" placeholder="Now" clearable valueFormat="D MMM YYYY HH:mm" maxDate={dayjs().add(1, 'day').toDate()}
            w={240} {...form.getInputProps('occurredAt')} />
          <AudienceSelect value={form.values.audience} onChange={(a) => form.setFieldValue('audience', a)} size="sm" w={150} label="Visible to" />
          <Button type="submit" loading={log.isPending}>Log {KIND_META[form.values.kind].label.toLowerCase()}</Button>
        </Group>
      </Stack>
    </form>
  );
}

function ReminderForm({ accountId }: { accountId: string }) {
  const remind = useSetReminder(accountId);
  const pending = usePendingReminders(accountId).data?.[0];
  const form = useForm({
    initialValues: { at: null as string | null, note: '' },
    validate: {
      at: (v) => (!v ? 'Pick when to be reminded' : dayjs(v).isBefore(dayjs()) ? 'Pick a time in the future' : null),
      note: (v) => (v.trim() ? null : 'What should you follow up on?'),
    },
  });
  const submit = form.onSubmit((v) => remind.mutate({ at: iso(v.at)!, note: v.note.trim() }, {
    onSuccess: (r) => { notifySuccess(`You will be reminded ${formatDateTime(r.dueAt)}. It replaces any earlier reminder on this account.`, 'Reminder set'); form.reset(); },
    onError: handleFormError(form, ['at', 'note']),
  }));
  return (
    <form onSubmit={submit} noValidate aria-label="Set reminder">
      {pending && (
        <Alert variant="light" icon={<IconBell size={16} />} mb="sm" data-testid="pending-reminder">
          Pending: “{pending.note}” on {formatDateTime(pending.dueAt)}{pending.byName ? ` (set by ${pending.byName})` : ''}. A new reminder replaces it.
        </Alert>
      )}
      <Group align="flex-start" wrap="wrap" gap="sm">
        <DateTimePicker label="Remind me at" placeholder="Pick date and time" valueFormat="D MMM YYYY HH:mm" minDate={new Date()}
          w={240} {...form.getInputProps('at')} />
        <TextInput label="Note" placeholder="e.g. Send the renewal proposal" style={{ flex: 1, minWidth: 220 }} {...form.getInputProps('note')} />
      </Group>
      <Group justify="flex-end" mt="sm"><Button type="submit" loading={remind.isPending}>Set reminder</Button></Group>
    </form>
  );
}
