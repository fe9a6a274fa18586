// The invoices list: filters (status, overdue, kind, account) kept in the URL, newest first, keyset "Load more".
// Customers see their own account's invoices (the API scopes the rows).
import { Button, Card, Checkbox, Group, Select } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useUser } from '../../lib/auth';
import { isInternal } from '../../lib/permissions';
import { PageHeader } from '../../ui/PageHeader';
import { BlockSkeleton, Empty, ErrorAlert } from '../../ui/QueryState';
import { AccountPicker } from '../accounts/AccountPicker';
import { KIND_LABELS, STATUS_LABELS, useInvoices, type InvoiceFilters } from './hooks';
import { InvoicesTable } from './InvoicesTable';

const KEYS = ['status', 'kind', 'accountId', 'overdue', 'escalated'] as const;

export function InvoicesPage() {
  const user = useUser();
  const internal = isInternal(user.role);
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(KEYS.map((k) => [k, params.get(k) ?? undefined])) as InvoiceFilters;
  const set = (k: string, v: string | null) => setParams((p) => { const n = new URLSearchParams(p); if (v) n.set(k, v); else n.delete(k); return n; }, { replace: true });
  const q = useInvoices(filters);
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader title="Invoices" description={internal ? 'Milestone, subscription and manual invoices, newest first. Net terms and dunning follow the playbook.' : 'Your invoices and what is still open.'} />
      <Card p="md" mb="md">
        <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label="Filter invoices">
          <Select label="Status" placeholder="Any status" clearable w={170} value={filters.status ?? null} onChange={(v) => set('status', v)}
            data={[{ value: 'open', label: 'Open (unpaid)' }, ...Object.entries(STATUS_LABELS).map(([value, s]) => ({ value, label: s.label }))]} />
          <Select label="Kind" placeholder="Any kind" clearable w={150} value={filters.kind ?? null} onChange={(v) => set('kind', v)}
            data={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))} />
          {internal && <AccountPicker label="Account" placeholder="All accounts" w={240} value={filters.accountId ?? null} onChange={(v) => set('accountId', v)} />}
          <Checkbox label="Overdue only" checked={filters.overdue === 'true'} onChange={(e) => set('overdue', e.currentTarget.checked ? 'true' : null)} mb={8} data-testid="filter-overdue" />
          {internal && <Checkbox label="Escalated" checked={filters.escalated === 'true'} onChange={(e) => set('escalated', e.currentTarget.checked ? 'true' : null)} mb={8} />}
        </Group>
      </Card>
      <Card p={0}>
        {q.isPending ? <BlockSkeleton rows={8} /> : q.error ? <ErrorAlert error={q.error} onRetry={() => q.refetch()} /> : items.length === 0 ? (
          <Empty title="No invoices match">Invoices are issued when a customer accepts a billable milestone, and for subscription periods.</Empty>
        ) : <InvoicesTable items={items} showAccount={internal} />}
      </Card>
      {q.hasNextPage && <Group justify="center" mt="md"><Button variant="light" onClick={() => q.fetchNextPage()} loading={q.isFetchingNextPage} data-testid="invoices-more">Load more</Button></Group>}
    </>
  );
}
