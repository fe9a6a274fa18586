// The account's opportunities (Account 360): every deal with its stage, amount and close date, linking to the deal
// and, for roles that read the business case, to its value graph. A converted lead's new deal shows up here.
import { Anchor, Badge, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { mayFollow } from '../../../core/access/pages';
import { stageOf } from '../../../core/pipeline/gates';
import { client, ok } from '../../lib/api';
import { useUser } from '../../lib/auth';
import { formatDate, formatMoney, humanize } from '../../lib/format';
import { IconBriefcase } from '../../ui/Icons';
import { BlockSkeleton, Empty, ErrorAlert } from '../../ui/QueryState';
import { usePlaybook } from '../leads/hooks';

const KIND_COLOR = { open: 'blue', won: 'teal', lost: 'gray' } as const;

export function useAccountDeals(accountId: string, enabled = true) {
  return useQuery({
    queryKey: ['pipeline', 'account', accountId], enabled,
    queryFn: ({ signal }) => ok(client.GET('/accounts/{id}/opportunities', { params: { path: { id: accountId }, query: { limit: 100 } }, signal })),
  });
}

export function AccountDealsTab({ accountId }: { accountId: string }) {
  const user = useUser();
  const q = useAccountDeals(accountId);
  const playbook = usePlaybook();
  const stages = playbook.data?.pipeline.stages ?? [];
  const items = q.data?.items ?? [];
  if (q.isPending) return <Card><BlockSkeleton rows={4} /></Card>;
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  if (items.length === 0) return <Card><Empty title="No opportunities yet" icon={<IconBriefcase size={28} />}>Converting a qualified lead of this company, or creating a deal on the pipeline board, adds one here.</Empty></Card>;
  const seesValue = mayFollow(user.role, `/opportunities/${items[0].id}/value`);
  return (
    <Card p={0} data-testid="account-deals">
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing={6} fz="sm">
          <Table.Thead>
            <Table.Tr><Table.Th>Opportunity</Table.Th><Table.Th>Stage</Table.Th><Table.Th ta="right">Amount</Table.Th><Table.Th>Close date</Table.Th><Table.Th>Owner</Table.Th>{seesValue && <Table.Th />}</Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((d) => {
              const stage = stageOf(stages, d.stage);
              return (
                <Table.Tr key={d.id} data-testid={`deal-row-${d.id}`}>
                  <Table.Td><Anchor component={Link} to={`/opportunities/${d.id}`} fw={600} size="sm">{d.name}</Anchor></Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Badge color={KIND_COLOR[stage?.kind ?? 'open']}>{stage?.name ?? humanize(d.stage)}</Badge>
                      {d.stageOverdueAt && <Badge color="red" variant="outline">Overdue</Badge>}
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>{formatMoney(d.amount, d.currency)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(d.closedAt ?? d.closeDate)}</Table.Td>
                  <Table.Td><Text size="sm">{d.ownerName ?? '—'}</Text></Table.Td>
                  {seesValue && <Table.Td><Anchor component={Link} to={`/opportunities/${d.id}/value`} size="sm" style={{ whiteSpace: 'nowrap' }}>Value graph →</Anchor></Table.Td>}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {q.data?.nextCursor && <Stack p="sm"><Text size="xs" c="dimmed">Showing the first {items.length} opportunities.</Text></Stack>}
    </Card>
  );
}
