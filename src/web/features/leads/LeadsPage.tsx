// The lead inbox: leads with a running SLA clock, least time left first, with live countdowns; and the list of all
// leads. Filters live in the URL. Partner users see their own referrals.
import { Anchor, Badge, Button, Card, Group, Select, Table, Tabs, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, useSearchParams } from 'react-router';
import { LEAD_STATUSES, PRIORITIES } from '../../../core/leads/schemas';
import { useUser } from '../../lib/auth';
import { useDirectory, userOptions } from '../../lib/directory';
import { fromNow, humanize } from '../../lib/format';
import { isInternal } from '../../lib/permissions';
import { CursorPager, useCursorStack } from '../../ui/CursorPager';
import { IconPlus } from '../../ui/Icons';
import { PageHeader } from '../../ui/PageHeader';
import { Empty, ErrorAlert } from '../../ui/QueryState';
import { leadName, useLeads, useNow, usePlaybook, type LeadQuery } from './hooks';
import { NewLeadModal } from './NewLeadModal';
import { SlaCountdown } from './SlaCountdown';

const FILTERS = ['status', 'source', 'ownerId', 'priority'] as const;
export const PRIORITY_COLOR: Record<string, string> = { hot: 'red', warm: 'orange', cold: 'blue' };
export const STATUS_COLOR: Record<string, string> = { new: 'blue', working: 'cyan', qualified: 'teal', disqualified: 'gray', converted: 'violet' };

export function LeadsPage() {
  const user = useUser();
  const internal = isInternal(user.role);
  const seller = ['admin', 'sales', 'sdr'].includes(user.role);
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'all' ? 'all' : 'inbox';
  const filters = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? undefined])) as Record<(typeof FILTERS)[number], string | undefined>;
  const set = (patch: Record<string, string | null | undefined>) => setParams((prev) => {
    const next = new URLSearchParams(prev);
    for (const [k, v] of Object.entries(patch)) { if (v) next.set(k, v); else next.delete(k); }
    return next;
  }, { replace: true });
  const limit = [25, 50, 100].includes(Number(params.get('limit'))) ? Number(params.get('limit')) : 50;
  const pager = useCursorStack(JSON.stringify([tab, filters, limit]));
  // The filters come from the address bar; the server refuses values outside its enums with 422.
  const q = useLeads(tab, { ...filters, limit, cursor: pager.cursor } as LeadQuery);
  const directory = useDirectory();
  const playbook = usePlaybook();
  const sources = playbook.data?.leads.sources ?? [];
  const sourceLabel = (id: string) => sources.find((s) => s.id === id)?.label ?? humanize(id);
  const [creating, create] = useDisclosure(false);
  const now = useNow();
  const statuses = tab === 'inbox' ? ['new', 'working', 'qualified'] : [...LEAD_STATUSES];

  return (
    <>
      <PageHeader
        title={internal ? 'Lead inbox' : 'Referred leads'}
        description={tab === 'inbox' ? 'Leads whose SLA clock is running, least time left first (first response, then qualification).' : 'Every lead, newest first.'}
        actions={(
          <>
            {seller && <Button variant="default" component={Link} to="/leads/team">Sales team</Button>}
            {seller && <Button variant="default" component={Link} to="/leads/forms">Web forms</Button>}
            <Button leftSection={<IconPlus size={16} />} onClick={create.open}>{internal ? 'New lead' : 'Refer a lead'}</Button>
          </>
        )}
      />
      <Tabs value={tab} onChange={(v) => set({ tab: v === 'all' ? 'all' : null, status: null })} mb="md">
        <Tabs.List>
          <Tabs.Tab value="inbox">Inbox (SLA)</Tabs.Tab>
          <Tabs.Tab value="all">All leads</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <Card p="md" mb="md">
        <Group gap="sm" align="flex-end" role="search" aria-label="Filter leads">
          <Select label="Status" placeholder="Any status" clearable w={160} value={filters.status ?? null}
            data={statuses.map((s) => ({ value: s, label: humanize(s) }))} onChange={(v) => set({ status: v })} />
          {sources.length > 0 && (
            <Select label="Source" placeholder="Any source" clearable w={220} value={filters.source ?? null}
              data={sources.map((s) => ({ value: s.id, label: s.label }))} onChange={(v) => set({ source: v })} />
          )}
          <Select label="Priority" placeholder="Any priority" clearable w={140} value={filters.priority ?? null}
            data={PRIORITIES.map((p) => ({ value: p, label: humanize(p) }))} onChange={(v) => set({ priority: v })} />
          {internal && (
            <Select label="Owner" placeholder="Anyone" clearable searchable w={200} value={filters.ownerId ?? null}
              data={[{ group: 'Special', items: [{ value: 'none', label: 'Unassigned' }, { value: user.id, label: 'Me' }] }, ...userOptions(directory.users.filter((u) => u.id !== user.id), ['sales', 'sdr', 'admin'])]}
              onChange={(v) => set({ ownerId: v })} />
          )}
        </Group>
      </Card>
      {q.error ? <ErrorAlert error={q.error} onRetry={() => q.refetch()} /> : (
        <Card p={0}>
          <Table.ScrollContainer minWidth={1000}>
            <Table highlightOnHover verticalSpacing="sm" data-testid="leads-table" aria-busy={q.isFetching}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Lead</Table.Th><Table.Th>Company</Table.Th><Table.Th>Source</Table.Th><Table.Th>Status</Table.Th>
                  <Table.Th>Score</Table.Th>{internal && <Table.Th>Owner</Table.Th>}<Table.Th>{tab === 'inbox' ? 'Time left' : 'Created'}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(q.data?.items ?? []).map((l) => (
                  <Table.Tr key={l.id} data-breached={l.slaDueAt && new Date(l.slaDueAt).getTime() < now ? 'true' : 'false'}>
                    <Table.Td>
                      <Anchor component={Link} to={`/leads/${l.id}`} fw={600}>{leadName(l)}</Anchor>
                      <Text size="xs" c="dimmed">{l.title ?? l.email}</Text>
                    </Table.Td>
                    <Table.Td><Text size="sm">{l.companyName ?? l.domain ?? '—'}</Text></Table.Td>
                    <Table.Td><Text size="sm">{sourceLabel(l.source)}</Text>{l.campaign && <Text size="xs" c="dimmed">{l.campaign}</Text>}</Table.Td>
                    <Table.Td><Badge variant="light" color={STATUS_COLOR[l.status]}>{l.status}</Badge></Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Group gap={6} wrap="nowrap"><Text fw={600} size="sm">{l.score}</Text>{l.priority && <Badge size="sm" color={PRIORITY_COLOR[l.priority]} variant="dot">{l.priority}</Badge>}</Group>
                    </Table.Td>
                    {internal && <Table.Td><Text size="sm">{directory.nameOf(l.ownerId) ?? <Text span c="dimmed" size="sm">Unassigned</Text>}</Text></Table.Td>}
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {tab === 'inbox'
                        ? <SlaCountdown dueAt={l.slaDueAt} startedAt={l.firstRespondedAt ?? l.createdAt} now={now} label={l.firstRespondedAt ? 'Qualification due' : 'First response due'} />
                        : <Text size="sm">{fromNow(l.createdAt)}</Text>}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {q.data && q.data.items.length === 0 && <Empty title={tab === 'inbox' ? 'No lead is waiting' : 'No leads match'}>{tab === 'inbox' ? 'Every SLA clock is stopped: new leads appear here as they arrive.' : 'Change the filters or capture a lead.'}</Empty>}
        </Card>
      )}
      <CursorPager page={pager.page} pageSize={limit} onPageSize={(n) => set({ limit: n === 50 ? null : String(n) })} shown={q.data?.items.length ?? 0} hasPrev={pager.hasPrev}
        nextCursor={q.data?.nextCursor} onPrev={pager.prev} onNext={pager.next} loading={q.isFetching} label="leads" />
      <NewLeadModal opened={creating} onClose={create.close} />
    </>
  );
}
