// Add a task to a project (ad hoc work, an issue or a change): phase, owner, dates or just an estimate.
import { Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDirectory, userOptions } from '../../lib/directory';
import { handleFormError, notifySuccess } from '../../lib/errors';
import { useCreateTask } from './hooks';
import type { Project, TaskKind } from './hooks';

export function NewTaskModal({ project, onClose }: { project: Project; onClose: () => void }) {
  const create = useCreateTask(project.id);
  const { users } = useDirectory();
  const form = useForm({
    initialValues: { title: '', description: '', kind: 'adhoc' as TaskKind, phaseId: null as string | null, ownerId: null as string | null, startDate: '', endDate: '', estimateHours: 8 as number | string },
    validate: { title: (v) => (v.trim() ? null : 'Name the task') },
  });
  const submit = form.onSubmit((v) => create.mutate({
    title: v.title.trim(), description: v.description.trim() || null, kind: v.kind, phaseId: v.phaseId, ownerId: v.ownerId,
    startDate: v.startDate || undefined, endDate: v.endDate || undefined, estimateHours: Number(v.estimateHours || 0),
  }, { onSuccess: () => { notifySuccess('Task added.'); onClose(); }, onError: handleFormError(form, ['title', 'description', 'kind', 'phaseId', 'ownerId', 'startDate', 'endDate', 'estimateHours']) }));
  return (
    <Modal opened onClose={onClose} title="New task" size="lg">
      <form onSubmit={submit}>
        <Stack>
          <TextInput label="Title" required data-autofocus {...form.getInputProps('title')} />
          <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
          <SimpleGrid cols={2}>
            <Select label="Kind" allowDeselect={false} data={[{ value: 'adhoc', label: 'Ad hoc' }, { value: 'issue', label: 'Issue' }, { value: 'change', label: 'Change' }, { value: 'course_correction', label: 'Course correction' }]} {...form.getInputProps('kind')} />
            <Select label="Phase" clearable data={project.phases.map((p) => ({ value: p.id, label: p.name }))} {...form.getInputProps('phaseId')} />
            <Select label="Owner" clearable searchable data={userOptions(users)} {...form.getInputProps('ownerId')} />
            <NumberInput label="Estimate (h)" min={0} {...form.getInputProps('estimateHours')} />
            <TextInput type="date" label="Start" description="Default: today" {...form.getInputProps('startDate')} />
            <TextInput type="date" label="End" description="Default: from the estimate" {...form.getInputProps('endDate')} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={create.isPending}>Add task</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
