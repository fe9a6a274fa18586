// Every project: filter by status, manager and name; newest start first with keyset "Load more".
import { Button, Card, CloseButton, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { client, ok } from '../../lib/api';
import { useDirectory, userOptions } from '../../lib/directory';
import { humanize } from '../../lib/format';
import { IconSearch } from '../../ui/Icons';
import { PageHeader } from '../../ui/PageHeader';
import { BlockSkeleton, Empty, ErrorAlert } from '../../ui/QueryState';
import { deliveryKeys, useProjects } from './hooks';
import { PortfolioTable } from './PortfolioTable';
import type { ProjectFilters } from './hooks';

const STATUSES = ['open', 'planned', 'active', 'hypercare', 'on_hold', 'closed', 'cancelled'];

export function ProjectsPage() {
  const [params, setParams] = useSearchParams();
  const { users } = useDirectory();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [q] = useDebouncedValue(search.trim(), 300);
  const status = (params.get('status') ?? undefined) as ProjectFilters['status'];
  const managerId = params.get('managerId') ?? undefined;
  const set = (k: string, v: string | null) => setParams((p) => { const n = new URLSearchParams(p); if (v) n.set(k, v); else n.delete(k); return n; }, { replace: true });
  const list = useProjects({ status, managerId, q: q || undefined }, 25);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  // Progress and the next milestone come from each project's detail (shared with the Delivery Command's cache).
  const details = useQueries({ queries: items.map((p) => ({ queryKey: deliveryKeys.project(p.id), queryFn: () => ok(client.GET('/projects/{id}', { params: { path: { id: p.id } } })), staleTime: 30_000 })) });
  const byId = new Map(details.flatMap((d) => (d.data ? [[d.data.id, d.data] as const] : [])));
  return (
    <>
      <PageHeader title="Projects" description="Implementation projects started from signed contracts, newest first." />
      <Card p="md" mb="md">
        <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label="Filter projects">
          <TextInput label="Search" placeholder="Project name" leftSection={<IconSearch size={16} />} w={240} value={search} onChange={(e) => setSearch(e.currentTarget.value)}
            rightSection={search ? <CloseButton size="sm" aria-label="Clear search" onClick={() => setSearch('')} /> : null} />
          <Select label="Status" placeholder="Any status" clearable w={170} value={status ?? null} onChange={(v) => set('status', v)}
            data={STATUSES.map((s) => ({ value: s, label: s === 'open' ? 'Open (not ended)' : humanize(s) }))} />
          {users.length > 0 && <Select label="Manager" placeholder="Anyone" clearable searchable w={220} value={managerId ?? null} onChange={(v) => set('managerId', v)} data={userOptions(users, ['delivery', 'admin', 'executive'])} />}
        </Group>
      </Card>
      <Card p={0}>
        {list.isPending ? <BlockSkeleton rows={8} /> : list.error ? <ErrorAlert error={list.error} onRetry={() => list.refetch()} /> : items.length === 0 ? (
          <Empty title="No projects match">A project starts when a deal is closed won with a signed contract.</Empty>
        ) : <PortfolioTable items={items} details={byId} />}
      </Card>
      {list.hasNextPage && <Group justify="center" mt="md"><Button variant="light" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>Load more</Button></Group>}
    </>
  );
}
