// The 003 success metrics of a project, each against its playbook target: computed ones (on-time delivery, budget
// adherence, scope completion, quality, critical issues at go-live) and technical/business ones recorded by hand.
import { Badge, Button, Group, Modal, NumberInput, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { COMPUTED_METRICS } from '../../../core/delivery/metrics';
import { useUser } from '../../lib/auth';
import { handleFormError, notifySuccess } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { BlockSkeleton, ErrorAlert } from '../../ui/QueryState';
import { canDeliver, useMetrics, useRecordMetric } from './hooks';
import type { Metric, Project } from './hooks';

const CMP: Record<string, string> = { gt: '>', gte: '≥', lt: '<', lte: '≤', eq: '=' };
const unit = (m: Pick<Metric, 'unit'>) => (m.unit === 'percent' ? ' %' : m.unit === 'score' ? '' : m.unit === 'count' ? '' : ` ${m.unit}`);
const STATUS: Record<string, { label: string; color: string }> = {
  on_target: { label: 'On target', color: 'teal' }, off_target: { label: 'Off target', color: 'red' }, no_data: { label: 'No data', color: 'gray' }, no_target: { label: 'No target', color: 'gray' },
};

export function MetricsTab({ project }: { project: Project }) {
  const user = useUser();
  const q = useMetrics(project.id);
  const [recording, setRecording] = useState<Metric | null>(null);
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  if (q.isPending) return <BlockSkeleton rows={8} />;
  const editable = canDeliver(user.role);
  const recordable = (m: Metric) => m.recordable ?? !(COMPUTED_METRICS as readonly string[]).includes(m.key);
  return (
    <>
      <Table fz="sm" verticalSpacing={7} data-testid="metrics-table">
        <Table.Thead><Table.Tr><Table.Th>Metric</Table.Th><Table.Th>Value</Table.Th><Table.Th>Target</Table.Th><Table.Th>Status</Table.Th><Table.Th>Source</Table.Th><Table.Th /></Table.Tr></Table.Thead>
        <Table.Tbody>
          {q.data.map((m) => {
            const s = STATUS[m.status] ?? STATUS.no_data;
            return (
              <Table.Tr key={m.key} data-metric={m.key}>
                <Table.Td><Tooltip label={m.formula} multiline w={320}><Text size="sm" span style={{ textDecoration: 'underline dotted' }}>{m.label}</Text></Tooltip></Table.Td>
                <Table.Td fw={600}>{m.value === null ? '—' : `${Math.round(m.value * 100) / 100}${unit(m)}`}{m.recordedAt && <Text size="xs" c="dimmed">{formatDate(m.recordedAt)}</Text>}</Table.Td>
                <Table.Td>{m.target === null ? '—' : `${CMP[m.comparator ?? 'eq'] ?? ''} ${m.target}${unit(m)}`}</Table.Td>
                <Table.Td><Badge color={s.color} variant="light">{s.label}</Badge></Table.Td>
                <Table.Td><Text size="xs" c="dimmed">{m.source ?? '—'}</Text></Table.Td>
                <Table.Td>{editable && recordable(m) && <Button size="compact-xs" variant="light" onClick={() => setRecording(m)} data-testid={`record-${m.key}`}>Record</Button>}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {recording && <RecordModal project={project} metric={recording} onClose={() => setRecording(null)} />}
    </>
  );
}

function RecordModal({ project, metric, onClose }: { project: Project; metric: Metric; onClose: () => void }) {
  const record = useRecordMetric(project.id);
  const form = useForm({ initialValues: { value: (metric.value ?? '') as number | string, note: '' }, validate: { value: (v) => (v === '' ? 'Enter the measured value' : null) } });
  const submit = form.onSubmit((v) => record.mutate({ key: metric.key, value: Number(v.value), note: v.note.trim() || undefined }, {
    onSuccess: () => { notifySuccess(`${metric.label} recorded.`); onClose(); }, onError: handleFormError(form, ['value', 'note']),
  }));
  return (
    <Modal opened onClose={onClose} title={`Record ${metric.label}`}>
      <form onSubmit={submit}><Stack>
        <NumberInput label={`Value${unit(metric)}`} required data-autofocus decimalScale={3} {...form.getInputProps('value')} />
        <TextInput label="Note" {...form.getInputProps('note')} />
        <Group justify="flex-end"><Button variant="default" onClick={onClose}>Cancel</Button><Button type="submit" loading={record.isPending}>Record</Button></Group>
      </Stack></form>
    </Modal>
  );
}
