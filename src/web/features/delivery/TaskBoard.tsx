// Tasks by status: drag a card to another column (or use its menu from the keyboard) to change the status. The move
// sends the task's version; a stale one is reported and the board reloads.
import { ActionIcon, Badge, Card, Group, Menu, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useState, type DragEvent } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../lib/api';
import { notifyError, notifySuccess } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { IconChevronDown } from '../../ui/Icons';
import { STATUS_COLORS, TASK_STATUS_LABELS, useUpdateTask } from './hooks';
import type { Task, TaskBoard as Board, TaskStatus } from './hooks';

const MAX_CARDS = 20;

export function TaskBoard({ board, movable, onOpen, showProject }: { board: Board; movable: boolean; onOpen: (t: Task) => void; showProject?: boolean }) {
  const update = useUpdateTask();
  const [over, setOver] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<Record<string, boolean>>({});
  const move = (t: Pick<Task, 'id' | 'title' | 'version' | 'status'>, to: TaskStatus) => {
    if (t.status === to) return;
    update.mutate({ id: t.id, body: { version: t.version, status: to } }, {
      onSuccess: () => notifySuccess(`${t.title} → ${TASK_STATUS_LABELS[to]}`),
      onError: (e) => notifyError(e, e instanceof ApiError && e.isVersionConflict ? 'Someone else changed this task; the board is reloaded' : undefined),
    });
  };
  const onDrop = (e: DragEvent, to: TaskStatus) => {
    e.preventDefault();
    setOver(null);
    const raw = e.dataTransfer.getData('application/x-task');
    if (raw) move(JSON.parse(raw), to);
  };
  const today = new Date().toISOString().slice(0, 10);
  return (
    <ScrollArea type="auto" offsetScrollbars>
      <Group align="flex-start" gap="sm" wrap="nowrap" data-testid="task-board">
        {board.columns.map((col) => {
          const ordered = col.status === 'done' ? [...col.tasks].sort((a, b) => (b.completedAt ?? b.endDate).localeCompare(a.completedAt ?? a.endDate)) : col.tasks;
          const shown = expanded[col.status] ? ordered : ordered.slice(0, MAX_CARDS);
          return (
            <Paper key={col.status} withBorder p="xs" miw={240} radius="md" style={{ flex: '1 1 0' }} data-testid={`task-column-${col.status}`}
              bg={over === col.status ? 'var(--mantine-color-blue-0)' : 'var(--mantine-color-gray-0)'}
              onDragOver={(e) => { if (movable) { e.preventDefault(); setOver(col.status); } }} onDragLeave={() => setOver(null)} onDrop={(e) => onDrop(e, col.status)}>
              <Group justify="space-between" mb="xs">
                <Title order={4} size="h5">{TASK_STATUS_LABELS[col.status]}</Title>
                <Badge variant="light" color={STATUS_COLORS[col.status]}>{col.count}</Badge>
              </Group>
              <ScrollArea.Autosize mah={560} type="auto" offsetScrollbars><Stack gap={6} mih={60}>
                {shown.map((t) => {
                  const late = t.status !== 'done' && t.endDate < today;
                  return (
                    <Card key={t.id} withBorder padding={8} radius="sm" draggable={movable} data-testid={`task-card-${t.id}`} style={{ cursor: movable ? 'grab' : 'pointer' }}
                      onDragStart={(e) => { e.dataTransfer.setData('application/x-task', JSON.stringify({ id: t.id, title: t.title, version: t.version, status: t.status })); e.dataTransfer.effectAllowed = 'move'; }}>
                      <Group justify="space-between" wrap="nowrap" gap={4} align="flex-start">
                        <Text size="sm" fw={600} lineClamp={2} c="blue.8" style={{ cursor: 'pointer' }} onClick={() => onOpen(t)}>{t.title}</Text>
                        {movable && (
                          <Menu position="bottom-end" withinPortal>
                            <Menu.Target><ActionIcon variant="subtle" size="sm" aria-label={`Move ${t.title}`}><IconChevronDown size={14} /></ActionIcon></Menu.Target>
                            <Menu.Dropdown>
                              <Menu.Label>Move to</Menu.Label>
                              {board.columns.filter((c) => c.status !== t.status).map((c) => <Menu.Item key={c.status} onClick={() => move(t, c.status)}>{TASK_STATUS_LABELS[c.status]}</Menu.Item>)}
                            </Menu.Dropdown>
                          </Menu>
                        )}
                      </Group>
                      {showProject && t.projectName && <Text size="xs" c="dimmed" truncate component={Link} to={`/projects/${t.projectId}`}>{t.projectName}</Text>}
                      <Group justify="space-between" mt={4} gap={4} wrap="nowrap">
                        <Text size="xs" c={late ? 'red.7' : 'dimmed'}>{formatDate(t.startDate).replace(/ \d{4}$/, '')} – {formatDate(t.endDate).replace(/ \d{4}$/, '')}{late ? ' · late' : ''}</Text>
                        <Text size="xs" c="dimmed">{t.estimateHours} h</Text>
                      </Group>
                      <Group justify="space-between" mt={2} gap={4} wrap="nowrap">
                        <Text size="xs" c="dimmed" truncate>{t.ownerName ?? 'Unassigned'}</Text>
                        {t.kind !== 'plan' && <Badge size="xs" color={t.kind === 'course_correction' ? 'orange' : 'gray'} variant="light">{t.kind.replace('_', ' ')}</Badge>}
                      </Group>
                    </Card>
                  );
                })}
                {col.tasks.length > shown.length && (
                  <Text size="xs" c="blue.7" ta="center" style={{ cursor: 'pointer' }} onClick={() => setExpanded((x) => ({ ...x, [col.status]: true }))}>Show {col.tasks.length - shown.length} more</Text>
                )}
                {col.tasks.length === 0 && <Text size="xs" c="dimmed" ta="center" py="md">No tasks</Text>}
              </Stack></ScrollArea.Autosize>
            </Paper>
          );
        })}
      </Group>
    </ScrollArea>
  );
}
