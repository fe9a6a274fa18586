// One invoice: header with status, amounts and due date; lines (incl. the POC fee credit), payments, credit notes and
// dunning events; finance actions (record payment, credit note, void) and the PDF.
import { Anchor, Badge, Button, Card, Grid, Group, SimpleGrid, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, useParams } from 'react-router';
import { mayFollow } from '../../../core/access/pages';
import { useUser } from '../../lib/auth';
import { formatDate, formatDateTime, formatMoney, humanize } from '../../lib/format';
import { isInternal } from '../../lib/permissions';
import { NotFound } from '../../ui/NotFound';
import { PageHeader } from '../../ui/PageHeader';
import { Empty, ErrorAlert, PageLoader } from '../../ui/QueryState';
import { usePlaybook } from '../leads/hooks';
import { canCollect, invoicePdfUrl, KIND_LABELS, useInvoice, type Invoice } from './hooks';
import { CreditNoteModal, PaymentModal, VoidModal } from './InvoiceActions';
import { DaysLateBadge, InvoiceStatusBadge } from './InvoicesTable';

export function InvoicePage() {
  const { id = '' } = useParams();
  const user = useUser();
  const q = useInvoice(id);
  const playbook = usePlaybook();
  const [paying, pay] = useDisclosure(false);
  const [crediting, credit] = useDisclosure(false);
  const [voiding, voidIt] = useDisclosure(false);
  if (q.isPending) return <PageLoader label="Loading invoice…" />;
  if (q.error) {
    const status = (q.error as { status?: number }).status;
    if (status === 404 || status === 400) return <NotFound title="Invoice not found" message="This invoice does not exist or is not shared with you." />;
    return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  }
  const inv = q.data;
  const open = inv.status === 'issued' || inv.status === 'partially_paid';
  const finance = canCollect(user.role);
  const internal = isInternal(user.role);
  const m = (v: number) => formatMoney(v, inv.currency);
  const roleLabel = (id: string) => playbook.data?.roles.find((r) => r.id === id)?.label ?? humanize(id);

  return (
    <>
      <PageHeader
        crumbs={internal ? [{ label: 'Invoices', to: '/invoices' }, { label: inv.number ?? 'Draft' }] : [{ label: 'My invoices', to: '/invoices' }, { label: inv.number ?? '' }]}
        title={<span data-testid="invoice-number">{inv.number ?? 'Draft invoice'}</span>}
        actions={(
          <>
            {inv.number && <Button component="a" href={invoicePdfUrl(inv.id)} target="_blank" rel="noopener" variant="default" data-testid="invoice-pdf">Download PDF</Button>}
            {finance && open && <Button onClick={pay.open} data-testid="record-payment">Record payment</Button>}
            {finance && open && <Button variant="light" onClick={credit.open} data-testid="issue-credit-note">Credit note</Button>}
            {finance && open && inv.amountPaid === 0 && inv.amountCredited === 0 && <Button variant="light" color="red" onClick={voidIt.open}>Void</Button>}
          </>
        )}
      >
        <Group gap="xs" mt={4} wrap="wrap">
          {mayFollow(user.role, `/accounts/${inv.accountId}`) ? <Anchor component={Link} to={`/accounts/${inv.accountId}`} size="sm">{inv.accountName}</Anchor> : <Text size="sm">{inv.accountName}</Text>}
          <InvoiceStatusBadge status={inv.status} />
          <Badge variant="outline" color="gray">{KIND_LABELS[inv.kind] ?? inv.kind}</Badge>
          <DaysLateBadge inv={inv} />
          {inv.projectId && <Anchor component={Link} to={`/projects/${inv.projectId}`} size="sm">Project</Anchor>}
        </Group>
      </PageHeader>

      <SimpleGrid cols={{ base: 2, md: 5 }} mb="md">
        <Fact label="Total" value={m(inv.total)} />
        <Fact label="Paid" value={m(inv.amountPaid)} />
        <Fact label="Credited" value={m(inv.amountCredited)} />
        <Fact label="Balance due" value={m(inv.balance)} testId="invoice-balance" strong />
        <Fact label="Issued · due" value={`${formatDate(inv.issueDate)} · ${formatDate(inv.dueDate)}`} testId="invoice-due" />
      </SimpleGrid>
      {inv.status === 'void' && <Text c="red.7" mb="md">Voided {formatDateTime(inv.voidedAt)}: {inv.voidReason}</Text>}

      <Grid gap="lg" align="flex-start">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Card withBorder mb="md">
            <Title order={3} mb="sm">Lines</Title>
            <Table fz="sm" data-testid="invoice-lines">
              <Table.Thead><Table.Tr><Table.Th>Description</Table.Th><Table.Th ta="right">Qty</Table.Th><Table.Th ta="right">Unit</Table.Th><Table.Th ta="right">Amount</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {inv.lines.map((l, i) => (
                  <Table.Tr key={i} c={l.amount < 0 ? 'teal.8' : undefined}>
                    <Table.Td>{l.description}{l.kind === 'credit' && <Badge size="xs" ml={6} color="teal" variant="light">credit</Badge>}</Table.Td>
                    <Table.Td ta="right">{l.quantity}</Table.Td><Table.Td ta="right">{m(l.unitAmount)}</Table.Td><Table.Td ta="right">{m(l.amount)}</Table.Td>
                  </Table.Tr>
                ))}
                <Table.Tr><Table.Td colSpan={3} ta="right" fw={700}>Total</Table.Td><Table.Td ta="right" fw={700}>{m(inv.total)}</Table.Td></Table.Tr>
              </Table.Tbody>
            </Table>
            {inv.notes && <Text size="sm" c="dimmed" mt="sm">{inv.notes}</Text>}
          </Card>
          <Card withBorder>
            <Title order={3} mb="sm">Payments and credit notes</Title>
            <Money inv={inv} />
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          {internal && (
            <Card withBorder>
              <Title order={3} mb="sm">Dunning</Title>
              {inv.nextDunningStep && (
                <Text size="sm" mb="sm">Next: <b>{inv.nextDunningStep.action}</b> on {formatDate(inv.nextDunningStep.date)}{inv.nextDunningStep.escalates ? ' (escalates)' : ''}</Text>
              )}
              {inv.dunningEvents.length === 0 ? <Text size="sm" c="dimmed">No reminders sent yet.</Text> : (
                <Timeline bulletSize={14} lineWidth={2} active={inv.dunningEvents.length - 1} data-testid="dunning-events">
                  {inv.dunningEvents.map((d) => (
                    <Timeline.Item key={d.id} title={humanize(d.stepId)} color={d.escalated?.length ? 'red' : 'blue'}>
                      <Text size="xs" c="dimmed">{formatDateTime(d.at)}{d.daysPastDue > 0 ? ` · ${d.daysPastDue} d past due` : ''}</Text>
                      <Text size="sm">{d.action}{d.escalated?.length ? ` → ${d.escalated.map(roleLabel).join(', ')}` : ''}</Text>
                    </Timeline.Item>
                  ))}
                </Timeline>
              )}
            </Card>
          )}
        </Grid.Col>
      </Grid>
      {paying && <PaymentModal inv={inv} onClose={pay.close} />}
      {crediting && <CreditNoteModal inv={inv} onClose={credit.close} />}
      {voiding && <VoidModal inv={inv} onClose={voidIt.close} />}
    </>
  );
}

function Money({ inv }: { inv: Invoice }) {
  const rows = [
    ...inv.payments.map((p) => ({ id: p.id, date: p.receivedOn, what: `Payment (${p.method.toUpperCase()})`, ref: p.reference, amount: p.amount })),
    ...inv.creditNotes.map((c) => ({ id: c.id, date: c.issuedOn, what: `Credit note ${c.number}`, ref: c.reason, amount: c.amount })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  if (rows.length === 0) return <Empty title="Nothing received yet" />;
  return (
    <Table fz="sm" data-testid="invoice-payments">
      <Table.Thead><Table.Tr><Table.Th>Date</Table.Th><Table.Th>What</Table.Th><Table.Th>Reference / reason</Table.Th><Table.Th ta="right">Amount</Table.Th></Table.Tr></Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.id}><Table.Td>{formatDate(r.date)}</Table.Td><Table.Td>{r.what}</Table.Td><Table.Td>{r.ref ?? '—'}</Table.Td><Table.Td ta="right">{formatMoney(r.amount, inv.currency)}</Table.Td></Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Fact({ label, value, testId, strong }: { label: string; value: string; testId?: string; strong?: boolean }) {
  return (
    <Card withBorder p="sm">
      <Stack gap={0}>
        <Text size="xs" c="dimmed" tt="uppercase" fw={700}>{label}</Text>
        <Text fz={strong ? 22 : 18} fw={700} data-testid={testId}>{value}</Text>
      </Stack>
    </Card>
  );
}
