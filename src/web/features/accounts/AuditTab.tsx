// Who changed what on this account: audit entries with before → after per field.
import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { formatDateTime, fromNow } from '../../lib/format';
import { IconHistory } from '../../ui/Icons';
import { BlockSkeleton, Empty, ErrorAlert } from '../../ui/QueryState';
import { actionLabel, AuditDiff } from './AuditDiff';
import { useTimeline } from './hooks';

export function AuditTab({ accountId }: { accountId: string }) {
  const q = useTimeline(accountId, 'audit', 25);
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  if (q.isPending) return <Card><BlockSkeleton rows={5} /></Card>;
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  if (items.length === 0) return <Card><Empty title="No changes recorded" icon={<IconHistory size={28} />}>Every change to this account, its contacts and its activities is recorded here.</Empty></Card>;
  return (
    <Stack gap="sm" data-testid="audit-list">
      {items.map((it) => (
        <Card key={it.id} p="md" data-testid="audit-entry">
          <Group justify="space-between" mb="xs" wrap="wrap" gap={6}>
            <Group gap={8}>
              <Badge color="grape" variant="light">{actionLabel(it.action)}</Badge>
              <Text size="sm" fw={600}>{it.actorName?.replace(/\s*<[^>]+>$/, '') ?? 'System'}</Text>
            </Group>
            <Text size="xs" c="dimmed" title={formatDateTime(it.at)}><time dateTime={it.at}>{formatDateTime(it.at)} · {fromNow(it.at)}</time></Text>
          </Group>
          <AuditDiff before={it.before} after={it.after} />
        </Card>
      ))}
      {q.hasNextPage && <Group justify="center"><Button variant="light" onClick={() => q.fetchNextPage()} loading={q.isFetchingNextPage}>Load more</Button></Group>}
    </Stack>
  );
}
