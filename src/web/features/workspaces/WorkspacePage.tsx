// A persona's workspace: the stages it cares about, shortcuts into filtered lists, and the accounts it owns.
import { Alert, Anchor, Card, Grid, Group, SimpleGrid, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { STAGE_LABELS } from '../../../core/accounts/schemas';
import { useUser } from '../../lib/auth';
import { formatMoney, formatNumber, fromNow } from '../../lib/format';
import { SegmentBadge, StageBadge } from '../../ui/Badges';
import { IconArrowRight } from '../../ui/Icons';
import { NotFound } from '../../ui/NotFound';
import { PageHeader } from '../../ui/PageHeader';
import { BlockSkeleton, Empty } from '../../ui/QueryState';
import { useAccounts, useSummary } from '../accounts/hooks';
import { portfolio, type Portfolio } from '../dashboard/summary';
import { PERSONAS, type PersonaKey } from './personas';

const padding: { label: string; value: (p: Portfolio) => string; hint: (p: Portfolio) => string }[] = [
  { label: 'Customers', value: (p) => formatNumber(p.customers), hint: (p) => `${formatNumber(p.accounts)} accounts in total` },
  { label: 'ARR', value: (p) => formatMoney(p.arr, 'USD', { compact: true }), hint: () => 'implementation through renewal' },
  { label: 'Strategic customers', value: (p) => formatNumber(p.strategicCustomers), hint: (p) => `${p.arr ? Math.round((p.strategicArr / p.arr) * 100) : 0} % of ARR` },
];

export function WorkspacePage() {
  const { persona = '' } = useParams();
  const config = PERSONAS[persona as PersonaKey];
  const user = useUser();
  const summary = useSummary();
  const mine = useAccounts({ limit: 8, ownerId: user.id, sort: config?.sort ?? '-updatedAt' }, { enabled: !!config });
  const recent = useAccounts({ limit: 8, lifecycleStage: config?.stages[0], sort: config?.sort ?? '-updatedAt' }, { enabled: !!config });
  if (!config) return <NotFound />;
  const p = summary.data ? portfolio(summary.data) : null;
  const ownsAccounts = (mine.data?.items.length ?? 0) > 0;
  const list = ownsAccounts ? mine : recent;

  return (
    <>
      <PageHeader title={config.title} description={config.description} />
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} mb="lg">
        {config.stages.map((s) => {
          const cell = p?.byStage[s];
          const n = cell ? cell.standard.accounts + cell.strategic.accounts : null;
          const arr = cell ? cell.standard.arr + cell.strategic.arr : null;
          return (
            <UnstyledButton key={s} component={Link} to={`/accounts?lifecycleStage=${s}`} aria-label={`${STAGE_LABELS[s]}: open accounts`}>
              <Card className="vg-hover-card">
                <StageBadge stage={s} mb="xs" />
                <Text fz={26} fw={700}>{n === null ? '…' : formatNumber(n)}</Text>
                <Text size="sm" c="dimmed">{arr ? `${formatMoney(arr, 'USD', { compact: true })} ARR` : 'accounts'}</Text>
              </Card>
            </UnstyledButton>
          );
        })}
        {p && padding.slice(0, Math.max(0, 4 - config.stages.length)).map((k) => (
          <Card key={k.label}>
            <Text size="xs" tt="uppercase" fw={700} c="dimmed" mb={8} style={{ letterSpacing: '0.04em' }}>{k.label}</Text>
            <Text fz={26} fw={700}>{k.value(p)}</Text>
            <Text size="sm" c="dimmed">{k.hint(p)}</Text>
          </Card>
        ))}
      </SimpleGrid>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Card p={0}>
            <Group justify="space-between" p="md" pb={0}>
              <Title order={3}>{ownsAccounts ? 'Your accounts' : `Recently updated · ${STAGE_LABELS[config.stages[0]]}`}</Title>
              <Anchor component={Link} to={ownsAccounts ? `/accounts?ownerId=${user.id}` : `/accounts?lifecycleStage=${config.stages[0]}`} size="sm">See all →</Anchor>
            </Group>
            {list.isPending ? <Stack p="md"><BlockSkeleton rows={5} /></Stack> : !list.data?.items.length ? <Empty title="No accounts yet" /> : (
              <Table mt="xs">
                <Table.Tbody>
                  {list.data.items.map((a) => (
                    <Table.Tr key={a.id}>
                      <Table.Td><Anchor component={Link} to={`/accounts/${a.id}`} fw={600} size="sm">{a.name}</Anchor></Table.Td>
                      <Table.Td><SegmentBadge segment={a.segment} size="sm" /></Table.Td>
                      <Table.Td><StageBadge stage={a.lifecycleStage} size="sm" /></Table.Td>
                      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>{a.arr ? formatMoney(a.arr, a.currency) : '—'}</Table.Td>
                      <Table.Td><Text size="xs" c="dimmed">{fromNow(a.updatedAt)}</Text></Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack>
            <Card>
              <Title order={3} mb="sm">Shortcuts</Title>
              <Stack gap="xs">
                {config.links.map((l) => (
                  <UnstyledButton key={l.to} component={Link} to={l.to} className="vg-shortcut">
                    <Group justify="space-between" wrap="nowrap">
                      <div><Text size="sm" fw={600}>{l.label}</Text><Text size="xs" c="dimmed">{l.description}</Text></div>
                      <IconArrowRight size={16} />
                    </Group>
                  </UnstyledButton>
                ))}
              </Stack>
            </Card>
            <Alert color="gray" variant="light" title="Coming next">{config.upcoming}</Alert>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
