// The account executive's deals: their own open opportunities by close date, with the stalled ones first (in the
// stage longer than the playbook expects, or past their close date) and what they add up to.
import { Anchor, Badge, Group, SimpleGrid, Table, Text, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { stageOf } from '../../../core/pipeline/gates';
import { stallOf, type Stall } from '../../../core/pipeline/stalled';
import { client, ok } from '../../lib/api';
import { useUser } from '../../lib/auth';
import { formatDate, formatMoney, formatNumber } from '../../lib/format';
import { IconAlert, IconBriefcase, IconCoin } from '../../ui/Icons';
import { KpiCard } from '../../ui/KpiCard';
import { usePlaybook } from '../leads/hooks';
import { countOf, NUM, Panel, WorkspaceFrame } from './parts';
import { PERSONAS } from './personas';

const REASON_LABEL: Record<Stall['reasons'][number], string> = { stage_overdue: 'Over stage time', close_date_passed: 'Close date passed' };

function useMyOpenDeals(ownerId: string) {
  return useQuery({
    queryKey: ['pipeline', 'opportunities', { ownerId, status: 'open' }],
    queryFn: ({ signal }) => ok(client.GET('/opportunities', { params: { query: { ownerId, status: 'open', limit: 200 } }, signal })),
  });
}

export function AeWorkspace() {
  const user = useUser();
  const deals = useMyOpenDeals(user.id);
  const playbook = usePlaybook();
  const rows = useMemo(() => {
    const now = new Date();
    const stages = playbook.data?.pipeline.stages ?? [];
    return (deals.data?.items ?? []).map((d) => {
      const stage = stageOf(stages, d.stage);
      return { deal: d, stageName: stage?.name ?? d.stage, stall: stallOf(stage, d, now) };
    });
  }, [deals.data, playbook.data]);
  const stalled = rows.filter((r) => r.stall.reasons.length > 0);
  const currency = rows[0]?.deal.currency ?? 'USD';
  const amount = rows.reduce((s, r) => s + (r.deal.amount ?? 0), 0);
  const weighted = rows.reduce((s, r) => s + ((r.deal.amount ?? 0) * r.deal.probability) / 100, 0);

  const stats = (
    <SimpleGrid cols={{ base: 1, xs: 3 }} mb="lg">
      <KpiCard testId="ae-open" label="Your open deals" value={countOf(deals.data)} hint={deals.data ? `${formatMoney(amount, currency, { compact: true })} in pipeline` : undefined} icon={<IconBriefcase />} />
      <KpiCard testId="ae-weighted" label="Weighted pipeline" value={deals.data ? formatMoney(weighted, currency, { compact: true }) : '…'} hint="amount × stage probability" icon={<IconCoin />} color="ink" />
      <KpiCard testId="ae-stalled" label="Stalled" value={deals.data ? formatNumber(stalled.length) : '…'} hint="over stage time or past close date" icon={<IconAlert />} color="red" />
    </SimpleGrid>
  );

  const table = (list: typeof rows, withStall: boolean) => (
    <Table mt="xs">
      <Table.Thead>
        <Table.Tr><Table.Th>Deal</Table.Th><Table.Th>Stage</Table.Th><Table.Th ta="right">Amount</Table.Th><Table.Th>{withStall ? 'Why' : 'Close date'}</Table.Th></Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {list.map(({ deal: d, stageName, stall }) => (
          <Table.Tr key={d.id}>
            <Table.Td>
              <Anchor component={Link} to={`/opportunities/${d.id}`} fw={600} size="sm">{d.name}</Anchor>
              <Text size="xs"><Anchor component={Link} to={`/accounts/${d.accountId}`} c="dimmed" size="xs">{d.accountName}</Anchor></Text>
            </Table.Td>
            <Table.Td>
              <Badge variant="light">{stageName}</Badge>
              <Text size="xs" c="dimmed" style={NUM}>{stall.daysInStage} d{stall.expectedDays !== null ? ` of ${stall.expectedDays}` : ''}</Text>
            </Table.Td>
            <Table.Td ta="right" style={NUM}>{d.amount !== null ? formatMoney(d.amount, d.currency) : '—'}</Table.Td>
            <Table.Td>
              {withStall
                ? <Group gap={4} wrap="nowrap">{stall.reasons.map((r) => (
                  <Tooltip key={r} label={r === 'close_date_passed' ? `Expected to close ${formatDate(d.closeDate)}` : `${stall.daysInStage} days in ${stageName}; the playbook expects at most ${stall.expectedDays}`}>
                    <Badge color={r === 'stage_overdue' ? 'red' : 'orange'}>{REASON_LABEL[r]}</Badge>
                  </Tooltip>))}</Group>
                : <Text size="sm" style={NUM}>{formatDate(d.closeDate)}</Text>}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );

  const main = (
    <>
      {stalled.length > 0 && (
        <Panel title="Stalled deals" testId="ae-stalled-list" query={deals} empty={null}>{table(stalled, true)}</Panel>
      )}
      <Panel title="Your open deals by close date" link={{ label: 'Pipeline board', to: '/pipeline' }} testId="ae-deals"
        query={deals} empty={rows.length ? null : 'You own no open deals'}>
        {table(rows.slice(0, 25), false)}
      </Panel>
    </>
  );

  return <WorkspaceFrame persona={PERSONAS.sales} stats={stats} main={main} />;
}
