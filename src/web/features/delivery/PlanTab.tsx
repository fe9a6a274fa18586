// The plan: the Gantt timeline, then each phase with its dates and deliverables (scope completion counts these).
import { Checkbox, Group, SimpleGrid, Card, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useUser } from '../../lib/auth';
import { notifyError } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { BlockSkeleton, ErrorAlert } from '../../ui/QueryState';
import { GanttChart } from './GanttChart';
import { canDeliver, useGantt, useProjectTasks, useSetDeliverable } from './hooks';
import { TaskEditModal } from './TaskEditModal';
import type { Project } from './hooks';

export function PlanTab({ project }: { project: Project }) {
  const user = useUser();
  const g = useGantt(project.id);
  const tasks = useProjectTasks(project.id, {}, user.role !== 'customer');
  const tick = useSetDeliverable(project.id);
  const [open, setOpen] = useState<string | null>(null);
  const editable = canDeliver(user.role);
  const task = open ? tasks.data?.find((t) => t.id === open) : undefined;
  return (
    <Stack>
      {g.error ? <ErrorAlert error={g.error} onRetry={() => g.refetch()} /> : g.isPending ? <BlockSkeleton rows={10} /> : (
        <GanttChart gantt={g.data} onTaskClick={user.role === 'customer' ? undefined : setOpen} />
      )}
      <Title order={3} mt="sm">Phases and deliverables</Title>
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
        {project.phases.map((p) => (
          <Card key={p.id} withBorder data-testid={`phase-${p.key}`}>
            <Group justify="space-between" mb={6} wrap="nowrap">
              <Text fw={650} truncate>{p.name}</Text>
              <Text size="xs" c="dimmed">{formatDate(p.startDate).replace(/ \d{4}$/, '')} – {formatDate(p.endDate)}</Text>
            </Group>
            <Stack gap={4}>
              {(p.deliverables ?? []).map((d) => (
                <Checkbox key={d.id} size="xs" label={d.label} checked={d.done} disabled={!editable || tick.isPending}
                  description={d.done && d.by ? `${d.by}, ${formatDate(d.at)}` : undefined}
                  onChange={(e) => tick.mutate({ phaseId: p.id, deliverableId: d.id, done: e.currentTarget.checked }, { onError: (err) => notifyError(err) })} />
              ))}
              {(p.deliverables ?? []).length === 0 && <Text size="xs" c="dimmed">No deliverables</Text>}
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
      {task && <TaskEditModal key={task.id} task={task} readOnly={!editable} onClose={() => setOpen(null)} />}
    </Stack>
  );
}
