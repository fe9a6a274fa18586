// The account's delivery projects (Account 360): status, progress, forecast end and milestones, each linking to the
// project page.
import { Card } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { client, ok } from '../../lib/api';
import { IconRocket } from '../../ui/Icons';
import { BlockSkeleton, Empty, ErrorAlert } from '../../ui/QueryState';
import { PortfolioTable } from '../delivery/PortfolioTable';

export function AccountProjectsTab({ accountId }: { accountId: string }) {
  const q = useQuery({
    queryKey: ['delivery', 'account', accountId],
    queryFn: ({ signal }) => ok(client.GET('/accounts/{id}/projects', { params: { path: { id: accountId }, query: { limit: 100 } }, signal })),
  });
  if (q.isPending) return <Card><BlockSkeleton rows={3} /></Card>;
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  if (q.data.items.length === 0) return <Card><Empty title="No delivery projects" icon={<IconRocket size={28} />}>A project starts when a contract is signed.</Empty></Card>;
  return <Card p={0} data-testid="account-projects"><PortfolioTable items={q.data.items} showAccount={false} /></Card>;
}
