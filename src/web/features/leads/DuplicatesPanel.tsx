// Leads with the same email or company domain, and accounts with the domain; merge a duplicate into this lead.
import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { client, ok, type Schema } from '../../lib/api';
import { notifyError, notifySuccess } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { leadName, useDuplicates, useLeadMutation, type Lead } from './hooks';

type DuplicateLead = Schema<'LeadDuplicates'>['items'][number];

export function DuplicatesPanel({ lead, canMerge }: { lead: Lead; canMerge: boolean }) {
  const q = useDuplicates(lead.id);
  const navigate = useNavigate();
  const [target, setTarget] = useState<DuplicateLead | null>(null);
  const merge = useLeadMutation(lead.id, (otherId: string) => ok(client.POST('/leads/{id}/merge', { params: { path: { id: otherId } }, body: { intoId: lead.id } })));
  const items = q.data?.items ?? [];
  const accounts = q.data?.accounts ?? [];
  if (!items.length && !accounts.length) return null;
  return (
    <Card p="md" data-testid="duplicates-panel" withBorder style={{ borderColor: 'var(--mantine-color-orange-4)' }}>
      <Title order={4} mb="xs">Possible duplicates</Title>
      <Stack gap="xs">
        {items.map((d) => (
          <Group key={d.id} justify="space-between" wrap="nowrap">
            <div>
              <Anchor component={Link} to={`/leads/${d.id}`} size="sm" fw={600}>{leadName(d)}</Anchor>
              <Text size="xs" c="dimmed">{d.companyName ?? d.email} · {d.status} · score {d.score} · {formatDate(d.createdAt)}</Text>
            </div>
            <Group gap={6} wrap="nowrap">
              <Badge size="sm" variant="light" color={d.match === 'email' ? 'red' : 'orange'}>same {d.match}</Badge>
              {canMerge && d.status !== 'converted' && <Button size="xs" variant="light" onClick={() => setTarget(d)}>Merge into this</Button>}
            </Group>
          </Group>
        ))}
        {accounts.map((a) => (
          <Text key={a.id} size="sm">Existing account with this domain: <Anchor component={Link} to={`/accounts/${a.id}`}>{a.name}</Anchor> — conversion will use it.</Text>
        ))}
      </Stack>
      <ConfirmModal opened={!!target} onClose={() => setTarget(null)} title="Merge duplicate" confirmLabel="Merge" color="blue" loading={merge.isPending}
        onConfirm={() => target && merge.mutate(target.id, {
          onSuccess: (r) => { notifySuccess(`Merged: took ${r.fields.length} field(s), moved ${r.activitiesMoved} activities.`); setTarget(null); navigate(`/leads/${lead.id}`); },
          onError: (e) => notifyError(e),
        })}>
        {target && `${leadName(target)} will be merged into this lead: empty fields are filled from it, lists are combined, engagement is added up and its activities move here. The duplicate is then removed.`}
      </ConfirmModal>
    </Card>
  );
}
