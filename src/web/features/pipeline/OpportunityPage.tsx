// The opportunity page: header, stage stepper with time in stage, exit-criteria checklists, POC, stage history,
// contract, and the value hypothesis, deal risk and content panels of the other streams.
import { Anchor, Badge, Button, Checkbox, Grid, Group, Menu, Paper, SimpleGrid, Stack, Stepper, Table, Tabs, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, useParams, useSearchParams } from 'react-router';
import { useUser } from '../../lib/auth';
import { notifyError } from '../../lib/errors';
import { formatDate, formatDateTime, formatMoney } from '../../lib/format';
import { IconChevronDown } from '../../ui/Icons';
import { NotFound } from '../../ui/NotFound';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, PageLoader } from '../../ui/QueryState';
import { ContentLinks } from '../content/ContentLinks';
import { DealRiskPanel } from '../value/DealRiskPanel';
import { ValueHypothesisPanel } from '../value/ValueHypothesisPanel';
import { CloseLostDialog, CloseWonDialog } from './CloseDialogs';
import { EditOpportunityModal } from './EditOpportunityModal';
import { useGateFlow } from './GateDialog';
import { CATEGORY_LABELS, canClose, canSell, useOpportunity, useSetCriterion, type Opportunity, type StageView } from './hooks';
import { PocTab } from './PocTab';

const TABS = ['criteria', 'poc', 'history', 'contract'] as const;

export function OpportunityPage() {
  const { id = '' } = useParams();
  const user = useUser();
  const q = useOpportunity(id);
  const gate = useGateFlow();
  const [params, setParams] = useSearchParams();
  const [winning, win] = useDisclosure(false);
  const [losing, lose] = useDisclosure(false);
  const [editing, edit] = useDisclosure(false);
  if (q.isPending) return <PageLoader label="Loading opportunity…" />;
  if (q.error) {
    const status = (q.error as { status?: number }).status;
    if (status === 404 || status === 400 || status === 422) return <NotFound title="Opportunity not found" message="This opportunity does not exist or is not shared with you." />;
    return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  }
  const o = q.data;
  const open = o.stages.filter((s) => s.kind === 'open');
  const idx = open.findIndex((s) => s.id === o.stage);
  const next = idx >= 0 ? open[idx + 1] : undefined;
  const isOpen = o.stageKind === 'open';
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? params.get('tab')! : 'criteria';

  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Pipeline', to: '/pipeline' }, { label: o.name }]}
        title={<span data-testid="opportunity-name">{o.name}</span>}
        actions={isOpen && canSell(user.role) ? (
          <>
            <Button variant="default" onClick={edit.open} data-testid="edit-opportunity">Edit</Button>
            {next && <Button onClick={() => gate.move(o, next.id, next.name)} loading={gate.pending} data-testid="advance-button">Advance to {next.name}</Button>}
            <Menu position="bottom-end">
              <Menu.Target><Button variant="default" rightSection={<IconChevronDown size={14} />}>Move to</Button></Menu.Target>
              <Menu.Dropdown>
                {open.filter((s) => s.id !== o.stage).map((s) => <Menu.Item key={s.id} onClick={() => gate.move(o, s.id, s.name)}>{s.name}</Menu.Item>)}
              </Menu.Dropdown>
            </Menu>
            {canClose(user.role) && <Button color="teal" variant="light" onClick={win.open}>Close won</Button>}
            {canClose(user.role) && <Button color="red" variant="light" onClick={lose.open}>Close lost</Button>}
          </>
        ) : undefined}
      >
        <Group gap="xs" mt={4} wrap="wrap">
          <Anchor component={Link} to={`/accounts/${o.accountId}`} size="sm">{o.accountName}</Anchor>
          <Badge variant="light" data-testid="stage-badge">{o.stageName}</Badge>
          <Badge color="dark" variant="outline">{formatMoney(o.amount, o.currency)}</Badge>
          <Badge color="gray" variant="outline">{o.probability} %{o.probabilityManual ? ' (manual)' : ''}</Badge>
          <Badge color="grape" variant="light">{CATEGORY_LABELS[o.forecastCategory] ?? o.forecastCategory}{o.forecastCategoryManual ? ' (manual)' : ''}</Badge>
          <Text size="sm" c="dimmed">Closes {formatDate(o.closeDate)} · Owner {o.ownerName ?? '—'}</Text>
          {o.closeDatePassed && <Badge color="red" data-testid="overdue-badge">Overdue: the close date has passed</Badge>}
          {o.overdue && <Badge color="orange" variant="light">{o.daysInStage} d in {o.stageName}: longer than expected</Badge>}
          {o.lossReason && <Badge color="red" variant="light">Lost: {o.lossReasons.find((r) => r.id === o.lossReason)?.label ?? o.lossReason}</Badge>}
        </Group>
      </PageHeader>

      <Paper withBorder p="md" mb="md">
        <Stepper active={o.stageKind === 'won' ? open.length : Math.max(idx, 0)} size="sm" allowNextStepsSelect={false} aria-label="Stages">
          {open.map((s) => (
            <Stepper.Step key={s.id} label={s.name} description={stepText(o, s)} color={s.id === o.stage && o.overdue ? 'orange' : undefined} />
          ))}
          <Stepper.Step label={o.stageKind === 'lost' ? 'Closed lost' : 'Closed won'} color={o.stageKind === 'lost' ? 'red' : 'teal'} />
        </Stepper>
      </Paper>

      <Grid gap="lg" align="flex-start">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Tabs value={tab} onChange={(v) => setParams(v && v !== 'criteria' ? { tab: v } : {}, { replace: true })} keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="criteria">Exit criteria</Tabs.Tab>
              <Tabs.Tab value="poc">POC</Tabs.Tab>
              <Tabs.Tab value="history">Stage history</Tabs.Tab>
              {o.contract && <Tabs.Tab value="contract">Contract</Tabs.Tab>}
            </Tabs.List>
            <Tabs.Panel value="criteria"><CriteriaTab o={o} /></Tabs.Panel>
            <Tabs.Panel value="poc"><PocTab opp={o} /></Tabs.Panel>
            <Tabs.Panel value="history"><HistoryTab o={o} /></Tabs.Panel>
            {o.contract && <Tabs.Panel value="contract"><ContractTab o={o} /></Tabs.Panel>}
          </Tabs>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack>
            <DealRiskPanel opportunityId={o.id} />
            <ValueHypothesisPanel opportunityId={o.id} accountId={o.accountId} />
            <ContentLinks industry={o.industry} stage={o.stage} title="Content for this deal" />
          </Stack>
        </Grid.Col>
      </Grid>
      {gate.dialog}
      {winning && <CloseWonDialog opp={o} onClose={win.close} />}
      {losing && <CloseLostDialog opp={o} onClose={lose.close} />}
      {editing && <EditOpportunityModal o={o} onClose={edit.close} />}
    </>
  );
}

function stepText(o: Opportunity, s: StageView) {
  const days = s.id === o.stage ? `${o.daysInStage} d in stage` : s.daysSpent > 0 ? `${s.daysSpent} d` : '';
  const max = days && s.expectedDurationDays ? ` (≤ ${s.expectedDurationDays.max} d)` : '';
  return [`${s.probability} %`, days && `${days}${max}`].filter(Boolean).join(' · ');
}

function CriteriaTab({ o }: { o: Opportunity }) {
  const user = useUser();
  const tick = useSetCriterion();
  const editable = o.stageKind === 'open' && (canSell(user.role) || user.role === 'delivery');
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      {o.stages.filter((s) => s.kind === 'open').map((s) => (
        <Paper key={s.id} withBorder p="sm" data-testid={`criteria-${s.id}`} bg={s.id === o.stage ? 'var(--mantine-color-blue-0)' : undefined}>
          <Group justify="space-between" mb="xs">
            <Title order={4} size="h5">{s.name}</Title>
            <Text size="xs" c="dimmed">{s.criteria.filter((c) => c.checked).length}/{s.criteria.length}</Text>
          </Group>
          <Stack gap={6}>
            {s.criteria.map((c) => (
              <Checkbox
                key={c.id} label={c.label} checked={c.checked} disabled={!editable || tick.isPending}
                description={c.checked && c.byName ? `${c.byName}, ${formatDateTime(c.at)}${c.note ? ` — ${c.note}` : ''}` : undefined}
                onChange={(e) => tick.mutate({ id: o.id, stage: s.id, criterionId: c.id, checked: e.currentTarget.checked }, { onError: (err) => notifyError(err) })}
              />
            ))}
          </Stack>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

function HistoryTab({ o }: { o: Opportunity }) {
  const name = (id: string | null) => (id ? o.stages.find((s) => s.id === id)?.name ?? id : 'Created');
  return (
    <Table striped withTableBorder data-testid="stage-history">
      <Table.Thead><Table.Tr><Table.Th>When</Table.Th><Table.Th>Move</Table.Th><Table.Th>By</Table.Th><Table.Th>Override</Table.Th></Table.Tr></Table.Thead>
      <Table.Tbody>
        {[...o.history].reverse().map((h) => (
          <Table.Tr key={h.id}>
            <Table.Td>{formatDateTime(h.at)}</Table.Td>
            <Table.Td>{h.fromStage ? `${name(h.fromStage)} → ${name(h.toStage)}` : `Opened in ${name(h.toStage)}`}</Table.Td>
            <Table.Td>{h.actorName ?? 'System'}</Table.Td>
            <Table.Td>{h.overrideReason ? <Text size="sm" c="orange.8">{h.overrideReason} (missing {h.missingCriteria?.length ?? 0})</Text> : '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function ContractTab({ o }: { o: Opportunity }) {
  const c = o.contract!;
  return (
    <Stack>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Fact label="ARR" value={formatMoney(c.arr, c.currency)} />
        <Fact label="Term" value={`${c.termMonths} months`} />
        <Fact label="Period" value={`${formatDate(c.startDate)} – ${formatDate(c.endDate)}`} />
        <Fact label="Status" value={c.status} />
        <Fact label="Services fee" value={formatMoney(c.servicesFee, c.currency)} />
        <Fact label="POC fee credit" value={formatMoney(c.pocFeeCredit, c.currency)} />
        <Fact label="Modules" value={c.modules.join(', ') || '—'} />
        <Fact label="Contracted KPIs" value={String(c.kpis.length)} />
      </SimpleGrid>
      <Title order={4}>Payment schedule</Title>
      <Table withTableBorder data-testid="payment-schedule">
        <Table.Thead><Table.Tr><Table.Th>Milestone</Table.Th><Table.Th>Week</Table.Th><Table.Th>Planned</Table.Th><Table.Th ta="right">%</Table.Th><Table.Th ta="right">Amount</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>{c.paymentSchedule.map((l) => (
          <Table.Tr key={l.milestoneId}><Table.Td>{l.name}</Table.Td><Table.Td>{l.week}</Table.Td><Table.Td>{formatDate(l.plannedDate)}</Table.Td><Table.Td ta="right">{l.percent}</Table.Td><Table.Td ta="right">{formatMoney(l.amount, c.currency)}</Table.Td></Table.Tr>
        ))}</Table.Tbody>
      </Table>
    </Stack>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return <Stack gap={0}><Text size="xs" c="dimmed">{label}</Text><Text size="sm" fw={500}>{value}</Text></Stack>;
}
