// Customer success: the accounts the CSM owns (largest first), those of them in the renewal window, and the KPI
// variance alerts that put a business case at risk. What exists today, nothing announced.
import { Anchor, Card, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useUser } from '../../lib/auth';
import { formatMoney, fromNow } from '../../lib/format';
import type { Account } from '../../lib/types';
import { SegmentBadge, StageBadge } from '../../ui/Badges';
import { IconBuilding, IconCoin, IconHistory } from '../../ui/Icons';
import { KpiCard } from '../../ui/KpiCard';
import { useAccounts } from '../accounts/hooks';
import { AlertsList } from '../realization/AlertsList';
import { countOf, NUM, Panel, WorkspaceFrame } from './parts';
import { PERSONAS } from './personas';

function AccountRows({ items }: { items: Account[] }) {
  return (
    <Table mt="xs">
      <Table.Tbody>
        {items.map((a) => (
          <Table.Tr key={a.id}>
            <Table.Td><Anchor component={Link} to={`/accounts/${a.id}`} fw={600} size="sm">{a.name}</Anchor></Table.Td>
            <Table.Td><SegmentBadge segment={a.segment} size="sm" /></Table.Td>
            <Table.Td><StageBadge stage={a.lifecycleStage} size="sm" /></Table.Td>
            <Table.Td ta="right" style={NUM}>{a.arr ? formatMoney(a.arr, a.currency) : '—'}</Table.Td>
            <Table.Td><Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>{fromNow(a.updatedAt)}</Text></Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function SuccessWorkspace() {
  const user = useUser();
  const mine = useAccounts({ limit: 100, ownerId: user.id, sort: '-arr' });
  const renewals = useAccounts({ limit: 10, ownerId: user.id, lifecycleStage: 'renewal', sort: '-arr' });
  const items = mine.data?.items ?? [];
  const arr = items.reduce((s, a) => s + (a.arr ?? 0), 0);
  const renewalArr = (renewals.data?.items ?? []).reduce((s, a) => s + (a.arr ?? 0), 0);

  const stats = (
    <SimpleGrid cols={{ base: 1, xs: 3 }} mb="lg">
      <KpiCard testId="success-accounts" label="Your accounts" value={countOf(mine.data)} icon={<IconBuilding />} />
      <KpiCard testId="success-arr" label="Their ARR" value={mine.data ? formatMoney(arr, 'USD', { compact: true }) : '…'} hint={mine.data?.nextCursor ? 'of the 100 largest' : undefined} icon={<IconCoin />} color="ink" />
      <KpiCard testId="success-renewals" label="In renewal" value={countOf(renewals.data)} hint={renewals.data ? `${formatMoney(renewalArr, 'USD', { compact: true })} ARR at stake` : undefined} icon={<IconHistory />} color="orange" />
    </SimpleGrid>
  );

  const main = (
    <>
      <Panel title="Up for renewal" link={{ label: 'Your renewals', to: `/accounts?ownerId=${user.id}&lifecycleStage=renewal&sort=-arr` }} testId="success-renewals-list"
        query={renewals} empty={renewals.data?.items.length ? null : 'None of your accounts is in the renewal window'}>
        <AccountRows items={renewals.data?.items ?? []} />
      </Panel>
      <Panel title="Your accounts by ARR" link={{ label: 'See all', to: `/accounts?ownerId=${user.id}&sort=-arr` }} testId="success-mine"
        query={mine} empty={items.length ? null : 'You own no accounts yet'}>
        <AccountRows items={items.slice(0, 10)} />
      </Panel>
      <Card data-testid="success-alerts">
        <Title order={3} mb="sm">KPIs off their trajectory</Title>
        <AlertsList limit={6} />
      </Card>
    </>
  );

  return <WorkspaceFrame persona={PERSONAS.success} stats={stats} main={main} />;
}
