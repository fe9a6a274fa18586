// The delivery manager's projects: the open projects they manage, milestones submitted to the customer and waiting
// for acceptance, and milestones due in the next two weeks (the project overview API with managerId = me).
import { Anchor, Badge, SimpleGrid, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { client, ok, type Schema } from '../../lib/api';
import { useUser } from '../../lib/auth';
import { formatDate, formatMoney, formatNumber, humanize } from '../../lib/format';
import { IconAlert, IconCalendar, IconCheck, IconRocket } from '../../ui/Icons';
import { KpiCard } from '../../ui/KpiCard';
import { STATUS_COLORS, useProjects } from '../delivery/hooks';
import { NUM, Panel, WorkspaceFrame } from './parts';
import { PERSONAS } from './personas';

const DUE_DAYS = 14;

type DueMilestone = Schema<'DeliveryOverview'>['milestones'][number];

function useMyOverview(managerId: string) {
  return useQuery({
    queryKey: ['delivery', 'overview', { managerId, days: DUE_DAYS }],
    queryFn: ({ signal }) => ok(client.GET('/projects/overview', { params: { query: { days: DUE_DAYS, managerId } }, signal })),
  });
}

function MilestoneTable({ rows }: { rows: DueMilestone[] }) {
  return (
    <Table mt="xs">
      <Table.Thead><Table.Tr><Table.Th>Milestone</Table.Th><Table.Th>Status</Table.Th><Table.Th>Forecast</Table.Th><Table.Th ta="right">Payment</Table.Th></Table.Tr></Table.Thead>
      <Table.Tbody>
        {rows.map((m) => (
          <Table.Tr key={m.id}>
            <Table.Td>
              <Text size="sm" fw={600}>{m.name}</Text>
              <Anchor component={Link} to={`/projects/${m.projectId}?tab=milestones`} size="xs" c="dimmed">{m.projectName}</Anchor>
            </Table.Td>
            <Table.Td><Badge color={STATUS_COLORS[m.status] ?? 'gray'}>{m.status === 'submitted' ? 'Awaiting acceptance' : humanize(m.status)}</Badge></Table.Td>
            <Table.Td style={NUM}>{formatDate(m.forecastDate)}</Table.Td>
            <Table.Td ta="right" style={NUM}>{formatMoney(m.amount, m.currency)} <Text span size="xs" c="dimmed">({m.paymentPercent} %)</Text></Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function DeliveryWorkspace() {
  const user = useUser();
  const projects = useProjects({ managerId: user.id, status: 'open' }, 50);
  const overview = useMyOverview(user.id);
  const mine = projects.data?.pages.flatMap((p) => p.items) ?? [];
  const milestones = overview.data?.milestones ?? [];
  const awaiting = milestones.filter((m) => m.status === 'submitted');
  const due = milestones.filter((m) => m.status !== 'submitted');
  const openRisks = overview.data?.risks.length;

  const stats = (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} mb="lg">
      <KpiCard testId="delivery-projects" label="Your open projects" value={projects.data ? `${formatNumber(mine.length)}${projects.hasNextPage ? '+' : ''}` : '…'} hint="you are the manager" icon={<IconRocket />} />
      <KpiCard testId="delivery-awaiting" label="Awaiting acceptance" value={overview.data ? formatNumber(awaiting.length) : '…'} hint="submitted to the customer" icon={<IconCheck />} color="yellow" />
      <KpiCard testId="delivery-due" label={`Due in ${DUE_DAYS} days`} value={overview.data ? formatNumber(due.length) : '…'} hint="milestones not yet accepted" icon={<IconCalendar />} color="orange" />
      <KpiCard testId="delivery-risks" label="Open risks" value={openRisks === undefined ? '…' : formatNumber(openRisks)} hint="on your projects" icon={<IconAlert />} color="red" />
    </SimpleGrid>
  );

  const main = (
    <>
      <Panel title="Your projects" link={{ label: 'All projects', to: `/projects?managerId=${user.id}` }} testId="delivery-mine"
        query={projects} empty={mine.length ? null : 'You manage no open projects'}>
        <Table mt="xs">
          <Table.Thead><Table.Tr><Table.Th>Project</Table.Th><Table.Th>Status</Table.Th><Table.Th>Go-live forecast</Table.Th><Table.Th ta="right">Services fee</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {mine.map((p) => {
              const slip = Math.round((Date.parse(p.forecastEndDate) - Date.parse(p.baselineEndDate)) / 86400_000);
              return (
                <Table.Tr key={p.id}>
                  <Table.Td><Anchor component={Link} to={`/projects/${p.id}`} fw={600} size="sm">{p.name}</Anchor></Table.Td>
                  <Table.Td><Badge color={STATUS_COLORS[p.status] ?? 'gray'}>{humanize(p.status)}</Badge></Table.Td>
                  <Table.Td style={NUM}>
                    {formatDate(p.forecastEndDate)}
                    {slip > 0 && <Text span size="xs" c="red"> +{slip} d</Text>}
                  </Table.Td>
                  <Table.Td ta="right" style={NUM}>{formatMoney(p.servicesFee, p.currency)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Panel>
      <Panel title="Awaiting the customer's acceptance" testId="delivery-awaiting-list" query={overview}
        empty={awaiting.length ? null : 'No milestone is waiting for the customer'}>
        <MilestoneTable rows={awaiting} />
      </Panel>
      <Panel title={`Due in the next ${DUE_DAYS} days`} testId="delivery-due-list" query={overview}
        empty={due.length ? null : 'No milestone is due in the next two weeks'}>
        <MilestoneTable rows={due} />
      </Panel>
    </>
  );

  return <WorkspaceFrame persona={PERSONAS.delivery} stats={stats} main={main} />;
}
