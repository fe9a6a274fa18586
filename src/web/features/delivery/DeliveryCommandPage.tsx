// Delivery Command: the open portfolio (week n of N, % complete, slip, next milestone), the task board filtered by
// project or owner, milestones due or awaiting acceptance, KPI trackers with their variance and the open alerts,
// open risks on an impact × probability heat map, and the resource load per person per week.
import { Anchor, Badge, Card, Grid, Group, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { todayUtc } from '../../../core/delivery/dates';
import { client, ok } from '../../lib/api';
import { useUser } from '../../lib/auth';
import { useDirectory, userOptions } from '../../lib/directory';
import { formatDate, formatMoney } from '../../lib/format';
import { IconAlert, IconCalendar, IconRocket } from '../../ui/Icons';
import { KpiCard } from '../../ui/KpiCard';
import { PageHeader } from '../../ui/PageHeader';
import { BlockSkeleton, Empty, ErrorAlert } from '../../ui/QueryState';
import { AlertsList } from '../realization/AlertsList';
import { formatKpi, signedPercent, useAlerts, type KpiView } from '../realization/hooks';
import { canDeliver, useProjects, useResourceLoad, useTaskBoard } from './hooks';
import { PortfolioTable } from './PortfolioTable';
import { ResourceLoadChart } from './ResourceLoadChart';
import { RiskHeat, riskScore } from './RiskHeat';
import { slipOf } from './format';
import { TaskBoard } from './TaskBoard';
import { TaskEditModal } from './TaskEditModal';
import type { DeliveryOverview, Task } from './hooks';

const DUE_WINDOW_DAYS = 14;

export function DeliveryCommandPage() {
  const user = useUser();
  const projects = useProjects({ status: 'open' }, 100);
  const open = useMemo(() => (projects.data?.pages.flatMap((p) => p.items) ?? []), [projects.data]);
  // Three set-based reads for the whole portfolio: the project list carries progress and the next milestone, the
  // overview the due milestones and open risks across projects, and the KPI list every KPI of the open projects.
  const overview = useQuery({
    queryKey: ['delivery', 'overview', DUE_WINDOW_DAYS], staleTime: 30_000,
    queryFn: ({ signal }): Promise<DeliveryOverview> => ok(client.GET('/projects/overview', { params: { query: { days: DUE_WINDOW_DAYS } }, signal })),
  });
  const kpis = useQuery({
    queryKey: ['realization', 'kpis', { openProjects: true, light: true }], staleTime: 30_000,
    queryFn: async ({ signal }) => (await ok(client.GET('/kpis', { params: { query: { openProjects: 'true', measurements: 0 } }, signal }))).items,
  });
  const alerts = useAlerts({});
  const allRisks = overview.data?.risks ?? [];
  const allKpis = kpis.data ?? [];
  const today = todayUtc();
  const milestones = overview.data?.milestones ?? [];
  const slipping = open.filter((p) => slipOf(p) > 0).length;
  const awaiting = milestones.filter((m) => m.status === 'submitted').length;

  return (
    <>
      <PageHeader title="Delivery Command" description="Open implementation projects, the work on them, what the customers must accept, and how their KPIs track." />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} mb="md">
        <KpiCard label="Open projects" value={projects.isPending ? '…' : open.length} hint={`${open.filter((p) => p.status === 'active').length} active, ${open.filter((p) => p.status === 'hypercare').length} in hypercare`} icon={<IconRocket />} testId="kpi-open-projects" />
        <KpiCard label="Slipping" value={slipping} hint="forecast end after the baseline" icon={<IconCalendar />} color={slipping ? 'orange' : 'teal'} testId="kpi-slipping" />
        <KpiCard label="Awaiting acceptance" value={awaiting} hint="milestones with the customer" icon={<IconCalendar />} color={awaiting ? 'yellow' : 'teal'} testId="kpi-awaiting" />
        <KpiCard label="Open KPI alerts" value={alerts.data?.items.length ?? '…'} hint="KPIs behind beyond the threshold" icon={<IconAlert />} color={alerts.data?.items.length ? 'red' : 'teal'} testId="kpi-alerts" />
      </SimpleGrid>

      <Card p="md" mb="md">
        <Title order={3} mb="sm">Portfolio</Title>
        {projects.error ? <ErrorAlert error={projects.error} onRetry={() => projects.refetch()} /> : projects.isPending ? <BlockSkeleton rows={5} /> : open.length === 0
          ? <Empty title="No open projects">A project starts when a deal is closed won.</Empty>
          : <PortfolioTable items={open} />}
      </Card>

      <Grid gap="md" mb="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Card p="md" h="100%">
            <Title order={3} mb="sm">KPI trackers</Title>
            <KpiVarianceTable kpis={allKpis} loading={kpis.isPending} />
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Card p="md" h="100%">
            <Title order={3} mb="sm">Milestones due or awaiting acceptance</Title>
            {milestones.length === 0 ? <Empty title={overview.isPending ? 'Loading…' : `Nothing due in the next ${DUE_WINDOW_DAYS} days`} /> : (
              <Table fz="sm" verticalSpacing={5} data-testid="milestones-due">
                <Table.Tbody>
                  {milestones.slice(0, 10).map((m) => {
                    const late = m.forecastDate < today && m.status !== 'submitted';
                    return (
                      <Table.Tr key={m.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/projects/${m.projectId}?tab=milestones`} size="sm" fw={600}>{m.name}</Anchor>
                          <Text size="xs" c="dimmed" truncate maw={230}>{m.projectName}</Text>
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          <Badge color={m.status === 'submitted' ? 'yellow' : late ? 'red' : 'gray'} variant={m.status === 'submitted' ? 'filled' : 'light'}>
                            {m.status === 'submitted' ? 'Awaiting' : late ? 'Overdue' : 'Due'}
                          </Badge>
                          <Text size="xs" c={late ? 'red.7' : 'dimmed'}>{formatDate(m.forecastDate).replace(/ \d{4}$/, '')}</Text>
                        </Table.Td>
                        <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{m.amount > 0 ? formatMoney(m.amount, m.currency, { compact: true }) : ''}</Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            )}
            {milestones.length > 10 && <Text size="xs" c="dimmed" mt={4}>… and {milestones.length - 10} more</Text>}
          </Card>
        </Grid.Col>
      </Grid>

      <Card p="md" mb="md">
        <Title order={3} mb="sm">Open KPI alerts</Title>
        <AlertsList limit={6} />
      </Card>

      <Card p="md" mb="md">
        <BoardSection projects={open.map((p) => ({ value: p.id, label: p.name }))} movable={canDeliver(user.role)} />
      </Card>

      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Card p="md" h="100%">
            <Title order={3} mb="sm">Open risks</Title>
            <RiskHeat risks={allRisks} />
            <Stack gap={4} mt="md">
              {allRisks.filter((r) => r.status !== 'closed').sort((a, b) => riskScore(b) - riskScore(a)).slice(0, 6).map((r) => (
                <Text key={r.id} size="sm" truncate>
                  <Badge size="xs" color={riskScore(r) >= 6 ? 'red' : riskScore(r) >= 3 ? 'orange' : 'teal'} mr={6}>{riskScore(r)}</Badge>
                  <Anchor component={Link} to={`/projects/${r.projectId}?tab=governance`} size="sm">{r.title}</Anchor>
                  <Text span size="xs" c="dimmed"> · {r.projectName}</Text>
                </Text>
              ))}
            </Stack>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Card p="md" h="100%"><LoadSection /></Card>
        </Grid.Col>
      </Grid>
    </>
  );
}

function KpiVarianceTable({ kpis, loading }: { kpis: KpiView[]; loading: boolean }) {
  if (loading && kpis.length === 0) return <BlockSkeleton rows={4} />;
  if (kpis.length === 0) return <Empty title="No KPIs tracked on open projects" />;
  const rows = [...kpis].sort((a, b) => (a.variancePercent ?? 0) - (b.variancePercent ?? 0)).slice(0, 8);
  return (
    <Table fz="sm" verticalSpacing={5} data-testid="kpi-variance-table">
      <Table.Thead><Table.Tr><Table.Th>KPI</Table.Th><Table.Th>Last / expected</Table.Th><Table.Th ta="right">Progress</Table.Th><Table.Th ta="right">Variance</Table.Th></Table.Tr></Table.Thead>
      <Table.Tbody>
        {rows.map((k) => {
          const bad = k.status === 'alert';
          return (
            <Table.Tr key={k.id} data-testid={`kpi-row-${k.key}`} data-status={k.status}>
              <Table.Td>
                <Anchor component={Link} to={k.projectId ? `/projects/${k.projectId}?tab=kpis` : `/accounts/${k.accountId}`} size="sm">{k.name}</Anchor>
                <Text size="xs" c="dimmed" truncate maw={240}>{k.accountName}</Text>
              </Table.Td>
              <Table.Td><Text size="sm">{formatKpi(k.lastValue, k.unit, k.currency)}</Text><Text size="xs" c="dimmed">expected {formatKpi(k.expectedNow, k.unit, k.currency)}</Text></Table.Td>
              <Table.Td ta="right">{k.progressPercent === null ? '—' : `${k.progressPercent} %`}</Table.Td>
              <Table.Td ta="right"><Text size="sm" fw={bad ? 700 : 500} c={bad ? 'red.7' : (k.variancePercent ?? 0) < 0 ? 'orange.8' : 'teal.8'}>{signedPercent(k.variancePercent)}</Text></Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

function BoardSection({ projects, movable }: { projects: { value: string; label: string }[]; movable: boolean }) {
  const user = useUser();
  const { users } = useDirectory();
  const [f, setF] = useState<{ projectId?: string; ownerId?: string }>({});
  // People who own no tasks (executives, admins) start on the first open project instead of an empty board.
  const ownsTasks = user.role === 'delivery';
  const effective = !ownsTasks && !f.projectId && !f.ownerId && projects[0] ? { projectId: projects[0].value } : f;
  const board = useTaskBoard(effective);
  const [open, setOpen] = useState<Task | null>(null);
  return (
    <>
      <Group justify="space-between" align="flex-end" mb="sm" wrap="wrap">
        <Stack gap={0}>
          <Title order={3}>Tasks</Title>
          <Text size="sm" c="dimmed">{effective.projectId ? 'Every task of the project' : effective.ownerId ? 'Tasks of this person across open projects' : 'Your tasks across open projects'}.{movable ? ' Drag a card to change its status.' : ''}</Text>
        </Stack>
        <Group gap="sm">
          <Select label="Project" placeholder="All open projects" clearable searchable w={260} data={projects} value={effective.projectId ?? null} onChange={(v) => setF((x) => ({ ...x, projectId: v ?? undefined }))} data-testid="board-project" />
          {users.length > 0 && <Select label="Owner" placeholder={effective.projectId ? 'Anyone' : user.name} clearable searchable w={220} data={userOptions(users)} value={f.ownerId ?? null} onChange={(v) => setF((x) => ({ ...x, ownerId: v ?? undefined }))} data-testid="board-owner" />}
        </Group>
      </Group>
      {board.error ? <ErrorAlert error={board.error} onRetry={() => board.refetch()} /> : board.isPending ? <BlockSkeleton rows={5} /> : <TaskBoard board={board.data} movable={movable} onOpen={setOpen} showProject={!effective.projectId} />}
      {open && <TaskEditModal key={open.id} task={open} readOnly={!movable} onClose={() => setOpen(null)} />}
    </>
  );
}

function LoadSection() {
  const { users } = useDirectory();
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [weeks, setWeeks] = useState('8');
  const q = useResourceLoad({ weeks: Number(weeks), ownerId: ownerId ?? undefined });
  return (
    <>
      <Group justify="space-between" align="flex-end" mb="sm" wrap="wrap">
        <Title order={3}>Resource load</Title>
        <Group gap="sm">
          {users.length > 0 && <Select size="xs" label="Person" placeholder="Everyone" clearable searchable w={200} data={userOptions(users)} value={ownerId} onChange={setOwnerId} />}
          <Select size="xs" label="Weeks" w={90} allowDeselect={false} data={['4', '8', '12', '16']} value={weeks} onChange={(v) => v && setWeeks(v)} />
        </Group>
      </Group>
      {q.error ? <ErrorAlert error={q.error} onRetry={() => q.refetch()} /> : q.isPending ? <BlockSkeleton rows={6} /> : <ResourceLoadChart load={q.data} />}
    </>
  );
}
