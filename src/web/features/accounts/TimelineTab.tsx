// The account timeline: filter by kind, newest first, "Load more" pages; log an activity or set a reminder. Staff see
// who outside the company each entry is visible to and can publish it to the partner or the customer.
import { Badge, Button, Card, Group, SegmentedControl, Stack, Text, Timeline, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { seesInternal } from '../../../core/access/audience';
import { useUser } from '../../lib/auth';
import { notifyError, notifySuccess } from '../../lib/errors';
import { formatDateTime, fromNow } from '../../lib/format';
import { can } from '../../lib/permissions';
import type { TimelineKind } from '../../lib/types';
import type { TimelineItem } from './hooks';
import { IconList } from '../../ui/Icons';
import { BlockSkeleton, Empty, ErrorAlert } from '../../ui/QueryState';
import { ActivityComposer } from './ActivityComposer';
import { actionLabel, AuditDiff } from './AuditDiff';
import { AudienceBadge, AudienceSelect } from './AudienceSelect';
import { useSetActivityAudience, useTimeline } from './hooks';
import { KIND_META } from './timeline-kinds';

export function TimelineTab({ accountId }: { accountId: string }) {
  const user = useUser();
  const [kind, setKind] = useState<'all' | TimelineKind>('all');
  const kinds: TimelineKind[] = ['note', 'call', 'meeting', 'email', 'system', ...(can.seeAudit(user.role) ? ['audit' as const] : [])];
  const q = useTimeline(accountId, kind === 'all' ? undefined : kind);
  // An activity's own audit entry repeats the activity; the Audit filter and tab still show it.
  const items = (q.data?.pages.flatMap((p) => p.items) ?? []).filter((it) => kind === 'audit' || it.action !== 'activity.create');

  return (
    <Stack gap="md">
      {can.logActivity(user.role) && <ActivityComposer accountId={accountId} />}
      <Card data-testid="timeline">
        <Group justify="space-between" mb="md" wrap="wrap" gap="sm">
          <Text fw={650}>Timeline</Text>
          <SegmentedControl size="xs" value={kind} onChange={(v) => setKind(v as typeof kind)} aria-label="Show kinds"
            data={[{ value: 'all', label: 'All' }, ...kinds.map((k) => ({ value: k, label: KIND_META[k].plural }))]} />
        </Group>
        {q.isPending ? <BlockSkeleton rows={6} />
          : q.error ? <ErrorAlert error={q.error} onRetry={() => q.refetch()} />
            : items.length === 0 ? <Empty title="Nothing here yet" icon={<IconList size={28} />}>Notes, calls, meetings, emails and system events appear here, newest first.</Empty>
              : (
                <>
                  <Timeline bulletSize={28} lineWidth={2} active={items.length - 1}>
                    {items.map((it) => <Entry key={it.id} item={it} accountId={accountId} staff={seesInternal(user)} />)}
                  </Timeline>
                  {q.hasNextPage && (
                    <Group justify="center" mt="lg">
                      <Button variant="light" onClick={() => q.fetchNextPage()} loading={q.isFetchingNextPage}>Load more</Button>
                    </Group>
                  )}
                  {!q.hasNextPage && items.length > 10 && <Text ta="center" size="xs" c="dimmed" mt="md">That is the whole history.</Text>}
                </>
              )}
      </Card>
    </Stack>
  );
}

// Timeline clones its children with its internal props (__active, __lineActive, …): pass them on to the item.
function Entry({ item, accountId, staff, ...timelineProps }: { item: TimelineItem; accountId: string; staff: boolean } & Record<string, unknown>) {
  const meta = KIND_META[item.kind] ?? KIND_META.system;
  const audit = item.kind === 'audit';
  const publish = useSetActivityAudience(accountId);
  return (
    <Timeline.Item
      {...timelineProps} bullet={meta.icon(14)} color={meta.color} data-kind={item.kind}
      title={(
        <Group gap={8} wrap="wrap">
          <Text fw={600} size="sm">{audit ? actionLabel(item.action) : item.subject}</Text>
          <Badge size="xs" color={meta.color} variant="light">{meta.label}</Badge>
          {!audit && item.audience !== 'internal' && <AudienceBadge audience={item.audience} />}
        </Group>
      )}
    >
      {audit ? <Stack mt={6}><AuditDiff before={item.before} after={item.after} max={6} /></Stack>
        : item.body && <Text size="sm" c="dimmed" mt={4} style={{ whiteSpace: 'pre-wrap' }} lineClamp={6}>{item.body}</Text>}
      <Text size="xs" c="dimmed" mt={4}>
        {item.actorName ? `${item.actorName.replace(/\s*<[^>]+>$/, '')} · ` : ''}
        <Tooltip label={formatDateTime(item.at)}><time dateTime={item.at}>{fromNow(item.at)}</time></Tooltip>
      </Text>
      {staff && !audit && item.version !== null && (
        <AudienceSelect
          label={null} size="xs" w={130} value={item.audience} disabled={publish.isPending}
          onChange={(audience) => publish.mutate({ id: item.id, version: item.version!, audience }, {
            onSuccess: () => notifySuccess(audience === 'internal' ? 'The entry is internal again.' : `The entry is now visible to the ${audience}.`),
            onError: (e) => notifyError(e),
          })}
        />
      )}
    </Timeline.Item>
  );
}
