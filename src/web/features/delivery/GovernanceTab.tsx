// Governance of a project (003): risk register with its heat map, issue log walking the resolution steps with
// escalation along the playbook's paths, change requests to approve or reject, the RACI grid and the meeting series
// (subscribe to the ICS feed in any calendar).
import { Anchor, Badge, Box, Button, Card, Grid, Group, Menu, Modal, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { ApiError } from '../../lib/api';
import { useUser } from '../../lib/auth';
import { useDirectory, userOptions } from '../../lib/directory';
import { handleFormError, notifyError, notifySuccess } from '../../lib/errors';
import { formatDate, formatDateTime, formatMoney, humanize } from '../../lib/format';
import { isInternal } from '../../lib/permissions';
import { IconCalendar, IconChevronDown, IconPlus } from '../../ui/Icons';
import { BlockSkeleton, Empty, ErrorAlert } from '../../ui/QueryState';
import { usePlaybook } from '../leads/hooks';
import { calendarUrl, canDecide, canDeliver, useAdvanceIssue, useCreateChild, useDecideChange, useEscalateIssue, useGovList, useUpdateChild } from './hooks';
import { RiskHeat, riskScore } from './RiskHeat';
import type { ChangeRequest, Issue, Level, Project, Risk } from './hooks';

type Section = 'risks' | 'issues' | 'changes' | 'raci' | 'meetings';

export function GovernanceTab({ project }: { project: Project }) {
  const [section, setSection] = useState<Section>('risks');
  return (
    <Stack>
      <SegmentedControl value={section} onChange={(v) => setSection(v as Section)} w="fit-content" data-testid="governance-sections"
        data={[{ value: 'risks', label: 'Risks' }, { value: 'issues', label: 'Issues' }, { value: 'changes', label: 'Change requests' }, { value: 'raci', label: 'RACI' }, { value: 'meetings', label: 'Meetings' }]} />
      {section === 'risks' && <RisksSection project={project} />}
      {section === 'issues' && <IssuesSection project={project} />}
      {section === 'changes' && <ChangesSection project={project} />}
      {section === 'raci' && <RaciSection project={project} />}
      {section === 'meetings' && <MeetingsSection project={project} />}
    </Stack>
  );
}

const LEVEL_COLOR: Record<string, string> = { low: 'teal', medium: 'yellow', high: 'red', critical: 'red' };
const conflictTitle = (e: unknown) => (e instanceof ApiError && e.isVersionConflict ? 'Someone else changed this meanwhile; the list is reloaded' : undefined);

function RisksSection({ project }: { project: Project }) {
  const user = useUser();
  const q = useGovList(project.id, 'risks');
  const update = useUpdateChild(project.id, 'risks');
  const { nameOf } = useDirectory();
  const [cell, setCell] = useState<{ impact: Level; probability: Level } | null>(null);
  const [adding, setAdding] = useState(false);
  const editable = canDeliver(user.role);
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  if (q.isPending) return <BlockSkeleton rows={5} />;
  const shown = q.data.filter((r) => !cell || (r.impact === cell.impact && r.probability === cell.probability))
    .sort((a, b) => Number(a.status === 'closed') - Number(b.status === 'closed') || riskScore(b) - riskScore(a));
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Card withBorder>
          <Title order={4} mb="sm">Open risks</Title>
          <RiskHeat risks={q.data} selected={cell} onSelect={setCell} />
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Group justify="space-between" mb="xs">
          <Text size="sm" c="dimmed">{cell ? `${humanize(cell.impact)} impact × ${cell.probability} probability` : 'Every risk, highest exposure first'}</Text>
          {editable && <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)}>New risk</Button>}
        </Group>
        <Table fz="sm" verticalSpacing={6} data-testid="risks-table">
          <Table.Thead><Table.Tr><Table.Th>Risk</Table.Th><Table.Th>Impact</Table.Th><Table.Th>Probability</Table.Th><Table.Th>Owner</Table.Th><Table.Th>Status</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {shown.map((r) => (
              <Table.Tr key={r.id} opacity={r.status === 'closed' ? 0.6 : 1}>
                <Table.Td><Text size="sm" fw={600}>{r.title}</Text>{r.mitigation && <Text size="xs" c="dimmed">Mitigation: {r.mitigation}</Text>}</Table.Td>
                <Table.Td><Badge color={LEVEL_COLOR[r.impact]} variant="light">{r.impact}</Badge></Table.Td>
                <Table.Td><Badge color={LEVEL_COLOR[r.probability]} variant="light">{r.probability}</Badge></Table.Td>
                <Table.Td>{nameOf(r.ownerId) ?? '—'}</Table.Td>
                <Table.Td>
                  {editable ? (
                    <Select size="xs" w={130} allowDeselect={false} value={r.status} aria-label={`Status of ${r.title}`}
                      data={[{ value: 'open', label: 'Open' }, { value: 'mitigating', label: 'Mitigating' }, { value: 'closed', label: 'Closed' }]}
                      onChange={(v) => v && update.mutate({ id: r.id, body: { version: r.version, status: v as Risk['status'] } }, { onError: (e) => notifyError(e, conflictTitle(e)) })} />
                  ) : <Badge variant="outline">{r.status}</Badge>}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {shown.length === 0 && <Empty title="No risks here" />}
      </Grid.Col>
      {adding && <RiskModal project={project} onClose={() => setAdding(false)} />}
    </Grid>
  );
}

function RiskModal({ project, onClose }: { project: Project; onClose: () => void }) {
  const create = useCreateChild(project.id, 'risks');
  const { users } = useDirectory();
  const form = useForm({ initialValues: { title: '', impact: 'medium' as Level, probability: 'medium' as Level, mitigation: '', ownerId: null as string | null }, validate: { title: (v) => (v.trim() ? null : 'Name the risk') } });
  const submit = form.onSubmit((v) => create.mutate({ ...v, title: v.title.trim(), mitigation: v.mitigation.trim() || null }, {
    onSuccess: () => { notifySuccess('Risk added to the register.'); onClose(); }, onError: handleFormError(form, ['title', 'impact', 'probability', 'mitigation', 'ownerId']),
  }));
  const levels = [{ value: 'low', label: 'Low' }, { value: 'medium', label: 'Medium' }, { value: 'high', label: 'High' }];
  return (
    <Modal opened onClose={onClose} title="New risk">
      <form onSubmit={submit}><Stack>
        <TextInput label="Risk" required data-autofocus {...form.getInputProps('title')} />
        <SimpleGrid cols={2}>
          <Select label="Impact" allowDeselect={false} data={levels} {...form.getInputProps('impact')} />
          <Select label="Probability" allowDeselect={false} data={levels} {...form.getInputProps('probability')} />
        </SimpleGrid>
        <Textarea label="Mitigation" autosize minRows={2} {...form.getInputProps('mitigation')} />
        <Select label="Owner" clearable searchable data={userOptions(users)} {...form.getInputProps('ownerId')} />
        <Group justify="flex-end"><Button variant="default" onClick={onClose}>Cancel</Button><Button type="submit" loading={create.isPending}>Add risk</Button></Group>
      </Stack></form>
    </Modal>
  );
}

function IssuesSection({ project }: { project: Project }) {
  const user = useUser();
  const q = useGovList(project.id, 'issues');
  const [adding, setAdding] = useState(false);
  const editable = canDeliver(user.role);
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  if (q.isPending) return <BlockSkeleton rows={5} />;
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">Each issue walks the playbook's resolution steps; the last one closes it.</Text>
        {editable && <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)}>Log issue</Button>}
      </Group>
      {q.data.length === 0 && <Empty title="No issues logged" />}
      {[...q.data].sort((a, b) => Number(a.status === 'resolved') - Number(b.status === 'resolved')).map((i) => <IssueCard key={i.id} project={project} issue={i} editable={editable} />)}
      {adding && <IssueModal project={project} onClose={() => setAdding(false)} />}
    </Stack>
  );
}

function IssueCard({ project, issue, editable }: { project: Project; issue: Issue; editable: boolean }) {
  const advance = useAdvanceIssue(project.id);
  const escalate = useEscalateIssue(project.id);
  const playbook = usePlaybook();
  const [resolving, setResolving] = useState(false);
  const [resolution, setResolution] = useState('');
  const resolved = issue.status === 'resolved';
  const lastStep = issue.step === issue.steps.length - 2;
  const roleLabel = (id: string | null) => (id ? playbook.data?.roles.find((r) => r.id === id)?.label ?? humanize(id) : '');
  const next = (res?: string) => advance.mutate({ id: issue.id, resolution: res }, {
    onSuccess: (r) => { notifySuccess(r.status === 'resolved' ? 'Issue resolved.' : `Issue moved to “${r.stepLabel}”.`); setResolving(false); }, onError: (e) => notifyError(e),
  });
  return (
    <Card withBorder data-testid={`issue-${issue.id}`} opacity={resolved ? 0.75 : 1}>
      <Group justify="space-between" align="flex-start" mb="sm" wrap="wrap">
        <Stack gap={2}>
          <Group gap="xs"><Text fw={650}>{issue.title}</Text><Badge color={LEVEL_COLOR[issue.severity] ?? 'gray'} variant={issue.severity === 'critical' ? 'filled' : 'light'}>{issue.severity}</Badge>{resolved && <Badge color="teal">Resolved</Badge>}</Group>
          {issue.description && <Text size="sm" c="dimmed">{issue.description}</Text>}
          {issue.escalation.level > 0 && <Text size="sm" c="orange.8">Escalated ({issue.escalation.topic}) to {roleLabel(issue.escalation.roleId)} — level {issue.escalation.level} of {issue.escalation.chain.length}</Text>}
          {issue.resolution && <Text size="sm">Resolution: {issue.resolution}</Text>}
        </Stack>
        {editable && !resolved && (
          <Group gap="xs">
            <Button size="xs" onClick={() => (lastStep ? setResolving(true) : next())} loading={advance.isPending} data-testid="advance-issue">
              {lastStep ? 'Verify and close' : `Next: ${issue.steps[issue.step + 1]}`}
            </Button>
            <Menu position="bottom-end">
              <Menu.Target><Button size="xs" variant="light" color="orange" rightSection={<IconChevronDown size={12} />}>Escalate</Button></Menu.Target>
              <Menu.Dropdown>
                {(playbook.data?.delivery.escalationPaths ?? []).map((p) => (
                  <Menu.Item key={p.topic} onClick={() => escalate.mutate({ id: issue.id, topic: p.topic }, { onSuccess: (r) => notifySuccess(`Escalated to ${roleLabel(r.escalation.roleId)}.`), onError: (e) => notifyError(e) })}>
                    {p.topic} <Text span size="xs" c="dimmed">({p.chainRoleIds.map(roleLabel).join(' → ')})</Text>
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          </Group>
        )}
      </Group>
      <StepBar steps={issue.steps} active={resolved ? issue.steps.length : issue.step} />
      {resolving && (
        <Stack gap="xs" mt="sm">
          <Textarea label="Resolution" autosize minRows={2} value={resolution} onChange={(e) => setResolution(e.currentTarget.value)} />
          <Group justify="flex-end"><Button size="xs" variant="default" onClick={() => setResolving(false)}>Cancel</Button><Button size="xs" color="teal" onClick={() => next(resolution.trim() || undefined)} loading={advance.isPending}>Close the issue</Button></Group>
        </Stack>
      )}
    </Card>
  );
}

/** The resolution steps as one row of segments (done, current, to come) with the step names beneath. */
function StepBar({ steps, active }: { steps: string[]; active: number }) {
  return (
    <SimpleGrid cols={steps.length} spacing={4} role="list" aria-label="Resolution steps" data-testid="issue-steps">
      {steps.map((s, i) => {
        const state = i < active ? 'done' : i === active ? 'current' : 'todo';
        return (
          <Stack key={s} gap={4} role="listitem" aria-current={state === 'current' ? 'step' : undefined}>
            <Box h={6} style={{ borderRadius: 3, background: state === 'done' ? 'var(--mantine-color-teal-6)' : state === 'current' ? 'var(--mantine-color-blue-6)' : 'var(--mantine-color-gray-3)' }} />
            <Text size="xs" fw={state === 'current' ? 700 : 400} c={state === 'todo' ? 'dimmed' : undefined}>{i + 1}. {s}</Text>
          </Stack>
        );
      })}
    </SimpleGrid>
  );
}

function IssueModal({ project, onClose }: { project: Project; onClose: () => void }) {
  const create = useCreateChild(project.id, 'issues');
  const form = useForm({ initialValues: { title: '', description: '', severity: 'medium' as Issue['severity'] }, validate: { title: (v) => (v.trim() ? null : 'Name the issue') } });
  const submit = form.onSubmit((v) => create.mutate({ title: v.title.trim(), description: v.description.trim() || null, severity: v.severity }, {
    onSuccess: () => { notifySuccess('Issue logged.'); onClose(); }, onError: handleFormError(form, ['title', 'description', 'severity']),
  }));
  return (
    <Modal opened onClose={onClose} title="Log an issue">
      <form onSubmit={submit}><Stack>
        <TextInput label="Issue" required data-autofocus {...form.getInputProps('title')} />
        <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
        <Select label="Severity" allowDeselect={false} data={['low', 'medium', 'high', 'critical'].map((v) => ({ value: v, label: humanize(v) }))} {...form.getInputProps('severity')} />
        <Group justify="flex-end"><Button variant="default" onClick={onClose}>Cancel</Button><Button type="submit" loading={create.isPending}>Log issue</Button></Group>
      </Stack></form>
    </Modal>
  );
}

function ChangesSection({ project }: { project: Project }) {
  const user = useUser();
  const q = useGovList(project.id, 'change-requests');
  const decide = useDecideChange(project.id);
  const [adding, setAdding] = useState(false);
  const editable = canDeliver(user.role);
  const approver = canDecide(user.role);
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  if (q.isPending) return <BlockSkeleton rows={4} />;
  const act = (c: ChangeRequest, approve: boolean) => decide.mutate({ id: c.id, approve }, {
    onSuccess: () => notifySuccess(approve ? 'Change approved: budget and plan updated.' : 'Change rejected.'), onError: (e) => notifyError(e),
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">An approved change adds its hours to the budget and pushes open work by its timeline impact.</Text>
        {editable && <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)}>New change request</Button>}
      </Group>
      {q.data.length === 0 ? <Empty title="No change requests" /> : (
        <Table fz="sm" verticalSpacing={6} data-testid="change-requests">
          <Table.Thead><Table.Tr><Table.Th>Change</Table.Th><Table.Th ta="right">Hours</Table.Th><Table.Th ta="right">Amount</Table.Th><Table.Th ta="right">Days</Table.Th><Table.Th>Status</Table.Th><Table.Th /></Table.Tr></Table.Thead>
          <Table.Tbody>
            {q.data.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td><Text size="sm" fw={600}>{c.title}</Text>{c.scopeImpact && <Text size="xs" c="dimmed">{c.scopeImpact}</Text>}{c.decisionNote && <Text size="xs">Note: {c.decisionNote}</Text>}</Table.Td>
                <Table.Td ta="right">{c.budgetImpactHours > 0 ? '+' : ''}{c.budgetImpactHours}</Table.Td>
                <Table.Td ta="right">{formatMoney(c.budgetImpactAmount, project.currency)}</Table.Td>
                <Table.Td ta="right">{c.timelineImpactDays > 0 ? '+' : ''}{c.timelineImpactDays}</Table.Td>
                <Table.Td><Badge color={c.status === 'approved' ? 'teal' : c.status === 'rejected' ? 'red' : 'yellow'} variant="light">{c.status}</Badge>{c.decidedAt && <Text size="xs" c="dimmed">{formatDate(c.decidedAt)}</Text>}</Table.Td>
                <Table.Td>
                  {approver && c.status === 'proposed' && (
                    <Group gap={4} wrap="nowrap" justify="flex-end">
                      <Button size="compact-xs" color="teal" onClick={() => act(c, true)} loading={decide.isPending}>Approve</Button>
                      <Button size="compact-xs" color="red" variant="light" onClick={() => act(c, false)}>Reject</Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {adding && <ChangeModal project={project} onClose={() => setAdding(false)} />}
    </Stack>
  );
}

function ChangeModal({ project, onClose }: { project: Project; onClose: () => void }) {
  const create = useCreateChild(project.id, 'change-requests');
  const form = useForm({
    initialValues: { title: '', description: '', scopeImpact: '', budgetImpactHours: 0 as number | string, budgetImpactAmount: 0 as number | string, timelineImpactDays: 0 as number | string },
    validate: { title: (v) => (v.trim() ? null : 'Name the change') },
  });
  const submit = form.onSubmit((v) => create.mutate({
    title: v.title.trim(), description: v.description.trim() || null, scopeImpact: v.scopeImpact.trim() || null,
    budgetImpactHours: Number(v.budgetImpactHours || 0), budgetImpactAmount: Math.round(Number(v.budgetImpactAmount || 0) * 100), timelineImpactDays: Number(v.timelineImpactDays || 0),
  }, { onSuccess: () => { notifySuccess('Change request proposed.'); onClose(); }, onError: handleFormError(form, ['title', 'description', 'scopeImpact', 'budgetImpactHours', 'budgetImpactAmount', 'timelineImpactDays']) }));
  return (
    <Modal opened onClose={onClose} title="New change request" size="lg">
      <form onSubmit={submit}><Stack>
        <TextInput label="Change" required data-autofocus {...form.getInputProps('title')} />
        <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
        <Textarea label="Scope impact" autosize minRows={1} {...form.getInputProps('scopeImpact')} />
        <SimpleGrid cols={3}>
          <NumberInput label="Budget impact (h)" {...form.getInputProps('budgetImpactHours')} />
          <NumberInput label={`Amount (${project.currency})`} thousandSeparator="," {...form.getInputProps('budgetImpactAmount')} />
          <NumberInput label="Timeline impact (days)" {...form.getInputProps('timelineImpactDays')} />
        </SimpleGrid>
        <Group justify="flex-end"><Button variant="default" onClick={onClose}>Cancel</Button><Button type="submit" loading={create.isPending}>Propose</Button></Group>
      </Stack></form>
    </Modal>
  );
}

function RaciSection({ project }: { project: Project }) {
  const q = useGovList(project.id, 'raci');
  const playbook = usePlaybook();
  const label = (id: string) => playbook.data?.roles.find((r) => r.id === id)?.label ?? (/^[a-z_]+$/.test(id) ? humanize(id) : id);
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  if (q.isPending) return <BlockSkeleton rows={5} />;
  const cell = (ids: string[], color: string) => <Group gap={4}>{ids.map((id) => <Badge key={id} size="sm" variant="light" color={color} tt="none">{label(id)}</Badge>)}</Group>;
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table fz="sm" verticalSpacing={6} withTableBorder withColumnBorders data-testid="raci-grid">
        <Table.Thead><Table.Tr><Table.Th>Activity</Table.Th><Table.Th>Responsible</Table.Th><Table.Th>Accountable</Table.Th><Table.Th>Consulted</Table.Th><Table.Th>Informed</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {[...q.data].sort((a, b) => a.position - b.position).map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td fw={600}>{r.activity}</Table.Td>
              <Table.Td>{cell(r.responsible, 'blue')}</Table.Td><Table.Td>{cell(r.accountable, 'grape')}</Table.Td>
              <Table.Td>{cell(r.consulted, 'gray')}</Table.Td><Table.Td>{cell(r.informed, 'gray')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function MeetingsSection({ project }: { project: Project }) {
  const user = useUser();
  const q = useGovList(project.id, 'meetings');
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  if (q.isPending) return <BlockSkeleton rows={4} />;
  const ics = calendarUrl(project.id);
  const webcal = typeof window !== 'undefined' ? `${window.location.origin.replace(/^https?:/, 'webcal:')}${ics}` : ics;
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">The communication plan's meetings and the milestones, as one calendar feed.</Text>
        <Group gap="xs">
          <Button component="a" href={ics} leftSection={<IconCalendar size={16} />} variant="light" data-testid="subscribe-ics">Subscribe (ICS)</Button>
          {isInternal(user.role) && <Anchor href={webcal} size="xs">webcal link</Anchor>}
        </Group>
      </Group>
      {q.data.length === 0 ? <Empty title="No meetings planned" /> : (
        <Table fz="sm" verticalSpacing={6} data-testid="meetings">
          <Table.Thead><Table.Tr><Table.Th>Meeting</Table.Th><Table.Th>Frequency</Table.Th><Table.Th>First</Table.Th><Table.Th>Until</Table.Th><Table.Th>Duration</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {q.data.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td fw={600}>{m.title}</Table.Td><Table.Td>{humanize(m.frequency)}</Table.Td>
                <Table.Td>{formatDateTime(m.firstStartsAt)} <Text span size="xs" c="dimmed">{m.timezone}</Text></Table.Td>
                <Table.Td>{formatDate(m.untilDate)}</Table.Td><Table.Td>{m.durationMinutes} min</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
