// The dunning queue: open invoices whose next reminder step is due, and escalated invoices (30+ days late by the
// playbook), most overdue first. The steps themselves are sent by the dunning timer; this is the collector's worklist.
import { Anchor, Badge, Card, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatDate, formatMoney, humanize } from '../../lib/format';
import { PageHeader } from '../../ui/PageHeader';
import { BlockSkeleton, Empty, ErrorAlert } from '../../ui/QueryState';
import { useFinanceSummary } from './hooks';

export function DunningPage() {
  const q = useFinanceSummary(200);
  const s = q.data;
  return (
    <>
      <PageHeader title="Dunning" description="Open invoices with a reminder step due, and escalated invoices, most overdue first." />
      {q.error && <ErrorAlert error={q.error} onRetry={() => q.refetch()} />}
      <Card p={0}>
        {!s ? (!q.error && <BlockSkeleton rows={6} />) : s.dunningQueue.length === 0 ? (
          <Empty title="Nothing to chase">No open invoice has a reminder due and none is escalated.</Empty>
        ) : (
          <Table.ScrollContainer minWidth={860}>
            <Table verticalSpacing={8} fz="sm" striped data-testid="dunning-queue">
              <Table.Thead>
                <Table.Tr><Table.Th>Invoice</Table.Th><Table.Th>Account</Table.Th><Table.Th>Due</Table.Th><Table.Th>Days late</Table.Th><Table.Th ta="right">Balance</Table.Th><Table.Th>Last step</Table.Th><Table.Th>Next step</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {s.dunningQueue.map((r) => (
                  <Table.Tr key={r.invoiceId}>
                    <Table.Td><Anchor component={Link} to={`/invoices/${r.invoiceId}`} size="sm" fw={600}>{r.number}</Anchor></Table.Td>
                    <Table.Td><Anchor component={Link} to={`/accounts/${r.accountId}`} size="sm">{r.accountName}</Anchor></Table.Td>
                    <Table.Td>{formatDate(r.dueDate)}</Table.Td>
                    <Table.Td>
                      {r.daysPastDue > 0 ? <Badge color={r.daysPastDue > 30 ? 'red' : 'orange'}>{r.daysPastDue} d</Badge> : <Text size="sm" c="dimmed">{r.daysPastDue === 0 ? 'due today' : `in ${-r.daysPastDue} d`}</Text>}
                      {r.escalatedAt && <Badge ml={6} color="red" variant="outline">Escalated {formatDate(r.escalatedAt)}</Badge>}
                    </Table.Td>
                    <Table.Td ta="right">{formatMoney(r.balance, r.currency)}</Table.Td>
                    <Table.Td>{r.lastStep ? humanize(r.lastStep) : '—'}</Table.Td>
                    <Table.Td>{r.nextStep ? <Text size="sm">{r.nextStep.action}{r.nextStep.escalates && <Badge size="xs" color="red" ml={6}>escalates</Badge>}<Text span size="xs" c="dimmed"> · {formatDate(r.nextStep.date)}</Text></Text> : <Text size="sm" c="dimmed">All steps taken</Text>}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
    </>
  );
}
