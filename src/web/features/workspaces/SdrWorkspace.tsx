// The SDR's day: their own leads with a running SLA clock, least time left first (the inbox API with ownerId = me),
// and their qualified leads waiting to be converted.
import { Anchor, Badge, SimpleGrid, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useUser } from '../../lib/auth';
import { formatNumber, fromNow, humanize } from '../../lib/format';
import { IconAlert, IconBell, IconUsers } from '../../ui/Icons';
import { KpiCard } from '../../ui/KpiCard';
import { leadName, useLeads, useNow } from '../leads/hooks';
import { PRIORITY_COLOR, STATUS_COLOR } from '../leads/LeadsPage';
import { SlaCountdown } from '../leads/SlaCountdown';
import { countOf, NUM, Panel, WorkspaceFrame } from './parts';
import { PERSONAS } from './personas';

const DAY = 86400_000;
const nameOf = leadName;

export function SdrWorkspace() {
  const user = useUser();
  const now = useNow(1000);
  const inbox = useLeads('inbox', { ownerId: user.id, limit: 200 });
  const qualified = useLeads('all', { ownerId: user.id, status: 'qualified', limit: 10 });
  const leads = inbox.data?.items ?? [];
  const breached = leads.filter((l) => l.slaDueAt && Date.parse(l.slaDueAt) < now).length;
  const dueToday = leads.filter((l) => l.slaDueAt && Date.parse(l.slaDueAt) >= now && Date.parse(l.slaDueAt) < now + DAY).length;

  const stats = (
    <SimpleGrid cols={{ base: 1, xs: 3 }} mb="lg">
      <KpiCard testId="sdr-open" label="Your leads on the clock" value={countOf(inbox.data)} hint="new, working or qualified" icon={<IconUsers />} />
      <KpiCard testId="sdr-breached" label="SLA breached" value={inbox.data ? formatNumber(breached) : '…'} hint="answer these first" icon={<IconAlert />} color="red" />
      <KpiCard testId="sdr-due" label="Due in 24 hours" value={inbox.data ? formatNumber(dueToday) : '…'} hint="before they breach" icon={<IconBell />} color="orange" />
    </SimpleGrid>
  );

  const main = (
    <Panel title="Your leads by SLA time left" link={{ label: 'Lead inbox', to: `/leads?ownerId=${user.id}` }} testId="sdr-inbox"
      query={inbox} empty={leads.length ? null : 'No leads with a running clock are assigned to you'}>
      <Table mt="xs">
        <Table.Thead><Table.Tr><Table.Th>Lead</Table.Th><Table.Th>Status</Table.Th><Table.Th>Score</Table.Th><Table.Th>SLA</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {leads.slice(0, 25).map((l) => (
            <Table.Tr key={l.id}>
              <Table.Td>
                <Anchor component={Link} to={`/leads/${l.id}`} fw={600} size="sm">{nameOf(l)}</Anchor>
                <Text size="xs" c="dimmed">{[l.title, l.companyName].filter(Boolean).join(' · ')}</Text>
              </Table.Td>
              <Table.Td><Badge color={STATUS_COLOR[l.status] ?? 'gray'}>{humanize(l.status)}</Badge></Table.Td>
              <Table.Td style={NUM}>
                {l.score} {l.priority && <Badge size="sm" variant="dot" color={PRIORITY_COLOR[l.priority]}>{l.priority}</Badge>}
              </Table.Td>
              <Table.Td><SlaCountdown dueAt={l.slaDueAt} now={now} label={l.firstRespondedAt ? 'Qualify by' : 'First response due'} /></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Panel>
  );

  const side = (
    <Panel title="Qualified, ready to convert" testId="sdr-qualified" query={qualified}
      empty={qualified.data?.items.length ? null : 'No qualified leads waiting'}>
      <Table mt="xs">
        <Table.Tbody>
          {(qualified.data?.items ?? []).map((l) => (
            <Table.Tr key={l.id}>
              <Table.Td><Anchor component={Link} to={`/leads/${l.id}`} fw={600} size="sm">{l.companyName ?? nameOf(l)}</Anchor></Table.Td>
              <Table.Td><Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>{fromNow(l.updatedAt)}</Text></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Panel>
  );

  return <WorkspaceFrame persona={PERSONAS.sdr} stats={stats} main={main} side={side} />;
}
