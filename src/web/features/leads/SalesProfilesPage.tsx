// The sales team as assignment sees it (004 §1.4): each seller's territories, verticals, account size tier, capacity
// and out-of-office, with their open leads against capacity. Admins edit; sellers and executives read.
import { Badge, Button, Card, Group, Modal, NumberInput, Progress, Select, Stack, Table, TagsInput, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { client, ok, type Schema } from '../../lib/api';
import { useUser } from '../../lib/auth';
import { handleFormError, notifySuccess } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, PageLoader } from '../../ui/QueryState';
import { usePlaybook } from './hooks';

type Row = Schema<'SalesProfileEntry'>;

// Suggestions only: any industry spelled as on the accounts can be typed.
const INDUSTRIES = ['Financial Services', 'Healthcare', 'Manufacturing', 'Retail', 'Technology', 'Telecommunications', 'Public Sector', 'Energy', 'Insurance', 'Logistics', 'Media', 'Transportation'];

export function SalesProfilesPage() {
  const user = useUser();
  const admin = user.role === 'admin';
  const q = useQuery({ queryKey: ['sales-profiles'], queryFn: ({ signal }) => ok(client.GET('/sales-profiles', { signal })) });
  const playbook = usePlaybook();
  const [editing, setEditing] = useState<Row | null>(null);
  if (q.isPending) return <PageLoader />;
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  const tierLabel = (id: string | null) => playbook.data?.leads.assignment.accountSizeTiers.find((t) => t.id === id)?.label ?? id ?? '—';
  const now = Date.now();
  return (
    <>
      <PageHeader title="Sales team" crumbs={[{ label: 'Lead inbox', to: '/leads' }, { label: 'Sales team' }]}
        description="What lead assignment weighs: territory, vertical expertise, account size and workload. Out-of-office sellers are skipped and nobody gets leads beyond capacity." />
      <Card p={0}>
        <Table verticalSpacing="sm" data-testid="sales-profiles">
          <Table.Thead><Table.Tr>
            <Table.Th>Seller</Table.Th><Table.Th>Territories</Table.Th><Table.Th>Verticals</Table.Th><Table.Th>Size tier</Table.Th><Table.Th w={200}>Open leads / capacity</Table.Th><Table.Th />
          </Table.Tr></Table.Thead>
          <Table.Tbody>
            {q.data.items.map((r) => {
              const cap = r.profile?.capacity ?? 0;
              const away = r.profile?.outOfOfficeUntil && new Date(r.profile.outOfOfficeUntil).getTime() > now;
              return (
                <Table.Tr key={r.userId}>
                  <Table.Td>
                    <Text size="sm" fw={500}>{r.name}</Text>
                    <Group gap={4}><Badge size="xs" variant="light">{r.role.toUpperCase()}</Badge>{away && <Badge size="xs" color="orange">Away until {formatDate(r.profile!.outOfOfficeUntil!)}</Badge>}</Group>
                  </Table.Td>
                  <Table.Td><Text size="sm">{r.profile?.territories.join(', ') || '—'}</Text></Table.Td>
                  <Table.Td><Text size="sm">{r.profile?.verticals.join(', ') || '—'}</Text></Table.Td>
                  <Table.Td><Text size="sm">{tierLabel(r.profile?.sizeTier ?? null)}</Text></Table.Td>
                  <Table.Td>
                    <Text size="xs" mb={2}>{r.openLeads} / {r.profile ? cap : 'no profile'}</Text>
                    {r.profile && <Progress value={cap ? Math.min(100, (100 * r.openLeads) / cap) : 100} color={r.openLeads >= cap ? 'red' : 'blue'} aria-label={`${r.name} workload`} />}
                  </Table.Td>
                  <Table.Td>{admin && <Button size="xs" variant="default" onClick={() => setEditing(r)}>Edit</Button>}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Card>
      {editing && <ProfileModal row={editing} tiers={(playbook.data?.leads.assignment.accountSizeTiers ?? []).map((t) => ({ value: t.id, label: t.label }))} onClose={() => setEditing(null)} />}
    </>
  );
}

function ProfileModal({ row, tiers, onClose }: { row: Row; tiers: { value: string; label: string }[]; onClose: () => void }) {
  const qc = useQueryClient();
  const p = row.profile;
  const form = useForm({
    initialValues: {
      territories: p?.territories ?? [], verticals: p?.verticals ?? [], sizeTier: p?.sizeTier ?? null,
      capacity: p?.capacity ?? 40 as number | string, outOfOfficeUntil: p?.outOfOfficeUntil?.slice(0, 10) ?? '',
    },
  });
  const save = useMutation({
    mutationFn: (v: typeof form.values) => ok(client.PUT('/sales-profiles/{userId}', {
      params: { path: { userId: row.userId } },
      body: {
        territories: v.territories, verticals: v.verticals, sizeTier: v.sizeTier || null, capacity: Number(v.capacity || 0),
        outOfOfficeUntil: v.outOfOfficeUntil ? new Date(`${v.outOfOfficeUntil}T23:59:59Z`).toISOString() : null,
      },
    })),
    onSuccess: () => { qc.invalidateQueries({ queryKey: ['sales-profiles'] }); notifySuccess(`${row.name}'s profile saved.`); onClose(); },
    onError: handleFormError(form, ['territories', 'verticals', 'sizeTier', 'capacity', 'outOfOfficeUntil']),
  });
  return (
    <Modal opened onClose={onClose} title={`Assignment profile: ${row.name}`}>
      <form onSubmit={form.onSubmit((v) => save.mutate(v))}>
        <Stack>
          <TagsInput label="Territories" description="Regions or countries, as on accounts (e.g. EMEA, North America)" {...form.getInputProps('territories')} />
          <TagsInput label="Vertical expertise" data={INDUSTRIES} {...form.getInputProps('verticals')} />
          <Select label="Account size tier" data={tiers} clearable {...form.getInputProps('sizeTier')} />
          <NumberInput label="Capacity (open leads)" min={0} max={10000} {...form.getInputProps('capacity')} />
          <TextInput type="date" label="Out of office until" description="Assignment skips the seller until the end of this day" {...form.getInputProps('outOfOfficeUntil')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={save.isPending}>Save</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
