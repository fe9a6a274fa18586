// Executive dashboard (home of internal users; partners see the same view of their own accounts).
import { Anchor, Card, Grid, Group, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { LIFECYCLE_STAGES, STAGE_LABELS } from '../../../core/accounts/schemas';
import { useUser } from '../../lib/auth';
import { formatMoney, formatNumber, formatPercent } from '../../lib/format';
import { StageBadge } from '../../ui/Badges';
import { IconBuilding, IconCoin, IconRocket, IconStar } from '../../ui/Icons';
import { KpiCard } from '../../ui/KpiCard';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, PageLoader } from '../../ui/QueryState';
import { useSummary } from '../accounts/hooks';
import { SegmentDonut, StageBarChart } from './DashboardCharts';
import { portfolio } from './summary';

export function DashboardPage({ title = 'Executive dashboard', description }: { title?: string; description?: string }) {
  const user = useUser();
  const q = useSummary();
  const navigate = useNavigate();
  if (q.isPending) return <PageLoader label="Loading the portfolio…" />;
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  const p = portfolio(q.data);
  const strategicShare = p.arr > 0 ? p.strategicArr / p.arr : 0;

  return (
    <>
      <PageHeader title={title} description={description ?? `Good to see you, ${user.name.split(' ')[0]}. The portfolio as of now; click a stage to see its accounts.`} />
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} mb="lg">
        <KpiCard testId="kpi-customers" label="Customers" value={formatNumber(p.customers)} hint={`${formatNumber(p.accounts)} accounts in total`} icon={<IconBuilding />} />
        <KpiCard testId="kpi-arr" label="ARR" value={formatMoney(p.arr, 'USD', { compact: true })} hint={p.customers ? `${formatMoney(p.arr / p.customers, 'USD', { compact: true })} per customer` : undefined} icon={<IconCoin />} color="ink" />
        <KpiCard testId="kpi-strategic" label="Strategic share" value={formatPercent(strategicShare)} hint={`of ARR from ${formatNumber(p.strategicCustomers)} strategic customers`} icon={<IconStar />} color="grape" />
        <KpiCard testId="kpi-pipeline" label="Pre-sale" value={formatNumber(p.prospects)} hint={`${formatNumber(p.churned)} departed`} icon={<IconRocket />} color="orange" />
      </SimpleGrid>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card h="100%">
            <Title order={3} mb={4}>Accounts by lifecycle stage</Title>
            <Text size="sm" c="dimmed" mb="sm">From pre-sale to renewal, by segment</Text>
            <StageBarChart p={p} onStage={(s) => navigate(`/accounts?lifecycleStage=${s}`)} />
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card h="100%">
            <Title order={3} mb={4}>ARR by segment</Title>
            <Text size="sm" c="dimmed" mb="sm">Customers in implementation through renewal</Text>
            <SegmentDonut p={p} />
          </Card>
        </Grid.Col>
        <Grid.Col span={12}>
          <Card p={0}>
            <Group justify="space-between" p="md" pb={0}>
              <Title order={3}>Stage breakdown</Title>
              <Anchor component={Link} to="/accounts" size="sm">All accounts →</Anchor>
            </Group>
            <Table mt="sm" data-testid="stage-table">
              <Table.Thead>
                <Table.Tr><Table.Th>Stage</Table.Th><Table.Th ta="right">Standard</Table.Th><Table.Th ta="right">Strategic</Table.Th><Table.Th ta="right">Accounts</Table.Th><Table.Th ta="right">ARR</Table.Th><Table.Th ta="right">Share of ARR</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody style={{ fontVariantNumeric: 'tabular-nums' }}>
                {LIFECYCLE_STAGES.map((s) => {
                  const row = p.byStage[s];
                  const n = row.standard.accounts + row.strategic.accounts;
                  const arr = row.standard.arr + row.strategic.arr;
                  return (
                    <Table.Tr key={s}>
                      <Table.Td><Anchor component={Link} to={`/accounts?lifecycleStage=${s}`} aria-label={`${STAGE_LABELS[s]} accounts`}><StageBadge stage={s} style={{ cursor: 'pointer' }} /></Anchor></Table.Td>
                      <Table.Td ta="right">{formatNumber(row.standard.accounts)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(row.strategic.accounts)}</Table.Td>
                      <Table.Td ta="right" fw={600}>{formatNumber(n)}</Table.Td>
                      <Table.Td ta="right">{formatMoney(arr)}</Table.Td>
                      <Table.Td ta="right">{p.arr && s !== 'prospect' && s !== 'churned' ? formatPercent(arr / p.arr) : '—'}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Card>
        </Grid.Col>
      </Grid>
    </>
  );
}
