// Customer 360: header, profile, and tabs for contacts, timeline and (for internal users) the audit trail.
import { Badge, Button, Grid, Group, Tabs, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useUser } from '../../lib/auth';
import { notifyError, notifySuccess } from '../../lib/errors';
import { formatMoney } from '../../lib/format';
import { can } from '../../lib/permissions';
import { SegmentBadge, StageBadge } from '../../ui/Badges';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { IconEdit, IconHistory, IconList, IconTrash, IconUsers, IconWorld } from '../../ui/Icons';
import { NotFound } from '../../ui/NotFound';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, PageLoader } from '../../ui/QueryState';
import { AccountFormModal } from './AccountFormModal';
import { AuditTab } from './AuditTab';
import { ContactsTab } from './ContactsTab';
import { accountKeys, useAccount, useDeleteAccount } from './hooks';
import { ProfileCard } from './ProfileCard';
import { TimelineTab } from './TimelineTab';

const TABS = ['contacts', 'timeline', 'audit'] as const;

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
  const seesAudit = can.seeAudit(user.role);
  const tabParam = params.get('tab');
  const tab = (TABS as readonly string[]).includes(tabParam ?? '') && (tabParam !== 'audit' || seesAudit) ? tabParam! : 'contacts';

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
          <Tabs value={tab} onChange={(v) => setParams((p) => { const n = new URLSearchParams(p); if (v && v !== 'contacts') n.set('tab', v); else n.delete('tab'); return n; }, { replace: true })} keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="contacts" leftSection={<IconUsers size={16} />}>Contacts</Tabs.Tab>
              <Tabs.Tab value="timeline" leftSection={<IconList size={16} />}>Timeline</Tabs.Tab>
              {seesAudit && <Tabs.Tab value="audit" leftSection={<IconHistory size={16} />}>Audit</Tabs.Tab>}
            </Tabs.List>
            <Tabs.Panel value="contacts"><ContactsTab accountId={a.id} /></Tabs.Panel>
            <Tabs.Panel value="timeline"><TimelineTab accountId={a.id} /></Tabs.Panel>
            {seesAudit && <Tabs.Panel value="audit"><AuditTab accountId={a.id} /></Tabs.Panel>}
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
