// Weekly status reports (003 Status Reporting): generate this week's from the project's rows, edit the narrative
// (overall status, summary, next steps), mark it sent, download the PDF. A sent report is read-only.
import { Alert, Badge, Button, Card, Grid, Group, NavLink, Progress, SegmentedControl, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { ApiError } from '../../lib/api';
import { useUser } from '../../lib/auth';
import { handleFormError, notifyError, notifySuccess } from '../../lib/errors';
import { formatDate, formatDateTime } from '../../lib/format';
import { BlockSkeleton, Empty, ErrorAlert } from '../../ui/QueryState';
import { canDeliver, reportPdfUrl, useGenerateReport, useReports, useSendReport, useUpdateReport } from './hooks';
import type { Project, StatusReport } from './hooks';

const OVERALL: Record<string, string> = { green: 'teal', amber: 'orange', red: 'red' };

export function ReportsTab({ project }: { project: Project }) {
  const user = useUser();
  const q = useReports(project.id);
  const generate = useGenerateReport(project.id);
  const [selected, setSelected] = useState<string | null>(null);
  const editable = canDeliver(user.role);
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  if (q.isPending) return <BlockSkeleton rows={6} />;
  const reports = [...q.data].sort((a, b) => b.weekOf.localeCompare(a.weekOf));
  const current = reports.find((r) => r.id === selected) ?? reports[0];
  const gen = () => generate.mutate({}, {
    onSuccess: (r) => { setSelected(r.id); notifySuccess(`Status report for the week of ${formatDate(r.weekOf)} generated.`); },
    onError: (e) => notifyError(e),
  });
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 3 }}>
        <Stack gap="xs">
          {editable && <Button onClick={gen} loading={generate.isPending} data-testid="generate-report">Generate this week's report</Button>}
          {reports.length === 0 && <Text size="sm" c="dimmed">No reports yet.</Text>}
          {reports.map((r) => (
            <NavLink key={r.id} active={r.id === current?.id} onClick={() => setSelected(r.id)} label={`Week of ${formatDate(r.weekOf)}`}
              description={r.status === 'sent' ? `Sent ${formatDate(r.sentAt)}` : 'Draft'}
              leftSection={<Badge size="xs" circle variant="filled" color={OVERALL[r.overall]}> </Badge>} data-testid={`report-${r.weekOf}`} />
          ))}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 9 }}>
        {current ? <ReportView key={`${current.id}:${current.version}`} projectId={project.id} report={current} editable={editable} /> : <Empty title="No status report yet">Generate the first weekly report from the plan, milestones, risks, budget and KPIs.</Empty>}
      </Grid.Col>
    </Grid>
  );
}

function ReportView({ projectId, report, editable }: { projectId: string; report: StatusReport; editable: boolean }) {
  const update = useUpdateReport(projectId);
  const send = useSendReport(projectId);
  const [conflict, setConflict] = useState(false);
  const draft = report.status === 'draft';
  const form = useForm({ initialValues: { overall: report.overall, summary: report.summary, nextSteps: report.nextSteps } });
  useEffect(() => setConflict(false), [report.version]);
  const submit = form.onSubmit((v) => update.mutate({ id: report.id, body: { version: report.version, ...v } }, {
    onSuccess: () => notifySuccess('Report saved.'),
    onError: (e) => { if (e instanceof ApiError && e.isVersionConflict) setConflict(true); handleFormError(form, ['overall', 'summary', 'nextSteps'])(e); },
  }));
  const c = report.content;
  return (
    <Stack data-testid="report-view">
      <Group justify="space-between">
        <Group gap="xs">
          <Title order={3}>Week of {formatDate(report.weekOf)}</Title>
          <Badge color={OVERALL[report.overall]} data-testid="report-overall">{report.overall}</Badge>
          <Badge variant="outline" color={draft ? 'gray' : 'teal'}>{draft ? 'Draft' : `Sent ${formatDateTime(report.sentAt)}`}</Badge>
        </Group>
        <Group gap="xs">
          <Button component="a" href={reportPdfUrl(projectId, report.id)} target="_blank" rel="noopener" variant="default" data-testid="report-pdf">Download PDF</Button>
          {editable && draft && <Button color="teal" loading={send.isPending} data-testid="send-report"
            onClick={() => send.mutate({ id: report.id }, { onSuccess: () => notifySuccess('Marked as sent.'), onError: (e) => notifyError(e) })}>Mark sent</Button>}
        </Group>
      </Group>
      {conflict && <Alert color="orange" title="Someone else edited this report">Reload the page to see their version before saving again.</Alert>}
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Fact label="Done (by hours)" value={c.progress ? `${c.progress.percentDone} %` : '—'} />
        <Fact label="Forecast end" value={c.timeline ? `${formatDate(c.timeline.forecastEndDate)}${c.timeline.slipDays ? ` (${c.timeline.slipDays > 0 ? '+' : ''}${c.timeline.slipDays} d)` : ''}` : '—'} />
        <Fact label="Budget used" value={c.budget?.percentUsed !== null && c.budget?.percentUsed !== undefined ? `${c.budget.percentUsed} % of ${c.budget.budgetHours} h` : '—'} />
        <Fact label="Open risks · issues" value={`${c.risks?.open ?? 0} · ${c.issues?.open ?? 0}${c.issues?.critical ? ` (${c.issues.critical} critical)` : ''}`} />
      </SimpleGrid>
      {c.progress && (
        <Card withBorder p="sm">
          <Text fw={600} size="sm" mb={6}>Progress by phase</Text>
          <Stack gap={6}>
            {c.progress.phases.map((p) => (
              <Group key={p.key} gap="sm" wrap="nowrap">
                <Text size="sm" w={200} truncate>{p.name}</Text>
                <Progress value={p.percentDone} style={{ flex: 1 }} size="lg" color={p.percentDone >= 100 ? 'teal' : 'blue'} />
                <Text size="xs" c="dimmed" w={140} ta="right" style={{ whiteSpace: "nowrap" }}>{p.percentDone} % · {p.tasksDone}/{p.tasks} tasks</Text>
              </Group>
            ))}
          </Stack>
        </Card>
      )}
      {c.milestones && c.milestones.length > 0 && (
        <Table fz="sm" withTableBorder>
          <Table.Thead><Table.Tr><Table.Th>Milestone</Table.Th><Table.Th>Planned</Table.Th><Table.Th>Forecast</Table.Th><Table.Th>Status</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>{c.milestones.map((m) => (
            <Table.Tr key={m.key}><Table.Td>{m.name}</Table.Td><Table.Td>{formatDate(m.plannedDate)}</Table.Td>
              <Table.Td c={m.slipDays > 0 ? 'orange.8' : undefined}>{formatDate(m.forecastDate)}{m.slipDays ? ` (${m.slipDays > 0 ? '+' : ''}${m.slipDays} d)` : ''}</Table.Td><Table.Td>{m.status}</Table.Td></Table.Tr>
          ))}</Table.Tbody>
        </Table>
      )}
      <form onSubmit={submit}>
        <Card withBorder>
          <Stack>
            <Group gap="sm">
              <Text size="sm" fw={600}>Overall status</Text>
              <SegmentedControl size="xs" disabled={!draft || !editable} {...form.getInputProps('overall')}
                data={[{ value: 'green', label: 'Green' }, { value: 'amber', label: 'Amber' }, { value: 'red', label: 'Red' }]} />
            </Group>
            <Textarea label="Summary" autosize minRows={3} readOnly={!draft || !editable} {...form.getInputProps('summary')} data-testid="report-summary" />
            <Textarea label="Next steps" autosize minRows={2} readOnly={!draft || !editable} {...form.getInputProps('nextSteps')} />
            {draft && editable && <Group justify="flex-end"><Button type="submit" loading={update.isPending} disabled={!form.isDirty()} data-testid="save-report">Save</Button></Group>}
          </Stack>
        </Card>
      </form>
    </Stack>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return <Card withBorder p="sm"><Text size="xs" c="dimmed" tt="uppercase" fw={700}>{label}</Text><Text fw={650}>{value}</Text></Card>;
}
