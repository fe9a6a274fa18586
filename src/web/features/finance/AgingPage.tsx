// Aging & DSO: accounts receivable now, the aging buckets of the open balance, DSO (standard method over the trailing
// window) against the playbook target, and its trend over 12 month ends.
import { Anchor, Card, Group, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { formatDate, formatMoney } from '../../lib/format';
import { IconAlert, IconCalendar, IconCoin } from '../../ui/Icons';
import { KpiCard } from '../../ui/KpiCard';
import { PageHeader } from '../../ui/PageHeader';
import { BlockSkeleton, ErrorAlert } from '../../ui/QueryState';
import { AgingChart, DsoTrendChart } from './FinanceCharts';
import { useFinanceSummary } from './hooks';

export function AgingPage() {
  const q = useFinanceSummary(0);
  const s = q.data;
  const dsoOff = s && s.dso.target !== null && s.dso.days !== null && s.dso.days > s.dso.target;
  return (
    <>
      <PageHeader title="Aging & DSO" description={s ? `Receivables as of ${formatDate(s.asOf)}.` : 'Receivables, their age and days sales outstanding.'} />
      {q.error && <ErrorAlert error={q.error} onRetry={() => q.refetch()} />}
      {!s ? (!q.error && <BlockSkeleton rows={8} />) : (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} mb="md">
            <KpiCard label="Accounts receivable" value={<span data-testid="ar-total">{formatMoney(s.arTotal, s.currency)}</span>} hint={`${s.openInvoices} open invoices`} icon={<IconCoin />} testId="kpi-ar" />
            <KpiCard label="Overdue" value={formatMoney(s.overdue, s.currency)} hint={s.arTotal > 0 ? `${Math.round((s.overdue / s.arTotal) * 100)} % of AR` : 'Nothing open'} icon={<IconAlert />} color={s.overdue > 0 ? 'orange' : 'teal'} testId="kpi-overdue" />
            <KpiCard label={`DSO (${s.dso.windowDays} days)`} value={<span data-testid="dso-days">{s.dso.days === null ? '—' : `${s.dso.days} d`}</span>}
              hint={s.dso.target !== null ? <Text span size="sm" c={dsoOff ? 'red.7' : 'teal.7'}>Target ≤ {s.dso.target} days{dsoOff ? ' · above target' : ''}</Text> : 'No playbook target'}
              icon={<IconCalendar />} color={dsoOff ? 'red' : 'brand'} testId="kpi-dso" />
            <KpiCard label="Escalated" value={formatMoney(s.escalated.amount, s.currency)} hint={<Anchor component={Link} to="/finance/dunning" size="sm">{s.escalated.count} invoices · dunning queue</Anchor>} icon={<IconAlert />} color={s.escalated.count ? 'red' : 'teal'} testId="kpi-escalated" />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, lg: 2 }} mb="md">
            <Card p="md">
              <Title order={3} mb="sm">Aging of open balances</Title>
              <AgingChart buckets={s.aging} currency={s.currency} />
            </Card>
            <Card p="md">
              <Title order={3} mb={4}>DSO trend, last 12 months</Title>
              <Text size="xs" c="dimmed" mb="sm">{s.dso.formula}</Text>
              <DsoTrendChart trend={s.dsoTrend} target={s.dso.target} />
            </Card>
          </SimpleGrid>
          <Card p="md">
            <Group justify="space-between" mb="sm"><Title order={3}>Buckets</Title><Anchor component={Link} to="/invoices?status=open" size="sm">All open invoices</Anchor></Group>
            <Table fz="sm" data-testid="aging-table">
              <Table.Thead><Table.Tr><Table.Th>Bucket</Table.Th><Table.Th ta="right">Invoices</Table.Th><Table.Th ta="right">Open balance</Table.Th><Table.Th ta="right">Share</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {s.aging.map((b) => (
                  <Table.Tr key={b.id} data-bucket={b.id}>
                    <Table.Td>{b.id === 'current' ? b.label : <Anchor component={Link} to="/invoices?status=open&overdue=true" size="sm">{b.label}</Anchor>}</Table.Td>
                    <Table.Td ta="right">{b.count}</Table.Td>
                    <Table.Td ta="right">{formatMoney(b.amount, s.currency)}</Table.Td>
                    <Table.Td ta="right">{s.arTotal > 0 ? `${Math.round((b.amount / s.arTotal) * 100)} %` : '—'}</Table.Td>
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
