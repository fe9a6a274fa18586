// The sales dashboard (000 §1, 004 Success Metrics): KPIs against their playbook targets, lead volume by channel,
// the funnel from lead to won, pipeline by stage and first-response time against the SLA.
import { Badge, Card, Group, Select, SimpleGrid, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useSearchParams } from 'react-router';
import type { MetricValue } from '../../../core/metrics';
import { useUser } from '../../lib/auth';
import { useDirectory, userOptions } from '../../lib/directory';
import { formatMoney } from '../../lib/format';
import { isInternal } from '../../lib/permissions';
import { KpiCard } from '../../ui/KpiCard';
import { PageHeader } from '../../ui/PageHeader';
import { BlockSkeleton, ErrorAlert } from '../../ui/QueryState';
import { useSalesMetrics } from './hooks';
import { FunnelView, LeadVolumeChart, PipelineChart, ResponseChart } from './SalesCharts';

const CMP: Record<string, string> = { gt: '>', gte: '≥', lt: '<', lte: '≤', eq: '=' };

function fmt(m: MetricValue, currency: string): string {
  if (m.value === null) return '—';
  switch (m.unit) {
    case 'percent': return `${m.value.toFixed(1)} %`;
    case 'currency': return formatMoney(m.value, currency);
    case 'hours': return `${m.value.toFixed(1)} h`;
    case 'days': return `${Number.isInteger(m.value) ? m.value : m.value.toFixed(1)} d`;
    default: return String(m.value);
  }
}

function targetText(m: MetricValue): string {
  if (!m.target) return 'No playbook target';
  const unit = m.unit === 'percent' ? ' %' : m.unit === 'hours' ? ' h' : m.unit === 'days' ? ' days' : '';
  return `Target ${CMP[m.target.comparator]} ${m.target.target}${unit}`;
}

function StatusBadge({ m }: { m: MetricValue }) {
  if (m.status === 'on_target') return <Badge color="teal" variant="light">On target</Badge>;
  if (m.status === 'off_target') return <Badge color="red" variant="light">Off target</Badge>;
  if (m.status === 'no_data') return <Badge color="gray" variant="light">No data</Badge>;
  return null;
}

export function SalesDashboardPage() {
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const directory = useDirectory();
  const p = { from: params.get('from') ?? undefined, to: params.get('to') ?? undefined, owner: params.get('owner') ?? undefined };
  const q = useSalesMetrics(p);
  const set = (k: string, v: string | null) => setParams((prev) => { const n = new URLSearchParams(prev); if (v) n.set(k, v); else n.delete(k); return n; }, { replace: true });
  const data = q.data;
  const byId = Object.fromEntries((data?.metrics ?? []).map((m) => [m.id, m]));
  const kpi = (id: string, label: string) => {
    const m = byId[id];
    if (!m) return null;
    return (
      <KpiCard label={label} value={fmt(m, data!.currency)} testId={`kpi-${id}`}
        hint={<Group gap={6} component="span"><Text span size="sm" c="dimmed">{targetText(m)}</Text><StatusBadge m={m} /></Group>} />
    );
  };

  return (
    <>
      <PageHeader title="Sales dashboard" description="Lead-to-close figures for the period, each against its playbook target." />
      <Group gap="sm" mb="md" align="flex-end" wrap="wrap" role="search" aria-label="Period and owner">
        <TextInput type="date" label="From" value={data?.period.from ?? p.from ?? ''} onChange={(e) => set('from', e.currentTarget.value)} />
        <TextInput type="date" label="To" value={data?.period.to ?? p.to ?? ''} onChange={(e) => set('to', e.currentTarget.value)} />
        {isInternal(user.role) && (
          <Select label="Owner" placeholder="Everyone" clearable searchable w={220} value={p.owner ?? null}
            data={userOptions(directory.users, ['sales', 'sdr', 'admin', 'executive'])} onChange={(v) => set('owner', v)} />
        )}
      </Group>
      {q.error && <ErrorAlert error={q.error} onRetry={() => q.refetch()} />}
      {!data ? <BlockSkeleton rows={8} /> : (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} mb="md">
            {kpi('win_rate', 'Win rate')}
            {kpi('average_deal_size', 'Average deal size')}
            {kpi('median_days_to_close', 'Median days to close')}
            {kpi('lead_to_opportunity', 'Lead → opportunity')}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, lg: 2 }} mb="md">
            <Card p="md"><Title order={3} mb="sm">Funnel</Title><FunnelView m={data} /></Card>
            <Card p="md"><Title order={3} mb="sm">Lead volume by channel</Title><LeadVolumeChart m={data} /></Card>
            <Card p="md"><Title order={3} mb="sm">Open pipeline by stage</Title><PipelineChart m={data} currency={data.currency} /></Card>
            <Card p="md">
              <Title order={3} mb={4}>Lead response time vs SLA</Title>
              <Text size="sm" c="dimmed" mb="sm">SLA {data.sla.firstResponseHours} h; target {data.sla.firstResponseTargetBusinessHours} business hour for inbound leads.</Text>
              <ResponseChart m={data} />
            </Card>
          </SimpleGrid>
          <Card p="md">
            <Title order={3} mb="sm">All metrics</Title>
            <Table fz="sm" verticalSpacing={6} data-testid="metrics-table">
              <Table.Thead><Table.Tr><Table.Th>Metric</Table.Th><Table.Th>Value</Table.Th><Table.Th>Basis</Table.Th><Table.Th>Target</Table.Th><Table.Th>Status</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {data.metrics.map((m) => (
                  <Table.Tr key={m.id} data-metric={m.id}>
                    <Table.Td><Tooltip label={m.formula} multiline w={320}><Text size="sm" span style={{ textDecoration: 'underline dotted' }}>{m.label}</Text></Tooltip></Table.Td>
                    <Table.Td fw={600}>{fmt(m, data.currency)}</Table.Td>
                    <Table.Td c="dimmed">{m.denominator !== undefined ? `${m.unit === 'currency' ? formatMoney(m.numerator ?? 0, data.currency) : m.numerator} / ${m.denominator}` : '—'}</Table.Td>
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
