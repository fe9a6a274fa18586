// The accounts list: server-side keyset paging, filters and sort reflected in the URL, debounced search.
import { Button, Card, CloseButton, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ACCOUNT_SORTS, LIFECYCLE_STAGES, REGIONS, SEGMENTS, STAGE_LABELS } from '../../../core/accounts/schemas';
import { useUser } from '../../lib/auth';
import { useDirectory, usePartners, userOptions } from '../../lib/directory';
import { can, isInternal } from '../../lib/permissions';
import { SEGMENT_LABELS } from '../../ui/Badges';
import { CursorPager, useCursorStack } from '../../ui/CursorPager';
import { IconPlus, IconSearch } from '../../ui/Icons';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert } from '../../ui/QueryState';
import { AccountFormModal } from './AccountFormModal';
import { AccountsTable } from './AccountsTable';
import { useAccounts, type AccountListParams } from './hooks';

const FILTER_KEYS = ['q', 'segment', 'lifecycleStage', 'region', 'ownerId', 'partnerId'] as const;
const PAGE_SIZES = [25, 50, 100];

export function AccountsPage() {
  const user = useUser();
  const internal = isInternal(user.role);
  const [params, setParams] = useSearchParams();
  const directory = useDirectory();
  const partners = usePartners();
  const [creating, createModal] = useDisclosure(false);

  const get = (k: string) => params.get(k) ?? undefined;
  const sortParam = get('sort');
  const sort = sortParam && (ACCOUNT_SORTS as readonly string[]).includes(sortParam) ? sortParam as (typeof ACCOUNT_SORTS)[number] : 'name';
  const limitParam = Number(get('limit'));
  const limit = PAGE_SIZES.includes(limitParam) ? limitParam : 25;
  const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, get(k)])) as Record<(typeof FILTER_KEYS)[number], string | undefined>;

  const set = (patch: Record<string, string | null | undefined>) => {
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) { if (v) next.set(k, v); else next.delete(k); }
      return next;
    }, { replace: true });
  };

  // The search box updates the URL 300 ms after the last keystroke.
  const [search, setSearch] = useState(filters.q ?? '');
  const [debounced] = useDebouncedValue(search, 300);
  useEffect(() => { if ((debounced.trim() || undefined) !== filters.q) set({ q: debounced.trim() || null }); }, [debounced]);
  useEffect(() => { if ((filters.q ?? '') !== debounced.trim()) setSearch(filters.q ?? ''); }, [filters.q]);

  const resetKey = JSON.stringify([filters, sort, limit]);
  const pager = useCursorStack(resetKey);
  // The URL is the user's to edit: the server refuses an unknown segment, stage or region with a 422 the page shows.
  const query = useAccounts({ ...(filters as Pick<AccountListParams, (typeof FILTER_KEYS)[number]>), sort, limit, cursor: pager.cursor });
  const hasFilters = FILTER_KEYS.some((k) => filters[k]);
  const partnerName = filters.partnerId ? partners.nameOf(filters.partnerId) : null;

  return (
    <>
      <PageHeader
        title="Accounts"
        description={partnerName ? `Accounts of ${partnerName}` : internal ? 'Every customer and prospect, with owners, stage and ARR.' : 'The accounts you work with.'}
        actions={can.createAccount(user.role) && (
          <Button leftSection={<IconPlus size={16} />} onClick={createModal.open}>New account</Button>
        )}
      />
      <Card p="md" mb="md">
        <Group gap="sm" wrap="wrap" align="flex-end" role="search" aria-label="Filter accounts">
          <TextInput
            label="Search" placeholder="Name or domain" leftSection={<IconSearch size={16} />} w={230}
            value={search} onChange={(e) => setSearch(e.currentTarget.value)}
            rightSection={search ? <CloseButton size="sm" aria-label="Clear search" onClick={() => setSearch('')} /> : null}
          />
          <Select label="Segment" placeholder="All segments" clearable w={140} value={filters.segment ?? null}
            data={SEGMENTS.map((s) => ({ value: s, label: SEGMENT_LABELS[s] }))} onChange={(v) => set({ segment: v })} />
          <Select label="Lifecycle stage" placeholder="All stages" clearable w={180} value={filters.lifecycleStage ?? null}
            data={LIFECYCLE_STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] }))} onChange={(v) => set({ lifecycleStage: v })} />
          <Select label="Region" placeholder="All regions" clearable w={120} value={filters.region ?? null}
            data={[...REGIONS]} onChange={(v) => set({ region: v })} />
          {internal && (
            <Select label="Owner" placeholder="Anyone" clearable searchable w={190} value={filters.ownerId ?? null}
              data={userOptions(directory.users, ['sales', 'csm', 'admin', 'sdr'])} onChange={(v) => set({ ownerId: v })} />
          )}
          {internal && filters.partnerId && (
            <Select label="Partner" clearable w={220} value={filters.partnerId}
              data={partners.partners.map((p) => ({ value: p.id, label: p.name }))} onChange={(v) => set({ partnerId: v })} />
          )}
          {hasFilters && (
            <Button variant="subtle" onClick={() => { setSearch(''); set(Object.fromEntries(FILTER_KEYS.map((k) => [k, null]))); }}>
              Clear filters
            </Button>
          )}
        </Group>
      </Card>
      {query.error ? <ErrorAlert error={query.error} onRetry={() => query.refetch()} /> : (
        <Card p={0}>
          <AccountsTable
            accounts={query.data?.items} loading={query.isPending} fetching={query.isFetching}
            sort={sort} onSort={(s) => set({ sort: s === 'name' ? null : s })} ownerName={directory.nameOf}
            showOwners={internal} hasFilters={hasFilters}
          />
        </Card>
      )}
      <CursorPager page={pager.page} pageSize={limit} shown={query.data?.items.length ?? 0} hasPrev={pager.hasPrev}
        nextCursor={query.data?.nextCursor} onPrev={pager.prev} onNext={pager.next} loading={query.isFetching}
        onPageSize={(n) => set({ limit: n === 25 ? null : String(n) })} label="accounts"
        total={query.data ? { count: query.data.total, exact: query.data.totalExact } : undefined} />
      <AccountFormModal opened={creating} onClose={createModal.close} />
    </>
  );
}
