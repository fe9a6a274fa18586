// API tokens: create with scopes (the secret is shown once), list, revoke.
import { Badge, Button, Card, Group, Modal, MultiSelect, ScrollArea, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import dayjs from 'dayjs';
import { useState } from 'react';
import { scopeGroups, type ScopeOption } from '../../../core/access/scopes';
import { handleFormError, notifyError, notifySuccess } from '../../lib/errors';
import { formatDate, formatDateTime, fromNow } from '../../lib/format';
import type { ApiToken } from './hooks';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { IconKey, IconPlus } from '../../ui/Icons';
import { PageHeader } from '../../ui/PageHeader';
import { BlockSkeleton, Empty, ErrorAlert } from '../../ui/QueryState';
import { SecretReveal } from '../../ui/SecretReveal';
import { useCreateToken, useRevokeToken, useTokens } from './hooks';

// Wildcards first in each group; the list comes from the same core grammar the API validates against.
const describeScope = (o: ScopeOption) => (
  o.value === '*' ? 'everything the owner may do'
    : o.resource === null ? `${o.action} on every resource`
      : o.action === null ? `every ${o.resource} permission` : null
);
const GROUPS = scopeGroups();
const SCOPE_DATA = GROUPS.map((g) => ({ group: g.group === '*' ? 'Every resource' : g.group, items: g.scopes.map((o) => o.value) }));
const HINTS = new Map(GROUPS.flatMap((g) => g.scopes.map((o) => [o.value, describeScope(o)] as const)));

function status(t: ApiToken) {
  if (t.revokedAt) return <Badge color="gray">Revoked</Badge>;
  if (t.expiresAt && dayjs(t.expiresAt).isBefore(dayjs())) return <Badge color="orange">Expired</Badge>;
  return <Badge color="teal">Active</Badge>;
}

export function TokensPage() {
  const q = useTokens();
  const revoke = useRevokeToken();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  return (
    <>
      <PageHeader title="API tokens" description="For scripts and integrations: send as Authorization: Bearer <token>. A token never grants more than its owner's role."
        actions={<Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>New token</Button>} />
      <Card p={0}>
        {q.isPending ? <BlockSkeleton rows={4} /> : q.error ? <ErrorAlert error={q.error} /> : !q.data.length ? (
          <Empty title="No API tokens yet" icon={<IconKey size={28} />}>Create one for each integration, with only the scopes it needs.</Empty>
        ) : (
          <ScrollArea type="auto">
            <Table miw={860} data-testid="tokens-table">
              <Table.Thead><Table.Tr><Table.Th>Name</Table.Th><Table.Th>Scopes</Table.Th><Table.Th>Owner</Table.Th><Table.Th>Created</Table.Th><Table.Th>Expires</Table.Th><Table.Th>Last used</Table.Th><Table.Th>Status</Table.Th><Table.Th /></Table.Tr></Table.Thead>
              <Table.Tbody>
                {q.data.map((t) => (
                  <Table.Tr key={t.id}>
                    <Table.Td><Text size="sm" fw={600}>{t.name}</Text><Text size="xs" c="dimmed" ff="monospace">vg_{t.prefix}_…</Text></Table.Td>
                    <Table.Td><Group gap={4}>{t.scopes.map((s) => <Badge key={s} size="xs" color="ink" tt="none">{s}</Badge>)}</Group></Table.Td>
                    <Table.Td><Text size="sm">{t.userName ?? '—'}</Text></Table.Td>
                    <Table.Td><Text size="sm">{formatDate(t.createdAt)}</Text></Table.Td>
                    <Table.Td><Text size="sm">{t.expiresAt ? formatDate(t.expiresAt) : 'Never'}</Text></Table.Td>
                    <Table.Td><Text size="sm" title={formatDateTime(t.lastUsedAt)}>{t.lastUsedAt ? fromNow(t.lastUsedAt) : 'Never'}</Text></Table.Td>
                    <Table.Td>{status(t)}</Table.Td>
                    <Table.Td>{!t.revokedAt && <Button size="xs" variant="subtle" color="red" onClick={() => setRevoking(t)}>Revoke</Button>}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        )}
      </Card>
      <CreateTokenModal opened={creating} onClose={() => setCreating(false)} />
      <ConfirmModal opened={!!revoking} onClose={() => setRevoking(null)} title="Revoke token?" confirmLabel="Revoke" loading={revoke.isPending}
        onConfirm={() => revoking && revoke.mutate(revoking.id, { onSuccess: () => { notifySuccess(`${revoking.name} was revoked.`); setRevoking(null); }, onError: (e) => notifyError(e) })}>
        Integrations using “{revoking?.name}” stop working immediately. This cannot be undone.
      </ConfirmModal>
    </>
  );
}

function CreateTokenModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const create = useCreateToken();
  const [secret, setSecret] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: '', scopes: ['accounts:read'] as string[], expiresAt: null as string | null },
    validate: {
      name: (v) => (v.trim() ? null : 'Name the token after the integration that uses it'),
      scopes: (v) => (v.length ? null : 'Pick at least one scope'),
    },
  });
  const close = () => { setSecret(null); form.reset(); onClose(); };
  const submit = form.onSubmit((v) => create.mutate(
    { name: v.name.trim(), scopes: v.scopes, expiresAt: v.expiresAt ? dayjs(v.expiresAt).endOf('day').format() : null },
    { onSuccess: (t) => setSecret(t.token ?? ''), onError: handleFormError(form, ['name', 'scopes', 'expiresAt']) },
  ));
  return (
    <Modal opened={opened} onClose={close} size="lg" title={<Title order={3}>{secret ? 'Token created' : 'New API token'}</Title>}>
      {secret ? (
        <Stack>
          <SecretReveal label="API token" value={secret} />
          <Group justify="flex-end"><Button onClick={close}>Done</Button></Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput label="Name" placeholder="e.g. BI export" withAsterisk data-autofocus {...form.getInputProps('name')} />
            <MultiSelect label="Scopes" description="Only what the integration needs; a wildcard covers a whole resource or action"
              withAsterisk searchable hidePickedOptions={false} maxDropdownHeight={320} data={SCOPE_DATA}
              renderOption={({ option }) => (
                <Stack gap={0}>
                  <Text size="sm" ff="monospace">{option.value}</Text>
                  {HINTS.get(option.value) && <Text size="xs" c="dimmed">{HINTS.get(option.value)}</Text>}
                </Stack>
              )}
              {...form.getInputProps('scopes')} />
            <DateInput label="Expires" placeholder="Never" clearable minDate={new Date()} valueFormat="D MMM YYYY" w={220} {...form.getInputProps('expiresAt')} />
            <Group justify="flex-end" mt="md">
              <Button variant="default" onClick={close}>Cancel</Button>
              <Button type="submit" loading={create.isPending}>Create token</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
