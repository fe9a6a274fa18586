// Unresolved KPI variance alerts, newest first, with the course-correction task each one opened and the actions to
// acknowledge (someone owns it) or resolve it.
import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useUser } from '../../lib/auth';
import { notifyError, notifySuccess } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { BlockSkeleton, Empty, ErrorAlert } from '../../ui/QueryState';
import { canMeasure, formatKpi, signedPercent, useAlerts, useDecideAlert } from './hooks';

export function AlertsList({ projectId, accountId, showAccount = true, limit }: { projectId?: string; accountId?: string; showAccount?: boolean; limit?: number }) {
  const user = useUser();
  const q = useAlerts({ projectId, accountId });
  const decide = useDecideAlert();
  const writer = canMeasure(user.role);
  const [all, setAll] = useState(false);
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  if (q.isPending) return <BlockSkeleton rows={3} />;
  const items = limit && !all ? q.data.items.slice(0, limit) : q.data.items;
  const hidden = q.data.items.length - items.length;
  if (q.data.items.length === 0) return <Empty title="No open KPI alerts">Every measured KPI is within the variance threshold.</Empty>;
  const act = (id: string, to: 'acknowledge' | 'resolve') => decide.mutate({ id, to }, {
    onSuccess: () => notifySuccess(to === 'resolve' ? 'Alert resolved.' : 'Alert acknowledged.'), onError: (e) => notifyError(e),
  });
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing={6} fz="sm" data-testid="kpi-alerts">
        <Table.Thead>
          <Table.Tr><Table.Th>KPI</Table.Th>{showAccount && <Table.Th>Account</Table.Th>}<Table.Th>Variance</Table.Th><Table.Th>Actual / expected</Table.Th><Table.Th>Course correction</Table.Th><Table.Th /></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((a) => (
            <Table.Tr key={a.id} data-testid={`alert-${a.id}`} data-kpi={a.kpiKey}>
              <Table.Td>
                <Stack gap={0}>
                  {a.projectId ? <Anchor component={Link} to={`/projects/${a.projectId}?tab=kpis`} size="sm" fw={600}>{a.kpiName}</Anchor> : <Text size="sm" fw={600}>{a.kpiName}</Text>}
                  <Text size="xs" c="dimmed">measured {formatDate(a.measuredAt)}</Text>
                </Stack>
              </Table.Td>
              {showAccount && <Table.Td><Anchor component={Link} to={`/accounts/${a.accountId}`} size="sm">{a.accountName}</Anchor></Table.Td>}
              <Table.Td style={{ whiteSpace: "nowrap" }}><Badge color="red" variant={a.status === "open" ? "filled" : "light"}>{signedPercent(a.variancePercent)}</Badge>{a.status === 'acknowledged' && <Text span size="xs" c="dimmed" ml={4}>ack.</Text>}</Table.Td>
              <Table.Td>{formatKpi(a.actual, a.unit)} / {formatKpi(a.expected, a.unit)}</Table.Td>
              <Table.Td>
                {a.taskId && a.projectId ? (
                  <Anchor component={Link} to={`/projects/${a.projectId}?tab=tasks&task=${a.taskId}`} size="sm" data-testid="alert-task-link">
                    {a.taskTitle ?? 'Course-correction task'}
                  </Anchor>
                ) : <Text size="sm" c="dimmed">—</Text>}
                {a.taskStatus && <Badge size="xs" ml={6} variant="outline" color={a.taskStatus === 'done' ? 'teal' : 'gray'}>{a.taskStatus.replace('_', ' ')}</Badge>}
              </Table.Td>
              <Table.Td>
                {writer && (
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    {a.status === 'open' && <Button size="compact-xs" variant="default" onClick={() => act(a.id, 'acknowledge')}>Acknowledge</Button>}
                    <Button size="compact-xs" variant="light" color="teal" onClick={() => act(a.id, 'resolve')}>Resolve</Button>
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {hidden > 0 && <Button variant="subtle" size="xs" mt={4} onClick={() => setAll(true)}>Show {hidden} more alert{hidden === 1 ? '' : 's'}</Button>}
    </Table.ScrollContainer>
  );
}
