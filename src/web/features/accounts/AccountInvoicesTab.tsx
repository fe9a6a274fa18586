// The account's invoices (Account 360), newest first with status, due date and balance, each linking to the invoice.
// Shown only to roles the billing API answers (the page table's account panels).
import { Button, Card, Group } from '@mantine/core';
import { IconCoin } from '../../ui/Icons';
import { BlockSkeleton, Empty, ErrorAlert } from '../../ui/QueryState';
import { useInvoices } from '../finance/hooks';
import { InvoicesTable } from '../finance/InvoicesTable';

export function AccountInvoicesTab({ accountId }: { accountId: string }) {
  const q = useInvoices({ accountId }, 25);
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  if (q.isPending) return <Card><BlockSkeleton rows={4} /></Card>;
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  if (items.length === 0) return <Card><Empty title="No invoices yet" icon={<IconCoin size={28} />}>Milestone and subscription invoices of this account appear here.</Empty></Card>;
  return (
    <Card p={0} data-testid="account-invoices">
      <InvoicesTable items={items} showAccount={false} />
      {q.hasNextPage && <Group justify="center" p="sm"><Button variant="light" onClick={() => q.fetchNextPage()} loading={q.isFetchingNextPage}>Load more</Button></Group>}
    </Card>
  );
}
