// Outgoing webhooks: subscribe URLs to events (secret shown once), pause/resume, delete, inspect deliveries.
import { Badge, Button, Card, Drawer, Group, Modal, MultiSelect, ScrollArea, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { client, ok, type BodyOf, type Schema } from '../../lib/api';
import { handleFormError, notifyError, notifySuccess } from '../../lib/errors';
import { formatDateTime, fromNow } from '../../lib/format';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { IconPlus, IconWebhook } from '../../ui/Icons';
import { PageHeader } from '../../ui/PageHeader';
import { BlockSkeleton, Empty, ErrorAlert } from '../../ui/QueryState';
import { SecretReveal } from '../../ui/SecretReveal';
import { useCreateWebhook, useDeleteWebhook, useDeliveries, useUpdateWebhook, useWebhooks } from './hooks';

type Webhook = Schema<'Webhook'>;
type Subscription = BodyOf<'/webhooks', 'post'>['events'][number];

/** What a webhook can subscribe to, from the server's event catalogue: all, a family, or one event (grouped by stream). */
function useEventOptions() {
  const q = useQuery({ queryKey: ['webhooks', 'events'], queryFn: () => ok(client.GET('/webhooks/events')), staleTime: Infinity });
  const data = useMemo(() => {
    if (!q.data) return [];
    const streams = [...new Set(q.data.items.map((e) => e.stream))];
    return [
      { group: 'Everything', items: [{ value: '*', label: 'All events (*)' }] },
      { group: 'Families', items: q.data.families.map((f) => ({ value: f, label: f })) },
      ...streams.map((stream) => ({ group: stream, items: q.data.items.filter((e) => e.stream === stream).map((e) => ({ value: e.name, label: e.name })) })),
    ];
  }, [q.data]);
  const descriptions = useMemo(() => new Map(q.data?.items.map((e) => [e.name, e.description])), [q.data]);
  return { data, descriptions, isPending: q.isPending, error: q.error };
}

export function WebhooksPage() {
  const q = useWebhooks();
  const update = useUpdateWebhook();
  const remove = useDeleteWebhook();
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<Webhook | null>(null);
  const [inspecting, setInspecting] = useState<Webhook | null>(null);

  const toggle = (w: Webhook) => update.mutate({ id: w.id, version: w.version, active: !w.active }, {
    onSuccess: (x) => notifySuccess(x.active ? 'Deliveries resumed.' : 'Deliveries paused.'),
    onError: (e) => notifyError(e),
  });

  return (
    <>
      <PageHeader title="Webhooks" description="Signed POSTs to your systems when things change. Failed deliveries are retried with backoff for about 45 minutes."
        actions={<Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>New webhook</Button>} />
      <Card p={0}>
        {q.isPending ? <BlockSkeleton rows={3} /> : q.error ? <ErrorAlert error={q.error} /> : !q.data.length ? (
          <Empty title="No webhooks yet" icon={<IconWebhook size={28} />}>Subscribe an HTTPS endpoint to any event: accounts, leads, deals, contracts, delivery, invoices, KPIs.</Empty>
        ) : (
          <ScrollArea type="auto">
            <Table miw={820} data-testid="webhooks-table">
              <Table.Thead><Table.Tr><Table.Th>Endpoint</Table.Th><Table.Th>Events</Table.Th><Table.Th>Created</Table.Th><Table.Th>Active</Table.Th><Table.Th /></Table.Tr></Table.Thead>
              <Table.Tbody>
                {q.data.map((w) => (
                  <Table.Tr key={w.id}>
                    <Table.Td maw={340}><Text size="sm" fw={600} ff="monospace" style={{ wordBreak: 'break-all' }}>{w.url}</Text>{w.description && <Text size="xs" c="dimmed">{w.description}</Text>}</Table.Td>
                    <Table.Td><Group gap={4}>{w.events.map((e) => <Badge key={e} size="xs" color="ink" tt="none">{e === '*' ? 'all events' : e}</Badge>)}</Group></Table.Td>
                    <Table.Td><Text size="sm">{fromNow(w.createdAt)}</Text></Table.Td>
                    <Table.Td><Switch checked={w.active} onChange={() => toggle(w)} aria-label={`${w.active ? 'Pause' : 'Resume'} deliveries to ${w.url}`} /></Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap" justify="flex-end">
                        <Button size="xs" variant="light" onClick={() => setInspecting(w)}>Deliveries</Button>
                        <Button size="xs" variant="subtle" color="red" onClick={() => setDeleting(w)}>Delete</Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        )}
      </Card>
      <CreateWebhookModal opened={creating} onClose={() => setCreating(false)} />
      <DeliveriesDrawer webhook={inspecting} onClose={() => setInspecting(null)} />
      <ConfirmModal opened={!!deleting} onClose={() => setDeleting(null)} title="Delete webhook?" loading={remove.isPending}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => { notifySuccess('Webhook deleted.'); setDeleting(null); }, onError: (e) => notifyError(e) })}>
        No more events are sent to {deleting?.url}.
      </ConfirmModal>
    </>
  );
}

function CreateWebhookModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const create = useCreateWebhook();
  const events = useEventOptions();
  const [secret, setSecret] = useState<string | null>(null);
  const form = useForm({
    initialValues: { url: '', description: '', events: ['account.created', 'account.updated'] as string[] },
    validate: {
      url: (v) => (/^https?:\/\/\S+$/.test(v.trim()) ? null : 'Enter an http(s) URL'),
      events: (v) => (v.length ? null : 'Pick at least one event'),
    },
  });
  const close = () => { setSecret(null); form.reset(); onClose(); };
  const submit = form.onSubmit((v) => create.mutate(
    { url: v.url.trim(), description: v.description.trim() || undefined, events: (v.events.includes('*') ? ['*'] : v.events) as Subscription[] },
    { onSuccess: (w) => setSecret(w.secret ?? ''), onError: handleFormError(form, ['url', 'description', 'events']) },
  ));
  return (
    <Modal opened={opened} onClose={close} size="lg" title={<Title order={3}>{secret ? 'Webhook created' : 'New webhook'}</Title>}>
      {secret ? (
        <Stack>
          <SecretReveal label="Signing secret" value={secret} />
          <Text size="sm" c="dimmed">Verify the Valuegraph-Signature header: HMAC-SHA256 of “timestamp.body” with this secret.</Text>
          <Group justify="flex-end"><Button onClick={close}>Done</Button></Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput label="Endpoint URL" placeholder="https://example.com/hooks/valuegraph" withAsterisk data-autofocus {...form.getInputProps('url')} />
            <TextInput label="Description" {...form.getInputProps('description')} />
            <MultiSelect label="Events" withAsterisk searchable data={events.data} disabled={events.isPending} maxDropdownHeight={320}
              description={events.error ? 'The event list could not be loaded.' : 'A family such as invoice.* covers every invoice event.'}
              renderOption={({ option }) => (
                <Stack gap={0}><Text size="sm" ff="monospace">{option.label}</Text>
                  {events.descriptions.get(option.value) && <Text size="xs" c="dimmed">{events.descriptions.get(option.value)}</Text>}</Stack>
              )}
              {...form.getInputProps('events')} />
            <Group justify="flex-end" mt="md">
              <Button variant="default" onClick={close}>Cancel</Button>
              <Button type="submit" loading={create.isPending}>Create webhook</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

function DeliveriesDrawer({ webhook, onClose }: { webhook: Webhook | null; onClose: () => void }) {
  const q = useDeliveries(webhook?.id ?? null);
  return (
    <Drawer opened={!!webhook} onClose={onClose} position="right" size="xl" title={<Title order={3}>Deliveries</Title>}>
      {webhook && <Text size="sm" c="dimmed" ff="monospace" mb="md" style={{ wordBreak: 'break-all' }}>{webhook.url}</Text>}
      {q.isPending ? <BlockSkeleton rows={5} /> : q.error ? <ErrorAlert error={q.error} /> : !q.data?.length ? (
        <Empty title="No deliveries yet">Deliveries appear here when subscribed events happen.</Empty>
      ) : (
        <Table data-testid="deliveries-table">
          <Table.Thead><Table.Tr><Table.Th>When</Table.Th><Table.Th>Event</Table.Th><Table.Th>Attempt</Table.Th><Table.Th>Result</Table.Th><Table.Th ta="right">Time</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {q.data.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td><Text size="sm" title={formatDateTime(d.createdAt)}>{fromNow(d.createdAt)}</Text></Table.Td>
                <Table.Td><Text size="sm" ff="monospace">{d.eventType}</Text></Table.Td>
                <Table.Td>{d.attempt}</Table.Td>
                <Table.Td>{d.ok ? <Badge color="teal">HTTP {d.responseStatus}</Badge> : <Badge color="red" title={d.error ?? undefined}>{d.responseStatus ? `HTTP ${d.responseStatus}` : 'Failed'}</Badge>}
                  {!d.ok && d.error && <Text size="xs" c="dimmed" lineClamp={2}>{d.error}</Text>}</Table.Td>
                <Table.Td ta="right"><Text size="sm">{d.durationMs} ms</Text></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Drawer>
  );
}
