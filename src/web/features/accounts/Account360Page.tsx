// Customer 360, the hub of an account: header, profile, and a tab per stream (contacts, timeline, deals, projects,
// invoices, value and KPIs, audit), each shown to the roles whose API answers it (the account panels of the page table).
import { Badge, Button, Grid, Group, Tabs, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { ACCOUNT_PANELS, mayUse, type AccountPanel } from '../../../core/access/pages';
import type { Role } from '../../../core/access/roles';
import { useUser } from '../../lib/auth';
import { notifyError, notifySuccess } from '../../lib/errors';
import { formatMoney } from '../../lib/format';
import { can } from '../../lib/permissions';
import { SegmentBadge, StageBadge } from '../../ui/Badges';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { IconBriefcase, IconCoin, IconEdit, IconHistory, IconList, IconRocket, IconStar, IconTrash, IconUsers, IconWorld } from '../../ui/Icons';
import { NotFound } from '../../ui/NotFound';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, PageLoader } from '../../ui/QueryState';
import { AccountDealsTab } from './AccountDealsTab';
import { AccountFormModal } from './AccountFormModal';
import { AccountInvoicesTab } from './AccountInvoicesTab';
import { AccountProjectsTab } from './AccountProjectsTab';
import { AccountValueTab } from './AccountValueTab';
import { AuditTab } from './AuditTab';
import { ContactsTab } from './ContactsTab';
import { accountKeys, useAccount, useDeleteAccount } from './hooks';
import { ProfileCard } from './ProfileCard';
import { TimelineTab } from './TimelineTab';

type Tab = 'contacts' | 'timeline' | AccountPanel;
const TABS: { value: Tab; label: string; icon: ReactNode; panel: (accountId: string) => ReactNode }[] = [
  { value: 'contacts', label: 'Contacts', icon: <IconUsers size={16} />, panel: (id) => <ContactsTab accountId={id} /> },
  { value: 'timeline', label: 'Timeline', icon: <IconList size={16} />, panel: (id) => <TimelineTab accountId={id} /> },
  { value: 'opportunities', label: 'Deals', icon: <IconBriefcase size={16} />, panel: (id) => <AccountDealsTab accountId={id} /> },
  { value: 'projects', label: 'Projects', icon: <IconRocket size={16} />, panel: (id) => <AccountProjectsTab accountId={id} /> },
  { value: 'invoices', label: 'Invoices', icon: <IconCoin size={16} />, panel: (id) => <AccountInvoicesTab accountId={id} /> },
  { value: 'value', label: 'Value', icon: <IconStar size={16} />, panel: (id) => <AccountValueTab accountId={id} /> },
  { value: 'audit', label: 'Audit', icon: <IconHistory size={16} />, panel: (id) => <AuditTab accountId={id} /> },
];
/** Contacts and the timeline are every reader's; the other tabs follow the policies of their APIs. */
const tabsFor = (role: Role) => TABS.filter((t) => t.value === 'contacts' || t.value === 'timeline' || mayUse(role, ACCOUNT_PANELS[t.value]));

export function Account360Page() {
  const { id = '' } = useParams();
  const user = useUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = useAccount(id);
  const [editing, edit] = useDisclosure(false);
  const [deleting, del] = useDisclosure(false);
  const remove = useDeleteAccount();
  const qc = useQueryClient();
  // Once this page is gone, a deleted account leaves the cache (removing it earlier would flash a 404 here).
  const deleted = useRef<string | null>(null);
  useEffect(() => () => { if (deleted.current) qc.removeQueries({ queryKey: accountKeys.one(deleted.current) }); }, [qc]);
  const portal = user.role === 'customer';

  if (q.isPending) return <PageLoader label="Loading account…" />;
  if (q.error) {
    const status = (q.error as { status?: number }).status;
    if (status === 404 || status === 422 || status === 400) return <NotFound title="Account not found" message="This account does not exist, was deleted, or is not shared with you." />;
    return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  }
  const a = q.data;
  const tabs = tabsFor(user.role);
  const tabParam = params.get('tab');
  const tab = tabs.some((t) => t.value === tabParam) ? tabParam! : 'contacts';

  const onDelete = () => remove.mutate(a.id, {
    onSuccess: () => {
      notifySuccess(`${a.name} was deleted. An admin can restore it within 90 days.`, 'Account deleted');
      deleted.current = a.id;
      navigate('/accounts');
    },
    onError: (e) => notifyError(e),
  });

  return (
    <>
      <PageHeader
        crumbs={portal ? undefined : [{ label: 'Accounts', to: '/accounts' }, { label: a.name }]}
        title={<span data-testid="account-name">{a.name}</span>}
        actions={(
          <>
            {can.editAccount(user.role) && <Button leftSection={<IconEdit size={16} />} onClick={edit.open}>Edit</Button>}
            {can.deleteAccount(user.role) && <Button variant="default" color="red" leftSection={<IconTrash size={16} />} onClick={del.open}>Delete</Button>}
          </>
        )}
      >
        <Group gap="xs" mt={4} wrap="wrap">
          {a.domain && (
            <Group gap={4} c="dimmed"><IconWorld size={14} /><Text size="sm" c="dimmed">{a.domain}</Text></Group>
          )}
          <SegmentBadge segment={a.segment} />
          <StageBadge stage={a.lifecycleStage} />
          {a.arr > 0 && <Badge color="dark" variant="outline">ARR {formatMoney(a.arr, a.currency)}</Badge>}
          {portal && <Badge color="yellow" variant="light">Read-only customer view</Badge>}
        </Group>
      </PageHeader>

      <Grid gap="lg" align="flex-start">
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <ProfileCard account={a} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Tabs styles={{ tab: { paddingInline: 'var(--mantine-spacing-sm)' } }} value={tab} onChange={(v) => setParams((p) => { const n = new URLSearchParams(p); if (v && v !== 'contacts') n.set('tab', v); else n.delete('tab'); return n; }, { replace: true })} keepMounted={false}>
            <Tabs.List mb="md">
              {tabs.map((t) => <Tabs.Tab key={t.value} value={t.value} leftSection={t.icon}>{t.label}</Tabs.Tab>)}
            </Tabs.List>
            {tabs.map((t) => <Tabs.Panel key={t.value} value={t.value}>{t.panel(a.id)}</Tabs.Panel>)}
          </Tabs>
        </Grid.Col>
      </Grid>

      <AccountFormModal opened={editing} onClose={edit.close} account={a} onReload={async () => (await q.refetch()).data} />
      <ConfirmModal opened={deleting} onClose={del.close} onConfirm={onDelete} loading={remove.isPending} title={`Delete ${a.name}?`} confirmLabel="Delete account">
        The account disappears from lists and dashboards. An administrator can restore it within 90 days; its contacts and timeline are kept.
      </ConfirmModal>
    </>
  );
}
