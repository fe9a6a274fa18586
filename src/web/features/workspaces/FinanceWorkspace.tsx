// Finance's receivables: what is owed and how late (aging buckets, DSO against target) and the dunning queue, most
// overdue first, each line leading to its invoice and account.
import { Anchor, Badge, SimpleGrid, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatMoney, formatNumber, humanize } from '../../lib/format';
import { IconAlert, IconCalendar, IconCoin } from '../../ui/Icons';
import { KpiCard } from '../../ui/KpiCard';
import { useFinanceSummary } from '../finance/hooks';
import { NUM, Panel, WorkspaceFrame } from './parts';
import { PERSONAS } from './personas';

const QUEUE = 10;

export function FinanceWorkspace() {
  const summary = useFinanceSummary(QUEUE);
  const s = summary.data;
  const cur = s?.currency ?? 'USD';
  const dsoHint = s?.dso.target ? `target ${s.dso.target} days` : undefined;

  const stats = (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} mb="lg">
      <KpiCard testId="finance-ar" label="Receivables" value={s ? formatMoney(s.arTotal, cur, { compact: true }) : '…'} hint={s ? `${formatNumber(s.openInvoices)} open invoices` : undefined} icon={<IconCoin />} />
      <KpiCard testId="finance-overdue" label="Overdue" value={s ? formatMoney(s.overdue, cur, { compact: true }) : '…'} hint="past the due date" icon={<IconAlert />} color="red" />
      <KpiCard testId="finance-dso" label="DSO" value={s?.dso.days != null ? `${s.dso.days} d` : '—'} hint={dsoHint} icon={<IconCalendar />} color={s?.dso.target && (s.dso.days ?? 0) > s.dso.target ? 'red' : 'teal'} />
      <KpiCard testId="finance-escalated" label="Escalated" value={s ? formatMoney(s.escalated.amount, cur, { compact: true }) : '…'} hint={s ? `${formatNumber(s.escalated.count)} invoices` : undefined} icon={<IconAlert />} color="orange" />
    </SimpleGrid>
  );

  const main = (
    <Panel title="Dunning queue" link={{ label: 'Dunning', to: '/finance/dunning' }} testId="finance-queue" query={summary}
      empty={s?.dunningQueue.length ? null : 'No invoice is in collection'}>
      <Table mt="xs">
        <Table.Thead>
          <Table.Tr><Table.Th>Invoice</Table.Th><Table.Th ta="right">Days late</Table.Th><Table.Th ta="right">Balance</Table.Th><Table.Th>Next step</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(s?.dunningQueue ?? []).map((q) => (
            <Table.Tr key={q.invoiceId}>
              <Table.Td>
                <Anchor component={Link} to={`/invoices/${q.invoiceId}`} fw={600} size="sm">{q.number ?? 'Draft'}</Anchor>
                <Text size="xs"><Anchor component={Link} to={`/accounts/${q.accountId}`} c="dimmed" size="xs">{q.accountName}</Anchor></Text>
              </Table.Td>
              <Table.Td ta="right" style={NUM}>{formatNumber(q.daysPastDue)}</Table.Td>
              <Table.Td ta="right" style={NUM}>{formatMoney(q.balance, q.currency)}</Table.Td>
              <Table.Td>
                {q.escalatedAt ? <Badge color="red">Escalated</Badge>
                  : q.nextStep ? <Badge color={q.nextStep.escalates ? 'orange' : 'blue'}>{humanize(q.nextStep.action)}</Badge>
                    : <Text size="sm" c="dimmed">—</Text>}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Panel>
  );

  const side = (
    <Panel title="Aging" link={{ label: 'Aging & DSO', to: '/finance/aging' }} testId="finance-aging" query={summary} empty={null}>
      <Table mt="xs">
        <Table.Tbody>
          {(s?.aging ?? []).map((b) => (
            <Table.Tr key={b.id}>
              <Table.Td>
                <Anchor component={Link} to={b.id === 'current' ? '/invoices?status=open' : '/invoices?overdue=true'} size="sm">{b.label}</Anchor>
              </Table.Td>
              <Table.Td ta="right" style={NUM}>{formatNumber(b.count)}</Table.Td>
              <Table.Td ta="right" style={NUM}>{formatMoney(b.amount, cur, { compact: true })}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Panel>
  );

  return <WorkspaceFrame persona={PERSONAS.finance} stats={stats} main={main} side={side} />;
}
