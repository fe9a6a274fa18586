// Edit a task: title, status, owner, dates, estimate and actual hours. The version loaded is sent with the change; a
// 409 (someone else saved first) shows a conflict banner with the option to load the latest and re-apply.
import { Alert, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { ApiError, client, ok, type Schema } from '../../lib/api';
import { useDirectory, userOptions } from '../../lib/directory';
import { handleFormError, notifySuccess } from '../../lib/errors';
import { TASK_STATUS_LABELS, useUpdateTask, type TaskPatch } from './hooks';

/** The task fields this form edits (a list row, or the task as reloaded after a conflict). */
type EditedTask = Omit<Schema<'DeliveryTaskDetail'>, 'predecessors' | 'successors'>;

const values = (t: EditedTask) => ({
  title: t.title, description: t.description ?? '', status: t.status, ownerId: t.ownerId, startDate: t.startDate, endDate: t.endDate,
  estimateHours: t.estimateHours as number | string, actualHours: t.actualHours as number | string,
});

export function TaskEditModal({ task: initial, onClose, readOnly }: { task: EditedTask; onClose: () => void; readOnly?: boolean }) {
  const [task, setTask] = useState<EditedTask>(initial);
  const [conflict, setConflict] = useState(false);
  const update = useUpdateTask();
  const { users } = useDirectory();
  const form = useForm({ initialValues: values(initial), validate: { title: (v) => (v.trim() ? null : 'Name the task'), endDate: (v, all) => (v < all.startDate ? 'Ends before it starts' : null) } });
  const submit = form.onSubmit((v) => {
    const body: TaskPatch = { version: task.version };
    const before = values(task);
    if (v.title.trim() !== before.title) body.title = v.title.trim();
    if (v.description.trim() !== before.description) body.description = v.description.trim() || null;
    if (v.status !== before.status) body.status = v.status;
    if (v.ownerId !== before.ownerId) body.ownerId = v.ownerId || null;
    if (v.startDate !== before.startDate) body.startDate = v.startDate;
    if (v.endDate !== before.endDate) body.endDate = v.endDate;
    if (Number(v.estimateHours) !== before.estimateHours) body.estimateHours = Number(v.estimateHours || 0);
    if (Number(v.actualHours) !== before.actualHours) body.actualHours = Number(v.actualHours || 0);
    if (Object.keys(body).length === 1) { onClose(); return; }
    update.mutate({ id: task.id, body }, {
      onSuccess: (r) => {
        const moved = r.schedule?.moved.length ?? 0;
        notifySuccess(moved ? `Task saved; ${moved} dependent task${moved === 1 ? '' : 's'} moved.` : 'Task saved.');
        onClose();
      },
      onError: (e) => {
        if (e instanceof ApiError && (e.isVersionConflict || e.status === 409)) setConflict(true);
        handleFormError(form, ['title', 'description', 'status', 'ownerId', 'startDate', 'endDate', 'estimateHours', 'actualHours'])(e);
      },
    });
  });
  const reload = async () => {
    const fresh = await ok(client.GET('/tasks/{id}', { params: { path: { id: task.id } } }));
    const mine = form.getValues();
    setTask(fresh);
    // Keep what the user typed on top of the latest version; they save again knowingly.
    form.setValues({ ...values(fresh), ...Object.fromEntries(Object.entries(mine).filter(([k, val]) => val !== values(task)[k as keyof ReturnType<typeof values>])) });
    setConflict(false);
  };
  return (
    <Modal opened onClose={onClose} title={readOnly ? task.title : 'Edit task'} size="lg" data-testid="task-dialog">
      <form onSubmit={submit}>
        <Stack>
          {conflict && (
            <Alert color="orange" variant="light" title="Someone else changed this task" data-testid="task-conflict">
              <Group justify="space-between" gap="sm">
                <Text size="sm">Your changes were not saved. Load the latest version (your edits stay in the form) and save again.</Text>
                <Button size="xs" variant="white" color="orange" onClick={reload}>Load latest</Button>
              </Group>
            </Alert>
          )}
          <TextInput label="Title" required disabled={readOnly} {...form.getInputProps('title')} />
          <Textarea label="Description" autosize minRows={1} maxRows={5} disabled={readOnly} {...form.getInputProps('description')} />
          <SimpleGrid cols={2}>
            <Select label="Status" allowDeselect={false} disabled={readOnly} data={Object.entries(TASK_STATUS_LABELS).map(([value, label]) => ({ value, label }))} {...form.getInputProps('status')} data-testid="task-status" />
            <Select label="Owner" clearable searchable disabled={readOnly} data={userOptions(users)} {...form.getInputProps('ownerId')} />
            <TextInput type="date" label="Start" disabled={readOnly} {...form.getInputProps('startDate')} data-testid="task-start" />
            <TextInput type="date" label="End" disabled={readOnly} {...form.getInputProps('endDate')} data-testid="task-end" />
            <NumberInput label="Estimate (h)" min={0} disabled={readOnly} {...form.getInputProps('estimateHours')} data-testid="task-estimate" />
            <NumberInput label="Actual (h)" min={0} disabled={readOnly} {...form.getInputProps('actualHours')} />
          </SimpleGrid>
          {task.baselineEndDate && <Text size="xs" c="dimmed">Baseline {task.baselineStartDate} → {task.baselineEndDate}. Moving the end date shifts the tasks that depend on this one.</Text>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{readOnly ? 'Close' : 'Cancel'}</Button>
            {!readOnly && <Button type="submit" loading={update.isPending} data-testid="save-task">Save</Button>}
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
