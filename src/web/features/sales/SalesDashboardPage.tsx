// The sales dashboard (000 §1, 004 Success Metrics): lead-to-close figures of one period, each with its catalogue
// definition on hover and its playbook target. Figures that share a name share a count (Won, n), so they agree.
import { Alert, Button, Card, Group, Select, SimpleGrid, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { metricDefinition, PERIOD_LABELS, PERIOD_PRESETS, type PeriodPreset } from '../../../core/metrics';
import type { Schema } from '../../lib/api';
import { useUser } from '../../lib/auth';
import { useDirectory, userOptions } from '../../lib/directory';
import { formatDate } from '../../lib/format';
import { isInternal } from '../../lib/permissions';
import { KpiCard } from '../../ui/KpiCard';
import { PageHeader } from '../../ui/PageHeader';
import { BlockSkeleton, ErrorAlert } from '../../ui/QueryState';
import { useSalesMetrics, type SalesMetricsView } from './hooks';
import { basisText, Defined, definitionText, fmt, StatusBadge, targetText } from './MetricParts';
import { FunnelView, LeadVolumeChart, PipelineChart } from './SalesCharts';
import { LeadResponsePanel, StageConversionPanel } from './SalesPanels';

const PERIOD_OPTIONS = [...PERIOD_PRESETS.map((p) => ({ value: p, label: PERIOD_LABELS[p] })), { value: 'custom', label: PERIOD_LABELS.custom }];

function PeriodBar({ data, onPreset, onDates }: {
  data: SalesMetricsView | undefined; onPreset: (p: string) => void; onDates: (k: 'from' | 'to', v: string) => void;
}) {
  const p = data?.period;
  return (
    <>
      <Select label="Period" w={170} allowDeselect={false} data={PERIOD_OPTIONS} value={p?.preset ?? null} onChange={(v) => v && onPreset(v)} />
      {p?.preset === 'custom' && (
        <>
          <TextInput type="date" label="From" value={p.from} onChange={(e) => onDates('from', e.currentTarget.value)} />
          <TextInput type="date" label="To" value={p.to} onChange={(e) => onDates('to', e.currentTarget.value)} />
        </>
      )}
    </>
  );
}

type MetricValue = Schema<'MetricValue'>;

function MetricKpi({ m }: { m: MetricValue | undefined }) {
  if (!m) return null;
  const won = m.id === 'win_rate' ? `Won ${m.numerator} of ${m.denominator} closed` : basisText(m);
  return (
    <Tooltip label={definitionText(m)} multiline w={360} withArrow>
      <div>
        <KpiCard label={m.label} value={fmt(m)} testId={`kpi-${m.id}`}
          hint={<>
            <Text span size="sm" c="dimmed" display="block">{won}</Text>
            <Group gap={6} component="span"><Text span size="sm" c="dimmed">{targetText(m)}</Text><StatusBadge m={m} /></Group>
          </>} />
      </div>
    </Tooltip>
  );
}

function Footnote({ children }: { children: string }) {
  return <Text size="xs" c="dimmed" mt="sm">{children}</Text>;
}

export function SalesDashboardPage() {
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const directory = useDirectory();
  const preset = PERIOD_PRESETS.find((x) => x === params.get('period'));
  const p = { period: preset, from: params.get('from') ?? undefined, to: params.get('to') ?? undefined, owner: params.get('owner') ?? undefined };
  const q = useSalesMetrics(p);
  const patch = (changes: Record<string, string | null>) => setParams((prev) => {
    const n = new URLSearchParams(prev);
    for (const [k, v] of Object.entries(changes)) { if (v) n.set(k, v); else n.delete(k); }
    return n;
  }, { replace: true });
  const data = q.data;
  const onPreset = (v: string) => (v === 'custom'
    ? patch({ period: null, from: data?.period.from ?? null, to: data?.period.to ?? null })
    : patch({ period: v as PeriodPreset, from: null, to: null }));
  const byId = Object.fromEntries((data?.metrics ?? []).map((m) => [m.id, m]));

  return (
    <>
      <PageHeader title="Sales dashboard" description="Lead-to-close figures for the period, each against its playbook target. Hover a figure for its definition." />
      <Group gap="sm" mb="md" align="flex-end" wrap="wrap" role="search" aria-label="Period and owner">
        <PeriodBar data={data} onPreset={onPreset} onDates={(k, v) => patch({ period: null, [k]: v })} />
        {isInternal(user.role) && (
          <Select label="Owner" placeholder="Everyone" clearable searchable w={220} value={p.owner ?? null}
            data={userOptions(directory.users, ['sales', 'sdr', 'admin', 'executive'])} onChange={(v) => patch({ owner: v })} />
        )}
      </Group>
      {data && (
        <Text size="sm" c="dimmed" mt={-8} mb="md" data-testid="period-shown">
          Showing {formatDate(data.period.from)} – {formatDate(data.period.to)} ({data.period.label.toLowerCase()}, {data.period.days} days)
        </Text>
      )}
      {q.error && <ErrorAlert error={q.error} onRetry={() => q.refetch()} />}
      {data?.period.emptyHint && (
        <Alert color="yellow" mb="md" data-testid="empty-period-hint">
          <Group justify="space-between" wrap="wrap">
            <Text size="sm">No deals closed in this period — latest close was {formatDate(data.period.emptyHint.latestClose)}.</Text>
            <Button size="xs" variant="light" onClick={() => onPreset('all')}>Show all time</Button>
          </Group>
        </Alert>
      )}
      {!data ? <BlockSkeleton rows={8} /> : (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} mb="md">
            <MetricKpi m={byId.win_rate} />
            <MetricKpi m={byId.average_deal_size} />
            <MetricKpi m={byId.median_days_to_close} />
            <MetricKpi m={byId.lead_to_opportunity} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, lg: 2 }} mb="md">
            <Card p="md">
              <Title order={3} mb="sm"><Defined size="lg" text={metricDefinition('funnel').definition}>Funnel</Defined></Title>
              <FunnelView m={data} />
              <Footnote>{`${metricDefinition('funnel').definition} Won is the win rate's won count.`}</Footnote>
            </Card>
            <Card p="md">
              <Title order={3} mb="sm">Leads created by channel</Title>
              <LeadVolumeChart m={data} />
              <Footnote>{metricDefinition('leads_created').definition}</Footnote>
            </Card>
            <Card p="md">
              <Title order={3} mb="sm">Open pipeline by stage (now)</Title>
              <PipelineChart m={data} currency={data.currency} />
              <Footnote>{`${metricDefinition('pipeline_amount').definition} ${metricDefinition('pipeline_weighted').definition}`}</Footnote>
            </Card>
            <LeadResponsePanel m={data} byId={byId} />
            <StageConversionPanel byId={byId} />
          </SimpleGrid>
          <Card p="md">
            <Title order={3} mb="sm">All metrics</Title>
            <Table fz="sm" verticalSpacing={6} data-testid="metrics-table">
              <Table.Thead><Table.Tr><Table.Th>Metric</Table.Th><Table.Th>Value</Table.Th><Table.Th>Basis (n)</Table.Th><Table.Th>Target</Table.Th><Table.Th>Status</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {data.metrics.map((m) => (
                  <Table.Tr key={m.id} data-metric={m.id}>
                    <Table.Td><Defined text={definitionText(m)}>{m.label}</Defined></Table.Td>
                    <Table.Td fw={600}>{fmt(m)}</Table.Td>
                    <Table.Td c="dimmed">{basisText(m)}</Table.Td>
                    <Table.Td>{m.target ? targetText(m) : '—'}</Table.Td>
                    <Table.Td><StatusBadge m={m} /></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
        </>
      )}
    </>
  );
}
