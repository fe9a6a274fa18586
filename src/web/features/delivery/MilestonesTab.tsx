// Milestones: planned vs forecast date, the share of the services fee each bills, and customer acceptance. Delivery
// submits a milestone for acceptance; the customer accepts or rejects it (a rejection needs a comment). An internal
// user recording the customer's decision names the customer contact who decided.
import { Alert, Badge, Button, Card, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, Timeline, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { client, ok } from '../../lib/api';
import { useUser } from '../../lib/auth';
import { handleFormError, notifyError, notifySuccess } from '../../lib/errors';
import { formatDate, formatDateTime, formatMoney } from '../../lib/format';
import { BlockSkeleton, ErrorAlert } from '../../ui/QueryState';
import { canDeliver, STATUS_COLORS, useDecideMilestone, useMilestones, useSubmitMilestone } from './hooks';
import type { Milestone, Project } from './hooks';

const STATUS_LABEL: Record<string, string> = { pending: 'Pending', submitted: 'Awaiting acceptance', accepted: 'Accepted', rejected: 'Rejected' };

export function MilestonesTab({ project }: { project: Pick<Project, 'id' | 'accountId' | 'currency' | 'status'> }) {
  const user = useUser();
  const q = useMilestones(project.id);
  const submit = useSubmitMilestone(project.id);
  const [deciding, setDeciding] = useState<{ m: Milestone; accept: boolean } | null>(null);
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  if (q.isPending) return <BlockSkeleton rows={6} />;
  const delivery = canDeliver(user.role);
  const customer = user.role === 'customer';
  const live = !['closed', 'cancelled'].includes(project.status);
  return (
    <Stack data-testid="milestones">
      {q.data.map((m) => {
        const slip = Math.round((Date.parse(m.forecastDate) - Date.parse(m.plannedDate)) / 86_400_000);
        return (
          <Card key={m.id} withBorder data-testid={`milestone-${m.key}`} data-status={m.status}>
            <Group justify="space-between" align="flex-start" wrap="wrap">
              <Stack gap={2}>
                <Group gap="xs">
                  <Title order={4}>{m.name}</Title>
                  <Badge color={STATUS_COLORS[m.status]} variant={m.status === 'submitted' ? 'filled' : 'light'} data-testid="milestone-status">{STATUS_LABEL[m.status]}</Badge>
                </Group>
                <Text size="sm" c="dimmed">
                  Week {m.week} · planned {formatDate(m.plannedDate)} · forecast <Text span c={slip > 0 ? 'orange.8' : undefined} fw={slip > 0 ? 600 : undefined}>{formatDate(m.forecastDate)}{slip ? ` (${slip > 0 ? '+' : ''}${slip} d)` : ''}</Text>
                </Text>
              </Stack>
              <Group gap="xs">
                {m.paymentPercent > 0 && <Badge variant="outline" color="dark" size="lg">{m.paymentPercent} % · {formatMoney(m.amount, project.currency)}</Badge>}
                {delivery && live && m.requiresAcceptance && (m.status === 'pending' || m.status === 'rejected') && (
                  <Button size="xs" onClick={() => submit.mutate({ milestoneId: m.id }, { onSuccess: () => notifySuccess(`${m.name} sent to the customer for acceptance.`), onError: (e) => notifyError(e) })}
                    loading={submit.isPending && submit.variables?.milestoneId === m.id} data-testid="submit-milestone">Submit for acceptance</Button>
                )}
                {m.status === 'submitted' && (customer || delivery) && (
                  <>
                    <Button size="xs" color="teal" onClick={() => setDeciding({ m, accept: true })} data-testid="accept-milestone">Accept{customer ? '' : ' for the customer'}</Button>
                    <Button size="xs" color="red" variant="light" onClick={() => setDeciding({ m, accept: false })} data-testid="reject-milestone">Reject</Button>
                  </>
                )}
              </Group>
            </Group>
            {Array.isArray(m.deliverables) && m.deliverables.length > 0 && (
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={2} mt="xs">
                {(m.deliverables as (string | { label?: string })[]).map((d, i) => <Text key={i} size="sm">• {typeof d === 'string' ? d : d.label ?? ''}</Text>)}
              </SimpleGrid>
            )}
            {m.decisions && m.decisions.length > 0 && (
              <Timeline bulletSize={12} lineWidth={2} mt="sm" active={m.decisions.length - 1} data-testid="milestone-decisions">
                {m.decisions.map((d, i) => (
                  <Timeline.Item key={i} color={d.decision === 'accepted' ? 'teal' : d.decision === 'rejected' ? 'red' : 'yellow'}
                    title={<Text size="sm" fw={600}>{d.decision === 'submitted' ? 'Submitted' : d.decision === 'accepted' ? 'Accepted' : 'Rejected'} · {d.contactName ?? d.actorName ?? 'System'}</Text>}>
                    <Text size="xs" c="dimmed">{formatDateTime(d.at)}{d.contactName && d.actorName ? ` (recorded by ${d.actorName})` : ''}</Text>
                    {d.comment && <Text size="sm">{d.comment}</Text>}
                  </Timeline.Item>
                ))}
              </Timeline>
            )}
          </Card>
        );
      })}
      {deciding && <DecisionDialog projectId={project.id} accountId={project.accountId} milestone={deciding.m} accept={deciding.accept} onClose={() => setDeciding(null)} />}
    </Stack>
  );
}

export function DecisionDialog({ projectId, accountId, milestone, accept, onClose }: {
  projectId: string; accountId: string; milestone: Milestone; accept: boolean; onClose: () => void;
}) {
  const user = useUser();
  const onBehalf = user.role !== 'customer';
  const contacts = useQuery({
    queryKey: ['accounts', 'contacts', accountId], enabled: onBehalf,
    queryFn: async () => (await ok(client.GET('/accounts/{id}/contacts', { params: { path: { id: accountId } } }))).items,
  });
  const decide = useDecideMilestone(projectId);
  const form = useForm({
    initialValues: { comment: '', contactId: null as string | null },
    validate: {
      comment: (v) => (!accept && !v.trim() ? 'Say what is missing so the team can fix it' : null),
      contactId: (v) => (onBehalf && !v ? 'Who at the customer decided?' : null),
    },
  });
  const submit = form.onSubmit((v) => decide.mutate({ milestoneId: milestone.id, accept, comment: v.comment.trim() || undefined, contactId: v.contactId ?? undefined }, {
    onSuccess: () => {
      notifySuccess(accept
        ? `${milestone.name} accepted.${milestone.amount > 0 ? ` An invoice for ${milestone.paymentPercent} % of the services fee follows.` : ''}`
        : `${milestone.name} rejected; the delivery team is notified.`);
      onClose();
    },
    onError: handleFormError(form, ['comment', 'contactId']),
  }));
  return (
    <Modal opened onClose={onClose} title={`${accept ? 'Accept' : 'Reject'} “${milestone.name}”`} data-testid="decision-dialog">
      <form onSubmit={submit}>
        <Stack>
          {accept && milestone.paymentPercent > 0 && (
            <Alert color="blue" variant="light">Accepting confirms the deliverables and triggers the milestone invoice ({milestone.paymentPercent} % of the services fee).</Alert>
          )}
          {onBehalf && (
            <Select label="Decided by (customer contact)" required searchable data={(contacts.data ?? []).map((c) => ({ value: c.id, label: `${c.firstName} ${c.lastName}${c.title ? ` — ${c.title}` : ''}` }))}
              {...form.getInputProps('contactId')} data-testid="decision-contact" />
          )}
          <Textarea label={accept ? 'Comment (optional)' : 'What is missing?'} withAsterisk={!accept} autosize minRows={3} data-autofocus {...form.getInputProps('comment')} data-testid="decision-comment" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" color={accept ? 'teal' : 'red'} loading={decide.isPending} data-testid="confirm-decision">{accept ? 'Accept milestone' : 'Reject milestone'}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
