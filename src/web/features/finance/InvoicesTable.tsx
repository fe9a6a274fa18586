// Invoices as a table: number, account, kind, status, amounts, due date with a days-late badge, PDF link. Used by the
// finance list, a project's Invoices tab and the customer portal.
import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatDate, formatMoney } from '../../lib/format';
import { invoicePdfUrl, KIND_LABELS, STATUS_LABELS, type InvoiceListItem } from './hooks';

export function DaysLateBadge({ inv }: { inv: Pick<InvoiceListItem, 'open' | 'daysPastDue' | 'escalatedAt'> }) {
  if (!inv.open || inv.daysPastDue === null) return null;
  if (inv.daysPastDue > 0) {
    return (
      <Group gap={4} wrap="nowrap">
        <Badge color={inv.daysPastDue > 30 ? 'red' : 'orange'} variant="filled" size="sm" data-testid="days-late">{inv.daysPastDue} d late</Badge>
        {inv.escalatedAt && <Badge color="red" variant="outline" size="sm">Escalated</Badge>}
      </Group>
    );
  }
  if (inv.daysPastDue === 0) return <Badge color="yellow" variant="light" size="sm">Due today</Badge>;
  return <Text size="xs" c="dimmed">in {-inv.daysPastDue} d</Text>;
}

export function InvoiceStatusBadge({ status }: { status: InvoiceListItem['status'] }) {
  const s = STATUS_LABELS[status] ?? { label: status, color: 'gray' };
  return <Badge color={s.color} variant="light" data-testid="invoice-status">{s.label}</Badge>;
}

export function InvoicesTable({ items, showAccount = true, linkTo = (i) => `/invoices/${i.id}` }: {
  items: InvoiceListItem[]; showAccount?: boolean; linkTo?: (i: InvoiceListItem) => string;
}) {
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing={6} fz="sm" striped highlightOnHover data-testid="invoices-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Invoice</Table.Th>{showAccount && <Table.Th>Account</Table.Th>}<Table.Th>Kind</Table.Th><Table.Th>Status</Table.Th>
            <Table.Th>Issued</Table.Th><Table.Th>Due</Table.Th><Table.Th ta="right">Total</Table.Th><Table.Th ta="right">Balance</Table.Th><Table.Th>PDF</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((i) => (
            <Table.Tr key={i.id} data-testid={`invoice-row-${i.id}`}>
              <Table.Td><Anchor component={Link} to={linkTo(i)} size="sm" fw={600}>{i.number ?? 'Draft'}</Anchor></Table.Td>
              {showAccount && <Table.Td><Text size="sm" truncate maw={220}>{i.accountName}</Text></Table.Td>}
              <Table.Td>{KIND_LABELS[i.kind] ?? i.kind}</Table.Td>
              <Table.Td><InvoiceStatusBadge status={i.status} /></Table.Td>
              <Table.Td>{formatDate(i.issueDate)}</Table.Td>
              <Table.Td><Group gap={6} wrap="nowrap"><Text size="sm">{formatDate(i.dueDate)}</Text><DaysLateBadge inv={i} /></Group></Table.Td>
              <Table.Td ta="right">{formatMoney(i.total, i.currency)}</Table.Td>
              <Table.Td ta="right" fw={i.balance > 0 ? 600 : undefined}>{formatMoney(i.balance, i.currency)}</Table.Td>
              <Table.Td>{i.number ? <Anchor href={invoicePdfUrl(i.id)} target="_blank" rel="noopener" size="sm">PDF</Anchor> : '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
