// The project page: status, week n of N, progress, forecast vs baseline end, lifecycle actions (kickoff, go-live,
// close, cancel) and tabs: Plan (Gantt), Tasks, Milestones, Governance, Status reports, Metrics, KPIs, Invoices.
// Customers see their own project (row-scoped by the API) with the plan, milestones to accept, KPIs and invoices.
import { Anchor, Badge, Button, Group, Progress, Tabs, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, useParams, useSearchParams } from 'react-router';
import { mayFollow } from '../../../core/access/pages';
import { useUser } from '../../lib/auth';
import { useDirectory } from '../../lib/directory';
import { formatDate, formatMoney, humanize } from '../../lib/format';
import { isInternal } from '../../lib/permissions';
import { NotFound } from '../../ui/NotFound';
import { PageHeader } from '../../ui/PageHeader';
import { Empty, ErrorAlert, PageLoader } from '../../ui/QueryState';
import { canReadInvoices, useInvoices } from '../finance/hooks';
import { InvoicesTable } from '../finance/InvoicesTable';
import { AlertsList } from '../realization/AlertsList';
import { KpisPanel } from '../realization/KpisPanel';
import { weekOf } from './format';
import { GovernanceTab } from './GovernanceTab';
import { canDecide, canDeliver, STATUS_COLORS, useProject } from './hooks';
import { MetricsTab } from './MetricsTab';
import { MilestonesTab } from './MilestonesTab';
import { PlanTab } from './PlanTab';
import { CancelDialog, CloseDialog, GoLiveDialog, KickoffDialog } from './ProjectActions';
import { ReportsTab } from './ReportsTab';
import { TasksTab } from './TasksTab';

const INTERNAL_TABS = ['plan', 'tasks', 'milestones', 'governance', 'reports', 'metrics', 'kpis', 'invoices'] as const;
const CUSTOMER_TABS = ['plan', 'milestones', 'reports', 'kpis', 'invoices'] as const;

export function ProjectPage() {
  const { id = '' } = useParams();
  const user = useUser();
  const q = useProject(id);
  const { nameOf } = useDirectory();
  const [params, setParams] = useSearchParams();
  const [kicking, kick] = useDisclosure(false);
  const [living, live] = useDisclosure(false);
  const [closing, close] = useDisclosure(false);
  const [cancelling, cancel] = useDisclosure(false);
  if (q.isPending) return <PageLoader label="Loading project…" />;
  if (q.error) {
    const status = (q.error as { status?: number }).status;
    if (status === 404 || status === 400) return <NotFound title="Project not found" message="This project does not exist or is not shared with you." />;
    return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  }
  const p = q.data;
  const customer = user.role === 'customer';
  const internal = isInternal(user.role);
  const tabs: readonly string[] = customer ? CUSTOMER_TABS : INTERNAL_TABS.filter((t) => t !== 'invoices' || canReadInvoices(user.role));
  const tab = tabs.includes(params.get('tab') ?? '') ? params.get('tab')! : 'plan';
  const setTab = (v: string | null) => setParams(v && v !== 'plan' ? { tab: v } : {}, { replace: true });
  const delivery = canDeliver(user.role);
  const ended = p.status === 'closed' || p.status === 'cancelled';
  const wk = weekOf(p);
  const awaiting = p.milestones.filter((m) => m.status === 'submitted').length;

  return (
    <>
      <PageHeader
        crumbs={customer ? [{ label: 'My project', to: '/portal' }, { label: p.name }] : [{ label: 'Projects', to: '/projects' }, { label: p.name }]}
        title={<span data-testid="project-name">{p.name}</span>}
        actions={canDecide(user.role) && !ended ? (
          <>
            {delivery && p.status === 'planned' && <Button onClick={kick.open} data-testid="kickoff-button">Kick off</Button>}
            {delivery && p.status === 'active' && (p.checklists.goLive.blockedBy.length === 0
              ? <Button color="grape" onClick={live.open} data-testid="go-live-button">Go live</Button>
              : (
                <Tooltip multiline w={300} label={`Go-live waits for: ${p.checklists.goLive.blockedBy.map((g) => g.label).join('; ')}.`}>
                  {/* data-disabled, not disabled: a disabled button gets no pointer events, so no tooltip */}
                  <Button color="grape" variant="light" data-disabled aria-disabled onClick={(e) => e.preventDefault()} data-testid="go-live-button">Go live</Button>
                </Tooltip>
              ))}
            {delivery && p.status === 'hypercare' && <Button color="teal" onClick={close.open} data-testid="close-button">Close project</Button>}
            <Button variant="subtle" color="red" onClick={cancel.open}>Cancel project</Button>
          </>
        ) : undefined}
      >
        <Group gap="xs" mt={4} wrap="wrap">
          {mayFollow(user.role, `/accounts/${p.accountId}`) ? <Anchor component={Link} to={`/accounts/${p.accountId}`} size="sm">{p.accountName}</Anchor> : <Text size="sm">{p.accountName}</Text>}
          <Badge color={STATUS_COLORS[p.status]} data-testid="project-status">{humanize(p.status)}</Badge>
          <Badge variant="outline" color="gray" data-testid="project-week">Week {wk.n} of {wk.of}</Badge>
          <Tooltip label={`Baseline end ${formatDate(p.baselineEndDate)}`}>
            <Badge variant="light" color={p.slipDays > 0 ? (p.slipDays > 14 ? 'red' : 'orange') : 'teal'} data-testid="project-slip">
              Ends {formatDate(p.forecastEndDate)}{p.slipDays ? ` (${p.slipDays > 0 ? '+' : ''}${p.slipDays} d)` : ' (on baseline)'}
            </Badge>
          </Tooltip>
          {awaiting > 0 && <Badge color="yellow" variant="filled">{awaiting} awaiting acceptance</Badge>}
          {internal && <Text size="sm" c="dimmed">Manager {nameOf(p.managerId) ?? '—'} · {formatMoney(p.servicesFee, p.currency)} services · {Math.round(p.budgetHours)} h budget</Text>}
        </Group>
        <Group gap="sm" mt={6} maw={520} wrap="nowrap">
          <Progress value={p.progress.percentDone} style={{ flex: 1 }} size="md" aria-label="Progress" />
          <Text size="sm" fw={600} data-testid="project-progress">{p.progress.percentDone} % done</Text>
          <Text size="xs" c="dimmed">{p.progress.tasksDone}/{p.progress.tasks} tasks</Text>
        </Group>
        {p.status === 'cancelled' && <Text size="sm" c="red.7">Cancelled: {p.cancelReason}</Text>}
      </PageHeader>

      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="plan">Plan</Tabs.Tab>
          {tabs.includes('tasks') && <Tabs.Tab value="tasks">Tasks</Tabs.Tab>}
          <Tabs.Tab value="milestones">Milestones{awaiting ? ` (${awaiting})` : ''}</Tabs.Tab>
          {tabs.includes('governance') && <Tabs.Tab value="governance">Governance</Tabs.Tab>}
          {tabs.includes('reports') && <Tabs.Tab value="reports">Status reports</Tabs.Tab>}
          {tabs.includes('metrics') && <Tabs.Tab value="metrics">Metrics</Tabs.Tab>}
          <Tabs.Tab value="kpis">{customer ? 'Value (KPIs)' : 'KPIs'}</Tabs.Tab>
          {tabs.includes('invoices') && <Tabs.Tab value="invoices">Invoices</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="plan"><PlanTab project={p} /></Tabs.Panel>
        <Tabs.Panel value="tasks"><TasksTab project={p} /></Tabs.Panel>
        <Tabs.Panel value="milestones"><MilestonesTab project={p} /></Tabs.Panel>
        <Tabs.Panel value="governance"><GovernanceTab project={p} /></Tabs.Panel>
        <Tabs.Panel value="reports"><ReportsTab project={p} /></Tabs.Panel>
        <Tabs.Panel value="metrics"><MetricsTab project={p} /></Tabs.Panel>
        <Tabs.Panel value="kpis">
          {!customer && <AlertsBlock projectId={p.id} />}
          <KpisPanel projectId={p.id} title={customer ? 'Value realization' : 'KPI trackers'} />
        </Tabs.Panel>
        <Tabs.Panel value="invoices"><ProjectInvoices projectId={p.id} /></Tabs.Panel>
      </Tabs>
      {kicking && <KickoffDialog project={p} onClose={kick.close} />}
      {living && <GoLiveDialog project={p} onClose={live.close} />}
      {closing && <CloseDialog project={p} onClose={close.close} />}
      {cancelling && <CancelDialog project={p} onClose={cancel.close} />}
    </>
  );
}

function AlertsBlock({ projectId }: { projectId: string }) {
  return (
    <div style={{ marginBottom: 'var(--mantine-spacing-lg)' }} data-testid="project-alerts">
      <Text fw={650} mb={4}>Open variance alerts</Text>
      <AlertsList projectId={projectId} showAccount={false} />
    </div>
  );
}

function ProjectInvoices({ projectId }: { projectId: string }) {
  const q = useInvoices({ projectId }, 50);
  const items = q.data?.pages.flatMap((x) => x.items) ?? [];
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  if (!q.isPending && items.length === 0) return <Empty title="No invoices yet">An invoice is issued when the customer accepts a billable milestone.</Empty>;
  return (
    <>
      <InvoicesTable items={items} showAccount={false} />
      {q.hasNextPage && <Group justify="center" mt="sm"><Button variant="light" onClick={() => q.fetchNextPage()} loading={q.isFetchingNextPage}>Load more</Button></Group>}
    </>
  );
}
