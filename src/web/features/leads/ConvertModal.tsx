// Convert a qualified lead: shows exactly what will be created, collects the handoff package (004), then opens the
// new account's 360 page.
import { Alert, Button, Group, List, Modal, NumberInput, SimpleGrid, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from 'react-router';
import { convertedOpportunityName } from '../../../core/leads/schemas';
import { client, ok, type BodyOf } from '../../lib/api';
import { handleFormError, notifySuccess } from '../../lib/errors';
import { leadName, useDuplicates, useLeadMutation, type Lead } from './hooks';

interface Values { requirements: string; meetingAt: string; attendees: string; agenda: string; researchNotes: string; amount: number | ''; closeDate: string }

export function ConvertModal({ lead, opened, onClose }: { lead: Lead; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} size="lg" title={<Title order={3}>Convert {leadName(lead)}</Title>}>
      {opened && <ConvertForm lead={lead} onDone={onClose} />}
    </Modal>
  );
}

function ConvertForm({ lead, onDone }: { lead: Lead; onDone: () => void }) {
  const navigate = useNavigate();
  const dups = useDuplicates(lead.id);
  const existing = dups.data?.accounts[0];
  const company = lead.companyName || lead.domain || leadName(lead);
  const form = useForm<Values>({
    initialValues: { requirements: '', meetingAt: '', attendees: '', agenda: '', researchNotes: '', amount: '', closeDate: '' },
    validate: {
      requirements: (v) => (v.trim() ? null : 'Write down the initial requirements'),
      meetingAt: (v) => (v ? null : 'When is the discovery meeting?'),
    },
  });
  const convert = useLeadMutation(lead.id, (body: BodyOf<'/leads/{id}/convert', 'post'>) =>
    ok(client.POST('/leads/{id}/convert', { params: { path: { id: lead.id } }, body })));
  const submit = form.onSubmit((v) => convert.mutate({
    version: lead.version, requirements: v.requirements.trim(),
    meeting: { at: new Date(v.meetingAt).toISOString(), attendees: v.attendees.trim() || undefined, agenda: v.agenda.trim() || undefined },
    researchNotes: v.researchNotes.trim() || undefined, amount: v.amount === '' ? undefined : Math.round(v.amount * 100),
    closeDate: v.closeDate || undefined,
  }, {
    onSuccess: (r) => {
      notifySuccess(`${r.accountCreated ? 'Account created' : 'Added to the existing account'}, contact and opportunity in Discovery.`, 'Lead converted');
      onDone();
      navigate(`/accounts/${r.accountId}?tab=timeline`);
    },
    onError: handleFormError(form, ['requirements', 'meetingAt']),
  }));
  return (
    <form onSubmit={submit} noValidate>
      <Alert variant="light" color="blue" mb="md" title="This will create, in one step" data-testid="convert-preview">
        <List size="sm" spacing={2}>
          <List.Item>{existing ? <>No new account: the lead joins <b>{existing.name}</b> (same domain)</> : <>Account <b>{company}</b>{lead.domain ? ` (${lead.domain})` : ''}</>}</List.Item>
          <List.Item>Contact <b>{leadName(lead)}</b>{lead.email ? ` <${lead.email}>` : ''}</List.Item>
          <List.Item>Opportunity <b>{convertedOpportunityName(existing?.name ?? company)}</b> in the Discovery stage</List.Item>
          <List.Item>The handoff package on the account timeline: BANT form, requirements, meeting, research notes</List.Item>
        </List>
      </Alert>
      <Textarea label="Initial requirements" required autosize minRows={3} data-autofocus {...form.getInputProps('requirements')} />
      <SimpleGrid cols={2} spacing="sm" mt="sm">
        <TextInput label="Discovery meeting" type="datetime-local" required {...form.getInputProps('meetingAt')} />
        <TextInput label="Attendees" {...form.getInputProps('attendees')} />
        <NumberInput label="Estimated amount (USD)" min={0} thousandSeparator="," {...form.getInputProps('amount')} />
        <TextInput label="Expected close date" type="date" {...form.getInputProps('closeDate')} />
      </SimpleGrid>
      <TextInput label="Meeting agenda" mt="sm" {...form.getInputProps('agenda')} />
      <Textarea label="Background research / notes" mt="sm" autosize minRows={2} {...form.getInputProps('researchNotes')} />
      <Text size="xs" c="dimmed" mt="xs">All of it is created in one transaction: if anything fails, nothing is created.</Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onDone}>Cancel</Button>
        <Button type="submit" loading={convert.isPending}>Convert lead</Button>
      </Group>
    </form>
  );
}
