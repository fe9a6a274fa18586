// Every agent run with what it was given, what it proposed, its narrative, and who accepted or rejected it.
import { Accordion, Badge, Button, Card, Code, Group, Modal, ScrollArea, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useUser } from '../../lib/auth';
import { notifyError, notifySuccess } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { BlockSkeleton, Empty, ErrorAlert } from '../../ui/QueryState';
import { canAcceptValue, useArtifacts, useDecideArtifact, type Artifact } from './hooks';

const AGENT = { architect: 'Value Architect', committer: 'Value Committer', executor: 'Value Executor', amplifier: 'Value Amplifier' } as const;
const STATUS_COLOR = { draft: 'gray', accepted: 'teal', rejected: 'red' } as const;

export function ArtifactsList({ opportunityId }: { opportunityId: string }) {
  const user = useUser();
  const q = useArtifacts(opportunityId);
  const decide = useDecideArtifact(opportunityId);
  const [rejecting, setRejecting] = useState<Artifact | null>(null);
  const [reason, setReason] = useState('');
  const mayDecide = canAcceptValue(user.role);
  return (
    <Card data-testid="artifacts">
      <Title order={3} mb="sm">Agent runs</Title>
      {q.isPending ? <BlockSkeleton rows={3} /> : q.isError ? <ErrorAlert error={q.error} onRetry={() => q.refetch()} />
        : q.data.items.length === 0 ? <Empty title="No agent has run yet">Generate the hypothesis to see the Value Architect's work here.</Empty>
          : (
            <Accordion variant="separated" chevronPosition="left">
              {q.data.items.map((a) => (
                <Accordion.Item key={a.id} value={a.id} data-artifact={a.id}>
                  <Accordion.Control>
                    <Group justify="space-between" wrap="nowrap">
                      <Group gap="xs"><Text fw={600} size="sm">{AGENT[a.agent]}</Text><Text size="xs" c="dimmed">{formatDate(a.createdAt)} · {new Date(a.createdAt).toLocaleTimeString()}</Text></Group>
                      <Badge color={STATUS_COLOR[a.status]} variant="light">{a.status}</Badge>
                    </Group>
                  </Accordion.Control>
                  <Accordion.Panel>
                    <Stack gap="xs">
                      <Text size="sm">{a.narrative}</Text>
                      {a.status === 'accepted' && a.acceptedAt && <Text size="xs" c="dimmed">Accepted {formatDate(a.acceptedAt)}</Text>}
                      {a.status === 'rejected' && <Text size="xs" c="red">Rejected{a.rejectionReason ? `: ${a.rejectionReason}` : ''}</Text>}
                      <SimpleGrid cols={{ base: 1, md: 2 }}>
                        <div><Text size="xs" fw={700} c="dimmed" mb={4}>INPUTS</Text><ScrollArea.Autosize mah={260}><Code block>{JSON.stringify(a.inputs, null, 2)}</Code></ScrollArea.Autosize></div>
                        <div><Text size="xs" fw={700} c="dimmed" mb={4}>OUTPUTS</Text><ScrollArea.Autosize mah={260}><Code block>{JSON.stringify(a.outputs, null, 2)}</Code></ScrollArea.Autosize></div>
                      </SimpleGrid>
                      {mayDecide && a.status === 'draft' && (
                        <Group gap="xs">
                          <Button size="xs" color="teal" loading={decide.isPending}
                            onClick={() => decide.mutate({ artifactId: a.id, accept: true }, { onSuccess: () => notifySuccess('Proposal accepted.'), onError: (e) => notifyError(e) })}>Accept</Button>
                          <Button size="xs" variant="default" color="red" onClick={() => { setReason(''); setRejecting(a); }}>Reject…</Button>
                        </Group>
                      )}
                    </Stack>
                  </Accordion.Panel>
                </Accordion.Item>
              ))}
            </Accordion>
          )}
      <Modal opened={!!rejecting} onClose={() => setRejecting(null)} title={<Text fw={650}>Reject this proposal</Text>}>
        <Textarea label="Reason" required value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} data-autofocus />
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setRejecting(null)}>Cancel</Button>
          <Button color="red" disabled={!reason.trim()} loading={decide.isPending}
            onClick={() => rejecting && decide.mutate({ artifactId: rejecting.id, accept: false, reason: reason.trim() }, { onSuccess: () => setRejecting(null), onError: (e) => notifyError(e) })}>Reject</Button>
        </Group>
      </Modal>
    </Card>
  );
}
