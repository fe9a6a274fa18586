// Public web forms: where submissions go, their spam counts, and the URL to embed or link.
import { Anchor, Badge, Button, Card, Code, CopyButton, Group, Modal, NumberInput, Select, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, ok, type BodyOf, type Schema } from '../../lib/api';
import { useUser } from '../../lib/auth';
import { useDirectory, userOptions } from '../../lib/directory';
import { handleFormError, notifyError, notifySuccess } from '../../lib/errors';
import { IconPlus } from '../../ui/Icons';
import { PageHeader } from '../../ui/PageHeader';
import { Empty, ErrorAlert, PageLoader } from '../../ui/QueryState';
import { useLeadForms, usePlaybook } from './hooks';
type LeadForm = Schema<'LeadFormWithStats'>;

export function FormsPage() {
  const user = useUser();
  const admin = user.role === 'admin';
  const q = useLeadForms();
  const playbook = usePlaybook();
  const directory = useDirectory();
  const [creating, create] = useDisclosure(false);
  const qc = useQueryClient();
  const toggle = useMutation({
    mutationFn: (f: LeadForm) => ok(client.PATCH('/lead-forms/{id}', { params: { path: { id: f.id } }, body: { version: f.version, active: !f.active } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['lead-forms'] }), onError: (e) => notifyError(e),
  });
  const origin = window.location.origin;
  if (q.isPending) return <PageLoader />;
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  const sourceLabel = (id: string) => playbook.data?.leads.sources.find((s) => s.id === id)?.label ?? id;
  return (
    <>
      <PageHeader title="Web forms" crumbs={[{ label: 'Lead inbox', to: '/leads' }, { label: 'Web forms' }]}
        description="Public forms capture leads without an account. A hidden honeypot field, a minimum fill time and a per-network hourly limit keep bots out."
        actions={admin && <Button leftSection={<IconPlus size={16} />} onClick={create.open}>New form</Button>} />
      <Card p={0}>
        <Table verticalSpacing="sm" data-testid="forms-table">
          <Table.Thead><Table.Tr><Table.Th>Form</Table.Th><Table.Th>Source · owner</Table.Th><Table.Th>Last 30 days</Table.Th><Table.Th>Embed URL</Table.Th><Table.Th>Active</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {q.data.map((f) => {
              const url = `${origin}/api/forms/${f.id}/page`;
              const s = f.submissions30d;
              const spam = (s.honeypot ?? 0) + (s.too_fast ?? 0) + (s.bad_token ?? 0);
              return (
                <Table.Tr key={f.id}>
                  <Table.Td><Text fw={600}>{f.name}</Text>{f.campaign && <Text size="xs" c="dimmed">{f.campaign}</Text>}</Table.Td>
                  <Table.Td><Text size="sm">{sourceLabel(f.source)}</Text><Text size="xs" c="dimmed">{f.ownerRule === 'fixed' ? `Always ${directory.nameOf(f.defaultOwnerId) ?? 'a fixed owner'}` : 'Assignment rules'}</Text></Table.Td>
                  <Table.Td><Group gap={4}><Badge variant="light" color="teal">{s.accepted ?? 0} leads</Badge>{spam > 0 && <Badge variant="light" color="gray">{spam} spam</Badge>}{(s.rate_limited ?? 0) > 0 && <Badge variant="light" color="orange">{s.rate_limited} limited</Badge>}</Group></Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Anchor href={url} target="_blank" rel="noreferrer" size="xs"><Code>{`/api/forms/${f.id.slice(0, 8)}…/page`}</Code></Anchor>
                      <CopyButton value={url}>{({ copied, copy }) => <Button size="compact-xs" variant="subtle" onClick={copy}>{copied ? 'Copied' : 'Copy'}</Button>}</CopyButton>
                    </Group>
                    <Text size="xs" c="dimmed">API: POST /api/forms/{f.id.slice(0, 8)}…/submit</Text>
                  </Table.Td>
                  <Table.Td><Switch checked={f.active} disabled={!admin} aria-label={`${f.name} active`} onChange={() => toggle.mutate(f)} /></Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        {q.data.length === 0 && <Empty title="No forms yet">Create one and put its URL on your website.</Empty>}
      </Card>
      <Modal opened={creating} onClose={create.close} title={<Title order={3}>New web form</Title>}>
        {creating && <NewForm sources={playbook.data?.leads.sources ?? []} owners={userOptions(directory.users, ['sales', 'sdr'])} onDone={create.close} />}
      </Modal>
    </>
  );
}

function NewForm({ sources, owners, onDone }: { sources: { id: string; label: string }[]; owners: ReturnType<typeof userOptions>; onDone: () => void }) {
  const qc = useQueryClient();
  const form = useForm({ initialValues: { name: '', source: 'website', campaign: '', ownerRule: 'auto' as 'auto' | 'fixed', defaultOwnerId: null as string | null, minFillSeconds: 3, rateLimitPerHour: 10 } });
  const save = useMutation({ mutationFn: (body: BodyOf<'/lead-forms', 'post'>) => ok(client.POST('/lead-forms', { body })), onSuccess: () => qc.invalidateQueries({ queryKey: ['lead-forms'] }) });
  const submit = form.onSubmit((v) => save.mutate({ ...v, campaign: v.campaign.trim() || null, defaultOwnerId: v.ownerRule === 'fixed' ? v.defaultOwnerId : null }, {
    onSuccess: () => { notifySuccess('Form created. Copy its URL onto your website.'); onDone(); },
    onError: handleFormError(form, ['name', 'source', 'campaign', 'ownerRule', 'defaultOwnerId', 'minFillSeconds', 'rateLimitPerHour']),
  }));
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
        <Select label="Lead source" data={sources.map((s) => ({ value: s.id, label: s.label }))} allowDeselect={false} {...form.getInputProps('source')} />
        <TextInput label="Campaign" {...form.getInputProps('campaign')} />
        <Select label="Owner" data={[{ value: 'auto', label: 'Assignment rules' }, { value: 'fixed', label: 'Always the same person' }]} allowDeselect={false} {...form.getInputProps('ownerRule')} />
        {form.values.ownerRule === 'fixed' && <Select label="Default owner" data={owners} searchable {...form.getInputProps('defaultOwnerId')} />}
        <Group grow>
          <NumberInput label="Minimum fill time (s)" min={0} max={600} {...form.getInputProps('minFillSeconds')} />
          <NumberInput label="Submissions per hour per network" min={1} {...form.getInputProps('rateLimitPerHour')} />
        </Group>
        <Group justify="flex-end"><Button variant="default" onClick={onDone}>Cancel</Button><Button type="submit" loading={save.isPending}>Create form</Button></Group>
      </Stack>
    </form>
  );
}
