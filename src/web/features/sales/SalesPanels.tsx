// Two cards of the sales dashboard: lead response against the SLA and the stricter target (each clearly labelled, with
// unanswered overdue leads counted as breaches), and the stage-conversion rates with the n they rest on.
import { Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import type { ClockTally } from '../../../core/metrics';
import type { Schema } from '../../lib/api';
import { formatNumber } from '../../lib/format';
import type { SalesMetricsView } from './hooks';
import { Defined, definitionText, fmt } from './MetricParts';
import { ResponseChart } from './SalesCharts';

type MetricValue = Schema<'MetricValue'>;

function ClockRow({ label, m, t, testId }: { label: string; m: MetricValue | undefined; t: ClockTally; testId: string }) {
  if (!m) return null;
  return (
    <Stack gap={4} data-testid={testId}>
      <Group justify="space-between" wrap="nowrap">
        <Defined text={definitionText(m)}>{label}</Defined>
        <Text fw={700}>{m.value === null ? '—' : `${fmt(m)} met`}</Text>
      </Group>
      <Progress value={m.value ?? 0} color={m.value !== null && m.value < 90 ? 'orange' : 'teal'} size="sm" aria-label={`${label}: ${fmt(m)}`} />
      <Text size="xs" c="dimmed">
        {formatNumber(t.onTime)} on time · {formatNumber(t.late)} answered late · {formatNumber(t.overdue)} unanswered past due (breaches)
        · {formatNumber(t.pending)} not yet due
      </Text>
    </Stack>
  );
}

export function LeadResponsePanel({ m, byId }: { m: SalesMetricsView; byId: Record<string, MetricValue> }) {
  return (
    <Card p="md">
      <Title order={3} mb="sm">Lead response</Title>
      <Stack gap="md">
        <ClockRow label={m.sla.slaLabel} m={byId.first_response_sla} t={m.sla.attainment} testId="sla-attainment" />
        <ClockRow label={m.sla.targetLabel} m={byId.first_response_target} t={m.sla.targetAttainment} testId="sla-target-attainment" />
        <div>
          <Text size="sm" fw={600} mb={4}>Time to first response (calendar hours, answered leads)</Text>
          <ResponseChart m={m} />
        </div>
      </Stack>
    </Card>
  );
}

export function StageConversionPanel({ byId }: { byId: Record<string, MetricValue> }) {
  const rows = ['discovery_to_proposal', 'proposal_win_rate', 'poc_to_contract'].map((id) => byId[id]).filter(Boolean);
  return (
    <Card p="md">
      <Title order={3} mb="sm">Stage conversion</Title>
      <Stack gap="sm" data-testid="stage-conversion">
        {rows.map((r) => (
          <Group key={r.id} justify="space-between" wrap="nowrap" data-metric={r.id}>
            <Defined text={definitionText(r)}>{r.label}</Defined>
            <Group gap="xs" wrap="nowrap">
              <Text fw={700}>{fmt(r)}</Text>
              <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                n = {formatNumber(r.denominator ?? 0)}{r.excluded ? ` · ${formatNumber(r.excluded)} without a recorded path left out` : ''}
              </Text>
            </Group>
          </Group>
        ))}
      </Stack>
      <Text size="xs" c="dimmed" mt="sm">
        Only deals whose every stage move Valuegraph recorded count: an imported deal shows where it ended, not the stages it passed.
      </Text>
    </Card>
  );
}
