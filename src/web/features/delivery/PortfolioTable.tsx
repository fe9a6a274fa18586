// Projects as a portfolio table: status, week n of N, % complete, forecast vs baseline end with the slip in days,
// next milestone and milestones awaiting acceptance. Progress and the next milestone come from each project's detail
// when the caller has it (the Delivery Command loads the details of the open projects it shows).
import { Anchor, Badge, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatDate, humanize } from '../../lib/format';
import { STATUS_COLORS } from './hooks';
import { slipOf, weekOf } from './format';
import type { Project, ProjectListItem } from './hooks';

export function PortfolioTable({ items, details, showAccount = true }: { items: ProjectListItem[]; details?: Map<string, Project>; showAccount?: boolean }) {
  return (
    <Table.ScrollContainer minWidth={980}>
      <Table verticalSpacing={5} fz="sm" highlightOnHover data-testid="portfolio">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Project</Table.Th><Table.Th>Status</Table.Th><Table.Th>Week</Table.Th><Table.Th w={150}>Complete</Table.Th>
            <Table.Th miw={170}>Forecast end</Table.Th><Table.Th>Next milestone</Table.Th><Table.Th ta="right">Milestones</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => {
            const d = details?.get(p.id);
            const wk = weekOf(p);
            const slip = d?.slipDays ?? p.slipDays ?? slipOf(p);
            const pct = d?.progress.percentDone ?? p.percentDone;
            const next = d ? d.milestones.find((m) => m.status !== 'accepted') : p.nextMilestone;
            const mc = p.milestoneCounts;
            return (
              <Table.Tr key={p.id} data-testid={`portfolio-row-${p.id}`}>
                <Table.Td>
                  <Stack gap={0}>
                    <Anchor component={Link} to={`/projects/${p.id}`} size="sm" fw={600}>{p.name}</Anchor>
                    {showAccount && p.accountName && !p.name.startsWith(p.accountName) && <Text size="xs" c="dimmed" truncate maw={280}>{p.accountName}</Text>}
                  </Stack>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}><Badge color={STATUS_COLORS[p.status]} variant="light">{humanize(p.status)}</Badge></Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}><Text size="sm">{wk.n} / {wk.of}</Text></Table.Td>
                <Table.Td>
                  {pct === undefined ? <Text size="xs" c="dimmed">—</Text> : (
                    <Group gap={6} wrap="nowrap"><Progress value={pct} w={80} size="sm" /><Text size="xs">{pct} %</Text></Group>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm">{formatDate(p.forecastEndDate)}</Text>
                    {slip !== 0 && <Badge size="sm" color={slip > 14 ? 'red' : slip > 0 ? 'orange' : 'teal'} variant={slip > 0 ? 'filled' : 'light'} data-testid="slip">{slip > 0 ? '+' : ''}{slip} d</Badge>}
                  </Group>
                  {slip !== 0 && <Text size="xs" c="dimmed">baseline {formatDate(p.baselineEndDate)}</Text>}
                </Table.Td>
                <Table.Td>
                  {next ? (
                    <Stack gap={0}>
                      <Text size="sm">{next.name}</Text>
                      <Text size="xs" c={next.status === 'submitted' ? 'yellow.8' : 'dimmed'}>{next.status === 'submitted' ? 'awaiting acceptance · ' : ''}{formatDate(next.forecastDate)}</Text>
                    </Stack>
                  ) : <Text size="xs" c="dimmed">{d ? 'All accepted' : '—'}</Text>}
                </Table.Td>
                <Table.Td ta="right">
                  {mc ? <Text size="sm" component="div">{mc.accepted}/{mc.total}{mc.awaitingAcceptance ? <Badge ml={6} size="xs" color="yellow">{mc.awaitingAcceptance} waiting</Badge> : null}</Text> : '—'}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
