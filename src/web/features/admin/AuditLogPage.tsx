// The audit log: every mutation with actor, entity and before → after; filter by entity type and actor.
import { Anchor, Badge, Button, Card, Collapse, Group, ScrollArea, Select, Table, Text, UnstyledButton } from '@mantine/core';
import { Fragment, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useDirectory, userOptions } from '../../lib/directory';
import { formatDateTime, fromNow } from '../../lib/format';
import { IconChevronDown, IconHistory } from '../../ui/Icons';
import { PageHeader } from '../../ui/PageHeader';
import { BlockSkeleton, Empty, ErrorAlert } from '../../ui/QueryState';
import { actionLabel, AuditDiff, changedKeys } from '../accounts/AuditDiff';
import { useAuditLog } from './hooks';

const ENTITY_TYPES = [
  { value: 'account', label: 'Accounts' }, { value: 'contact', label: 'Contacts' }, { value: 'activity', label: 'Activities' },
  { value: 'timer', label: 'Reminders' }, { value: 'user', label: 'Users' }, { value: 'api_token', label: 'API tokens' },
  { value: 'webhook', label: 'Webhooks' }, { value: 'playbook', label: 'Playbook' },
];

export function AuditLogPage() {
  const [params, setParams] = useSearchParams();
  const entityType = params.get('entityType') ?? undefined;
  const actorId = params.get('actorId') ?? undefined;
  const directory = useDirectory();
  const q = useAuditLog({ entityType, actorId });
  const [expanded, setExpanded] = useState<number | null>(null);
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (k: string, v: string | null) => setParams((p) => { const n = new URLSearchParams(p); if (v) n.set(k, v); else n.delete(k); return n; }, { replace: true });

  return (
    <>
      <PageHeader title="Audit log" description="Every change, who made it and when, newest first. Entries are kept for at least 180 days." />
      <Group mb="md" gap="sm" align="flex-end">
        <Select label="Entity" placeholder="Everything" clearable data={ENTITY_TYPES} value={entityType ?? null} onChange={(v) => set('entityType', v)} w={200} />
        <Select label="Actor" placeholder="Anyone" clearable searchable data={userOptions(directory.users)} value={actorId ?? null} onChange={(v) => set('actorId', v)} w={240} />
      </Group>
      <Card p={0}>
        {q.isPending ? <BlockSkeleton rows={8} /> : q.error ? <ErrorAlert error={q.error} onRetry={() => q.refetch()} /> : items.length === 0 ? (
          <Empty title="No entries match" icon={<IconHistory size={28} />} />
        ) : (
          <ScrollArea type="auto">
            <Table miw={860} data-testid="audit-table">
              <Table.Thead><Table.Tr><Table.Th>When</Table.Th><Table.Th>Actor</Table.Th><Table.Th>Action</Table.Th><Table.Th>Entity</Table.Th><Table.Th>Changes</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {items.map((e) => {
                  const fields = changedKeys(e.before, e.after);
                  const open = expanded === e.id;
                  return (
                    <Fragment key={e.id}>
                      <Table.Tr>
                        <Table.Td><Text size="sm" title={formatDateTime(e.at)} style={{ whiteSpace: 'nowrap' }}>{fromNow(e.at)}</Text></Table.Td>
                        <Table.Td><Text size="sm">{e.actorLabel.replace(/\s*<[^>]+>$/, '')}</Text></Table.Td>
                        <Table.Td><Badge color="grape" variant="light">{actionLabel(e.action)}</Badge></Table.Td>
                        <Table.Td>
                          {e.accountId ? <Anchor component={Link} to={`/accounts/${e.accountId}?tab=audit`} size="sm">{e.entityType} · open account</Anchor>
                            : <Text size="sm">{e.entityType} <Text span size="xs" c="dimmed" ff="monospace">{e.entityId.slice(0, 8)}</Text></Text>}
                        </Table.Td>
                        <Table.Td>
                          {fields.length === 0 ? <Text size="sm" c="dimmed">—</Text> : (
                            <UnstyledButton onClick={() => setExpanded(open ? null : e.id)} aria-expanded={open} fz="sm" c="brand.7">
                              <Group gap={4} wrap="nowrap">{fields.length} field{fields.length === 1 ? '' : 's'}<IconChevronDown size={14} style={{ transform: open ? 'rotate(180deg)' : undefined }} /></Group>
                            </UnstyledButton>
                          )}
                        </Table.Td>
                      </Table.Tr>
                      {open && (
                        <Table.Tr>
                          <Table.Td colSpan={5} bg="var(--mantine-color-gray-0)">
                            <Collapse expanded><AuditDiff before={e.before} after={e.after} max={40} /></Collapse>
                          </Table.Td>
                        </Table.Tr>
                      )}
                    </Fragment>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        )}
      </Card>
      {q.hasNextPage && <Group justify="center" mt="md"><Button variant="light" onClick={() => q.fetchNextPage()} loading={q.isFetchingNextPage}>Load more</Button></Group>}
    </>
  );
}
