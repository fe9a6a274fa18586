// Side panels of the lead page: score card (every point explained), model probability, assignment, SLA clocks.
import { Badge, Button, Card, Group, Progress, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { pointLabel } from '../../../core/leads/scoring';
import { formatDateTime, formatPercent } from '../../lib/format';
import { EChart } from '../../ui/EChart';
import { client, ok, type BodyOf } from '../../lib/api';
import { userOptions } from '../../lib/directory';
import type { DirectoryUser } from '../../lib/types';
import { notifyError, notifySuccess } from '../../lib/errors';
import { useLeadMutation, useModelStatus, useNow, type Lead } from './hooks';
import { PRIORITY_COLOR } from './LeadsPage';
import { SlaCountdown } from './SlaCountdown';

export function ScoreCard({ lead }: { lead: Lead }) {
  const points = lead.scoreExplanation;
  const option = {
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', axisLabel: { formatter: '{value}' } },
    yAxis: { type: 'category', inverse: true, data: points.map((p) => p.explanation), axisLabel: { width: 190, overflow: 'truncate' } },
    tooltip: { trigger: 'axis' },
    series: [{
      type: 'bar', data: points.map((p) => ({ value: p.points, itemStyle: { color: p.points < 0 ? '#e03131' : p.kind === 'fit' ? '#1c7ed6' : '#0ca678' } })),
      label: { show: true, position: 'right', formatter: (x: { value: number }) => `${x.value > 0 ? '+' : ''}${x.value}` },
    }],
  };
  return (
    <Card p="md" data-testid="score-card">
      <Group justify="space-between" mb="xs">
        <Title order={4}>Score</Title>
        <Group gap={6}><Text fw={700} size="xl">{lead.score}</Text>{lead.priority && <Badge color={PRIORITY_COLOR[lead.priority]}>{lead.priority}</Badge>}</Group>
      </Group>
      <Text size="xs" c="dimmed" mb={4}>Fit {lead.fitScore}/100</Text>
      <Progress value={lead.fitScore} color="blue" mb="xs" aria-label={`Fit ${lead.fitScore} of 100`} />
      <Text size="xs" c="dimmed" mb={4}>Engagement {lead.engagementScore}/100</Text>
      <Progress value={lead.engagementScore} color="teal" mb="sm" aria-label={`Engagement ${lead.engagementScore} of 100`} />
      {points.length > 0 && <EChart option={option} height={Math.max(120, points.length * 26 + 20)} label="Points of the lead score by rule" testId="score-chart" />}
      <Stack gap={2} mt="xs" data-testid="score-points">
        {points.map((p) => (
          <Text key={p.rule} size="sm" c={p.points < 0 ? 'red' : undefined}>{pointLabel(p)} <Text span size="xs" c="dimmed">({p.kind})</Text></Text>
        ))}
        {points.length === 0 && <Text size="sm" c="dimmed">No scoring rule matches yet: add enrichment and BANT answers.</Text>}
      </Stack>
    </Card>
  );
}

export function ModelCard({ lead }: { lead: Lead }) {
  const model = useModelStatus();
  return (
    <Card p="md" data-testid="model-card">
      <Title order={4} mb="xs">Conversion likelihood</Title>
      {lead.conversionProbability !== null && model.data?.status === 'active' ? (
        <>
          <Text fw={700} size="xl">{formatPercent(lead.conversionProbability)}</Text>
          <Text size="xs" c="dimmed">From this company's own closed leads. Validation AUC {model.data.auc?.toFixed(2)}, {model.data.sampleSize} examples.</Text>
        </>
      ) : <Text size="sm" c="dimmed">{model.data?.message ?? 'Loading…'}</Text>}
    </Card>
  );
}

export function AssignmentCard({ lead, ownerName, users, canAssign }: { lead: Lead; ownerName: string | null; users: DirectoryUser[]; canAssign: boolean }) {
  const a = lead.assignmentExplanation;
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const assign = useLeadMutation(lead.id, (body: Omit<BodyOf<'/leads/{id}/assign', 'post'>, 'version'>) => ok(client.POST('/leads/{id}/assign', { params: { path: { id: lead.id } }, body: { version: lead.version, ...body } })));
  const run = (body: Omit<BodyOf<'/leads/{id}/assign', 'post'>, 'version'>) => assign.mutate(body, {
    onSuccess: () => { notifySuccess('Owner updated; the reason is on the timeline and in the audit log.'); setOwnerId(null); setReason(''); },
    onError: (e) => notifyError(e),
  });
  return (
    <Card p="md" data-testid="assignment-card">
      <Title order={4} mb="xs">Owner</Title>
      <Text fw={600}>{ownerName ?? 'Unassigned'}</Text>
      {a && <Text size="sm" c="dimmed" mt={4}>{a.text}</Text>}
      {a?.ranking && a.ranking.length > 1 && (
        <Table mt="xs" fz="xs" withRowBorders={false}>
          <Table.Tbody>
            {a.ranking.map((r) => <Table.Tr key={r.name}><Table.Td>{r.name}</Table.Td><Table.Td ta="right">{r.points}</Table.Td></Table.Tr>)}
          </Table.Tbody>
        </Table>
      )}
      {canAssign && lead.status !== 'converted' && (
        <Stack gap={6} mt="sm">
          <Select size="xs" label="Reassign to" placeholder="Pick someone" searchable clearable data={userOptions(users, ['sales', 'sdr', 'admin'])} value={ownerId} onChange={setOwnerId} />
          <TextInput size="xs" label="Reason" value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          <Group gap="xs">
            <Button size="xs" disabled={!ownerId || !reason.trim()} loading={assign.isPending} onClick={() => run({ ownerId, reason: reason.trim() })}>Reassign</Button>
            <Button size="xs" variant="default" loading={assign.isPending} onClick={() => run({})}>Run the assignment rules</Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}

export function SlaCard({ lead }: { lead: Lead }) {
  const now = useNow();
  const row = (label: string, due: string | null, done: string | null, startedAt: string) => (
    <Group justify="space-between" wrap="nowrap">
      <div><Text size="sm">{label}</Text><Text size="xs" c="dimmed">{done ? `Done ${formatDateTime(done)}` : `Due ${formatDateTime(due)}`}</Text></div>
      {done ? <Badge color="teal" variant="light">Met{due && new Date(done) > new Date(due) ? ' (late)' : ''}</Badge>
        : ['qualified', 'disqualified', 'converted'].includes(lead.status) ? <Badge color="gray" variant="light">Stopped</Badge>
          : <SlaCountdown dueAt={due} startedAt={startedAt} now={now} label={label} />}
    </Group>
  );
  return (
    <Card p="md" data-testid="sla-card">
      <Title order={4} mb="xs">SLA clocks</Title>
      <Stack gap="xs">
        {row('First response', lead.firstResponseDueAt, lead.firstRespondedAt, lead.createdAt)}
        <Text size="xs" c="dimmed">Target: {formatDateTime(lead.firstResponseTargetAt)} (1 business hour)</Text>
        {row('Qualification', lead.qualificationDueAt, lead.qualifiedAt, lead.createdAt)}
        {lead.escalationLevel > 0 && <Badge color="red" variant="light">Escalated, level {lead.escalationLevel}</Badge>}
      </Stack>
    </Card>
  );
}
