// A project's tasks as a table or a board, filtered by status, owner and kind. `?task=<id>` opens that task (links from
// KPI alerts point at their course-correction task).
import { Anchor, Badge, Button, Group, SegmentedControl, Select, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useUser } from '../../lib/auth';
import { useDirectory, userOptions } from '../../lib/directory';
import { formatDate } from '../../lib/format';
import { IconPlus } from '../../ui/Icons';
import { BlockSkeleton, Empty, ErrorAlert } from '../../ui/QueryState';
import { canDeliver, STATUS_COLORS, TASK_STATUS_LABELS, useProjectTasks } from './hooks';
import { NewTaskModal } from './NewTaskModal';
import { TaskBoard } from './TaskBoard';
import { TaskEditModal } from './TaskEditModal';
import type { Project, Task, TaskFilters, TaskStatus } from './hooks';

const KINDS = [{ value: 'plan', label: 'Plan' }, { value: 'course_correction', label: 'Course correction' }, { value: 'issue', label: 'Issue' }, { value: 'change', label: 'Change' }, { value: 'adhoc', label: 'Ad hoc' }];

export function TasksTab({ project }: { project: Project }) {
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const [f, setF] = useState<TaskFilters>({});
  const [view, setView] = useState<'table' | 'board'>('table');
  const [creating, setCreating] = useState(false);
  const q = useProjectTasks(project.id, f);
  const { users } = useDirectory();
  const editable = canDeliver(user.role);
  const openId = params.get('task');
  const open = openId ? q.data?.find((t) => t.id === openId) : undefined;
  const setOpen = (t: Task | null) => setParams((p) => { const n = new URLSearchParams(p); if (t) n.set('task', t.id); else n.delete('task'); return n; }, { replace: true });
  const today = new Date().toISOString().slice(0, 10);
  const board = { columns: (['todo', 'in_progress', 'blocked', 'done'] as TaskStatus[]).map((s) => ({ status: s, count: (q.data ?? []).filter((t) => t.status === s).length, tasks: (q.data ?? []).filter((t) => t.status === s) })) };

  return (
    <>
      <Group justify="space-between" mb="sm" align="flex-end" wrap="wrap">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select label="Status" placeholder="Any" clearable w={150} value={f.status ?? null} onChange={(v) => setF((x) => ({ ...x, status: (v ?? undefined) as TaskFilters['status'] }))}
            data={Object.entries(TASK_STATUS_LABELS).map(([value, label]) => ({ value, label }))} />
          {users.length > 0 && <Select label="Owner" placeholder="Anyone" clearable searchable w={200} value={f.ownerId ?? null} onChange={(v) => setF((x) => ({ ...x, ownerId: v ?? undefined }))} data={userOptions(users)} />}
          <Select label="Kind" placeholder="Any" clearable w={170} value={f.kind ?? null} onChange={(v) => setF((x) => ({ ...x, kind: (v ?? undefined) as TaskFilters['kind'] }))} data={KINDS} />
        </Group>
        <Group gap="sm">
          <SegmentedControl size="xs" value={view} onChange={(v) => setView(v as 'table' | 'board')} data={[{ value: 'table', label: 'Table' }, { value: 'board', label: 'Board' }]} />
          {editable && <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setCreating(true)}>New task</Button>}
        </Group>
      </Group>
      {q.error && <ErrorAlert error={q.error} onRetry={() => q.refetch()} />}
      {q.isPending ? <BlockSkeleton rows={8} /> : q.data && q.data.length === 0 ? <Empty title="No tasks match" /> : view === 'board' ? (
        <TaskBoard board={board} movable={editable} onOpen={setOpen} />
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table fz="sm" verticalSpacing={5} striped highlightOnHover data-testid="tasks-table">
            <Table.Thead>
              <Table.Tr><Table.Th>Task</Table.Th><Table.Th>Status</Table.Th><Table.Th>Owner</Table.Th><Table.Th>Start</Table.Th><Table.Th>End</Table.Th><Table.Th>Baseline end</Table.Th><Table.Th ta="right">Est. h</Table.Th><Table.Th ta="right">Actual h</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {q.data?.map((t) => {
                const slip = t.baselineEndDate && t.endDate > t.baselineEndDate;
                return (
                  <Table.Tr key={t.id} data-testid={`task-row-${t.id}`}>
                    <Table.Td>
                      <Anchor component="button" type="button" size="sm" onClick={() => setOpen(t)} ta="left">{t.title}</Anchor>
                      {t.kind !== 'plan' && <Badge size="xs" ml={6} color={t.kind === 'course_correction' ? 'orange' : 'gray'} variant="light">{t.kind.replace('_', ' ')}</Badge>}
                      {t.description && t.kind === 'plan' && <Text size="xs" c="dimmed">{t.description}</Text>}
                    </Table.Td>
                    <Table.Td><Badge color={STATUS_COLORS[t.status]} variant="light">{TASK_STATUS_LABELS[t.status]}</Badge></Table.Td>
                    <Table.Td>{t.ownerName ?? '—'}</Table.Td>
                    <Table.Td>{formatDate(t.startDate)}</Table.Td>
                    <Table.Td c={t.status !== 'done' && t.endDate < today ? 'red.7' : undefined}>{formatDate(t.endDate)}</Table.Td>
                    <Table.Td c={slip ? 'orange.8' : 'dimmed'}>{formatDate(t.baselineEndDate)}</Table.Td>
                    <Table.Td ta="right">{t.estimateHours}</Table.Td>
                    <Table.Td ta="right">{t.actualHours}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {open && <TaskEditModal key={open.id} task={open} readOnly={!editable} onClose={() => setOpen(null)} />}
      {creating && <NewTaskModal project={project} onClose={() => setCreating(false)} />}
    </>
  );
}
