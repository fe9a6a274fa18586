import { Anchor, Group, LoadingOverlay, ScrollArea, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import type { KeyboardEvent, MouseEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { formatMoney, fromNow, formatDateTime } from '../../lib/format';
import type { Account } from './hooks';
import { SegmentBadge, StageBadge } from '../../ui/Badges';
import { IconChevronDown, IconBuilding } from '../../ui/Icons';
import { BlockSkeleton, Empty } from '../../ui/QueryState';

interface Props {
  accounts: Account[] | undefined; loading: boolean; fetching: boolean; sort: string; onSort: (sort: string) => void;
  ownerName: (id: string | null) => string | null; showOwners: boolean; hasFilters: boolean;
}

function SortHeader({ field, label, sort, onSort, align }: { field: string; label: string; sort: string; onSort: (s: string) => void; align?: 'right' }) {
  const active = sort.replace('-', '') === field;
  const desc = sort.startsWith('-');
  const next = active && !desc ? `-${field}` : field;
  return (
    <Table.Th aria-sort={active ? (desc ? 'descending' : 'ascending') : 'none'} style={{ textAlign: align }}>
      <UnstyledButton onClick={() => onSort(next)} fw={600} fz="sm" aria-label={`Sort by ${label}${active ? (desc ? ', currently descending' : ', currently ascending') : ''}`}>
        <Group gap={4} wrap="nowrap" justify={align === 'right' ? 'flex-end' : undefined}>
          {label}
          <IconChevronDown size={14} style={{ opacity: active ? 1 : 0.3, transform: active && !desc ? 'rotate(180deg)' : undefined, transition: 'transform 120ms' }} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

export function AccountsTable({ accounts, loading, fetching, sort, onSort, ownerName, showOwners, hasFilters }: Props) {
  const navigate = useNavigate();
  if (loading) return <Stack p="md"><BlockSkeleton rows={8} /></Stack>;
  if (!accounts || accounts.length === 0) {
    return (
      <Empty title={hasFilters ? 'No accounts match these filters' : 'No accounts yet'} icon={<IconBuilding size={32} />}>
        {hasFilters ? 'Try a shorter search or clear a filter.' : 'Accounts you create or import appear here.'}
      </Empty>
    );
  }
  const open = (e: MouseEvent | KeyboardEvent, id: string) => {
    if ((e.target as HTMLElement).closest('a,button')) return;
    navigate(`/accounts/${id}`);
  };
  return (
    <ScrollArea type="auto" pos="relative">
      <LoadingOverlay visible={fetching} overlayProps={{ backgroundOpacity: 0.35 }} loaderProps={{ size: 'sm' }} />
      <Table miw={860} data-testid="accounts-table">
        <Table.Thead>
          <Table.Tr>
            <SortHeader field="name" label="Name" sort={sort} onSort={onSort} />
            <Table.Th>Segment</Table.Th>
            <Table.Th>Stage</Table.Th>
            <Table.Th>Region</Table.Th>
            {showOwners && <Table.Th>Owners</Table.Th>}
            <SortHeader field="arr" label="ARR" sort={sort} onSort={onSort} align="right" />
            <SortHeader field="updatedAt" label="Updated" sort={sort} onSort={onSort} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {accounts.map((a) => (
            <Table.Tr key={a.id} onClick={(e) => open(e, a.id)} style={{ cursor: 'pointer' }}>
              <Table.Td>
                <Anchor component={Link} to={`/accounts/${a.id}`} fw={600} c="var(--mantine-color-text)" underline="hover">{a.name}</Anchor>
                {a.domain && <Text size="xs" c="dimmed">{a.domain}</Text>}
              </Table.Td>
              <Table.Td><SegmentBadge segment={a.segment} /></Table.Td>
              <Table.Td><StageBadge stage={a.lifecycleStage} /></Table.Td>
              <Table.Td><Text size="sm">{a.region ?? '—'}</Text>{a.country && <Text size="xs" c="dimmed">{a.country}</Text>}</Table.Td>
              {showOwners && (
                <Table.Td>
                  <Text size="sm">{ownerName(a.aeId) ?? '—'}</Text>
                  {a.csmId && <Text size="xs" c="dimmed">CSM {ownerName(a.csmId) ?? '—'}</Text>}
                </Table.Td>
              )}
              <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>{a.arr ? formatMoney(a.arr, a.currency) : <Text span c="dimmed" size="sm">—</Text>}</Table.Td>
              <Table.Td><Text size="sm" title={formatDateTime(a.updatedAt)}>{fromNow(a.updatedAt)}</Text></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
