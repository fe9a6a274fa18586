// Deleted accounts (admins): restore within the restore window.
import { Button, Card, Table, Text } from '@mantine/core';
import { notifyError, notifySuccess } from '../../lib/errors';
import { formatDateTime, formatMoney, fromNow } from '../../lib/format';
import { SegmentBadge, StageBadge } from '../../ui/Badges';
import { CursorPager, useCursorStack } from '../../ui/CursorPager';
import { IconRestore, IconTrash } from '../../ui/Icons';
import { PageHeader } from '../../ui/PageHeader';
import { BlockSkeleton, Empty, ErrorAlert } from '../../ui/QueryState';
import { useAccounts, useRestoreAccount } from '../accounts/hooks';
import { useState } from 'react';

export function DeletedAccountsPage() {
  const [limit, setLimit] = useState(25);
  const pager = useCursorStack(`deleted:${limit}`);
  const q = useAccounts({ limit, deleted: 'only', sort: '-updatedAt', cursor: pager.cursor });
  const restore = useRestoreAccount();
  return (
    <>
      <PageHeader title="Deleted accounts" description="Deleted accounts are hidden everywhere. Restore one within 90 days of its deletion." />
      <Card p={0}>
        {q.isPending ? <BlockSkeleton rows={4} /> : q.error ? <ErrorAlert error={q.error} /> : !q.data.items.length ? (
          <Empty title="Nothing deleted" icon={<IconTrash size={28} />}>Accounts deleted by admins or sales appear here.</Empty>
        ) : (
          <Table data-testid="deleted-table">
            <Table.Thead><Table.Tr><Table.Th>Account</Table.Th><Table.Th>Segment</Table.Th><Table.Th>Stage</Table.Th><Table.Th ta="right">ARR</Table.Th><Table.Th>Deleted</Table.Th><Table.Th /></Table.Tr></Table.Thead>
            <Table.Tbody>
              {q.data.items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td><Text size="sm" fw={600}>{a.name}</Text><Text size="xs" c="dimmed">{a.domain}</Text></Table.Td>
                  <Table.Td><SegmentBadge segment={a.segment} /></Table.Td>
                  <Table.Td><StageBadge stage={a.lifecycleStage} /></Table.Td>
                  <Table.Td ta="right">{formatMoney(a.arr, a.currency)}</Table.Td>
                  <Table.Td><Text size="sm" title={formatDateTime(a.deletedAt ?? a.updatedAt)}>{fromNow(a.deletedAt ?? a.updatedAt)}</Text></Table.Td>
                  <Table.Td ta="right">
                    <Button size="xs" variant="light" leftSection={<IconRestore size={14} />} loading={restore.isPending && restore.variables === a.id}
                      onClick={() => restore.mutate(a.id, { onSuccess: () => notifySuccess(`${a.name} is back.`, 'Account restored'), onError: (e) => notifyError(e) })}>
                      Restore
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <CursorPager page={pager.page} pageSize={limit} shown={q.data?.items.length ?? 0} hasPrev={pager.hasPrev} nextCursor={q.data?.nextCursor}
        onPrev={pager.prev} onNext={pager.next} onPageSize={setLimit} loading={q.isFetching} label="deleted accounts" />
    </>
  );
}
