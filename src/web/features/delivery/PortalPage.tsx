// The customer's home: their implementation project(s) with progress, the milestones waiting for their acceptance
// (accept, or reject with a comment), open invoices with the PDF, and their KPI progress. The API scopes every list to
// the customer's own account.
import { Alert, Anchor, Badge, Button, Card, Grid, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { client, ok } from '../../lib/api';
import { useUser } from '../../lib/auth';
import { formatDate, formatMoney, humanize } from '../../lib/format';
import { PageHeader } from '../../ui/PageHeader';
import { BlockSkeleton, Empty, ErrorAlert } from '../../ui/QueryState';
import { useInvoices } from '../finance/hooks';
import { DaysLateBadge } from '../finance/InvoicesTable';
import { invoicePdfUrl } from '../finance/hooks';
import { KpisPanel } from '../realization/KpisPanel';
import { RealizationSummary } from '../realization/RealizationSummary';
import { weekOf } from './format';
import { deliveryKeys, STATUS_COLORS, useProjects } from './hooks';
import { DecisionDialog } from './MilestonesTab';
import type { Milestone, Project } from './hooks';

export function PortalPage() {
  const user = useUser();
  const projects = useProjects({});
  const list = projects.data?.pages.flatMap((p) => p.items) ?? [];
  const details = useQueries({ queries: list.slice(0, 10).map((p) => ({ queryKey: deliveryKeys.project(p.id), queryFn: () => ok(client.GET('/projects/{id}', { params: { path: { id: p.id } } })) })) });
  const loaded = details.flatMap((d) => (d.data ? [d.data] : []));
  const awaiting = loaded.flatMap((p) => p.milestones.filter((m) => m.status === 'submitted').map((m) => ({ m, p })));
  const [deciding, setDeciding] = useState<{ m: Milestone; p: Project; accept: boolean } | null>(null);

  return (
    <>
      <PageHeader title={`Welcome, ${user.name.split(' ')[0]}`} description="Your implementation, what needs your sign-off, your invoices and the value delivered so far." />
      {projects.error && <ErrorAlert error={projects.error} onRetry={() => projects.refetch()} />}

      <Card p="md" mb="md" withBorder={awaiting.length > 0} style={awaiting.length ? { borderColor: 'var(--mantine-color-yellow-5)' } : undefined}>
        <Title order={3} mb="sm">Milestones to accept</Title>
        {details.some((d) => d.isPending) && awaiting.length === 0 ? <BlockSkeleton rows={2} /> : awaiting.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="nothing-to-accept">Nothing is waiting for your acceptance.</Text>
        ) : (
          <Stack gap="sm" data-testid="milestones-to-accept">
            {awaiting.map(({ m, p }) => (
              <Group key={m.id} justify="space-between" wrap="wrap" data-testid={`accept-row-${m.key}`}>
                <Stack gap={0}>
                  <Text fw={650}>{m.name}</Text>
                  <Text size="sm" c="dimmed">{p.name} · submitted {formatDate(m.submittedAt)}{m.paymentPercent ? ` · ${m.paymentPercent} % of the services fee on acceptance` : ''}</Text>
                </Stack>
                <Group gap="xs">
                  <Button size="sm" variant="default" component={Link} to={`/projects/${p.id}?tab=milestones`}>Details</Button>
                  <Button size="sm" color="teal" onClick={() => setDeciding({ m, p, accept: true })} data-testid="portal-accept">Accept</Button>
                  <Button size="sm" color="red" variant="light" onClick={() => setDeciding({ m, p, accept: false })} data-testid="portal-reject">Reject</Button>
                </Group>
              </Group>
            ))}
          </Stack>
        )}
      </Card>

      <Grid gap="md" mb="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Card p="md" h="100%">
            <Title order={3} mb="sm">My project{list.length > 1 ? 's' : ''}</Title>
            {projects.isPending ? <BlockSkeleton rows={3} /> : list.length === 0 ? <Empty title="No project yet">Your implementation project appears here once the contract is signed.</Empty> : (
              <Stack>
                {list.map((p) => {
                  const d = loaded.find((x) => x.id === p.id);
                  const wk = weekOf(p);
                  const next = d?.milestones.find((m) => m.status !== 'accepted');
                  return (
                    <Card key={p.id} withBorder data-testid={`portal-project-${p.id}`}>
                      <Group justify="space-between" wrap="nowrap">
                        <Anchor component={Link} to={`/projects/${p.id}`} fw={650}>{p.name}</Anchor>
                        <Badge color={STATUS_COLORS[p.status]}>{humanize(p.status)}</Badge>
                      </Group>
                      <Group gap="sm" mt="xs" wrap="nowrap">
                        <Progress value={d?.progress.percentDone ?? 0} style={{ flex: 1 }} />
                        <Text size="sm" fw={600}>{d ? `${d.progress.percentDone} %` : '…'}</Text>
                      </Group>
                      <SimpleGrid cols={3} mt="xs">
                        <Fact label="Week" value={`${wk.n} of ${wk.of}`} />
                        <Fact label="Planned end" value={formatDate(p.forecastEndDate)} />
                        <Fact label="Next milestone" value={next ? `${next.name} · ${formatDate(next.forecastDate)}` : d ? 'All accepted' : '…'} />
                      </SimpleGrid>
                    </Card>
                  );
                })}
              </Stack>
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Card p="md" h="100%"><PortalInvoices /></Card>
        </Grid.Col>
      </Grid>

      {user.accountId && (
        <Card p="md">
          <Group justify="space-between" mb="sm"><Title order={3}>Value delivered</Title><Anchor component={Link} to="/value" size="sm">All KPIs</Anchor></Group>
          <RealizationSummary accountId={user.accountId} />
        </Card>
      )}
      {deciding && <DecisionDialog projectId={deciding.p.id} accountId={deciding.p.accountId} milestone={deciding.m} accept={deciding.accept} onClose={() => setDeciding(null)} />}
    </>
  );
}

function PortalInvoices() {
  const q = useInvoices({}, 8);
  const items = q.data?.pages[0]?.items ?? [];
  const open = items.filter((i) => i.open);
  return (
    <>
      <Group justify="space-between" mb="sm"><Title order={3}>Invoices</Title><Anchor component={Link} to="/invoices" size="sm">All invoices</Anchor></Group>
      {q.error ? <ErrorAlert error={q.error} onRetry={() => q.refetch()} /> : q.isPending ? <BlockSkeleton rows={3} /> : items.length === 0 ? <Text size="sm" c="dimmed">No invoices yet.</Text> : (
        <Stack gap="xs" data-testid="portal-invoices">
          {open.length > 0 && <Alert color="blue" variant="light" p="xs"><Text size="sm">{open.length} open, {formatMoney(open.reduce((s, i) => s + i.balance, 0), open[0].currency)} due.</Text></Alert>}
          {items.slice(0, 6).map((i) => (
            <Group key={i.id} justify="space-between" wrap="nowrap">
              <Stack gap={0}>
                <Anchor component={Link} to={`/invoices/${i.id}`} size="sm" fw={600}>{i.number}</Anchor>
                <Text size="xs" c="dimmed">due {formatDate(i.dueDate)}</Text>
              </Stack>
              <Group gap={6} wrap="nowrap">
                <DaysLateBadge inv={i} />
                <Text size="sm" fw={600}>{formatMoney(i.open ? i.balance : i.total, i.currency)}</Text>
                {i.status === 'paid' && <Badge size="xs" color="teal" variant="light">paid</Badge>}
                <Anchor href={invoicePdfUrl(i.id)} target="_blank" rel="noopener" size="xs">PDF</Anchor>
              </Group>
            </Group>
          ))}
        </Stack>
      )}
    </>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return <Stack gap={0}><Text size="xs" c="dimmed">{label}</Text><Text size="sm" fw={500}>{value}</Text></Stack>;
}

/** The customer's value page: realized value against the business case and every KPI on its trajectory. */
export function PortalValuePage() {
  const user = useUser();
  if (!user.accountId) return <Empty title="No account linked" />;
  return (
    <>
      <PageHeader title="Value (KPIs)" description="The KPIs of your contract, each on its path from the baseline to the target, and the value realized so far." />
      <RealizationSummary accountId={user.accountId} />
      <KpisPanel accountId={user.accountId} title="KPI progress" />
    </>
  );
}
