// The KPI trackers of a project or an account: each contracted KPI on its trajectory with progress and variance,
// its open alert (with the course-correction task), a measurement by hand and a CSV upload for many at once.
import { Alert, Anchor, Badge, Button, Card, FileButton, Group, List, Modal, NumberInput, Progress, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link } from 'react-router';
import { useUser } from '../../lib/auth';
import { handleFormError, notifyError, notifySuccess } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { isInternal } from '../../lib/permissions';
import { IconAlert, IconPlus } from '../../ui/Icons';
import { BlockSkeleton, Empty, ErrorAlert } from '../../ui/QueryState';
import { canMeasure, formatKpi, KPI_STATUS, signedPercent, useKpis, useRecordMeasurement, useUploadCsv, type CsvIngestResult, type KpiView } from './hooks';
import { KpiChart } from './KpiChart';

export function KpisPanel({ projectId, accountId, title = 'KPI trackers' }: { projectId?: string; accountId?: string; title?: string }) {
  const user = useUser();
  const q = useKpis({ projectId, accountId });
  const upload = useUploadCsv();
  const [result, setResult] = useState<CsvIngestResult | null>(null);
  const writer = canMeasure(user.role);
  const account = accountId ?? q.data?.[0]?.accountId;
  const onFile = (file: File | null) => {
    if (!file) return;
    upload.mutate({ file, accountId: account }, {
      onSuccess: (r) => { setResult(r); notifySuccess(`${r.inserted} measurements written, ${r.corrected} corrected.`, 'CSV uploaded'); },
      onError: (e) => notifyError(e, 'The CSV was refused'),
    });
  };
  return (
    <Stack data-testid="kpis-panel">
      <Group justify="space-between">
        <Stack gap={0}>
          <Title order={3}>{title}</Title>
          <Text size="sm" c="dimmed">Each contracted KPI runs from its baseline to its target; a drift of more than {q.data?.[0]?.thresholdPercent ?? '—'} % behind raises an alert.</Text>
        </Stack>
        {writer && (q.data?.length ?? 0) > 0 && (
          <FileButton onChange={onFile} accept=".csv,text/csv">
            {(props) => <Button variant="default" loading={upload.isPending} {...props} data-testid="kpi-csv-upload">Upload CSV</Button>}
          </FileButton>
        )}
      </Group>
      {result && <CsvResult r={result} onClose={() => setResult(null)} />}
      {q.error && <ErrorAlert error={q.error} onRetry={() => q.refetch()} />}
      {q.isPending ? <BlockSkeleton rows={6} /> : q.data && q.data.length === 0 ? (
        <Empty title="No KPIs tracked yet">The contracted KPIs appear here once the contract is signed with a value commitment.</Empty>
      ) : (
        <SimpleGrid cols={{ base: 1, xl: 2 }}>
          {q.data?.map((k) => <KpiTracker key={k.id} kpi={k} writer={writer} showTask={isInternal(user.role)} />)}
        </SimpleGrid>
      )}
    </Stack>
  );
}

function CsvResult({ r, onClose }: { r: CsvIngestResult; onClose: () => void }) {
  // The CSV upload lists bad rows in `errors` (line, column, reason) and counts them in `rejected`.
  const rejected = r.errors;
  return (
    <Alert color={rejected.length ? 'orange' : 'teal'} title="CSV upload" withCloseButton onClose={onClose} data-testid="kpi-csv-result">
      <Text size="sm">{r.received} rows: {r.inserted} new, {r.corrected} corrected, {r.unchanged} unchanged; {r.alertsRaised.length} alerts raised.</Text>
      {rejected.length > 0 && (
        <List size="sm" mt={4}>
          {rejected.slice(0, 10).map((x, i) => <List.Item key={i}>{x.line ? `Line ${x.line}` : 'Row'}{x.column ? ` (${x.column})` : ''}: {x.message}</List.Item>)}
          {r.rejected > 10 && <List.Item>… and {r.rejected - 10} more</List.Item>}
        </List>
      )}
    </Alert>
  );
}

export function KpiTracker({ kpi, writer, showTask }: { kpi: KpiView; writer: boolean; showTask: boolean }) {
  const [adding, setAdding] = useState(false);
  const st = KPI_STATUS[kpi.status];
  const progress = kpi.progressPercent ?? 0;
  const fmt = (v: number | null) => formatKpi(v, kpi.unit, kpi.currency);
  return (
    <Card withBorder data-testid={`kpi-${kpi.key}`} data-status={kpi.status}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb={4}>
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text fw={650} truncate>{kpi.name}</Text>
          <Text size="xs" c="dimmed">{fmt(kpi.baseline)} → {fmt(kpi.target)} by {formatDate(kpi.deadline)}{kpi.ownerName ? ` · owner ${kpi.ownerName}` : ''}</Text>
        </Stack>
        <Badge color={st.color} variant={kpi.status === 'alert' ? 'filled' : 'light'} data-testid="kpi-status">{st.label}</Badge>
      </Group>
      {kpi.openAlert && (
        <Alert color="red" variant="light" icon={<IconAlert />} p="xs" my={6} data-testid="kpi-alert">
          <Text size="sm">
            {signedPercent(kpi.openAlert.variancePercent)} against the trajectory on {formatDate(kpi.openAlert.measuredAt)}{showTask ? ` (${kpi.openAlert.status})` : ''}.
            {showTask && kpi.openAlert.taskId && kpi.projectId && <> <Anchor component={Link} to={`/projects/${kpi.projectId}?tab=tasks&task=${kpi.openAlert.taskId}`} size="sm">Course-correction task</Anchor></>}
          </Text>
        </Alert>
      )}
      <SimpleGrid cols={4} spacing="xs" my="xs">
        <Fact label="Expected now" value={fmt(kpi.expectedNow)} />
        <Fact label="Last measured" value={fmt(kpi.lastValue)} hint={kpi.lastMeasuredAt ? formatDate(kpi.lastMeasuredAt) : undefined} />
        <Fact label="Progress" value={kpi.progressPercent === null ? '—' : `${kpi.progressPercent} %`} testId="kpi-progress" />
        <Fact label="Variance" value={signedPercent(kpi.variancePercent)} testId="kpi-variance"
          color={kpi.status === 'alert' ? 'red.7' : kpi.variancePercent !== null && kpi.variancePercent < 0 ? 'orange.7' : undefined} />
      </SimpleGrid>
      <Progress value={Math.max(0, Math.min(100, progress))} color={st.color === 'gray' ? 'gray' : st.color} size="sm" mb="xs" aria-label={`${kpi.name} progress`} />
      <KpiChart kpi={kpi} />
      {writer && (
        <Group justify="flex-end" mt="xs">
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)} data-testid="add-measurement">Add measurement</Button>
        </Group>
      )}
      {adding && <MeasurementModal kpi={kpi} onClose={() => setAdding(false)} />}
    </Card>
  );
}

function Fact({ label, value, hint, color, testId }: { label: string; value: string; hint?: string; color?: string; testId?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="sm" fw={600} c={color} data-testid={testId}>{value}</Text>
      {hint && <Text size="xs" c="dimmed">{hint}</Text>}
    </Stack>
  );
}

function MeasurementModal({ kpi, onClose }: { kpi: KpiView; onClose: () => void }) {
  const record = useRecordMeasurement();
  const form = useForm({
    initialValues: { value: '' as number | string, measuredAt: new Date().toISOString().slice(0, 10) },
    validate: { value: (v) => (v === '' ? 'Enter the measured value' : null) },
  });
  const submit = form.onSubmit((v) => record.mutate({ kpiId: kpi.id, value: Number(v.value), measuredAt: v.measuredAt || undefined }, {
    onSuccess: (r) => { notifySuccess(r.alert ? 'Measurement recorded: it is beyond the threshold, an alert was raised.' : 'Measurement recorded.'); onClose(); },
    onError: handleFormError(form, ['value', 'measuredAt']),
  }));
  return (
    <Modal opened onClose={onClose} title={`Measurement of ${kpi.name}`}>
      <form onSubmit={submit}>
        <Stack>
          <NumberInput label={`Value (${kpi.unit})`} required data-autofocus decimalScale={4} {...form.getInputProps('value')} />
          <TextInput type="date" label="Measured on" max={new Date().toISOString().slice(0, 10)} {...form.getInputProps('measuredAt')} />
          <Text size="xs" c="dimmed">Expected on the trajectory today: {formatKpi(kpi.expectedNow, kpi.unit, kpi.currency)}.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={record.isPending} data-testid="save-measurement">Record</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
