// Partners: internal users see every partner and jump to its accounts; partner users get their portal dashboard.
import { Anchor, Badge, Button, Card, Table } from '@mantine/core';
import { Link } from 'react-router';
import { useUser } from '../../lib/auth';
import { usePartners } from '../../lib/directory';
import { humanize } from '../../lib/format';
import { isInternal } from '../../lib/permissions';
import { IconHandshake } from '../../ui/Icons';
import { PageHeader } from '../../ui/PageHeader';
import { BlockSkeleton, Empty } from '../../ui/QueryState';
import { DashboardPage } from '../dashboard/DashboardPage';

export function PartnersPage() {
  const user = useUser();
  if (!isInternal(user.role)) {
    return <DashboardPage title="Partner dashboard" description="The accounts registered to your organisation: stages, segments and recurring revenue." />;
  }
  return <PartnerList />;
}

const TYPE_COLORS: Record<string, string> = { reseller: 'ink', implementation: 'brand', referral: 'orange' };

function PartnerList() {
  const { partners, isLoading } = usePartners();
  return (
    <>
      <PageHeader title="Partners" description="Resellers, implementation and referral partners. Partner users see only their partner's accounts." />
      <Card p={0}>
        {isLoading ? <BlockSkeleton rows={4} /> : partners.length === 0 ? <Empty title="No partners yet" icon={<IconHandshake size={28} />} /> : (
          <Table>
            <Table.Thead><Table.Tr><Table.Th>Partner</Table.Th><Table.Th>Type</Table.Th><Table.Th /></Table.Tr></Table.Thead>
            <Table.Tbody>
              {partners.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td><Anchor component={Link} to={`/accounts?partnerId=${p.id}`} fw={600}>{p.name}</Anchor></Table.Td>
                  <Table.Td><Badge color={TYPE_COLORS[p.type] ?? 'gray'}>{humanize(p.type)}</Badge></Table.Td>
                  <Table.Td ta="right"><Button component={Link} to={`/accounts?partnerId=${p.id}`} size="xs" variant="light">Accounts</Button></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
